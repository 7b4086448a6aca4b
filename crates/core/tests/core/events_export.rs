//! Event exports through the store: participant lists (CSV, XLSX), badges (PDF), calendar
//! files (ICS) across a daylight-saving change, the run sheet (DOCX, PDF), and refusals.

use std::io::{Cursor, Read};

use coalition_core::events::{
    self, EventExportFormat as Format, EventExportKind as What, EventExportOptions, EventInput, EventKind, EventStatus,
    InviteTarget, ParticipantInput, ParticipantRole, ParticipantState, SessionInput, SessionKind, SpeakerInput,
    SpeakerRole, SpeakerState,
};
use coalition_core::people::{self, EmailLabel, LabelledEmail, NewPerson, PersonInput};
use coalition_core::{CoreError, Store};

use super::store;

struct Fixture {
    store: Store,
    event_id: String,
    mie: String,
    heidi: String,
    waiting: String,
}

fn person(store: &Store, given: &str, family: &str, email: &str) -> String {
    let input = PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        emails: vec![LabelledEmail { label: EmailLabel::Work, email: email.into() }],
        ..Default::default()
    };
    people::create(store, NewPerson { person: input, affiliation: None }).expect("person created").person.id
}

fn options(what: What, format: Format) -> EventExportOptions {
    EventExportOptions { what, format, states: Vec::new(), include_needs: false, speaker_person_id: None }
}

/// An evening-to-morning event across the night clocks go forward in Brussels (26 March
/// 2023), three registered people (capacity 3), one on the waitlist, one declined.
fn fixture() -> Fixture {
    let store = store();
    let detail = events::create(
        &store,
        EventInput {
            reference: "night-watch-2023".into(),
            title: "Veillée européenne: protéger les enfants".into(),
            kind: EventKind::Conference,
            status: EventStatus::Confirmed,
            time_zone: Some("Europe/Brussels".into()),
            starts_at: "2023-03-25T18:00".into(),
            ends_at: "2023-03-26T12:00".into(),
            venue_name: Some("Résidence Palace".into()),
            venue_address: Some("Rue de la Loi 155, Bruxelles".into()),
            venue_room: None,
            online_link: None,
            capacity: Some(3),
            organiser_ids: Vec::new(),
            notes: None,
        },
    )
    .expect("event created");
    let event_id = detail.event.id.clone();
    let mie = person(&store, "Mié", "Kohiyama", "mie@example.org");
    let heidi = person(&store, "Heidi", "De Pauw", "heidi@example.org");
    let lukasz = person(&store, "Łukasz", "Żółć", "lukasz@example.org");
    let waiting = person(&store, "Ærøskøbing", "Ōta", "ota@example.org");
    let declined = person(&store, "Anna", "Nein", "anna@example.org");
    let formula = person(&store, "Plus", "=Formula", "formula@example.org");
    for (title, kind, start, end, speakers) in [
        (
            "Soirée d'ouverture",
            SessionKind::Keynote,
            "2023-03-25T19:00",
            "2023-03-25T20:00",
            vec![SpeakerInput {
                person_id: mie.clone(),
                role: SpeakerRole::KeynoteSpeaker,
                state: SpeakerState::Confirmed,
            }],
        ),
        (
            "Panel du matin",
            SessionKind::Panel,
            "2023-03-26T10:00",
            "2023-03-26T11:00",
            vec![
                SpeakerInput { person_id: heidi.clone(), role: SpeakerRole::Moderator, state: SpeakerState::Confirmed },
                SpeakerInput { person_id: mie.clone(), role: SpeakerRole::Panellist, state: SpeakerState::Asked },
            ],
        ),
    ] {
        events::session_add(
            &store,
            &event_id,
            SessionInput {
                title: title.into(),
                kind,
                starts_at: start.into(),
                ends_at: end.into(),
                notes: Some("Micro HF".into()),
                speakers,
            },
        )
        .expect("session added");
    }
    let everyone = vec![mie.clone(), heidi.clone(), lukasz.clone(), formula.clone(), waiting.clone(), declined.clone()];
    events::invite(&store, &event_id, InviteTarget::People { person_ids: everyone }).expect("invited");
    let page = events::participants(&store, &event_id, &Default::default()).expect("participants");
    let id_of = |person: &str| page.rows.iter().find(|p| p.person_id == person).expect("invited").id.clone();
    // Staff do not take a seat: three seats for Mié, Heidi and the formula-named guest.
    events::participant_update(
        &store,
        &id_of(&lukasz),
        ParticipantInput {
            role: ParticipantRole::Staff,
            counts_for_capacity: false,
            organisation_id: None,
            dietary_needs: None,
            access_needs: None,
            notes: None,
        },
    )
    .expect("staff");
    for who in [&mie, &heidi, &lukasz, &formula] {
        let change = events::set_state(&store, &id_of(who), ParticipantState::Registered).expect("registered");
        assert_eq!(change.participant.state, ParticipantState::Registered);
    }
    // The event is full: the next registration goes on the waitlist.
    let change = events::set_state(&store, &id_of(&waiting), ParticipantState::Registered).expect("waitlisted");
    assert_eq!(change.participant.state, ParticipantState::Waitlisted);
    events::set_state(&store, &id_of(&declined), ParticipantState::Declined).expect("declined");
    events::participant_update(
        &store,
        &id_of(&mie),
        ParticipantInput {
            role: ParticipantRole::Speaker,
            counts_for_capacity: true,
            organisation_id: None,
            dietary_needs: Some("végétarienne, sans gluten".into()),
            access_needs: Some("step-free access".into()),
            notes: None,
        },
    )
    .expect("needs recorded");
    Fixture { store, event_id, mie, heidi, waiting }
}

