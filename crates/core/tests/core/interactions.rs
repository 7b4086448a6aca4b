use chrono::{Duration, Local};
use coalition_core::interactions::{self, InteractionInput, InteractionKind, InteractionQuery, PartyKind, TaskInput, TaskQuery, TimelineQuery};
use coalition_core::{audit, ApiError, Store};

use super::{add, count, store};

fn day(offset: i64) -> String {
    (Local::now().date_naive() + Duration::days(offset)).format("%Y-%m-%d").to_string()
}

/// A person inserted with plain SQL, so that these tests do not hang on the people API.
pub fn person(store: &Store, given: &str, family: &str) -> String {
    use coalition_core::text::fold;
    let id = coalition_core::store::new_id();
    let family_key = format!("{} {}", fold(family), fold(given)).trim().to_string();
    store
        .write(|c| {
            c.execute(
                "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, archived, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                rusqlite::params![id, given, family, format!("{given} {family}"), family_key, fold(&format!("{given} {family}"))],
            )?;
            Ok(())
        })
        .unwrap();
    id
}


fn affiliate(store: &Store, person: &str, org: &str, ends_on: Option<&str>) {
    store
        .write(|c| {
            c.execute(
                "INSERT INTO affiliations (id, person_id, organisation_id, job_title, starts_on, ends_on, focal_point, created_at, updated_at)
                 VALUES (?1, ?2, ?3, NULL, '2020-01-01', ?4, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                rusqlite::params![coalition_core::store::new_id(), person, org, ends_on],
            )?;
            Ok(())
        })
        .unwrap();
}

fn meeting(date: &str, subject: &str, people: &[&str], orgs: &[&str]) -> InteractionInput {
    InteractionInput {
        kind: InteractionKind::Meeting,
        occurred_on: date.into(),
        subject: subject.into(),
        outcome: None,
        dossier_id: None,
        person_ids: people.iter().map(|s| s.to_string()).collect(),
        organisation_ids: orgs.iter().map(|s| s.to_string()).collect(),
        tasks: vec![],
    }
}

fn task(title: &str, owner: Option<&str>, due: Option<String>) -> TaskInput {
    TaskInput { title: title.into(), owner_person_id: owner.map(Into::into), due_on: due, ..Default::default() }
}

#[test]
fn validation_names_each_field_and_writes_nothing() {
    let store = store();
    let mut bad = meeting("2023-13-01", " ", &[], &[]);
    bad.tasks = vec![task("Send the position paper", None, None), task("", None, Some("tomorrow".into()))];
    let error = interactions::create(&store, bad).unwrap_err();
    let coalition_core::CoreError::Invalid(fields) = &error else { panic!("{error}") };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["occurred_on", "subject", "participants", "tasks.1.title", "tasks.1.due_on"]);
    assert_eq!(ApiError::from(&error).field.as_deref(), Some("occurred_on"));

    let unknown = interactions::create(&store, meeting("2023-03-20", "Lunch", &["nobody"], &[])).unwrap_err();
    assert_eq!(ApiError::from(unknown).message, "no person with id nobody");
    let heidi = person(&store, "Heidi", "De Pauw");
    let owner = interactions::create(
        &store,
        InteractionInput { tasks: vec![task("Call back", Some("ghost"), None)], ..meeting("2023-03-20", "Lunch", &[&heidi], &[]) },
    )
    .unwrap_err();
    assert_eq!(ApiError::from(owner).field.as_deref(), Some("tasks.0.owner_person_id"));
    assert_eq!(count(&store, "interactions"), 0);
    assert_eq!(count(&store, "tasks"), 0);
}

