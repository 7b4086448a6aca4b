//! Data protection: lawful basis and consent date, the migration's back-fill, the sensitive
//! flag in every export (left out, or included on purpose), the export log, retention.

use std::path::Path;

use chrono::{Duration, Local};
use coalition_core::data_protection::{self, PageQuery, RetentionQuery, SensitiveScope};
use coalition_core::events::{
    self, EventExportFormat, EventExportKind, EventExportOptions, EventInput, EventKind, EventStatus, InviteTarget,
    ParticipantState, SessionInput, SessionKind, SpeakerInput, SpeakerRole, SpeakerState,
};
use coalition_core::letters::publish::{ExportFormat, ExportOptions, SignatoryOrder};
use coalition_core::letters::{self, LetterInput, SignatureInput, SignatureState};
use coalition_core::people::{self, LawfulBasis, NewPerson, PersonInput, PersonQuery};
use coalition_core::{interactions, profile, ApiError, Store};

use super::{add, store};

fn person(store: &Store, given: &str, family: &str, sensitive: bool) -> String {
    let input = PersonInput {
        given_name: given.into(),
        family_name: family.into(),
        sensitive: Some(sensitive),
        sensitive_reason: sensitive.then(|| "survivor; speaks under her first name only".into()),
        ..Default::default()
    };
    people::create(store, NewPerson { person: input, affiliation: None }).expect("person created").person.id
}

