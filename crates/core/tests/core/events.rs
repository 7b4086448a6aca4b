use chrono::{DateTime, Duration};
use coalition_core::events::{
    self, EventInput, EventKind, EventQuery, EventStatus, EventTaskInput, InviteTarget, ParticipantInput, ParticipantQuery,
    ParticipantRole, ParticipantState as S, ProgrammeIssueKind, SessionInput, SessionKind, SpeakerInput, SpeakerRole,
    SpeakerState,
};
use coalition_core::memberships::{MembershipStatus, MembershipTier};
use coalition_core::people::{AffiliationInput, EmailLabel, LabelledEmail, NewPerson, PersonInput};
use coalition_core::{ApiError, Store};

use super::{add_member, count, store};

fn event_input(reference: &str, starts: &str, ends: &str) -> EventInput {
    EventInput {
        reference: reference.into(),
        title: format!("Event {reference}"),
        kind: EventKind::Conference,
        status: EventStatus::Planning,
        time_zone: None,
        starts_at: starts.into(),
        ends_at: ends.into(),
        venue_name: Some("Résidence Palace".into()),
        venue_address: None,
        venue_room: None,
        online_link: None,
        capacity: None,
        organiser_ids: Vec::new(),
        notes: None,
    }
}

fn create(store: &Store, input: EventInput) -> String {
    events::create(store, input).expect("event created").event.id
}

fn refused(result: coalition_core::Result<impl std::fmt::Debug>) -> ApiError {
    ApiError::from(result.expect_err("refused"))
}

fn person(store: &Store, given: &str, family: &str, email: Option<&str>, affiliation: Option<(&str, bool)>) -> String {
    let input = PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        emails: email.map(|e| vec![LabelledEmail { label: EmailLabel::Work, email: e.into() }]).unwrap_or_default(),
        ..Default::default()
    };
    let affiliation = affiliation.map(|(org, focal_point)| AffiliationInput {
        organisation_id: org.into(),
        focal_point,
        ..Default::default()
    });
    coalition_core::people::create(store, NewPerson { person: input, affiliation }).expect("person created").person.id
}

/// An MEP written straight into the store (the policy module's own API is tested there).
fn mep(store: &Store, given: &str, family: &str, ep_id: i64, group: &str, committee: Option<&str>) -> String {
    let id = person(store, given, family, None, None);
    store
        .write(|c| {
            c.execute(
                "INSERT INTO policy_makers (person_id, office, institution, ep_id, group_code, mep_status, created_at, updated_at)
                 VALUES (?1, 'mep', 'European Parliament', ?2, ?3, 'current', '2024-01-01', '2024-01-01')",
                rusqlite::params![id, ep_id, group],
            )?;
            if let Some(code) = committee {
                c.execute(
                    "INSERT INTO committee_memberships (id, person_id, committee_code, role, starts_on, created_at, updated_at)
                     VALUES (?1, ?2, ?3, 'member', '2024-07-16', '2024-01-01', '2024-01-01')",
                    rusqlite::params![format!("cm-{id}"), id, code],
                )?;
            }
            Ok(())
        })
        .unwrap();
    id
}

fn participant_of(store: &Store, event: &str, person: &str) -> String {
    events::participants(store, event, &ParticipantQuery { include_needs: false, ..Default::default() })
        .unwrap()
        .rows
        .into_iter()
        .find(|p| p.person_id == person)
        .expect("participant")
        .id
}