#[test]
fn create_update_delete_are_audited_and_edit_participants_and_tasks_together() {
    let store = store();
    let thorn = add(&store, "Thorn", "US").organisation.id;
    let mep = person(&store, "Javier", "Zarzalejos");
    let me = person(&store, "Mié", "Kohiyama");
    let mut input = meeting("2023-03-20", "First high-level event", &[&mep], &[&thorn]);
    input.outcome = Some("Supportive of detection orders".into());
    input.tasks = vec![task("Send the position paper", Some(&me), Some("2023-03-27".into())), task("", None, None)];
    let created = interactions::create(&store, input.clone()).unwrap();
    assert_eq!(created.participants.len(), 2);
    assert_eq!(created.participants[0].name, "Javier Zarzalejos", "people first");
    assert_eq!(created.participants[1].name, "Thorn");
    assert_eq!(created.tasks.len(), 1, "a blank task row is no task");
    assert_eq!(created.tasks[0].owner_name.as_deref(), Some("Mié Kohiyama"));

    // Edit: drop Thorn, keep the task but mark it done, add another task.
    let kept = created.tasks[0].id.clone();
    let mut edit = input.clone();
    edit.organisation_ids.clear();
    edit.tasks = vec![
        TaskInput { id: Some(kept.clone()), done: true, ..task("Send the position paper", Some(&me), Some("2023-03-27".into())) },
        task("Invite to the roundtable", None, None),
    ];
    let updated = interactions::update(&store, &created.id, edit.clone()).unwrap();
    assert_eq!(updated.participants.len(), 1);
    let done = updated.tasks.iter().find(|t| t.id == kept).unwrap();
    assert!(done.done);
    assert_eq!(done.done_on.as_deref(), Some(day(0).as_str()));
    assert_eq!(updated.tasks.len(), 2);

    // The same edit again (as the form sends it back, with the tasks' ids) writes nothing.
    let mut again = edit.clone();
    again.tasks = updated
        .tasks
        .iter()
        .map(|t| TaskInput {
            id: Some(t.id.clone()),
            title: t.title.clone(),
            owner_person_id: t.owner_person_id.clone(),
            due_on: t.due_on.clone(),
            done: t.done,
            notes: t.notes.clone(),
        })
        .collect();
    let before = store_conn_entries(&store, &created.id);
    let same = interactions::update(&store, &created.id, again).unwrap();
    assert_eq!(same.updated_at, updated.updated_at);
    assert_eq!(store_conn_entries(&store, &created.id), before);

    // A task of another interaction cannot be smuggled in.
    let other = interactions::create(&store, meeting("2023-04-01", "Call", &[&me], &[])).unwrap();
    let mut smuggle = meeting("2023-04-01", "Call", &[&me], &[]);
    smuggle.tasks = vec![TaskInput { id: Some(kept.clone()), ..task("Mine now", None, None) }];
    let error = ApiError::from(interactions::update(&store, &other.id, smuggle).unwrap_err());
    assert_eq!(error.field.as_deref(), Some("tasks.0.title"));

    interactions::delete(&store, &created.id).unwrap();
    assert!(interactions::get(&store, &created.id).is_err());
    assert_eq!(count(&store, "tasks"), 0, "its tasks go with it");
    let log = store_conn_entries(&store, &created.id);
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    assert_eq!(log[1].before.as_ref().unwrap()["participants"].as_array().unwrap().len(), 2);
    assert_eq!(log[1].after.as_ref().unwrap()["participants"].as_array().unwrap().len(), 1);
    assert_eq!(log[2].before.as_ref().unwrap()["subject"], "First high-level event");
}

fn store_conn_entries(store: &Store, id: &str) -> Vec<audit::AuditEntry> {
    store.read(|c| audit::for_entity(c, "interaction", id)).unwrap()
}

#[test]
fn the_log_is_paged_newest_first_and_filtered() {
    let store = store();
    let iwf = add(&store, "Internet Watch Foundation", "GB").organisation.id;
    let michael = person(&store, "Michael", "Tunks");
    for n in 1..=25 {
        let mut input = meeting(&format!("2023-01-{n:02}"), &format!("Briefing {n}"), &[&michael], &[]);
        if n % 5 == 0 {
            input.kind = InteractionKind::Call;
            input.organisation_ids.push(iwf.clone());
            input.outcome = Some("Agreed on the Ständige Vertretung".into());
        }
        interactions::create(&store, input).unwrap();
    }
    let page = interactions::list(&store, &InteractionQuery { limit: 10, ..Default::default() }).unwrap();
    assert_eq!(page.total, 25);
    assert_eq!(page.rows.len(), 10);
    assert_eq!(page.rows[0].occurred_on, "2023-01-25");
    assert_eq!(page.rows[0].participants.len(), 2, "each row comes with its participants");
    let next = interactions::list(&store, &InteractionQuery { offset: 20, limit: 10, ..Default::default() }).unwrap();
    assert_eq!(next.rows.len(), 5);
    assert_eq!(next.rows[4].occurred_on, "2023-01-01");

    let calls = interactions::list(&store, &InteractionQuery { kind: Some(InteractionKind::Call), ..Default::default() }).unwrap();
    assert_eq!(calls.total, 5);
    let org = interactions::list(&store, &InteractionQuery { organisation_id: Some(iwf.clone()), ..Default::default() }).unwrap();
    assert_eq!(org.total, 5);
    let range = interactions::list(
        &store,
        &InteractionQuery { from: Some("2023-01-10".into()), to: Some("2023-01-12".into()), ..Default::default() },
    )
    .unwrap();
    assert_eq!(range.rows.iter().map(|r| r.occurred_on.as_str()).collect::<Vec<_>>(), ["2023-01-12", "2023-01-11", "2023-01-10"]);
    let text = interactions::list(&store, &InteractionQuery { text: Some("vertretung".into()), ..Default::default() }).unwrap();
    assert_eq!(text.total, 5);
    let subject = interactions::list(&store, &InteractionQuery { text: Some("briefing 2".into()), ..Default::default() }).unwrap();
    assert_eq!(subject.total, 7, "2 and 20-25");
    let bad = interactions::list(&store, &InteractionQuery { from: Some("01/01/2023".into()), ..Default::default() }).unwrap_err();
    assert_eq!(ApiError::from(bad).field.as_deref(), Some("from"));
}