fn export_to(f: &Fixture, options: &EventExportOptions, name: &str) -> (Vec<u8>, u32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let count = events::export(&f.store, &f.event_id, options, &path).expect("exported");
    (std::fs::read(&path).unwrap(), count)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn participants_csv_is_inert_and_leaves_needs_out_unless_asked() {
    let f = fixture();
    let (bytes, count) = export_to(&f, &options(What::Participants, Format::Csv), "p.csv");
    let csv = text(&bytes);
    let seats = events::participants(&f.store, &f.event_id, &Default::default()).unwrap();
    let expected = seats
        .rows
        .iter()
        .filter(|p| matches!(p.state, ParticipantState::Registered | ParticipantState::Attended))
        .count();
    assert_eq!(count as usize, expected, "{csv}");
    assert_eq!(csv.lines().count(), expected + 1, "{csv}");
    let header = csv.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert_eq!(header, "name,family_name,organisation,email,role,state,checked_in");
    assert!(csv.contains("Mié Kohiyama,Kohiyama,,mie@example.org,speaker,registered,"), "{csv}");
    assert!(!csv.contains("végétarienne") && !csv.contains("step-free"), "needs leaked: {csv}");
    assert!(!csv.contains("Anna Nein"), "declined people are not in the default list");
    assert!(!csv.contains("ota@example.org"), "nor the waitlist");
    // Every cell inert: the formula-like family name is prefixed.
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            assert!(!matches!(cell.chars().next(), Some('=' | '+' | '-' | '@')), "live cell {cell:?} in {line}");
        }
    }
    assert!(csv.contains("'=Formula"), "{csv}");

    let mut with_needs = options(What::Participants, Format::Csv);
    with_needs.include_needs = true;
    let csv = text(&export_to(&f, &with_needs, "n.csv").0);
    assert!(csv.lines().next().unwrap().ends_with(",dietary_needs,access_needs"), "{csv}");
    assert!(csv.contains("\"végétarienne, sans gluten\",step-free access"), "{csv}");
}

#[test]
fn participants_xlsx_reads_back_with_the_chosen_states() {
    use calamine::{Data, Reader, Xlsx};
    let f = fixture();
    let mut o = options(What::Participants, Format::Xlsx);
    o.states = vec![ParticipantState::Waitlisted, ParticipantState::Declined];
    let (bytes, count) = export_to(&f, &o, "p.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Participants").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| if let Data::String(s) = c { s.clone() } else { String::new() }).collect())
        .collect();
    assert_eq!(rows[0], ["name", "family_name", "organisation", "email", "role", "state", "checked_in"]);
    assert_eq!(rows.len() as u32, count + 1);
    let states: Vec<&str> = rows[1..].iter().map(|r| r[5].as_str()).collect();
    assert!(states.iter().all(|s| *s == "waitlisted" || *s == "declined"), "{states:?}");
    assert!(rows.iter().any(|r| r[0] == "Anna Nein"));
}