#[test]
fn an_event_across_the_spring_change_lasts_thirteen_hours() {
    let store = store();
    let detail = events::create(&store, event_input("night-of-change", "2026-03-28 20:00", "2026-03-29T10:00")).unwrap();
    let event = detail.event;
    assert_eq!(event.time_zone, "Europe/Brussels");
    assert_eq!(event.starts_at, "2026-03-28T20:00");
    assert_eq!(event.ends_at, "2026-03-29T10:00");
    assert_eq!(event.starts_utc, "2026-03-28T19:00:00Z");
    assert_eq!(event.ends_utc, "2026-03-29T08:00:00Z");
    let length = DateTime::parse_from_rfc3339(&event.ends_utc).unwrap() - DateTime::parse_from_rfc3339(&event.starts_utc).unwrap();
    assert_eq!(length, Duration::hours(13));
    assert_eq!(event.zone_label, "CET");

    // The same wall-clock times in summer, and in another zone.
    let summer = events::create(&store, event_input("summer", "2026-07-01 09:30", "2026-07-01 13:00")).unwrap().event;
    assert_eq!(summer.starts_utc, "2026-07-01T07:30:00Z");
    assert_eq!(summer.zone_label, "CEST");
    let lisbon = EventInput { time_zone: Some("Europe/Lisbon".into()), ..event_input("lisbon", "2026-07-01 09:30", "2026-07-01 13:00") };
    assert_eq!(events::create(&store, lisbon).unwrap().event.starts_utc, "2026-07-01T08:30:00Z");
}

#[test]
fn a_time_in_the_skipped_hour_is_refused_and_a_repeated_one_takes_the_earlier_instant() {
    let store = store();
    let gap = refused(events::create(&store, event_input("gap", "2026-03-29 02:30", "2026-03-29 10:00")));
    assert_eq!(gap.field.as_deref(), Some("starts_at"));
    assert!(gap.message.contains("2026-03-29 02:30 does not exist in Europe/Brussels"), "{}", gap.message);
    let autumn = events::create(&store, event_input("autumn", "2026-10-25 02:30", "2026-10-25 04:00")).unwrap().event;
    assert_eq!(autumn.starts_utc, "2026-10-25T00:30:00Z");
    assert_eq!(autumn.ends_utc, "2026-10-25T03:00:00Z");
    assert_eq!(count(&store, "events"), 1);
}

#[test]
fn events_are_validated_field_by_field() {
    let store = store();
    let org = add_member(&store, "Eurochild", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-04-01").organisation.id;
    let check = |input: EventInput, field: &str, words: &str| {
        let error = refused(events::create(&store, input));
        assert_eq!(error.field.as_deref(), Some(field), "{}", error.message);
        assert!(error.message.contains(words), "{}", error.message);
    };
    check(event_input("Bad Ref!", "2026-05-01 09:00", "2026-05-01 10:00"), "reference", "lower-case letters");
    check(EventInput { title: "  ".into(), ..event_input("x-1", "2026-05-01 09:00", "2026-05-01 10:00") }, "title", "required");
    check(
        EventInput { time_zone: Some("Europe/Bruxelles".into()), ..event_input("x-1", "2026-05-01 09:00", "2026-05-01 10:00") },
        "time_zone",
        "not a time zone",
    );
    check(event_input("x-1", "1 May 2026", "2026-05-01 10:00"), "starts_at", "2023-03-20 09:30");
    check(event_input("x-1", "2026-05-01 10:00", "2026-05-01 09:00"), "ends_at", "must come after the start");
    check(EventInput { capacity: Some(0), ..event_input("x-1", "2026-05-01 09:00", "2026-05-01 10:00") }, "capacity", "at least 1");
    check(
        EventInput { online_link: Some("http://meet.example.org/x".into()), ..event_input("x-1", "2026-05-01 09:00", "2026-05-01 10:00") },
        "online_link",
        "https",
    );
    check(
        EventInput { organiser_ids: vec!["nope".into()], ..event_input("x-1", "2026-05-01 09:00", "2026-05-01 10:00") },
        "organiser_ids",
        "no organisation",
    );
    let ok = events::create(
        &store,
        EventInput { organiser_ids: vec![org.clone()], ..event_input("X-1", "2026-05-01 09:00", "2026-05-01 10:00") },
    )
    .unwrap();
    assert_eq!(ok.event.reference, "x-1");
    assert_eq!(ok.event.organisers[0].name, "Eurochild");
    check(event_input("x-1", "2026-06-01 09:00", "2026-06-01 10:00"), "reference", "already used by \"Event X-1\"");

    // Editing: the audit log says what changed, from what, to what.
    let id = ok.event.id;
    let moved = EventInput { organiser_ids: vec![org], ..event_input("x-1", "2026-05-02 09:00", "2026-05-02 10:00") };
    events::update(&store, &id, moved.clone()).unwrap();
    events::update(&store, &id, moved).unwrap();
    let log = store.read(|c| coalition_core::audit::for_entity(c, "event", &id)).unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "update"]);
    assert_eq!(log[1].before.as_ref().unwrap()["starts_at"], "2026-05-01T09:00");
    assert_eq!(log[1].after.as_ref().unwrap()["starts_at"], "2026-05-02T09:00");
}