#[test]
fn timelines_of_a_person_and_of_an_organisation_through_its_current_people() {
    let store = store();
    let child_focus = add(&store, "Child Focus", "BE").organisation.id;
    let heidi = person(&store, "Heidi", "De Pauw");
    let former = person(&store, "Ann", "Former");
    let mep = person(&store, "Hilde", "Vautmans");
    affiliate(&store, &heidi, &child_focus, None);
    affiliate(&store, &former, &child_focus, Some("2021-12-31"));

    let direct = interactions::create(&store, meeting("2023-01-10", "Coalition meeting", &[], &[&child_focus])).unwrap();
    let via = interactions::create(
        &store,
        InteractionInput {
            tasks: vec![task("Send the figures", Some(&heidi), Some(day(-2)))],
            ..meeting("2023-03-20", "Meeting with MEP Vautmans", &[&heidi, &mep], &[])
        },
    )
    .unwrap();
    let gone = interactions::create(&store, meeting("2023-05-01", "Call with a former staffer", &[&former], &[])).unwrap();
    interactions::create(&store, meeting("2023-06-01", "Unrelated", &[&mep], &[])).unwrap();

    let org = interactions::timeline(&store, &TimelineQuery { organisation_id: Some(child_focus.clone()), ..Default::default() }).unwrap();
    let ids: Vec<&str> = org.rows.iter().map(|e| e.interaction.id.as_str()).collect();
    assert_eq!(ids, [via.id.as_str(), direct.id.as_str()], "newest first; a former staffer's calls are not the organisation's");
    assert!(!ids.contains(&gone.id.as_str()));
    assert_eq!(org.total, 2);
    assert_eq!(org.rows[0].via, ["Heidi De Pauw"]);
    assert!(org.rows[1].via.is_empty(), "the organisation took part itself");
    assert_eq!(org.open_tasks.len(), 1);
    assert!(org.open_tasks[0].overdue);

    let mep_line = interactions::timeline(&store, &TimelineQuery { person_id: Some(mep.clone()), limit: 1, ..Default::default() }).unwrap();
    assert_eq!(mep_line.total, 2);
    assert_eq!(mep_line.rows.len(), 1);
    assert_eq!(mep_line.rows[0].interaction.subject, "Unrelated");
    assert_eq!(mep_line.open_tasks.len(), 1, "the task of a meeting they attended");
    assert_eq!(mep_line.rows[0].interaction.participants[0].name, "Hilde Vautmans");

    let neither = interactions::timeline(&store, &TimelineQuery::default()).unwrap_err();
    assert_eq!(ApiError::from(neither).field.as_deref(), Some("timeline"));
    assert_eq!(ApiError::from(interactions::timeline(&store, &TimelineQuery { person_id: Some("x".into()), ..Default::default() }).unwrap_err()).code, "not_found");
}

