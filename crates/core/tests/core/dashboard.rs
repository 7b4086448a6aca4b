use chrono::{DateTime, NaiveDate, Utc};
use coalition_core::dashboard::{self, Dashboard, GroupStances};
use coalition_core::dossiers::{self, DossierInput};
use coalition_core::events::{self, EventInput, EventKind, EventStatus};
use coalition_core::interactions::{self, InteractionInput, InteractionKind};
use coalition_core::letters::{self, LetterInput, LetterStatus, SignatureInput, SignatureState};
use coalition_core::memberships::{self, MembershipStatus as M, MembershipTier, StatusChangeInput};
use coalition_core::policy::GroupCode;
use coalition_core::seats::{self, BodyKind, SeatRole, SeatTermInput};
use coalition_core::stances::{self, EvidenceKind, StanceInput, StanceLevel};
use coalition_core::{audit, ApiError, Store};

use super::interactions::person;
use super::stances::{mep, mep_with_status};
use super::{add, add_member, store};

const TODAY: &str = "2024-06-15";
const NOW: &str = "2024-06-15T10:00:00Z";

fn as_of(store: &Store) -> Dashboard {
    dashboard::get_as_of(
        store,
        NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap(),
        DateTime::parse_from_rfc3339(NOW).unwrap().with_timezone(&Utc),
    )
    .unwrap()
}

fn change(store: &Store, org: &str, status: M, on: &str) {
    memberships::change_status(store, org, StatusChangeInput { status, effective_on: on.into(), note: None }).unwrap();
}

/// (month, active, applied, suspended, withdrawn) for one month of the chart.
fn month(d: &Dashboard, month: &str) -> (u32, u32, u32, u32) {
    let m = d.membership.iter().find(|m| m.month == month).unwrap_or_else(|| panic!("no month {month}"));
    (m.active, m.applied, m.suspended, m.withdrawn)
}

#[test]
fn members_by_status_are_rebuilt_month_by_month_from_the_history() {
    let store = store();
    let a = add_member(&store, "Eurochild", "BE", M::Applied, MembershipTier::Full, "2023-01-10").organisation.id;
    let b = add_member(&store, "Thorn", "US", M::Active, MembershipTier::Full, "2023-03-01").organisation.id;
    let c = add_member(&store, "Child Focus", "BE", M::Active, MembershipTier::Full, "2024-02-29").organisation.id;
    let archived = add_member(&store, "Gone", "FR", M::Active, MembershipTier::Full, "2023-01-01").organisation.id;
    coalition_core::organisations::set_archived(&store, &archived, true).unwrap();
    change(&store, &a, M::Active, "2023-04-15");
    change(&store, &b, M::Suspended, "2024-01-31");
    change(&store, &b, M::Withdrawn, "2024-03-01");
    // Two changes on one day: the later recorded one counts.
    change(&store, &c, M::Suspended, "2024-05-10");
    change(&store, &c, M::Active, "2024-05-10");
    // A change after today is not counted yet.
    change(&store, &a, M::Suspended, "2024-06-20");
    // Histories that start before the chart: one ends in it, one is over before it.
    let old = add_member(&store, "Old Member", "NL", M::Active, MembershipTier::Full, "2019-05-01").organisation.id;
    change(&store, &old, M::Lapsed, "2022-09-01");
    let gone = add_member(&store, "Long Gone", "NL", M::Active, MembershipTier::Full, "2018-01-01").organisation.id;
    change(&store, &gone, M::Withdrawn, "2020-01-01");

    let d = as_of(&store);
    assert_eq!(d.today, TODAY);
    assert_eq!(d.membership.len(), 24);
    assert_eq!(d.membership.first().unwrap().month, "2022-07");
    assert_eq!(d.membership.last().unwrap().month, "2024-06");
    assert_eq!(month(&d, "2022-07"), (1, 0, 0, 1), "a member since 2019; one who left in 2020");
    assert_eq!(month(&d, "2022-08"), (1, 0, 0, 1));
    assert_eq!(month(&d, "2022-12"), (0, 0, 0, 1), "lapsed in September");
    assert_eq!(month(&d, "2023-01"), (0, 1, 0, 1), "Eurochild applied; the archived organisation is left out");
    assert_eq!(month(&d, "2023-03"), (1, 1, 0, 1));
    assert_eq!(month(&d, "2023-04"), (2, 0, 0, 1), "applied → active on 15 April");
    assert_eq!(month(&d, "2024-01"), (1, 0, 1, 1), "suspended on the month's last day counts for that month");
    assert_eq!(month(&d, "2024-02"), (2, 0, 1, 1), "Child Focus joined on 29 February");
    assert_eq!(month(&d, "2024-03"), (2, 0, 0, 2));
    assert_eq!(month(&d, "2024-05"), (2, 0, 0, 2), "suspended and reactivated the same day");
    assert_eq!(month(&d, "2024-06"), (2, 0, 0, 2), "the suspension on 20 June is after today");
    let lapsed: Vec<u32> = d.membership.iter().map(|m| m.lapsed).collect();
    assert_eq!(lapsed.iter().filter(|&&n| n == 1).count(), 22, "lapsed from September 2022 on");
    assert_eq!(d.membership.iter().map(|m| m.prospect).sum::<u32>(), 0);
}