#[test]
fn capacity_counts_seats_and_a_decline_promotes_the_first_on_the_waitlist() {
    let store = store();
    let event = create(&store, EventInput { capacity: Some(2), ..event_input("full", "2099-05-01 09:00", "2099-05-01 12:00") });
    let [a, b, c, d, staff] = ["Adams", "Baker", "Clark", "Dubois", "Staffer"].map(|n| person(&store, "Pat", n, None, None));
    events::invite(&store, &event, InviteTarget::People { person_ids: vec![a.clone(), b.clone(), c.clone(), d.clone(), staff.clone()] })
        .unwrap();
    let [pa, pb, pc, pd, ps] = [&a, &b, &c, &d, &staff].map(|p| participant_of(&store, &event, p));
    // Staff marked as not taking a seat.
    events::participant_update(
        &store,
        &ps,
        ParticipantInput {
            role: ParticipantRole::Staff,
            counts_for_capacity: false,
            organisation_id: None,
            dietary_needs: None,
            access_needs: None,
            notes: None,
        },
    )
    .unwrap();
    assert_eq!(events::set_state(&store, &pa, S::Registered).unwrap().participant.state, S::Registered);
    assert_eq!(events::set_state(&store, &ps, S::Registered).unwrap().participant.state, S::Registered);
    let second = events::set_state(&store, &pb, S::Registered).unwrap();
    assert_eq!(second.participant.state, S::Registered);
    assert_eq!(second.counts.seats_taken, 2);
    assert_eq!(second.counts.registered, 3);
    // Full: the next ones go on the waitlist, in order.
    let third = events::set_state(&store, &pc, S::Registered).unwrap();
    assert_eq!(third.participant.state, S::Waitlisted);
    assert!(third.participant.waitlisted_at.is_some());
    std::thread::sleep(std::time::Duration::from_millis(5));
    assert_eq!(events::set_state(&store, &pd, S::Registered).unwrap().participant.state, S::Waitlisted);
    // A declines: Clark (first waitlisted) moves up, Dubois stays.
    let declined = events::set_state(&store, &pa, S::Declined).unwrap();
    assert_eq!(declined.participant.state, S::Declined);
    let promoted = declined.promoted.expect("someone moved up");
    assert_eq!(promoted.person_id, c);
    assert_eq!(promoted.state, S::Registered);
    assert_eq!(declined.counts.seats_taken, 2);
    assert_eq!(declined.counts.waitlisted, 1);
    // The staff member leaving frees no seat.
    assert!(events::set_state(&store, &ps, S::Declined).unwrap().promoted.is_none());
    // Baker stops taking a seat (now staff): Dubois moves up.
    events::participant_update(
        &store,
        &pb,
        ParticipantInput {
            role: ParticipantRole::Staff,
            counts_for_capacity: false,
            organisation_id: None,
            dietary_needs: None,
            access_needs: None,
            notes: None,
        },
    )
    .unwrap();
    let page = events::participants(&store, &event, &ParticipantQuery { states: vec![S::Waitlisted], ..Default::default() }).unwrap();
    assert_eq!(page.total, 0);
    assert_eq!(page.counts.seats_taken, 2);
    let log = store.read(|c| coalition_core::audit::for_entity(c, "event_participant", &pc)).unwrap();
    assert!(log.iter().any(|e| e.action == "promote"));
    // More seats: nobody waiting, nothing changes; the waitlist is empty.
    assert_eq!(events::get(&store, &event).unwrap().counts.waitlisted, 0);
}

