use coalition_core::events::{self, EventInput, EventKind, EventStatus};
use coalition_core::history;
use coalition_core::interactions::{self, InteractionInput, InteractionKind};
use coalition_core::organisations;
use coalition_core::people::{self, AffiliationInput, NewPerson, PersonInput};
use coalition_core::profile::{self, Profile};
use coalition_core::{CoreError, Store};
use serde_json::json;

use super::{add, count, input, store};

fn person(store: &Store, given: &str, family: &str, org: Option<&str>) -> String {
    let input = PersonInput { given_name: given.into(), family_name: family.into(), ..Default::default() };
    let affiliation = org.map(|id| AffiliationInput { organisation_id: id.into(), ..Default::default() });
    people::create(store, NewPerson { person: input, affiliation }).unwrap().person.id
}

fn interaction(subject: &str, person_ids: Vec<String>, organisation_ids: Vec<String>) -> InteractionInput {
    InteractionInput {
        kind: InteractionKind::Meeting,
        occurred_on: "2024-05-01".into(),
        subject: subject.into(),
        outcome: None,
        dossier_id: None,
        person_ids,
        organisation_ids,
        tasks: vec![],
    }
}

fn set_profile(store: &Store, name: &str) {
    profile::set(store, Profile { name: Some(name.into()), initials: Some("AL".into()) }).unwrap();
}