#[test]
fn the_steering_group_today_leaves_out_ended_future_and_other_bodies() {
    let store = store();
    let ids: Vec<String> = ["Brave Movement", "ECPAT International", "Eurochild", "Thorn", "INHOPE"]
        .iter()
        .map(|n| add(&store, n, "BE").organisation.id)
        .collect();
    let term = |org: &str, kind: BodyKind, body: &str, role: SeatRole, from: &str, to: Option<&str>| SeatTermInput {
        body: body.into(),
        kind,
        role,
        organisation_id: Some(org.into()),
        person_id: None,
        starts_on: from.into(),
        ends_on: to.map(Into::into),
    };
    let sg = BodyKind::SteeringGroup;
    seats::add_term(&store, term(&ids[0], sg, "Steering group", SeatRole::Member, "2022-04-01", None)).unwrap();
    seats::add_term(&store, term(&ids[1], sg, "Steering group", SeatRole::Chair, "2023-01-01", Some("2024-06-15"))).unwrap();
    seats::add_term(&store, term(&ids[2], sg, "Steering group", SeatRole::Member, "2022-04-01", Some("2024-06-14"))).unwrap();
    seats::add_term(&store, term(&ids[3], sg, "Steering group", SeatRole::Member, "2024-06-16", None)).unwrap();
    seats::add_term(&store, term(&ids[4], BodyKind::WorkingGroup, "Tech working group", SeatRole::Lead, "2022-04-01", None)).unwrap();
    let holder = person(&store, "Heidi", "De Pauw");
    seats::add_term(
        &store,
        SeatTermInput { organisation_id: None, person_id: Some(holder), ..term("", sg, "Steering group", SeatRole::Member, "2024-01-01", None) },
    )
    .unwrap();

    let d = as_of(&store);
    let seen: Vec<(String, String)> = d
        .steering
        .iter()
        .map(|t| (t.role.to_string(), t.organisation_name.clone().or(t.person_name.clone()).unwrap()))
        .collect();
    assert_eq!(
        seen,
        [
            ("chair".to_string(), "ECPAT International".to_string()),
            ("member".to_string(), "Brave Movement".to_string()),
            ("member".to_string(), "Heidi De Pauw".to_string()),
        ],
        "the chair first; the term ending today counts; ended, future and working-group seats do not"
    );
}

fn event(store: &Store, reference: &str, starts: &str, ends: &str, status: EventStatus, capacity: Option<u32>) -> String {
    events::create(
        store,
        EventInput {
            reference: reference.into(),
            title: format!("Event {reference}"),
            kind: EventKind::Conference,
            status,
            time_zone: None,
            starts_at: starts.into(),
            ends_at: ends.into(),
            venue_name: Some("Résidence Palace".into()),
            venue_address: None,
            venue_room: None,
            online_link: None,
            capacity,
            organiser_ids: Vec::new(),
            notes: None,
        },
    )
    .unwrap()
    .event
    .id
}