#[test]
fn removing_a_participant_or_adding_seats_moves_the_waitlist_up() {
    let store = store();
    let input = EventInput { capacity: Some(1), ..event_input("tiny", "2099-05-01 09:00", "2099-05-01 12:00") };
    let event = create(&store, input.clone());
    let [a, b, c] = ["Adams", "Baker", "Clark"].map(|n| person(&store, "Pat", n, None, None));
    events::invite(&store, &event, InviteTarget::People { person_ids: vec![a.clone(), b.clone(), c.clone()] }).unwrap();
    let [pa, pb, pc] = [&a, &b, &c].map(|p| participant_of(&store, &event, p));
    for p in [&pa, &pb, &pc] {
        events::set_state(&store, p, S::Registered).unwrap();
    }
    let moved = events::participant_remove(&store, &pa).unwrap().expect("moved up");
    assert_eq!(moved.person_id, b);
    events::update(&store, &event, EventInput { capacity: Some(2), ..input }).unwrap();
    let counts = events::get(&store, &event).unwrap().counts;
    assert_eq!((counts.registered, counts.waitlisted, counts.seats_taken), (2, 0, 2));
    let _ = pc;
}

#[test]
fn check_in_marks_attendance_and_can_be_undone() {
    let store = store();
    let event = create(&store, event_input("day", "2099-05-01 09:00", "2099-05-01 12:00"));
    let a = person(&store, "Mié", "Kohiyama", None, None);
    events::invite(&store, &event, InviteTarget::People { person_ids: vec![a.clone()] }).unwrap();
    let pa = participant_of(&store, &event, &a);
    let checked = events::check_in(&store, &pa, true).unwrap();
    assert_eq!(checked.participant.state, S::Attended);
    assert!(checked.participant.checked_in_at.is_some());
    assert_eq!(checked.counts.seats_taken, 1);
    let undone = events::check_in(&store, &pa, false).unwrap();
    assert_eq!(undone.participant.state, S::Registered);
    assert!(undone.participant.checked_in_at.is_none());
}

fn session(title: &str, kind: SessionKind, starts: &str, ends: &str, speakers: &[&str]) -> SessionInput {
    SessionInput {
        title: title.into(),
        kind,
        starts_at: starts.into(),
        ends_at: ends.into(),
        notes: None,
        speakers: speakers
            .iter()
            .map(|p| SpeakerInput { person_id: (*p).into(), role: SpeakerRole::Panellist, state: SpeakerState::Confirmed })
            .collect(),
    }
}

#[test]
fn overlapping_sessions_and_double_booked_speakers_are_flagged() {
    let store = store();
    let org = add_member(&store, "Thorn", "US", MembershipStatus::Active, MembershipTier::Full, "2022-04-01").organisation.id;
    let event = create(&store, event_input("programme", "2023-03-20 09:30", "2023-03-20 13:00"));
    let heidi = person(&store, "Heidi", "De Pauw", None, Some((&org, false)));
    let mie = person(&store, "Mié", "Kohiyama", None, None);
    events::session_add(&store, &event, session("Keynotes", SessionKind::Keynote, "2023-03-20 09:30", "2023-03-20 10:30", &[&mie]))
        .unwrap();
    let clean = events::session_add(&store, &event, session("Coffee", SessionKind::Break, "2023-03-20 10:30", "2023-03-20 11:00", &[]))
        .unwrap();
    assert!(clean.issues.is_empty(), "{:?}", clean.issues);
    let programme =
        events::session_add(&store, &event, session("Panel", SessionKind::Panel, "2023-03-20 10:15", "2023-03-20 11:30", &[&mie, &heidi]))
            .unwrap();
    let titles: Vec<&str> = programme.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Keynotes", "Panel", "Coffee"]);
    assert_eq!(programme.sessions[1].speakers[1].organisation.as_deref(), Some("Thorn"));
    let kinds: Vec<ProgrammeIssueKind> = programme.issues.iter().map(|i| i.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == ProgrammeIssueKind::Overlap).count(), 2, "{:?}", programme.issues);
    let double: Vec<_> = programme.issues.iter().filter(|i| i.kind == ProgrammeIssueKind::DoubleBooked).collect();
    assert_eq!(double.len(), 1);
    assert_eq!(double[0].person_id.as_deref(), Some(mie.as_str()));
    assert!(double[0].message.contains("Mié Kohiyama"), "{}", double[0].message);
    assert!(double[0].message.contains("\"Keynotes\"") && double[0].message.contains("\"Panel\""), "{}", double[0].message);
    // A session past the end of the event.
    let late = events::session_add(&store, &event, session("Drinks", SessionKind::Networking, "2023-03-20 12:45", "2023-03-20 14:00", &[]))
        .unwrap();
    assert!(late.issues.iter().any(|i| i.kind == ProgrammeIssueKind::OutsideEvent && i.message.contains("Drinks")));
    // Moving the panel fixes both problems it caused.
    let panel = programme.sessions[1].id.clone();
    let fixed = events::session_update(&store, &panel, session("Panel", SessionKind::Panel, "2023-03-20 11:00", "2023-03-20 12:30", &[&mie, &heidi]))
        .unwrap();
    assert!(fixed.issues.iter().all(|i| i.kind == ProgrammeIssueKind::OutsideEvent), "{:?}", fixed.issues);
    let after = events::session_delete(&store, &late.sessions.iter().find(|s| s.title == "Drinks").unwrap().id).unwrap();
    assert!(after.issues.is_empty());
    // Sessions are checked like events.
    let bad = refused(events::session_add(&store, &event, session("X", SessionKind::Other, "2023-03-20 11:00", "2023-03-20 10:00", &[])));
    assert_eq!(bad.field.as_deref(), Some("ends_at"));
    let nobody = refused(events::session_add(&store, &event, session("X", SessionKind::Other, "2023-03-20 11:00", "2023-03-20 12:00", &["ghost"])));
    assert_eq!(nobody.field.as_deref(), Some("speakers"));
}

