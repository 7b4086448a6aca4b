//! `coalition events export` at process level: every what/format pair that suits, stdout for
//! text formats, files written whole, and the refusals (exit 1) and usage errors (exit 2).

use assert_cmd::Command;
use coalition_core::events::{self, InviteTarget, ParticipantInput, ParticipantRole, ParticipantState, SessionInput};
use coalition_core::events::{SessionKind, SpeakerInput, SpeakerRole, SpeakerState};
use coalition_core::people::{self, EmailLabel, LabelledEmail, NewPerson, PersonInput};
use coalition_core::Store;
use predicates::prelude::*;
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
    mie: String,
}

impl Desk {
    fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("c.db")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.db()).args(args);
        cmd
    }

    fn stdout(&self, args: &[&str]) -> Vec<u8> {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    }
}

fn person(store: &Store, given: &str, family: &str, email: &str) -> String {
    let person = PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        emails: vec![LabelledEmail { label: EmailLabel::Work, email: email.into() }],
        ..Default::default()
    };
    people::create(store, NewPerson { person, affiliation: None }).unwrap().person.id
}

/// An event added through the CLI across the night the clocks go forward (29 March 2026),
/// with two sessions and three participants set up through the core.
fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk { dir, mie: String::new() };
    desk.cmd(&[
        "events",
        "add",
        "--ref",
        "night-2026",
        "--title",
        "Nuit de l'été",
        "--start",
        "2026-03-28 20:00",
        "--end",
        "2026-03-29 10:00",
        "--capacity",
        "2",
        "--venue",
        "Résidence Palace",
    ])
    .assert()
    .success();
    let store = Store::open(&desk.db()).unwrap();
    let event = events::by_reference(&store, "night-2026").unwrap();
    let mie = person(&store, "Mié", "Kohiyama", "mie@example.org");
    let heidi = person(&store, "Heidi", "De Pauw", "heidi@example.org");
    let late = person(&store, "Zoë", "Late", "late@example.org");
    for (title, start, end) in [
        ("Ouverture", "2026-03-28T20:00", "2026-03-28T21:00"),
        ("Petit-déjeuner", "2026-03-29T08:00", "2026-03-29T09:00"),
    ] {
        let speakers = vec![SpeakerInput {
            person_id: mie.clone(),
            role: SpeakerRole::KeynoteSpeaker,
            state: SpeakerState::Confirmed,
        }];
        let input = SessionInput {
            title: title.into(),
            kind: SessionKind::Keynote,
            starts_at: start.into(),
            ends_at: end.into(),
            notes: None,
            speakers,
        };
        events::session_add(&store, &event.id, input).unwrap();
    }
    events::invite(
        &store,
        &event.id,
        InviteTarget::People { person_ids: vec![mie.clone(), heidi.clone(), late.clone()] },
    )
    .unwrap();
    let page = events::participants(&store, &event.id, &Default::default()).unwrap();
    for who in [&mie, &heidi, &late] {
        let id = page.rows.iter().find(|p| &p.person_id == who).unwrap().id.clone();
        events::set_state(&store, &id, ParticipantState::Registered).unwrap();
        if who == &mie {
            let needs = ParticipantInput {
                role: ParticipantRole::Speaker,
                counts_for_capacity: true,
                organisation_id: None,
                dietary_needs: Some("végétalienne".into()),
                access_needs: None,
                notes: None,
            };
            events::participant_update(&store, &id, needs).unwrap();
        }
    }
    desk.mie = mie;
    desk
}