fn participant(store: &Store, event: &str, person: &str, state: &str, counts: bool) {
    store
        .write(|c| {
            c.execute(
                "INSERT INTO event_participants (id, event_id, person_id, role, counts_for_capacity, state, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'guest', ?4, ?5, 'x', 'x')",
                rusqlite::params![coalition_core::store::new_id(), event, person, counts, state],
            )?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn upcoming_events_are_those_not_ended_soonest_first_with_seats_in_their_zone() {
    let store = store();
    event(&store, "past", "2024-06-01T09:00", "2024-06-01T17:00", EventStatus::Held, None);
    // Ends at 11:30 Brussels time = 09:30 UTC, before NOW.
    event(&store, "this-morning", "2024-06-15T09:00", "2024-06-15T11:30", EventStatus::Confirmed, None);
    let running = event(&store, "running", "2024-06-14T09:00", "2024-06-16T17:00", EventStatus::Confirmed, Some(2));
    event(&store, "cancelled", "2024-06-18T09:00", "2024-06-18T17:00", EventStatus::Cancelled, None);
    let winter = event(&store, "winter", "2024-12-03T14:00", "2024-12-03T16:00", EventStatus::Planning, None);
    for (n, day) in ["2024-06-20", "2024-07-01", "2024-09-10", "2025-01-15"].iter().enumerate() {
        event(&store, &format!("later-{n}"), &format!("{day}T10:00"), &format!("{day}T12:00"), EventStatus::Planning, None);
    }
    let people: Vec<String> = (0..5).map(|n| person(&store, "P", &format!("Person{n}"))).collect();
    participant(&store, &running, &people[0], "registered", true);
    participant(&store, &running, &people[1], "attended", true);
    participant(&store, &running, &people[2], "registered", false);
    participant(&store, &running, &people[3], "waitlisted", true);
    participant(&store, &running, &people[4], "invited", true);

    let d = as_of(&store);
    let refs: Vec<&str> = d.upcoming_events.iter().map(|e| e.reference.as_str()).collect();
    assert_eq!(refs, ["running", "later-0", "later-1", "later-2", "winter"]);
    let first = &d.upcoming_events[0];
    assert_eq!((first.registered, first.seats_taken, first.waitlisted, first.capacity), (3, 2, 1, Some(2)));
    assert_eq!(first.starts_at, "2024-06-14T09:00");
    assert_eq!(first.zone_label, "CEST");
    let w = d.upcoming_events.iter().find(|e| e.id == winter).unwrap();
    assert_eq!((w.zone_label.as_str(), w.time_zone.as_str(), w.registered), ("CET", "Europe/Brussels", 0));
}

fn task(store: &Store, title: &str, due: Option<&str>, done: bool, interaction: Option<&str>, event: Option<&str>, created: &str) {
    store
        .write(|c| {
            c.execute(
                "INSERT INTO tasks (id, interaction_id, event_id, title, due_on, done, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                rusqlite::params![coalition_core::store::new_id(), interaction, event, title, due, done, created],
            )?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn overdue_tasks_count_all_and_show_the_oldest_including_event_tasks() {
    let store = store();
    let meeting = interactions::create(
        &store,
        InteractionInput {
            kind: InteractionKind::Meeting,
            occurred_on: "2024-05-02".into(),
            subject: "Meeting with LIBE staff".into(),
            outcome: None,
            dossier_id: None,
            person_ids: vec![],
            organisation_ids: vec![add(&store, "Eurochild", "BE").organisation.id],
            tasks: vec![],
        },
    )
    .unwrap()
    .id;
    let conference = event(&store, "conf", "2024-07-01T09:00", "2024-07-01T17:00", EventStatus::Planning, None);
    task(&store, "Book the room", Some("2024-05-01"), false, None, Some(&conference), "2024-04-01T00:00:00Z");
    task(&store, "Send the minutes", Some("2024-05-03"), false, Some(&meeting), None, "2024-05-02T00:00:00Z");
    task(&store, "Done long ago", Some("2024-01-01"), true, None, None, "2024-01-01T00:00:00Z");
    task(&store, "Due today", Some(TODAY), false, None, None, "2024-06-01T00:00:00Z");
    task(&store, "Undated", None, false, None, None, "2024-06-01T00:00:00Z");
    for n in 0..5 {
        task(&store, &format!("Chase signatory {n}"), Some("2024-06-10"), false, None, None, &format!("2024-06-0{}T00:00:00Z", n + 1));
    }

    let d = as_of(&store);
    assert_eq!(d.overdue.total, 7);
    let titles: Vec<&str> = d.overdue.top.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Book the room", "Send the minutes", "Chase signatory 0", "Chase signatory 1", "Chase signatory 2"]);
    assert_eq!(d.overdue.top[0].event_title.as_deref(), Some("Event conf"));
    assert_eq!(d.overdue.top[1].interaction_subject.as_deref(), Some("Meeting with LIBE staff"));

    store.write(|c| Ok(c.execute("UPDATE tasks SET done = 1 WHERE done = 0", [])?)).unwrap();
    let none = as_of(&store).overdue;
    assert_eq!((none.total, none.top.len()), (0, 0));
}

#[test]
fn letters_collecting_signatures_come_with_their_counts_by_deadline() {
    let store = store();
    let orgs: Vec<String> = (0..5).map(|n| add(&store, &format!("Organisation {n}"), "BE").organisation.id).collect();
    let letter = |reference: &str, status: LetterStatus, deadline: Option<&str>| {
        letters::create(
            &store,
            LetterInput {
                reference: reference.into(),
                title: format!("Letter {reference}"),
                status: Some(status),
                deadline: deadline.map(Into::into),
                ..Default::default()
            },
        )
        .unwrap()
        .letter
        .id
    };
    let late = letter("late", LetterStatus::Collecting, Some("2024-09-01"));
    let soon = letter("soon", LetterStatus::Collecting, Some("2024-06-30"));
    letter("undated", LetterStatus::Collecting, None);
    letter("draft", LetterStatus::Drafting, Some("2024-06-20"));
    letter("done", LetterStatus::Published, None);
    let sign = |letter: &str, org: &str, state: SignatureState| {
        letters::sign(&store, letter, org, SignatureInput { state, ..Default::default() }).unwrap();
    };
    sign(&soon, &orgs[0], SignatureState::Signed);
    sign(&soon, &orgs[1], SignatureState::Signed);
    sign(&soon, &orgs[2], SignatureState::Invited);
    sign(&soon, &orgs[3], SignatureState::Declined);
    sign(&soon, &orgs[4], SignatureState::Invited);
    sign(&late, &orgs[0], SignatureState::Signed);

    let d = as_of(&store);
    assert_eq!(d.letters.total, 3);
    let refs: Vec<&str> = d.letters.letters.iter().map(|l| l.reference.as_str()).collect();
    assert_eq!(refs, ["soon", "late", "undated"]);
    let c = &d.letters.letters[0].counts;
    assert_eq!((c.signed, c.declined, c.silent), (2, 1, 2));
    assert_eq!(c.invited, letters::get(&store, &soon).unwrap().counts.invited, "the same counts as the letter's own");
    assert_eq!(d.letters.letters[1].counts.signed, 1);
    assert_eq!(d.letters.letters[2].counts.signed, 0);
}

fn stance(store: &Store, person: &str, dossier: &str, level: StanceLevel, on: &str) {
    stances::record(
        store,
        StanceInput {
            person_id: person.into(),
            dossier_id: dossier.into(),
            level,
            stated_on: Some(on.into()),
            evidence: Some(EvidenceKind::Meeting),
            source: None,
            vote_id: None,
            recorded_by: Some("Anna".into()),
        },
    )
    .unwrap();
}

fn dossier(store: &Store, reference: &str) -> String {
    dossiers::create(store, DossierInput { reference: reference.into(), short_title: format!("File {reference}"), lead_committee: None })
        .unwrap()
        .dossier
        .id
}

fn group(d: &[GroupStances], code: Option<GroupCode>) -> &GroupStances {
    d.iter().find(|g| g.group_code == code).unwrap_or_else(|| panic!("no group {code:?}"))
}

#[test]
fn the_stance_breakdown_counts_each_meps_latest_stance_by_group_on_the_main_dossier() {
    let store = store();
    assert!(as_of(&store).stances.dossier.is_none(), "no dossier, no main dossier");
    let csa = dossier(&store, "2022/0155(COD)");
    let other = dossier(&store, "2021/0999(COD)");
    assert_eq!(as_of(&store).stances.dossier.unwrap().id, other, "no stances yet: the newest dossier");

    let zarzalejos = mep(&store, 1, "Javier", "Zarzalejos", "EPP", "ES");
    let epp2 = mep(&store, 2, "Anna", "Example", "EPP", "DE");
    let vautmans = mep(&store, 3, "Hilde", "Vautmans", "Renew", "BE");
    let sippel = mep(&store, 4, "Birgit", "Sippel", "S&D", "DE");
    let gone = mep_with_status(&store, 5, "Old", "Member", "ECR", "PL", "outgoing");
    stance(&store, &zarzalejos, &csa, StanceLevel::Undecided, "2023-01-10");
    stance(&store, &zarzalejos, &csa, StanceLevel::Champion, "2023-05-10");
    // An older statement recorded later does not replace the latest one.
    stance(&store, &epp2, &csa, StanceLevel::Supportive, "2023-06-01");
    stance(&store, &epp2, &csa, StanceLevel::Opposed, "2022-12-01");
    stance(&store, &vautmans, &csa, StanceLevel::Supportive, "2023-03-20");
    stance(&store, &sippel, &csa, StanceLevel::Sceptical, "2023-02-01");
    stance(&store, &sippel, &csa, StanceLevel::Opposed, "2023-11-14");
    stance(&store, &gone, &csa, StanceLevel::Opposed, "2023-11-14");
    stance(&store, &vautmans, &other, StanceLevel::Opposed, "2023-11-14");

    let s = as_of(&store).stances;
    assert_eq!(s.dossier.as_ref().unwrap().id, csa, "the dossier with the most stances");
    assert!(!s.chosen);
    assert_eq!(s.dossiers.len(), 2);
    assert_eq!(s.total, 4, "the outgoing MEP is left out");
    let codes: Vec<Option<GroupCode>> = s.groups.iter().map(|g| g.group_code).collect();
    assert_eq!(codes, [Some(GroupCode::Epp), Some(GroupCode::SD), Some(GroupCode::Renew)], "the Parliament's order");
    let epp = group(&s.groups, Some(GroupCode::Epp));
    assert_eq!((epp.champion, epp.supportive, epp.opposed, epp.undecided), (1, 1, 0, 0));
    assert_eq!(group(&s.groups, Some(GroupCode::SD)).opposed, 1);
    assert_eq!(group(&s.groups, Some(GroupCode::SD)).sceptical, 0);
    assert_eq!(group(&s.groups, Some(GroupCode::Renew)).supportive, 1);

    // The picker's choice is kept, audited, and can be undone.
    let chosen = dashboard::set_main_dossier(&store, Some(&other)).unwrap();
    assert_eq!(chosen.dossier.as_ref().unwrap().id, other);
    assert!(chosen.chosen);
    assert_eq!((chosen.total, group(&chosen.groups, Some(GroupCode::Renew)).opposed), (1, 1));
    assert_eq!(as_of(&store).stances, chosen);
    let entries = store.read(|c| audit::for_entity(c, "setting", "dashboard.main_dossier")).unwrap();
    assert_eq!(entries.len(), 1);
    dashboard::set_main_dossier(&store, Some(&other)).unwrap();
    assert_eq!(store.read(|c| audit::for_entity(c, "setting", "dashboard.main_dossier")).unwrap().len(), 1, "no change, no entry");
    let back = dashboard::set_main_dossier(&store, None).unwrap();
    assert_eq!((back.dossier.unwrap().id, back.chosen), (csa, false));

    let error = ApiError::from(dashboard::set_main_dossier(&store, Some("nope")).unwrap_err());
    assert_eq!((error.code.as_str(), error.field.as_deref()), ("validation", Some("dossier_id")));
}

#[test]
fn the_latest_interactions_come_newest_first_with_their_participants() {
    let store = store();
    let eurochild = add(&store, "Eurochild", "BE").organisation.id;
    let heidi = person(&store, "Heidi", "De Pauw");
    let mie = person(&store, "Mié", "Kohiyama");
    let csa = dossier(&store, "2022/0155(COD)");
    let log = |date: &str, subject: &str, people: Vec<String>, orgs: Vec<String>, dossier: Option<String>| {
        interactions::create(
            &store,
            InteractionInput {
                kind: InteractionKind::Call,
                occurred_on: date.into(),
                subject: subject.into(),
                outcome: None,
                dossier_id: dossier,
                person_ids: people,
                organisation_ids: orgs,
                tasks: vec![],
            },
        )
        .unwrap();
    };
    for n in 1..=5 {
        log(&format!("2024-0{n}-01"), &format!("Call {n}"), vec![], vec![eurochild.clone()], None);
    }
    log("2024-06-10", "Briefing on the vote", vec![mie.clone(), heidi.clone()], vec![eurochild.clone()], Some(csa));
    log("2023-12-01", "Old call", vec![heidi], vec![], None);

    let d = as_of(&store);
    let subjects: Vec<&str> = d.interactions.iter().map(|i| i.subject.as_str()).collect();
    assert_eq!(subjects, ["Briefing on the vote", "Call 5", "Call 4", "Call 3", "Call 2"]);
    let names: Vec<&str> = d.interactions[0].participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Heidi De Pauw", "Mié Kohiyama", "Eurochild"], "people by family name, then organisations");
    assert_eq!(d.interactions[0].participants[2].organisation_id.as_deref(), Some(eurochild.as_str()));
    assert_eq!(d.interactions[0].dossier_reference.as_deref(), Some("2022/0155(COD)"));
    let names: Vec<&str> = d.interactions[1].participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Eurochild"]);
}

#[test]
fn an_empty_store_has_an_empty_dashboard() {
    let store = store();
    let d = as_of(&store);
    assert_eq!(d.membership.len(), 24);
    assert!(d.membership.iter().all(|m| m.active == 0 && m.applied == 0));
    assert!(d.steering.is_empty() && d.upcoming_events.is_empty() && d.interactions.is_empty());
    assert_eq!((d.overdue.total, d.letters.total, d.stances.total), (0, 0, 0));
    // The live entry point answers too.
    dashboard::get(&store).unwrap();
}