#[test]
fn relative_due_dates_follow_the_event_and_copies_keep_them_relative() {
    let store = store();
    let input = event_input("hle", "2023-03-20 09:30", "2023-03-20 13:00");
    let event = create(&store, input.clone());
    let task = |title: &str, due_on: Option<&str>, offset: Option<i32>| EventTaskInput {
        title: title.into(),
        owner_person_id: None,
        due_on: due_on.map(Into::into),
        due_offset_days: offset,
        notes: None,
    };
    events::task_add(&store, &event, task("Send invitations", None, Some(-10))).unwrap();
    let tasks = events::task_add(&store, &event, task("Book the room", Some("2023-02-01"), None)).unwrap();
    assert_eq!(tasks[0].title, "Book the room");
    let invitations = tasks.iter().find(|t| t.title == "Send invitations").unwrap();
    assert_eq!(invitations.due_on.as_deref(), Some("2023-03-10"));
    assert!(invitations.overdue);
    // Move the event a week later: the relative date follows, the fixed one stays.
    events::update(&store, &event, EventInput { starts_at: "2023-03-27 09:30".into(), ends_at: "2023-03-27 13:00".into(), ..input }).unwrap();
    let tasks = events::get(&store, &event).unwrap().tasks;
    let due: Vec<(String, Option<String>)> = tasks.iter().map(|t| (t.title.clone(), t.due_on.clone())).collect();
    assert_eq!(
        due,
        [("Book the room".to_string(), Some("2023-02-01".to_string())), ("Send invitations".to_string(), Some("2023-03-17".to_string()))]
    );
    // Done tasks are not overdue; the list counts open and overdue tasks.
    let done = events::task_set_done(&store, &tasks[0].id, true).unwrap();
    assert!(done.iter().any(|t| t.done && !t.overdue && t.done_on.is_some()));
    let summary = events::list(&store, &EventQuery::default()).unwrap();
    assert_eq!((summary[0].open_tasks, summary[0].overdue_tasks), (1, 1));
    // Copy into next year's event: relative stays relative, fixed shifts by the gap between starts.
    let next = create(&store, event_input("hle-next", "2099-03-26 09:30", "2099-03-26 13:00"));
    let copied = events::tasks_copy(&store, &next, &event).unwrap();
    let copied: Vec<(String, Option<String>, Option<i32>, bool)> =
        copied.into_iter().map(|t| (t.title, t.due_on, t.due_offset_days, t.done)).collect();
    let shift = chrono::NaiveDate::from_ymd_opt(2099, 3, 26).unwrap() - chrono::NaiveDate::from_ymd_opt(2023, 3, 27).unwrap();
    let booked = (chrono::NaiveDate::from_ymd_opt(2023, 2, 1).unwrap() + shift).to_string();
    assert_eq!(
        copied,
        [
            ("Book the room".to_string(), Some(booked), None, false),
            ("Send invitations".to_string(), Some("2099-03-16".to_string()), Some(-10), false),
        ]
    );
    assert_eq!(events::tasks_copy(&store, &next, &event).unwrap().len(), 2, "copying twice adds nothing");
    // Event tasks live in the shared tasks table, where the global task list reads them.
    assert_eq!(count(&store, "tasks"), 4);
    let global = coalition_core::interactions::tasks(
        &store,
        &coalition_core::interactions::TaskQuery { overdue: true, ..Default::default() },
    )
    .unwrap();
    assert_eq!(global.rows.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(), ["Send invitations"]);
    assert_eq!(coalition_core::interactions::overdue_count(&store).unwrap(), 1);
    let edited = events::task_update(&store, &tasks[1].id, task("Send invitations", None, Some(-14))).unwrap();
    assert_eq!(edited.iter().find(|t| t.title == "Send invitations").unwrap().due_on.as_deref(), Some("2023-03-13"));
    assert_eq!(refused(events::task_add(&store, &event, task(" ", None, None))).field.as_deref(), Some("title"));
}