#[test]
fn badges_show_registered_names_with_accents() {
    let f = fixture();
    let (bytes, count) = export_to(&f, &options(What::Badges, Format::Pdf), "b.pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    assert!(count >= 3, "{count}");
    for needle in ["Mié Kohiyama", "Heidi De Pauw", "Łukasz Żółć", "SPEAKER", "STAFF"] {
        assert!(text.contains(needle), "{needle:?} not in {text:?}");
    }
    assert!(!text.contains("Anna Nein"));
    // Sensitive needs never reach a badge, even when asked for.
    let mut o = options(What::Badges, Format::Pdf);
    o.include_needs = true;
    let text = pdf_extract::extract_text_from_mem(&export_to(&f, &o, "b2.pdf").0).unwrap();
    assert!(!text.contains("végétarienne"));
}

fn assert_valid_ics(ics: &str) {
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(!ics.replace("\r\n", "").contains(['\n', '\r']), "bare line breaks");
    let lines: Vec<&str> = ics.trim_end_matches("\r\n").split("\r\n").collect();
    for line in &lines {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // BEGIN/END pairs nest.
    let mut stack = Vec::new();
    for line in &lines {
        if let Some(name) = line.strip_prefix("BEGIN:") {
            stack.push(name.to_string());
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(stack.pop().as_deref(), Some(name), "END:{name} does not close its BEGIN");
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    let unfolded = ics.replace("\r\n ", "");
    for property in ["VERSION:2.0\r\n", "PRODID:", "UID:", "DTSTAMP:"] {
        assert!(unfolded.contains(property), "{property} missing");
    }
    for vevent in unfolded.split("BEGIN:VEVENT").skip(1) {
        for property in ["\r\nUID:", "\r\nDTSTAMP:", "\r\nDTSTART:", "\r\nDTEND:"] {
            assert!(vevent.contains(property), "{property} missing in a VEVENT");
        }
    }
    let parsed: icalendar::Calendar = ics.parse().expect("parses back");
    assert!(parsed.events().count() >= 1);
}

#[test]
fn ics_for_the_event_has_its_utc_instants_right_across_the_dst_change() {
    let f = fixture();
    let (bytes, count) = export_to(&f, &options(What::Ics, Format::Ics), "e.ics");
    assert_eq!(count, 1);
    let ics = text(&bytes);
    assert_valid_ics(&ics);
    let unfolded = ics.replace("\r\n ", "");
    // 18:00 CET (UTC+1) on the 25th; 12:00 CEST (UTC+2) on the 26th.
    assert!(unfolded.contains("DTSTART:20230325T170000Z"), "{unfolded}");
    assert!(unfolded.contains("DTEND:20230326T100000Z"), "{unfolded}");
    assert!(unfolded.contains("SUMMARY:Veillée européenne: protéger les enfants"));
    assert!(unfolded.contains("LOCATION:Résidence Palace\\, Rue de la Loi 155\\, Bruxelles"));
    let parsed: icalendar::Calendar = ics.parse().unwrap();
    use icalendar::Component;
    let event = parsed.events().next().unwrap();
    let start = event.get_start().unwrap();
    assert!(format!("{start:?}").contains("2023-03-25T17:00:00Z"), "{start:?}");
}

#[test]
fn ics_for_a_speaker_has_one_vevent_per_session_on_either_side_of_the_change() {
    let f = fixture();
    let mut o = options(What::Ics, Format::Ics);
    o.speaker_person_id = Some(f.mie.clone());
    let (bytes, count) = export_to(&f, &o, "s.ics");
    assert_eq!(count, 2);
    let ics = text(&bytes);
    assert_valid_ics(&ics);
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
    assert!(unfolded.contains("DTSTART:20230325T180000Z"), "19:00 CET: {unfolded}");
    assert!(unfolded.contains("DTSTART:20230326T080000Z"), "10:00 CEST: {unfolded}");
    assert!(unfolded.contains("Mié Kohiyama speaks as panellist (asked)."));
    o.speaker_person_id = Some(f.heidi.clone());
    assert_eq!(export_to(&f, &o, "h.ics").1, 1);
    o.speaker_person_id = Some(f.waiting.clone());
    let err =
        events::export(&f.store, &f.event_id, &o, &tempfile::tempdir().unwrap().path().join("x.ics")).unwrap_err();
    assert!(matches!(&err, CoreError::Invalid(e) if e[0].field == "speaker_person_id"), "{err}");
}

#[test]
fn run_sheet_docx_and_pdf_list_the_programme_with_speakers() {
    let f = fixture();
    let (bytes, count) = export_to(&f, &options(What::Runsheet, Format::Docx), "r.docx");
    assert_eq!(count, 2);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    for needle in [
        "Veillée européenne: protéger les enfants",
        "Saturday 25 March 2023, 18:00 – Sunday 26 March 2023, 12:00 (Europe/Brussels)",
        "Sat 25 Mar 19:00–20:00",
        "Sun 26 Mar 10:00–11:00",
        "Soirée d&apos;ouverture",
        "Keynote speaker: Mié Kohiyama — confirmed",
        "Moderator: Heidi De Pauw — confirmed",
        "Panellist: Mié Kohiyama — asked",
    ] {
        let found = xml.contains(needle) || xml.contains(&needle.replace("&apos;", "'"));
        assert!(found, "{needle} not in the document");
    }
    let (bytes, _) = export_to(&f, &options(What::Runsheet, Format::Pdf), "r.pdf");
    let text = squeeze(&pdf_extract::extract_text_from_mem(&bytes).unwrap());
    for needle in ["Veillée européenne", "Keynote speaker: Mié Kohiyama", "Moderator: Heidi De Pauw", "Page 1 of 1"]
    {
        assert!(text.contains(&squeeze(needle)), "{needle:?} not in {text:?}");
    }
}

#[test]
fn a_format_that_does_not_suit_is_refused_and_nothing_is_written() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    for (what, format) in [
        (What::Participants, Format::Pdf),
        (What::Badges, Format::Csv),
        (What::Ics, Format::Docx),
        (What::Runsheet, Format::Xlsx),
    ] {
        let path = dir.path().join("out");
        let err = events::export(&f.store, &f.event_id, &options(what, format), &path).unwrap_err();
        match &err {
            CoreError::Invalid(errors) => {
                assert_eq!(errors[0].field, "format");
                assert!(errors[0].message.contains(format.as_str()), "{err}");
            }
            other => panic!("{other:?}"),
        }
        assert!(!path.exists());
    }
    let err =
        events::export(&f.store, "no-such-event", &options(What::Ics, Format::Ics), &dir.path().join("x")).unwrap_err();
    assert!(matches!(err, CoreError::NotFound(_)), "{err:?}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no stray temporary file");
}