#[test]
fn participants_csv_goes_to_stdout_without_needs_unless_asked() {
    let desk = desk();
    let csv = String::from_utf8(desk.stdout(&[
        "events",
        "export",
        "night-2026",
        "--what",
        "participants",
        "--format",
        "csv",
    ]))
    .unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("name,family_name,organisation,email,role,state,checked_in\n"), "{csv}");
    assert!(csv.contains("Mié Kohiyama,Kohiyama,,mie@example.org,speaker,registered,"), "{csv}");
    assert!(csv.contains("Heidi De Pauw"));
    assert!(!csv.contains("Zoë Late"), "capacity 2: the third is on the waitlist, not in the default list");
    assert!(!csv.contains("végétalienne"));

    let csv = String::from_utf8(desk.stdout(&[
        "events",
        "export",
        "night-2026",
        "--what",
        "participants",
        "--format",
        "csv",
        "--include-needs",
        "--state",
        "registered,waitlisted",
    ]))
    .unwrap();
    assert!(csv.lines().next().unwrap().ends_with("checked_in,dietary_needs,access_needs"), "{csv}");
    assert!(csv.contains("végétalienne"));
    assert!(csv.contains("Zoë Late,Late,,late@example.org,guest,waitlisted,"), "{csv}");
}

#[test]
fn ics_to_stdout_is_crlf_with_utc_times_either_side_of_the_change() {
    let desk = desk();
    let ics = String::from_utf8(desk.stdout(&["events", "export", "night-2026", "--what", "ics", "--format", "ics"]))
        .unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{ics}");
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART:20260328T190000Z"), "20:00 CET: {unfolded}");
    assert!(unfolded.contains("DTEND:20260329T080000Z"), "10:00 CEST: {unfolded}");
    let ics = String::from_utf8(desk.stdout(&[
        "events",
        "export",
        "night-2026",
        "--what",
        "ics",
        "--format",
        "ics",
        "--speaker",
        &desk.mie,
    ]))
    .unwrap();
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
    assert!(unfolded.contains("DTSTART:20260329T060000Z"), "08:00 CEST: {unfolded}");
    assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets plus the CR");
}

#[test]
fn binary_exports_go_to_files_whole() {
    let desk = desk();
    for (what, format, noun, magic) in [
        ("badges", "pdf", "exported 2 badges of night-2026", &b"%PDF-"[..]),
        ("runsheet", "pdf", "exported 2 sessions of night-2026", &b"%PDF-"[..]),
        ("runsheet", "docx", "exported 2 sessions of night-2026", &b"PK\x03\x04"[..]),
        ("participants", "xlsx", "exported 2 participants of night-2026", &b"PK\x03\x04"[..]),
        ("ics", "ics", "exported 1 calendar event of night-2026", &b"BEGIN:VCALENDAR\r\n"[..]),
    ] {
        let path = desk.dir.path().join(format!("{what}.{format}"));
        desk.cmd(&[
            "events",
            "export",
            "night-2026",
            "--what",
            what,
            "--format",
            format,
            "--out",
            path.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(noun));
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{what} {format}");
    }
}

#[test]
fn refusals_exit_1_and_usage_errors_exit_2() {
    let desk = desk();
    let out = desk.dir.path().join("never.csv");
    desk.cmd(&[
        "events",
        "export",
        "night-2026",
        "--what",
        "badges",
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("error: format: name badges cannot be exported as csv; choose pdf"));
    assert!(!out.exists());
    desk.cmd(&["events", "export", "no-such-event", "--what", "ics", "--format", "ics"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-event"));
    desk.cmd(&["events", "export", "night-2026", "--what", "ics", "--format", "ics", "--speaker", "nobody"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("speaker_person_id"));
    desk.cmd(&["events", "export", "night-2026", "--what", "participants", "--format", "csv", "--speaker", &desk.mie])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--speaker applies to --what ics"));
    desk.cmd(&["events", "export", "night-2026", "--what", "badges", "--format", "pdf", "--include-needs"])
        .assert()
        .code(2);
    desk.cmd(&["events", "export", "night-2026", "--what", "participants", "--format", "csv", "--state", "sleeping"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown participant state"));
    desk.cmd(&["events", "export", "night-2026", "--what", "vcard", "--format", "csv"]).assert().code(2);
}