#[test]
fn tasks_overdue_first_then_due_soon_then_undated_and_done_today() {
    let store = store();
    let heidi = person(&store, "Heidi", "De Pauw");
    let michael = person(&store, "Michael", "Tunks");
    let later = interactions::create_task(&store, task("Book the room", Some(&heidi), Some(day(10)))).unwrap();
    let undated = interactions::create_task(&store, task("Think about it", None, None)).unwrap();
    let overdue = interactions::create_task(&store, task("Send the minutes", Some(&michael), Some(day(-3)))).unwrap();
    let soon = interactions::create_task(&store, task("Call the rapporteur", Some(&heidi), Some(day(1)))).unwrap();
    let due_today = interactions::create_task(&store, task("Today", None, Some(day(0)))).unwrap();
    assert!(overdue.overdue && !due_today.overdue && !soon.overdue);
    assert!(overdue.interaction_id.is_none(), "a standalone task");

    let open = interactions::tasks(&store, &TaskQuery { done: Some(false), ..Default::default() }).unwrap();
    let order: Vec<&str> = open.rows.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(order, ["Send the minutes", "Today", "Call the rapporteur", "Book the room", "Think about it"]);
    assert_eq!(open.overdue, 1);
    assert_eq!(interactions::overdue_count(&store).unwrap(), 1);

    let done = interactions::set_task_done(&store, &overdue.id, true).unwrap();
    assert!(done.done && !done.overdue);
    assert_eq!(done.done_on.as_deref(), Some(day(0).as_str()));
    assert_eq!(interactions::overdue_count(&store).unwrap(), 0);
    let reopened = interactions::set_task_done(&store, &overdue.id, false).unwrap();
    assert_eq!(reopened.done_on, None);
    assert_eq!(interactions::overdue_count(&store).unwrap(), 1);

    let mine = interactions::tasks(&store, &TaskQuery { owner_person_id: Some(heidi.clone()), ..Default::default() }).unwrap();
    assert_eq!(mine.rows.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), [soon.id.as_str(), later.id.as_str()]);
    let late = interactions::tasks(&store, &TaskQuery { overdue: true, ..Default::default() }).unwrap();
    assert_eq!(late.total, 1);
    assert_eq!(late.rows[0].owner_name.as_deref(), Some("Michael Tunks"));

    let edited = interactions::update_task(&store, &undated.id, task("Think harder", Some(&michael), Some(day(-1)))).unwrap();
    assert!(edited.overdue);
    let bad = interactions::update_task(&store, &undated.id, task(" ", None, Some("2023-02-30".into()))).unwrap_err();
    let coalition_core::CoreError::Invalid(fields) = bad else { panic!() };
    assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["title", "due_on"]);
    let log = store.read(|c| audit::for_entity(c, "task", &overdue.id)).unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "done", "reopen"]);
}

#[test]
fn pickers_find_people_and_organisations_by_folded_prefix() {
    let store = store();
    add(&store, "Internet Watch Foundation", "GB");
    let ecpat = coalition_core::organisations::create(
        &store,
        coalition_core::organisations::NewOrganisation {
            organisation: coalition_core::organisations::OrganisationInput { short_name: Some("ECPAT".into()), ..super::input("ECPAT International", "TH") },
            membership: None,
        },
    )
    .unwrap();
    let mie = person(&store, "Mié", "Kohiyama");
    person(&store, "Michael", "Tunks");
    person(&store, "Heidi", "De Pauw");

    let hits = interactions::search_parties(&store, "MIE", false, 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].kind, hits[0].id.as_str()), (PartyKind::Person, mie.as_str()));
    let by_family = interactions::search_parties(&store, "kohi", false, 10).unwrap();
    assert_eq!(by_family[0].name, "Mié Kohiyama");
    let mi = interactions::search_parties(&store, "mi", false, 10).unwrap();
    assert_eq!(mi.len(), 2, "Mié and Michael");
    let orgs = interactions::search_parties(&store, "ecp", false, 10).unwrap();
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].id, ecpat.organisation.id);
    assert_eq!(orgs[0].detail.as_deref(), Some("ECPAT · TH"));
    assert!(interactions::search_parties(&store, "inter", true, 10).unwrap().is_empty(), "people only");
    assert_eq!(interactions::search_parties(&store, "", false, 2).unwrap().len(), 4, "two of each when nothing is typed");

    assert_eq!(interactions::resolve_person(&store, "mie KOHIYAMA").unwrap(), mie);
    assert_eq!(interactions::resolve_person(&store, &mie).unwrap(), mie);
    person(&store, "Mie", "Kohiyama");
    let twice = ApiError::from(interactions::resolve_person(&store, "Mié Kohiyama").unwrap_err());
    assert!(twice.message.contains("names several people"), "{}", twice.message);
}

#[test]
fn an_interaction_may_be_about_a_dossier() {
    let store = store();
    let mep = person(&store, "Javier", "Zarzalejos");
    store
        .write(|c| {
            c.execute(
                "INSERT INTO dossiers (id, reference, short_title, lead_committee, created_at, updated_at)
                 VALUES ('d1', '2022/0155(COD)', 'CSA Regulation', 'LIBE', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let about = interactions::create(&store, InteractionInput { dossier_id: Some("d1".into()), ..meeting("2023-11-14", "LIBE vote", &[&mep], &[]) }).unwrap();
    assert_eq!(about.dossier_reference.as_deref(), Some("2022/0155(COD)"));
    assert_eq!(interactions::dossier_choices(&store).unwrap()[0].short_title, "CSA Regulation");
    let unknown = interactions::create(&store, InteractionInput { dossier_id: Some("nope".into()), ..meeting("2023-11-14", "X", &[&mep], &[]) }).unwrap_err();
    assert_eq!(ApiError::from(unknown).field.as_deref(), Some("dossier_id"));
}