#[test]
fn invite_targets_find_their_people_once() {
    let store = store();
    let active = add_member(&store, "Eurochild", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-04-01").organisation.id;
    let lapsed = add_member(&store, "Old Friends", "FR", MembershipStatus::Lapsed, MembershipTier::Full, "2022-04-01").organisation.id;
    let focal = person(&store, "Ana", "Focal", Some("ana@eurochild.org"), Some((&active, true)));
    let _colleague = person(&store, "Ben", "Colleague", Some("ben@eurochild.org"), Some((&active, false)));
    let _former = person(&store, "Cy", "Lapsed", Some("cy@old.fr"), Some((&lapsed, true)));
    let zarzalejos = mep(&store, "Javier", "Zarzalejos", 1, "EPP", Some("LIBE"));
    let _sippel = mep(&store, "Birgit", "Sippel", 2, "S&D", Some("LIBE"));
    let _other = mep(&store, "Other", "Member", 3, "Renew", Some("AFET"));
    let event = create(&store, event_input("invites", "2099-05-01 09:00", "2099-05-01 12:00"));

    let outcome = events::invite(&store, &event, InviteTarget::FocalPoints { statuses: vec![] }).unwrap();
    assert_eq!((outcome.invited, outcome.already), (1, 0));
    let page = events::participants(&store, &event, &ParticipantQuery::default()).unwrap();
    assert_eq!(page.rows[0].person_id, focal);
    assert_eq!(page.rows[0].organisation_name.as_deref(), Some("Eurochild"));
    assert_eq!(page.rows[0].email.as_deref(), Some("ana@eurochild.org"));
    assert_eq!(page.rows[0].role, ParticipantRole::Guest);
    let again = events::invite(&store, &event, InviteTarget::FocalPoints { statuses: vec![MembershipStatus::Active, MembershipStatus::Lapsed] })
        .unwrap();
    assert_eq!((again.invited, again.already), (1, 1));

    let libe = events::invite(&store, &event, InviteTarget::CommitteeMembers { committee: "libe".into(), groups: vec!["EPP".into()] }).unwrap();
    assert_eq!((libe.invited, libe.already), (1, 0));
    let mep_row = participant_of(&store, &event, &zarzalejos);
    let rows = events::participants(&store, &event, &ParticipantQuery { search: Some("zarza".into()), ..Default::default() }).unwrap();
    assert_eq!(rows.total, 1);
    assert_eq!(rows.rows[0].id, mep_row);
    assert_eq!(rows.rows[0].role, ParticipantRole::PolicyMaker);
    assert_eq!(rows.rows[0].group_code.as_deref(), Some("EPP"));
    let all_libe = events::invite(&store, &event, InviteTarget::CommitteeMembers { committee: "LIBE".into(), groups: vec![] }).unwrap();
    assert_eq!((all_libe.invited, all_libe.already), (1, 1));
    assert_eq!(
        refused(events::invite(&store, &event, InviteTarget::CommitteeMembers { committee: "XYZ".into(), groups: vec![] })).field.as_deref(),
        Some("committee")
    );

    let colleague = participant_free_people(&store, &event);
    let list = events::person_list_create(&store, "Press contacts", &[colleague.clone(), colleague.clone(), focal.clone()]).unwrap();
    assert_eq!(list.members, 2);
    assert_eq!(refused(events::person_list_create(&store, "PRESS Contacts", &[])).field.as_deref(), Some("name"));
    assert_eq!(events::person_lists(&store).unwrap().len(), 1);
    let saved = events::invite(&store, &event, InviteTarget::SavedList { list_id: list.id }).unwrap();
    assert_eq!((saved.invited, saved.already), (1, 1));
    assert_eq!(saved.counts.invited, 5);
    assert_eq!(
        refused(events::invite(&store, &event, InviteTarget::People { person_ids: vec!["ghost".into()] })).field.as_deref(),
        Some("person_ids")
    );
    // Addresses of the invited, deduplicated.
    let emails = events::emails(&store, &event, &[]).unwrap();
    assert_eq!(emails, ["ben@eurochild.org", "ana@eurochild.org", "cy@old.fr"]);
}

/// Ben Colleague's id (not a focal point, so not invited by the focal-points target).
fn participant_free_people(store: &Store, _event: &str) -> String {
    store.read(|c| Ok(c.query_row("SELECT id FROM people WHERE family_name = 'Colleague'", [], |r| r.get(0))?)).unwrap()
}

#[test]
fn attendance_counts_who_came_and_policy_makers_by_group() {
    let store = store();
    let event = create(&store, event_input("report", "2023-03-20 09:30", "2023-03-20 13:00"));
    let a = mep(&store, "Javier", "Zarzalejos", 1, "EPP", None);
    let b = mep(&store, "Hilde", "Vautmans", 2, "Renew", None);
    let c = mep(&store, "Another", "Epp", 3, "EPP", None);
    let d = person(&store, "Guest", "One", None, None);
    let e = person(&store, "Guest", "Two", None, None);
    events::invite(&store, &event, InviteTarget::People { person_ids: vec![a.clone(), b.clone(), c.clone(), d.clone(), e.clone()] }).unwrap();
    for p in [&a, &b, &c, &d] {
        events::set_state(&store, &participant_of(&store, &event, p), S::Registered).unwrap();
    }
    for p in [&a, &b, &c] {
        events::check_in(&store, &participant_of(&store, &event, p), true).unwrap();
    }
    events::set_state(&store, &participant_of(&store, &event, &d), S::NoShow).unwrap();
    let report = events::attendance(&store, &event).unwrap();
    assert_eq!((report.invited, report.registered, report.attended, report.no_shows), (5, 4, 3, 1));
    let groups: Vec<(Option<String>, u32)> = report.policy_makers.into_iter().map(|g| (g.group_code, g.attended)).collect();
    assert_eq!(groups, [(Some("EPP".to_string()), 2), (Some("Renew".to_string()), 1)]);
}

#[test]
fn dietary_and_access_needs_are_only_read_when_asked_for() {
    let store = store();
    let event = create(&store, event_input("needs", "2099-05-01 09:00", "2099-05-01 12:00"));
    let a = person(&store, "Mié", "Kohiyama", None, None);
    events::invite(&store, &event, InviteTarget::People { person_ids: vec![a.clone()] }).unwrap();
    let pa = participant_of(&store, &event, &a);
    let updated = events::participant_update(
        &store,
        &pa,
        ParticipantInput {
            role: ParticipantRole::Speaker,
            counts_for_capacity: true,
            organisation_id: None,
            dietary_needs: Some("vegetarian".into()),
            access_needs: Some("step-free access".into()),
            notes: None,
        },
    )
    .unwrap();
    assert_eq!(updated.dietary_needs, None);
    let hidden = events::participants(&store, &event, &ParticipantQuery::default()).unwrap();
    assert_eq!((hidden.rows[0].dietary_needs.as_deref(), hidden.rows[0].access_needs.as_deref()), (None, None));
    let shown = events::participants(&store, &event, &ParticipantQuery { include_needs: true, ..Default::default() }).unwrap();
    assert_eq!(shown.rows[0].dietary_needs.as_deref(), Some("vegetarian"));
    assert_eq!(shown.rows[0].access_needs.as_deref(), Some("step-free access"));
    // The audit log records that the needs changed, never what they are.
    let log = store.read(|c| coalition_core::audit::for_entity(c, "event_participant", &pa)).unwrap();
    let text = serde_json::to_string(&log).unwrap();
    assert!(!text.contains("vegetarian") && !text.contains("step-free"), "{text}");
    assert!(text.contains("hidden"));
}

#[test]
fn the_list_has_counts_filters_and_start_order() {
    let store = store();
    let late = create(&store, event_input("late", "2099-06-01 09:00", "2099-06-01 12:00"));
    let early = create(&store, EventInput { capacity: Some(10), status: EventStatus::Held, ..event_input("early", "2023-03-20 09:30", "2023-03-20 13:00") });
    let a = person(&store, "Mié", "Kohiyama", None, None);
    events::invite(&store, &early, InviteTarget::People { person_ids: vec![a.clone()] }).unwrap();
    events::set_state(&store, &participant_of(&store, &early, &a), S::Registered).unwrap();
    let all = events::list(&store, &EventQuery::default()).unwrap();
    assert_eq!(all.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), [early.as_str(), late.as_str()]);
    assert_eq!((all[0].counts.registered, all[0].counts.seats_taken, all[0].counts.capacity), (1, 1, Some(10)));
    assert_eq!(all[1].counts.invited, 0);
    let held = events::list(&store, &EventQuery { statuses: vec![EventStatus::Held], ..Default::default() }).unwrap();
    assert_eq!(held.len(), 1);
    let dated = events::list(&store, &EventQuery { from: Some("2099-01-01".into()), ..Default::default() }).unwrap();
    assert_eq!(dated.len(), 1);
    assert_eq!(dated[0].id, late);
    let found = events::list(&store, &EventQuery { search: Some("EVENT EARLY".into()), ..Default::default() }).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(events::by_reference(&store, "EARLY").unwrap().id, early);
}