fn conflict(err: CoreError) -> String {
    match err {
        CoreError::Conflict(message) => message,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn history_shows_field_level_changes_newest_first_with_the_actor() {
    let store = store();
    set_profile(&store, "Ana Lopes");
    let org = add(&store, "Eurochild", "BE").organisation;
    let mut edit = input("Eurochild", "BE");
    edit.website = Some("www.eurochild.org".into());
    organisations::update(&store, &org.id, edit).unwrap();
    set_profile(&store, "Bo Berg");
    organisations::set_archived(&store, &org.id, true).unwrap();

    let page = history::for_record(&store, "organisation", &org.id, 0, 50).unwrap();
    assert_eq!(page.total, 3);
    let actions: Vec<&str> = page.entries.iter().map(|e| e.entry.action.as_str()).collect();
    assert_eq!(actions, ["archive", "update", "create"]);
    let update = &page.entries[1].entry;
    assert_eq!(update.before, Some(json!({"website": null})));
    assert_eq!(update.after, Some(json!({"website": "https://www.eurochild.org"})));
    assert_eq!(update.actor.as_deref(), Some("Ana Lopes"));
    assert_eq!(page.entries[0].entry.actor.as_deref(), Some("Bo Berg"));
    assert!(page.entries.iter().all(|e| e.undoable));

    let second = history::for_record(&store, "organisation", &org.id, 1, 1).unwrap();
    assert_eq!(second.total, 3);
    assert_eq!(second.entries.len(), 1);
    assert_eq!(second.entries[0].entry.seq, update.seq);
}

#[test]
fn child_records_show_in_their_parents_history() {
    let store = store();
    let org = add(&store, "Eurochild", "BE").organisation;
    let ana = person(&store, "Ana", "Lopes", Some(&org.id));
    let affiliation = store
        .read(|c| Ok(c.query_row("SELECT id FROM affiliations WHERE person_id = ?1", [&ana], |r| r.get::<_, String>(0))?))
        .unwrap();
    people::update_affiliation(&store, &affiliation, AffiliationInput { organisation_id: org.id.clone(), job_title: Some("Director".into()), ..Default::default() }).unwrap();
    let meeting = interactions::create(&store, interaction("Briefing", vec![ana.clone()], vec![])).unwrap();

    let org_history = history::for_record(&store, "organisation", &org.id, 0, 50).unwrap();
    let kinds: Vec<(String, String)> = org_history.entries.iter().map(|e| (e.entry.entity.clone(), e.entry.action.clone())).collect();
    // the affiliation's update carries only the job title, yet it belongs to the organisation
    assert!(kinds.contains(&("affiliation".into(), "update".into())), "{kinds:?}");
    assert!(kinds.contains(&("affiliation".into(), "create".into())));

    let person_history = history::for_record(&store, "person", &ana, 0, 50).unwrap();
    let entities: Vec<&str> = person_history.entries.iter().map(|e| e.entry.entity.as_str()).collect();
    assert_eq!(entities[0], "interaction");
    assert!(entities.contains(&"affiliation") && entities.contains(&"person"));
    assert!(!history::for_record(&store, "interaction", &meeting.id, 0, 10).unwrap().entries.is_empty());
}

#[test]
fn undo_restores_an_update_and_is_itself_audited() {
    let store = store();
    let org = add(&store, "Eurochild", "BE").organisation;
    let mut edit = input("Eurochild", "BE");
    edit.phone = Some("+32 2 511 70 83".into());
    organisations::update(&store, &org.id, edit).unwrap();
    let seq = history::for_record(&store, "organisation", &org.id, 0, 1).unwrap().entries[0].entry.seq;

    let report = history::undo(&store, seq).unwrap();
    assert_eq!(report.undone_seq, seq);
    assert_eq!(organisations::get(&store, &org.id).unwrap().organisation.phone, None);

    let page = history::for_record(&store, "organisation", &org.id, 0, 10).unwrap();
    let undo = &page.entries[0];
    assert_eq!(undo.entry.action, "undo");
    assert_eq!(undo.entry.undo_of, Some(seq));
    assert_eq!(undo.entry.before, Some(json!({"phone": "+32 2 511 70 83"})));
    assert_eq!(undo.entry.after, Some(json!({"phone": null})));
    assert_eq!(page.entries[1].undone_by, Some(report.audit_seq));
    assert!(!page.entries[1].undoable);

    // twice is refused, naming the undo
    let message = conflict(history::undo(&store, seq).unwrap_err());
    assert!(message.contains("already undone") && message.contains(&format!("entry {}", report.audit_seq)), "{message}");

    // undoing the undo puts the phone back
    history::undo(&store, report.audit_seq).unwrap();
    assert_eq!(organisations::get(&store, &org.id).unwrap().organisation.phone.as_deref(), Some("+32 2 511 70 83"));
}

#[test]
fn undo_is_refused_when_a_later_change_depends_on_it_and_names_it() {
    let store = store();
    set_profile(&store, "Ana Lopes");
    let org = add(&store, "Eurochild", "BE").organisation;
    let mut edit = input("Eurochild", "BE");
    edit.website = Some("www.eurochild.org".into());
    organisations::update(&store, &org.id, edit.clone()).unwrap();
    let first = history::for_record(&store, "organisation", &org.id, 0, 1).unwrap().entries[0].entry.seq;
    set_profile(&store, "Bo Berg");
    edit.website = Some("https://eurochild.eu".into());
    organisations::update(&store, &org.id, edit).unwrap();
    let second = history::for_record(&store, "organisation", &org.id, 0, 1).unwrap().entries[0].entry.seq;

    let before = count(&store, "audit_log");
    let message = conflict(history::undo(&store, first).unwrap_err());
    assert!(message.contains("website"), "{message}");
    assert!(message.contains(&format!("entry {second}")) && message.contains("Bo Berg"), "{message}");
    assert_eq!(count(&store, "audit_log"), before);

    // an unrelated field changed later does not block it
    let mut other = input("Eurochild", "BE");
    other.website = Some("https://eurochild.eu".into());
    other.notes = Some("Brussels office".into());
    organisations::update(&store, &org.id, other).unwrap();
    history::undo(&store, second).unwrap();
    let now = organisations::get(&store, &org.id).unwrap().organisation;
    assert_eq!(now.website.as_deref(), Some("https://www.eurochild.org"));
    assert_eq!(now.notes.as_deref(), Some("Brussels office"));
}

#[test]
fn undo_of_a_create_removes_the_record_unless_something_refers_to_it() {
    let store = store();
    let lonely = add(&store, "Lonely NGO", "FR").organisation;
    let seq = history::for_record(&store, "organisation", &lonely.id, 0, 1).unwrap().entries[0].entry.seq;
    history::undo(&store, seq).unwrap();
    assert!(organisations::get(&store, &lonely.id).is_err());

    let busy = add(&store, "Busy NGO", "FR").organisation;
    let seq = history::for_record(&store, "organisation", &busy.id, 0, 1).unwrap().entries[0].entry.seq;
    person(&store, "Ana", "Lopes", Some(&busy.id));
    let message = conflict(history::undo(&store, seq).unwrap_err());
    assert!(message.contains("affiliation create"), "{message}");
    assert!(organisations::get(&store, &busy.id).is_ok());
}

#[test]
fn undo_last_steps_back_through_changes() {
    let store = store();
    let org = add(&store, "Eurochild", "BE").organisation;
    organisations::set_archived(&store, &org.id, true).unwrap();
    let report = history::undo_last(&store).unwrap();
    assert_eq!(report.action, "archive");
    assert!(!organisations::get(&store, &org.id).unwrap().organisation.archived);
    // the next one removes the organisation created first
    let report = history::undo_last(&store).unwrap();
    assert_eq!(report.action, "create");
    assert!(organisations::get(&store, &org.id).is_err());
    assert!(matches!(history::undo_last(&store), Err(CoreError::Conflict(_))));
}

fn event(store: &Store, organisers: Vec<String>) -> String {
    events::create(
        store,
        EventInput {
            reference: "hle".into(),
            title: "High-level event".into(),
            kind: EventKind::Conference,
            status: EventStatus::Planning,
            time_zone: None,
            starts_at: "2026-03-20 09:00".into(),
            ends_at: "2026-03-20 13:00".into(),
            venue_name: None,
            venue_address: None,
            venue_room: None,
            online_link: None,
            capacity: None,
            organiser_ids: organisers,
            notes: None,
        },
    )
    .unwrap()
    .event
    .id
}

#[test]
fn merge_moves_interactions_affiliations_and_events_then_undo_moves_them_back() {
    let store = store();
    let keep = add(&store, "Missing Children Europe", "BE").organisation;
    let drop = add(&store, "Missing Children Europe AISBL", "BE").organisation;
    let ana = person(&store, "Ana", "Lopes", Some(&drop.id));
    interactions::create(&store, interaction("Both", vec![], vec![keep.id.clone(), drop.id.clone()])).unwrap();
    interactions::create(&store, interaction("Only the dropped one", vec![], vec![drop.id.clone()])).unwrap();
    let event_id = event(&store, vec![keep.id.clone(), drop.id.clone()]);
    store
        .write(|c| {
            c.execute(
                "INSERT INTO event_participants (id, event_id, person_id, organisation_id, role, state, created_at, updated_at)
                 VALUES ('p1', ?1, ?2, ?3, 'guest', 'registered', 'x', 'x')",
                [&event_id, &ana, &drop.id],
            )?;
            Ok(())
        })
        .unwrap();
    let refs = |id: &str| -> Vec<i64> {
        ["affiliations", "interaction_participants", "event_organisers", "event_participants"]
            .iter()
            .map(|t| store.read(|c| Ok(c.query_row(&format!("SELECT count(*) FROM {t} WHERE organisation_id = ?1"), [id], |r| r.get(0))?)).unwrap())
            .collect()
    };
    assert_eq!(refs(&drop.id), [1, 2, 1, 1]);
    assert_eq!(refs(&keep.id), [0, 1, 1, 0]);

    let report = organisations::merge(&store, &keep.id, &drop.id).unwrap();
    assert_eq!(refs(&keep.id), [1, 2, 1, 1]); // the shared interaction and event are not doubled
    assert_eq!(count(&store, "interaction_participants"), 2);

    // routed through history::undo, the merge is undone and every row goes back
    history::undo(&store, report.audit_seq).unwrap();
    assert_eq!(refs(&drop.id), [1, 2, 1, 1]);
    assert_eq!(refs(&keep.id), [0, 1, 1, 0]);
    let page = history::for_record(&store, "organisation", &keep.id, 0, 1).unwrap();
    assert_eq!(page.entries[0].entry.action, "unmerge");
    assert_eq!(page.entries[0].entry.undo_of, Some(report.audit_seq));
}

#[test]
fn a_person_update_is_undone() {
    let store = store();
    let ana = person(&store, "Ana", "Lopes", None);
    let mut edit = PersonInput { given_name: "Ana".into(), family_name: "Lopes".into(), ..Default::default() };
    edit.notes = Some("Met in Brussels".into());
    people::update(&store, &ana, edit).unwrap();
    history::undo_last(&store).unwrap();
    assert_eq!(people::get(&store, &ana).unwrap().notes, None);
    assert_eq!(profile::get(&store).unwrap(), Profile::default());
}

#[test]
fn letter_and_event_updates_are_undone_and_an_interaction_created_by_mistake_is_removed() {
    use coalition_core::letters::{self, LetterInput};
    let store = store();
    let letter = letters::create(&store, LetterInput { reference: "open-letter".into(), title: "Open letter".into(), ..Default::default() })
        .unwrap()
        .letter;
    letters::update(&store, &letter.id, LetterInput { reference: "open-letter".into(), title: "Open letter to MEPs".into(), ..Default::default() }).unwrap();
    history::undo_last(&store).unwrap();
    assert_eq!(letters::get(&store, &letter.id).unwrap().letter.title, "Open letter");

    let org = add(&store, "Eurochild", "BE").organisation;
    let event_id = event(&store, vec![org.id.clone()]);
    let mut input = events::get(&store, &event_id).unwrap().event;
    let edit = EventInput {
        reference: input.reference.clone(),
        title: "High-level event on the CSA regulation".into(),
        kind: input.kind,
        status: input.status,
        time_zone: Some(input.time_zone.clone()),
        starts_at: input.starts_at.replace('T', " "),
        ends_at: input.ends_at.replace('T', " "),
        venue_name: Some("Résidence Palace".into()),
        venue_address: None,
        venue_room: None,
        online_link: None,
        capacity: Some(120),
        organiser_ids: vec![],
        notes: None,
    };
    events::update(&store, &event_id, edit).unwrap();
    let report = history::undo_last(&store).unwrap();
    assert_eq!((report.entity.as_str(), report.action.as_str()), ("event", "update"));
    input = events::get(&store, &event_id).unwrap().event;
    assert_eq!(input.title, "High-level event");
    assert_eq!(input.venue_name, None);
    assert_eq!(input.capacity, None);
    assert_eq!(input.organisers.iter().map(|o| o.organisation_id.clone()).collect::<Vec<_>>(), vec![org.id.clone()]);

    let meeting = interactions::create(&store, interaction("Wrong meeting", vec![], vec![org.id.clone()])).unwrap();
    let report = history::undo_last(&store).unwrap();
    assert_eq!((report.entity.as_str(), report.action.as_str()), ("interaction", "create"));
    assert!(interactions::get(&store, &meeting.id).is_err());
    // the removal is in the organisation's history, as the undo of the create
    let page = history::for_record(&store, "organisation", &org.id, 0, 5).unwrap();
    assert_eq!(page.entries[0].entry.action, "undo");
    assert_eq!(page.entries[0].entry.undo_of, Some(report.undone_seq));
    assert!(!page.entries[0].undoable);
    // and a removal is not brought back
    assert!(conflict(history::undo(&store, report.audit_seq).unwrap_err()).contains("cannot be brought back"));
}

#[test]
fn entries_written_before_migration_9_are_linked_to_their_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        coalition_core::search::register_functions(&conn).unwrap();
        coalition_core::store::migrations().to_version(&mut conn, 8).unwrap();
        conn.execute_batch(
            r#"INSERT INTO audit_log (at, entity, entity_id, action, before, after) VALUES
               ('2024-01-01T00:00:00.000Z', 'signature', 's1', 'create', NULL, '{"letter_id":"l1","organisation_id":"o1","state":"invited"}'),
               ('2024-01-02T00:00:00.000Z', 'signature', 's1', 'update', '{"state":"invited"}', '{"state":"signed"}'),
               ('2024-01-03T00:00:00.000Z', 'interaction', 'i1', 'create', NULL, '{"subject":"x","participants":[{"person_id":"p1","organisation_id":null,"name":"Ana"}]}'),
               ('2024-01-04T00:00:00.000Z', 'membership', 'o1', 'create', NULL, '{"status":"active"}');"#,
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let letter = history::for_record(&store, "letter", "l1", 0, 10).unwrap();
    assert_eq!(letter.entries.iter().map(|e| e.entry.action.as_str()).collect::<Vec<_>>(), ["update", "create"]);
    let org = history::for_record(&store, "organisation", "o1", 0, 10).unwrap();
    assert_eq!(org.total, 3);
    let person = history::for_record(&store, "person", "p1", 0, 10).unwrap();
    assert_eq!(person.entries[0].entry.entity, "interaction");
    assert_eq!(person.entries[0].entry.actor, None);
}