fn field_error(result: coalition_core::Result<impl std::fmt::Debug>) -> (String, String) {
    let api = ApiError::from(result.expect_err("refused"));
    (api.field.unwrap_or_default(), api.message)
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

fn log(store: &Store) -> Vec<data_protection::ExportLogRow> {
    data_protection::export_log(store, PageQuery::default()).unwrap().rows
}

#[test]
fn consent_needs_a_date_and_other_bases_refuse_one() {
    let store = store();
    let base = PersonInput { given_name: "Ana".into(), family_name: "Lopes".into(), ..Default::default() };
    let consent = PersonInput { lawful_basis: Some(LawfulBasis::Consent), ..base.clone() };
    let (field, message) = field_error(people::create(&store, NewPerson { person: consent.clone(), affiliation: None }));
    assert_eq!((field.as_str(), message.as_str()), ("consent_date", "consent date is required when the lawful basis is consent"));
    let future = (Local::now().date_naive() + Duration::days(3)).format("%Y-%m-%d").to_string();
    let (field, message) = field_error(people::create(
        &store,
        NewPerson { person: PersonInput { consent_date: Some(future.clone()), ..consent.clone() }, affiliation: None },
    ));
    assert_eq!(field, "consent_date");
    assert!(message.contains("in the future"), "{message}");
    let (field, message) = field_error(people::create(
        &store,
        NewPerson { person: PersonInput { consent_date: Some("31/02/2024".into()), ..consent.clone() }, affiliation: None },
    ));
    assert_eq!(field, "consent_date", "{message}");
    let (field, message) = field_error(people::create(
        &store,
        NewPerson {
            person: PersonInput {
                lawful_basis: Some(LawfulBasis::LegitimateInterest),
                consent_date: Some("2024-03-01".into()),
                ..base.clone()
            },
            affiliation: None,
        },
    ));
    assert_eq!(field, "consent_date");
    assert!(message.contains("only when the lawful basis is consent"), "{message}");

    let created = people::create(
        &store,
        NewPerson {
            person: PersonInput { consent_date: Some("2024-03-01".into()), source: Some("  web form 2024-03 ".into()), ..consent },
            affiliation: None,
        },
    )
    .unwrap()
    .person;
    assert_eq!(created.lawful_basis, LawfulBasis::Consent);
    assert_eq!(created.consent_date.as_deref(), Some("2024-03-01"));
    assert_eq!(created.source.as_deref(), Some("web form 2024-03"));
    // A default person is held on legitimate interest.
    let plain = people::create(&store, NewPerson { person: base.clone(), affiliation: None }).unwrap().person;
    assert_eq!(plain.lawful_basis, LawfulBasis::LegitimateInterest);
    assert!(!plain.sensitive);

    // An edit without the fields keeps them; switching away from consent drops the date
    // only when the form says so (a date left behind is refused).
    let kept = people::update(&store, &created.id, PersonInput { notes: Some("met in Brussels".into()), ..base.clone() }).unwrap();
    assert_eq!(kept.person.lawful_basis, LawfulBasis::Consent);
    assert_eq!(kept.person.consent_date.as_deref(), Some("2024-03-01"));
    let (field, _) = field_error(people::update(
        &store,
        &created.id,
        PersonInput { lawful_basis: Some(LawfulBasis::LegitimateInterest), consent_date: Some("2024-03-01".into()), ..base.clone() },
    ));
    assert_eq!(field, "consent_date");
    let switched = people::update(&store, &created.id, PersonInput { lawful_basis: Some(LawfulBasis::LegitimateInterest), ..base.clone() })
        .unwrap();
    assert_eq!(switched.person.consent_date, None);
    // Audited like every field.
    let entries = coalition_core::history::for_record(&store, "person", &created.id, 0, 10).unwrap();
    let last = &entries.entries[0].entry;
    assert_eq!(last.before.as_ref().unwrap()["lawful_basis"], "consent");
    assert_eq!(last.after.as_ref().unwrap()["lawful_basis"], "legitimate_interest");
    assert_eq!(last.before.as_ref().unwrap()["consent_date"], "2024-03-01");

    // The flag's reason is kept only while the person is flagged.
    let flagged = people::update(
        &store,
        &plain.id,
        PersonInput { sensitive: Some(true), sensitive_reason: Some("survivor".into()), ..base.clone() },
    )
    .unwrap();
    assert!(flagged.person.sensitive);
    assert_eq!(flagged.person.sensitive_reason.as_deref(), Some("survivor"));
    let unflagged = people::update(&store, &plain.id, PersonInput { sensitive: Some(false), ..base }).unwrap();
    assert_eq!(unflagged.person.sensitive_reason, None);
}

#[test]
fn migration_12_back_fills_the_people_made_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v11.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        coalition_core::search::register_functions(&conn).unwrap();
        coalition_core::store::migrations().to_version(&mut conn, 11).unwrap();
        conn.execute_batch(
            "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, archived, created_at, updated_at)
             VALUES ('p1', 'Heidi', 'De Pauw', 'Heidi De Pauw', 'de pauw heidi', 'heidi de pauw', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
                    ('p2', 'Javier', 'Zarzalejos', 'Javier Zarzalejos', 'zarzalejos javier', 'javier zarzalejos', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
             INSERT INTO policy_makers (person_id, office, ep_id, mep_status, created_at, updated_at)
             VALUES ('p2', 'mep', 197600, 'current', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let heidi = people::get(&store, "p1").unwrap();
    assert_eq!(heidi.lawful_basis, LawfulBasis::LegitimateInterest);
    assert_eq!(heidi.source.as_deref(), Some("recorded before data-protection fields"));
    assert_eq!(heidi.consent_date, None);
    assert!(!heidi.sensitive);
    let mep = people::get(&store, "p2").unwrap();
    assert_eq!(mep.lawful_basis, LawfulBasis::PublicRole);
    assert!(log(&store).is_empty());
}

#[test]
fn meps_from_the_parliament_list_hold_a_public_role() {
    let store = store();
    let xml = r#"<meps><mep><fullName>Javier ZARZALEJOS</fullName><country>Spain</country>
        <politicalGroup>Group of the European People's Party (Christian Democrats)</politicalGroup><id>197600</id>
        <nationalPoliticalGroup>Partido Popular</nationalPoliticalGroup></mep></meps>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meps.xml");
    std::fs::write(&path, xml).unwrap();
    coalition_core::policy::import_file(&store, &path, false).unwrap();
    let id = coalition_core::stances::person_by_ep_id(&store, 197600).unwrap();
    let mep = people::get(&store, &id).unwrap();
    assert_eq!(mep.lawful_basis, LawfulBasis::PublicRole);
    assert_eq!(mep.source.as_deref(), Some("European Parliament MEP list"));
}

#[test]
fn the_people_export_leaves_sensitive_people_out_unless_included_and_logs_it() {
    let store = store();
    profile::set(&store, profile::Profile { name: Some("Ines Coordinator".into()), initials: Some("IC".into()) }).unwrap();
    person(&store, "Heidi", "De Pauw", false);
    person(&store, "Mié", "Kohiyama", true);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    let count = people::export_csv_file(&store, &PersonQuery::default(), &path).unwrap();
    assert_eq!(count, 1);
    let text = read(&path);
    assert!(text.contains("De Pauw") && !text.contains("Kohiyama"), "{text}");
    let json = dir.path().join("people.json");
    let query = PersonQuery { include_sensitive: Some(true), ..Default::default() };
    assert_eq!(people::export_json_file(&store, &query, &json).unwrap(), 2);
    let text = read(&json);
    assert!(text.contains("Kohiyama") && text.contains("\"sensitive\":true"), "{text}");
    assert!(!text.contains("survivor"), "the reason is never exported: {text}");
    // The list shows everyone, the flag on the row.
    let page = people::list(&store, &PersonQuery::default()).unwrap();
    assert_eq!(page.total, 2);
    assert!(page.rows.iter().any(|r| r.sensitive));

    let rows = log(&store);
    assert_eq!(rows.len(), 2);
    let (json_row, csv_row) = (&rows[0], &rows[1]);
    assert_eq!(csv_row.kind, "people.csv");
    assert_eq!((csv_row.row_count, csv_row.sensitive_included, csv_row.sensitive_left_out), (1, false, 1));
    assert_eq!(csv_row.file_name.as_deref(), Some("people.csv"));
    assert_eq!(csv_row.exported_by, "Ines Coordinator");
    assert_eq!(json_row.kind, "people.json");
    assert_eq!((json_row.row_count, json_row.sensitive_included, json_row.sensitive_left_out), (2, true, 0));
}

#[test]
fn a_failed_export_logs_nothing() {
    let store = store();
    person(&store, "Heidi", "De Pauw", false);
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("missing-folder").join("deeper").join("people.csv");
    std::fs::write(dir.path().join("missing-folder"), "a file, not a folder").unwrap();
    assert!(people::export_csv_file(&store, &PersonQuery::default(), &nowhere).is_err());
    assert!(interactions::export_csv_file(&store, &nowhere).is_err());
    assert!(log(&store).is_empty());
}

#[test]
fn signatory_lists_keep_the_organisation_and_drop_a_sensitive_signers_name() {
    let store = store();
    let brave = add(&store, "Brave Movement", "BE").organisation.id;
    let focus = add(&store, "Child Focus", "BE").organisation.id;
    let mie = person(&store, "Mié", "Kohiyama", true);
    let heidi = person(&store, "Heidi", "De Pauw", false);
    let letter = letters::create(&store, LetterInput { reference: "ol-2022".into(), title: "Open letter".into(), ..Default::default() })
        .unwrap()
        .letter
        .id;
    for (org, signer) in [(&brave, &mie), (&focus, &heidi)] {
        let input = SignatureInput {
            state: SignatureState::Signed,
            date: Some("2022-06-01".into()),
            signer_person_id: Some(signer.clone()),
            publish_signer: true,
            ..Default::default()
        };
        letters::sign(&store, &letter, org, input).unwrap();
    }
    assert_eq!(data_protection::sensitive_count(&store, &SensitiveScope::Letter { letter_id: letter.clone() }).unwrap(), 1);
    let dir = tempfile::tempdir().unwrap();
    let formats = [ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Docx, ExportFormat::Pdf, ExportFormat::Txt, ExportFormat::Md, ExportFormat::Json];
    for format in formats {
        let options = ExportOptions { format, order: SignatoryOrder::Alpha, group_by_country: false, with_signers: true };
        let path = dir.path().join(format!("list.{}", letters::publish::file_extension(format)));
        assert_eq!(letters::export_file(&store, &letter, &options, &path).unwrap(), 2, "{format:?}");
        if matches!(format, ExportFormat::Csv | ExportFormat::Txt | ExportFormat::Md | ExportFormat::Json) {
            let text = read(&path);
            assert!(text.contains("Brave Movement") && text.contains("Heidi De Pauw"), "{format:?}: {text}");
            assert!(!text.contains("Kohiyama"), "{format:?}: {text}");
        }
        let (list, hidden) = letters::published_with(&store, &letter, false).unwrap();
        assert_eq!(hidden, 1);
        assert!(list.signatories.iter().all(|s| s.signer_name.as_deref() != Some("Mié Kohiyama")));
    }
    let options = ExportOptions { format: ExportFormat::Txt, order: SignatoryOrder::Alpha, group_by_country: false, with_signers: true };
    let path = dir.path().join("with.txt");
    letters::export_file_with(&store, &letter, &options, &path, true).unwrap();
    assert!(read(&path).contains("Mié Kohiyama"));
    let rows = log(&store);
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0].kind, "letter.signatories.txt");
    assert!(rows[0].sensitive_included);
    assert_eq!(rows[0].record_id.as_deref(), Some(letter.as_str()));
    assert_eq!(rows[0].record_title.as_deref(), Some("ol-2022 Open letter"));
    assert!(rows[1..].iter().all(|r| !r.sensitive_included && r.sensitive_left_out == 1 && r.row_count == 2));
    let kinds: Vec<&str> = rows[1..].iter().map(|r| r.kind.as_str()).collect();
    assert!(kinds.contains(&"letter.signatories.pdf") && kinds.contains(&"letter.signatories.xlsx"), "{kinds:?}");
}

#[test]
fn event_exports_leave_sensitive_participants_and_speakers_out() {
    let store = store();
    let mie = person(&store, "Mié", "Kohiyama", true);
    let heidi = person(&store, "Heidi", "De Pauw", false);
    let event = events::create(
        &store,
        EventInput {
            reference: "hle-2023".into(),
            title: "High-level event".into(),
            kind: EventKind::Conference,
            status: EventStatus::Confirmed,
            time_zone: Some("Europe/Brussels".into()),
            starts_at: "2023-03-20T09:30".into(),
            ends_at: "2023-03-20T13:00".into(),
            venue_name: Some("Résidence Palace".into()),
            venue_address: None,
            venue_room: None,
            online_link: None,
            capacity: None,
            organiser_ids: Vec::new(),
            notes: None,
        },
    )
    .unwrap()
    .event
    .id;
    events::session_add(
        &store,
        &event,
        SessionInput {
            title: "Panel".into(),
            kind: SessionKind::Panel,
            starts_at: "2023-03-20T10:00".into(),
            ends_at: "2023-03-20T11:00".into(),
            notes: None,
            speakers: vec![
                SpeakerInput { person_id: mie.clone(), role: SpeakerRole::Panellist, state: SpeakerState::Confirmed },
                SpeakerInput { person_id: heidi.clone(), role: SpeakerRole::Moderator, state: SpeakerState::Confirmed },
            ],
        },
    )
    .unwrap();
    events::invite(&store, &event, InviteTarget::People { person_ids: vec![mie.clone(), heidi.clone()] }).unwrap();
    let page = events::participants(&store, &event, &Default::default()).unwrap();
    for p in &page.rows {
        events::set_state(&store, &p.id, ParticipantState::Registered).unwrap();
    }
    assert_eq!(data_protection::sensitive_count(&store, &SensitiveScope::Event { event_id: event.clone() }).unwrap(), 1);
    let dir = tempfile::tempdir().unwrap();
    let options = |what, format| EventExportOptions { what, format, states: Vec::new(), include_needs: false, speaker_person_id: None };
    let cases = [
        (EventExportKind::Participants, EventExportFormat::Csv, true),
        (EventExportKind::Participants, EventExportFormat::Xlsx, false),
        (EventExportKind::Badges, EventExportFormat::Pdf, false),
        (EventExportKind::Ics, EventExportFormat::Ics, true),
        (EventExportKind::Runsheet, EventExportFormat::Docx, false),
        (EventExportKind::Runsheet, EventExportFormat::Pdf, false),
    ];
    for (what, format, text) in cases {
        let path = dir.path().join(format!("{what}.{format}"));
        events::export(&store, &event, &options(what, format), &path).unwrap();
        if text {
            let body = read(&path);
            assert!(body.contains("De Pauw"), "{what}: {body}");
            assert!(!body.contains("Kohiyama"), "{what}: {body}");
        }
        let (_, _, left_out) = events::export::export_bytes_with(&store, &event, &options(what, format), false).unwrap();
        assert_eq!(left_out, 1, "{what}");
        let (_, _, none) = events::export::export_bytes_with(&store, &event, &options(what, format), true).unwrap();
        assert_eq!(none, 0, "{what}");
    }
    let (bytes, count, _) =
        events::export::export_bytes_with(&store, &event, &options(EventExportKind::Participants, EventExportFormat::Csv), true).unwrap();
    assert_eq!(count, 2);
    assert!(String::from_utf8_lossy(&bytes).contains("Kohiyama"));
    let (bytes, _, _) = events::export::export_bytes_with(&store, &event, &options(EventExportKind::Ics, EventExportFormat::Ics), true).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("Kohiyama"));
    let rows = log(&store);
    assert_eq!(rows.len(), 6);
    let kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
    for kind in ["event.participants.csv", "event.participants.xlsx", "event.badges.pdf", "event.calendar.ics", "event.runsheet.docx", "event.runsheet.pdf"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert!(rows.iter().all(|r| r.sensitive_left_out == 1 && r.record_title.as_deref() == Some("hle-2023 High-level event")));
    // With the flag, the file names the speaker and the log says so.
    let path = dir.path().join("with.csv");
    events::export_with(&store, &event, &options(EventExportKind::Participants, EventExportFormat::Csv), &path, true).unwrap();
    assert!(read(&path).contains("Kohiyama"));
    let first = &log(&store)[0];
    assert!(first.sensitive_included);
    assert_eq!(first.row_count, 2);
}

#[test]
fn interactions_and_stances_exports_leave_sensitive_people_out() {
    let store = store();
    let mie = person(&store, "Mié", "Kohiyama", true);
    let heidi = person(&store, "Heidi", "De Pauw", false);
    interactions::create(
        &store,
        interactions::InteractionInput {
            kind: interactions::InteractionKind::Meeting,
            occurred_on: "2023-03-20".into(),
            subject: "Briefing".into(),
            outcome: None,
            dossier_id: None,
            person_ids: vec![mie.clone(), heidi.clone()],
            organisation_ids: vec![],
            tasks: vec![],
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("interactions.csv");
    assert_eq!(interactions::export_csv_file(&store, &path).unwrap(), 1);
    let text = read(&path);
    assert!(text.contains("Heidi De Pauw") && !text.contains("Kohiyama"), "{text}");
    interactions::export_csv_file_with(&store, &path, true).unwrap();
    assert!(read(&path).contains("Kohiyama"));
    let rows = log(&store);
    assert_eq!(rows[1].kind, "interactions.csv");
    assert_eq!((rows[1].sensitive_included, rows[1].sensitive_left_out), (false, 1));
    assert_eq!((rows[0].sensitive_included, rows[0].sensitive_left_out), (true, 0));

    // A policy-maker flagged sensitive leaves the stances export.
    let dossier = coalition_core::dossiers::create(
        &store,
        coalition_core::dossiers::DossierInput { reference: "2022/0155(COD)".into(), short_title: "CSA regulation".into(), ..Default::default() },
    )
    .unwrap()
    .dossier
    .id;
    let mut ids = Vec::new();
    for (given, family, ep_id, sensitive) in [("Javier", "Zarzalejos", 1_i64, false), ("Hidden", "Member", 2, true)] {
        let id = person(&store, given, family, sensitive);
        store
            .write(|c| {
                c.execute(
                    "INSERT INTO policy_makers (person_id, office, ep_id, mep_status, created_at, updated_at)
                     VALUES (?1, 'mep', ?2, 'current', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                    rusqlite::params![id, ep_id],
                )?;
                Ok(())
            })
            .unwrap();
        coalition_core::stances::record(
            &store,
            coalition_core::stances::StanceInput {
                person_id: id.clone(),
                dossier_id: dossier.clone(),
                level: coalition_core::stances::StanceLevel::Supportive,
                stated_on: Some("2023-11-14".into()),
                evidence: Some(coalition_core::stances::EvidenceKind::Meeting),
                source: None,
                vote_id: None,
                recorded_by: None,
            },
        )
        .unwrap();
        ids.push(id);
    }
    let path = dir.path().join("stances.csv");
    assert_eq!(coalition_core::stances::export_csv_file(&store, &dossier, &path, false).unwrap(), 1);
    assert!(!read(&path).contains("Member"));
    assert_eq!(coalition_core::stances::export_csv_file(&store, &dossier, &path, true).unwrap(), 2);
    assert!(read(&path).contains("Hidden Member"));
    let rows = log(&store);
    assert_eq!(rows[0].kind, "stances.csv");
    assert_eq!(rows[1].sensitive_left_out, 1);
}

#[test]
fn the_sensitive_list_and_the_log_are_paged() {
    let store = store();
    for n in 0..5 {
        person(&store, "Anon", &format!("Survivor {n}"), true);
    }
    person(&store, "Heidi", "De Pauw", false);
    let page = data_protection::sensitive_people(&store, PageQuery { offset: 2, limit: 2 }).unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(page.rows.iter().map(|r| r.display_name.as_str()).collect::<Vec<_>>(), ["Anon Survivor 2", "Anon Survivor 3"]);
    assert!(page.rows[0].sensitive_reason.is_some());
    for n in 0..3 {
        data_protection::record_export(&store, &data_protection::ExportEntry::new(format!("test.{n}"), n)).unwrap();
    }
    let log = data_protection::export_log(&store, PageQuery { offset: 1, limit: 1 }).unwrap();
    assert_eq!(log.total, 3);
    assert_eq!(log.rows[0].kind, "test.1");
}

// ---------------------------------------------------------------------------------------
// Retention

fn old_person(store: &Store, name: &str, stamp: &str) -> String {
    let id = coalition_core::store::new_id();
    store
        .write(|c| {
            c.execute(
                "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, archived, created_at, updated_at)
                 VALUES (?1, '', ?2, ?2, lower(?2), lower(?2), 0, ?3, ?3)",
                rusqlite::params![id, name, stamp],
            )?;
            Ok(())
        })
        .unwrap();
    id
}

fn exec(store: &Store, sql: &str, params: &[&dyn rusqlite::ToSql]) {
    store
        .write(|c| {
            c.execute(sql, params)?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn retention_lists_people_whose_every_activity_is_before_the_cutoff() {
    let store = store();
    let today = Local::now().date_naive();
    let years = 3;
    let cutoff = data_protection::cutoff(today, years);
    let before = (chrono::NaiveDate::parse_from_str(&cutoff, "%Y-%m-%d").unwrap() - Duration::days(1)).format("%Y-%m-%d").to_string();
    let after = cutoff.clone();
    let old_stamp = "2015-01-01T00:00:00.000Z";
    let org = add(&store, "Child Focus", "BE").organisation.id;
    // Each kind of activity, once on each side of the cutoff.
    let kinds = ["interaction", "signature", "participant", "speaker", "affiliation", "audit", "created"];
    let mut stale = Vec::new();
    let mut active = Vec::new();
    let event_for = |date: &str| {
        let id = coalition_core::store::new_id();
        exec(
            &store,
            "INSERT INTO events (id, reference, title, kind, status, time_zone, starts_at, ends_at, starts_utc, ends_utc, created_at, updated_at)
             VALUES (?1, ?1, 'E', 'conference', 'confirmed', 'UTC', ?2 || 'T09:00', ?2 || 'T10:00', ?2 || 'T09:00:00Z', ?2 || 'T10:00:00Z', ?3, ?3)",
            &[&id, &date, &old_stamp],
        );
        id
    };
    for (side, date) in [("stale", before.as_str()), ("active", after.as_str())] {
        for kind in kinds {
            let stamp = if kind == "created" { format!("{date}T12:00:00.000Z") } else { old_stamp.to_string() };
            let id = old_person(&store, &format!("{side} {kind}"), &stamp);
            match kind {
                "interaction" => {
                    let i = coalition_core::store::new_id();
                    exec(&store, "INSERT INTO interactions (id, kind, occurred_on, subject, created_at, updated_at) VALUES (?1, 'meeting', ?2, 'x', ?3, ?3)", &[&i, &date, &old_stamp]);
                    exec(&store, "INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?1, ?2)", &[&i, &id]);
                }
                "signature" => {
                    let l = coalition_core::store::new_id();
                    exec(&store, "INSERT INTO letters (id, reference, title, kind, status, created_at, updated_at) VALUES (?1, ?1, 'L', 'open_letter', 'published', ?2, ?2)", &[&l, &old_stamp]);
                    exec(
                        &store,
                        "INSERT INTO signatures (id, letter_id, organisation_id, state, signed_on, signer_person_id, created_at, updated_at)
                         VALUES (?1, ?2, ?3, 'signed', ?4, ?5, ?6, ?6)",
                        &[&coalition_core::store::new_id(), &l, &org, &date, &id, &old_stamp],
                    );
                }
                "participant" => {
                    let e = event_for(date);
                    exec(
                        &store,
                        "INSERT INTO event_participants (id, event_id, person_id, role, state, created_at, updated_at) VALUES (?1, ?2, ?3, 'guest', 'attended', ?4, ?4)",
                        &[&coalition_core::store::new_id(), &e, &id, &old_stamp],
                    );
                }
                "speaker" => {
                    let e = event_for(date);
                    let s = coalition_core::store::new_id();
                    exec(
                        &store,
                        "INSERT INTO event_sessions (id, event_id, title, kind, starts_at, ends_at, created_at, updated_at) VALUES (?1, ?2, 'S', 'panel', ?3 || 'T09:00', ?3 || 'T10:00', ?4, ?4)",
                        &[&s, &e, &date, &old_stamp],
                    );
                    exec(&store, "INSERT INTO session_speakers (session_id, person_id, role, state) VALUES (?1, ?2, 'panellist', 'confirmed')", &[&s, &id]);
                }
                "affiliation" => exec(
                    &store,
                    "INSERT INTO affiliations (id, person_id, organisation_id, starts_on, ends_on, created_at, updated_at) VALUES (?1, ?2, ?3, '2010-01-01', ?4, ?5, ?5)",
                    &[&coalition_core::store::new_id(), &id, &org, &date, &old_stamp],
                ),
                "audit" => exec(
                    &store,
                    "INSERT INTO audit_log (at, entity, entity_id, action, before, after) VALUES (?1 || 'T08:00:00.000Z', 'person', ?2, 'update', NULL, NULL)",
                    &[&date, &id],
                ),
                _ => {}
            }
            if side == "stale" { stale.push(id) } else { active.push(id) }
        }
    }
    // An MEP with nothing since 2015: listed, flagged as public role.
    let mep = old_person(&store, "stale mep", old_stamp);
    exec(&store, "INSERT INTO policy_makers (person_id, office, created_at, updated_at) VALUES (?1, 'commission', ?2, ?2)", &[&mep, &old_stamp]);
    // Archived people are not reviewed.
    let archived = old_person(&store, "stale archived", old_stamp);
    exec(&store, "UPDATE people SET archived = 1 WHERE id = ?1", &[&archived]);

    let page = data_protection::retention_review(&store, &RetentionQuery { limit: 100, ..Default::default() }).unwrap();
    assert_eq!(page.years, 3);
    assert_eq!(page.cutoff, cutoff);
    let listed: Vec<&str> = page.rows.iter().map(|r| r.id.as_str()).collect();
    for id in &stale {
        assert!(listed.contains(&id.as_str()), "stale {id} missing: {:?}", page.rows);
    }
    for id in &active {
        assert!(!listed.contains(&id.as_str()), "active {id} listed: {:?}", page.rows);
    }
    assert!(!listed.contains(&archived.as_str()));
    assert_eq!(page.total as usize, stale.len() + 1);
    let mep_row = page.rows.iter().find(|r| r.id == mep).unwrap();
    assert!(mep_row.public_role);
    assert_eq!(mep_row.last_activity, "2015-01-01");
    assert_eq!(page.rows[0].id, mep, "the longest inactive first");
    let stale_interaction = page.rows.iter().find(|r| r.display_name == "stale interaction").unwrap();
    assert_eq!(stale_interaction.last_activity, before);

    let without = data_protection::retention_review(&store, &RetentionQuery { exclude_public_role: true, ..Default::default() }).unwrap();
    assert_eq!(without.total as usize, stale.len());
    // Paged, the total kept.
    let second = data_protection::retention_review(&store, &RetentionQuery { offset: 2, limit: 2, ..Default::default() }).unwrap();
    assert_eq!(second.rows.len(), 2);
    assert_eq!(second.total, page.total);
    assert_eq!(second.rows[0].id, page.rows[2].id);
    let past = data_protection::retention_review(&store, &RetentionQuery { offset: 500, limit: 2, ..Default::default() }).unwrap();
    assert_eq!(past.total, page.total);

    // A longer period lists fewer (none of the "before" ones at 20 years).
    data_protection::set_retention_years(&store, 20).unwrap();
    assert_eq!(data_protection::retention_years(&store).unwrap(), 20);
    assert_eq!(data_protection::retention_review(&store, &RetentionQuery::default()).unwrap().total, 0);
    let (field, _) = field_error(data_protection::set_retention_years(&store, 21));
    assert_eq!(field, "years");
    let (field, _) = field_error(data_protection::retention_review(&store, &RetentionQuery { years: Some(0), ..Default::default() }));
    assert_eq!(field, "years");
}

#[test]
fn undo_restores_the_data_protection_fields() {
    let store = store();
    let base = PersonInput { given_name: "Ana".into(), family_name: "Lopes".into(), ..Default::default() };
    let id = people::create(&store, NewPerson { person: base.clone(), affiliation: None }).unwrap().person.id;
    people::update(
        &store,
        &id,
        PersonInput {
            lawful_basis: Some(LawfulBasis::Consent),
            consent_date: Some("2024-03-01".into()),
            source: Some("web form".into()),
            sensitive: Some(true),
            sensitive_reason: Some("survivor".into()),
            ..base
        },
    )
    .unwrap();
    coalition_core::history::undo_last(&store).unwrap();
    let person = people::get(&store, &id).unwrap();
    assert_eq!(person.lawful_basis, LawfulBasis::LegitimateInterest);
    assert_eq!((person.source, person.consent_date, person.sensitive, person.sensitive_reason), (None, None, false, None));
}