#[test]
fn the_demo_holds_the_high_level_event_once() {
    let store = store();
    let first = coalition_core::demo::load(&store).unwrap();
    assert_eq!(first.events_added, 1);
    assert_eq!(coalition_core::demo::load(&store).unwrap().events_added, 0, "loading twice adds nothing");
    assert_eq!(count(&store, "events"), 1);
    let event = events::by_reference(&store, "eclag-hle-2023").unwrap();
    assert_eq!((event.starts_at.as_str(), event.ends_at.as_str(), event.zone_label.as_str()), ("2023-03-20T09:30", "2023-03-20T13:00", "CET"));
    assert_eq!(event.status, EventStatus::Held);
    assert!(event.organisers.iter().any(|o| o.name == "Thorn"));
    let detail = events::get(&store, &event.id).unwrap();
    assert!(detail.programme.issues.is_empty(), "{:?}", detail.programme.issues);
    let keynotes = &detail.programme.sessions[0];
    let names: Vec<&str> = keynotes.speakers.iter().map(|s| s.display_name.as_str()).collect();
    assert!(names.contains(&"Ashton Kutcher") && names.contains(&"Mié Kohiyama"), "{names:?}");
    let kutcher = keynotes.speakers.iter().find(|s| s.display_name == "Ashton Kutcher").unwrap();
    assert_eq!(kutcher.organisation.as_deref(), Some("Thorn"));
    let panel = detail.programme.sessions.iter().find(|s| s.kind == SessionKind::Panel).unwrap();
    let panel_names: Vec<&str> = panel.speakers.iter().map(|s| s.display_name.as_str()).collect();
    for name in ["Mié Kohiyama", "Heidi De Pauw", "Michael Tunks", "Cathal Delaney"] {
        assert!(panel_names.contains(&name), "{name} missing from {panel_names:?}");
    }
    assert_eq!(detail.counts.attended as usize, names.len() + panel_names.len() - 1);
    assert_eq!(detail.tasks.len(), 5);
    assert!(detail.tasks.iter().all(|t| t.done && !t.overdue));
}
