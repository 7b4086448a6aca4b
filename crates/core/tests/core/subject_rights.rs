//! Subject access and erasure: a person present in every category, built with the core's own
//! APIs, next to another person who must not leak into the export nor lose anything.

use coalition_core::dossiers::{self, DossierInput, DossierRole};
use coalition_core::events::{
    self, EventInput, EventKind, EventStatus, InviteTarget, ParticipantInput, ParticipantQuery, ParticipantRole, ParticipantState, SessionInput,
    SessionKind, SpeakerInput, SpeakerRole, SpeakerState,
};
use coalition_core::interactions::{self, InteractionInput, InteractionKind, TaskInput};
use coalition_core::letters::{self, LetterInput, SignatureInput, SignatureState};
use coalition_core::people::{self, AffiliationInput, PersonInput};
use coalition_core::seats::{self, BodyKind, SeatRole, SeatTermInput};
use coalition_core::stances::{self, EvidenceKind, StanceInput, StanceLevel, VoteInput};
use coalition_core::subject_rights::{self, ErasurePreview, ERASED};
use coalition_core::{history, policy, profile, search, CoreError, Store};
use serde_json::json;

use super::{add, count, store};

struct World {
    store: Store,
    mie: String,
    heidi: String,
    child_focus: String,
    thorn: String,
    letter: String,
    interaction: String,
}

const MIE_EMAIL: &str = "Mie.Kohiyama@bebrave.example";
const HEIDI_EMAIL: &str = "heidi@childfocus.example";

fn person_input(given: &str, family: &str, email: &str) -> PersonInput {
    serde_json::from_value(json!({
        "given_name": given, "family_name": family, "country": "FR", "languages": ["fr", "en"],
        "emails": [{"label": "work", "email": email}], "phones": [{"label": "mobile", "phone": "+33 6 12 34 56 78"}],
        "notes": format!("{given} {family} met us in Brussels")
    }))
    .unwrap()
}

fn world() -> World {
    let store = store();
    profile::set(&store, profile::Profile { name: Some("Ana Lopes".into()), initials: Some("AL".into()) }).unwrap();
    let child_focus = add(&store, "Child Focus", "BE").organisation.id;
    let thorn = add(&store, "Thorn", "US").organisation.id;

    // Mié is an MEP here so that every category applies to her.
    let pm: policy::PolicyMakerInput = serde_json::from_value(json!({
        "given_name": "Mié", "family_name": "Kohiyama", "country": "FR", "office": "mep", "ep_id": 4242,
        "group_code": "Renew", "national_party": "Renaissance",
        "emails": [{"label": "work", "email": MIE_EMAIL}], "phones": [{"label": "mobile", "phone": "+33 6 98 76 54 32"}]
    }))
    .unwrap();
    let mie = policy::create(&store, pm).unwrap().id;
    let mut mie_input = person_input("Mié", "Kohiyama", MIE_EMAIL);
    mie_input.notes = Some("Survivor; co-founder of Be Brave France".into());
    let mie_input: PersonInput = {
        let mut value = serde_json::to_value(&mie_input).unwrap();
        let fields = value.as_object_mut().unwrap();
        fields.insert("lawful_basis".into(), json!("consent"));
        fields.insert("consent_date".into(), json!("2023-01-15"));
        fields.insert("source".into(), json!("Speaker form, January 2023"));
        fields.insert("sensitive".into(), json!(true));
        fields.insert("sensitive_reason".into(), json!("survivor who speaks in public"));
        serde_json::from_value(value).unwrap()
    };
    people::update(&store, &mie, mie_input).unwrap();
    let heidi = people::create(&store, people::NewPerson { person: person_input("Heidi", "De Pauw", HEIDI_EMAIL), affiliation: None }).unwrap().person.id;
    let affiliation = |_person: &str, org: &str, title: &str| AffiliationInput {
        organisation_id: org.into(),
        job_title: Some(title.into()),
        starts_on: Some("2021-01-01".into()),
        ..Default::default()
    };
    people::add_affiliation(&store, &mie, affiliation(&mie, &child_focus, "Adviser")).unwrap();
    people::add_affiliation(&store, &heidi, affiliation(&heidi, &child_focus, "CEO")).unwrap();

    let term = |org: Option<&str>, person: &str, role: SeatRole| SeatTermInput {
        body: "Steering group".into(),
        kind: BodyKind::SteeringGroup,
        role,
        organisation_id: org.map(Into::into),
        person_id: Some(person.into()),
        starts_on: "2023-01-01".into(),
        ends_on: None,
    };
    seats::add_term(&store, term(Some(&child_focus), &mie, SeatRole::Member)).unwrap();
    seats::add_term(&store, term(None, &mie, SeatRole::Chair)).unwrap();

    policy::committee_add(&store, &mie, policy::CommitteeMembershipInput { committee_code: "LIBE".into(), role: policy::CommitteeRole::Member, starts_on: Some("2024-07-16".into()) }).unwrap();
    let dossier = dossiers::create(&store, DossierInput { reference: "2022/0155(COD)".into(), short_title: "CSA regulation".into(), lead_committee: Some("LIBE".into()) })
        .unwrap()
        .dossier
        .id;
    dossiers::add_role(&store, &dossier, &mie, DossierRole::ShadowRapporteur).unwrap();
    stances::record(&store, StanceInput {
        person_id: mie.clone(),
        dossier_id: dossier.clone(),
        level: StanceLevel::Champion,
        stated_on: Some("2023-03-20".into()),
        evidence: Some(EvidenceKind::PublicStatement),
        source: Some("Keynote at the high-level event".into()),
        vote_id: None,
        recorded_by: None,
    })
    .unwrap();
    stances::import_vote(&store, &VoteInput { dossier_id: dossier.clone(), voted_on: "2023-11-14".into(), title: "LIBE vote".into() }, b"ep_id,name,position\n4242,Mie KOHIYAMA,for\n")
        .unwrap();

    let interaction = interactions::create(&store, InteractionInput {
        kind: InteractionKind::Meeting,
        occurred_on: "2023-02-01".into(),
        subject: "Preparing the March event with Mié Kohiyama".into(),
        outcome: Some("Agreed to give a keynote".into()),
        dossier_id: None,
        person_ids: vec![mie.clone(), heidi.clone()],
        organisation_ids: vec![thorn.clone()],
        tasks: vec![TaskInput { title: "Send the speaker brief".into(), owner_person_id: Some(mie.clone()), due_on: Some("2023-03-01".into()), ..Default::default() }],
    })
    .unwrap()
    .id;
    interactions::create_task(&store, TaskInput { title: "Call back about travel".into(), owner_person_id: Some(mie.clone()), ..Default::default() }).unwrap();

    let letter = letters::create(&store, LetterInput { reference: "open-letter-2022".into(), title: "Open letter supporting the proposal".into(), ..Default::default() })
        .unwrap()
        .letter
        .id;
    letters::sign(&store, &letter, &child_focus, SignatureInput {
        state: SignatureState::Signed,
        date: Some("2022-06-20".into()),
        publish_signer: true,
        signer_name: Some("Mié Kohiyama".into()),
        signer_title: Some("Co-founder".into()),
        signer_person_id: Some(mie.clone()),
        ..Default::default()
    })
    .unwrap();

    let event = events::create(&store, EventInput {
        reference: "hle-2023".into(),
        title: "High-level event".into(),
        kind: EventKind::Conference,
        status: EventStatus::Held,
        time_zone: None,
        starts_at: "2023-03-20 09:00".into(),
        ends_at: "2023-03-20 17:00".into(),
        venue_name: Some("Résidence Palace".into()),
        venue_address: None,
        venue_room: None,
        online_link: None,
        capacity: Some(1),
        organiser_ids: Vec::new(),
        notes: None,
    })
    .unwrap()
    .event
    .id;
    events::session_add(&store, &event, SessionInput {
        title: "Opening keynotes".into(),
        kind: SessionKind::Keynote,
        starts_at: "2023-03-20 09:30".into(),
        ends_at: "2023-03-20 10:30".into(),
        notes: None,
        speakers: vec![SpeakerInput { person_id: mie.clone(), role: SpeakerRole::KeynoteSpeaker, state: SpeakerState::Confirmed }],
    })
    .unwrap();
    events::invite(&store, &event, InviteTarget::People { person_ids: vec![mie.clone(), heidi.clone()] }).unwrap();
    let participants = events::participants(&store, &event, &ParticipantQuery::default()).unwrap();
    let mine = participants.rows.iter().find(|p| p.person_id == mie).expect("Mié is invited").id.clone();
    events::participant_update(&store, &mine, ParticipantInput {
        role: ParticipantRole::Speaker,
        counts_for_capacity: true,
        organisation_id: None,
        dietary_needs: Some("vegetarian".into()),
        access_needs: Some("step-free access".into()),
        notes: None,
    })
    .unwrap();
    // Mié holds the one seat, Heidi waits for it
    events::set_state(&store, &mine, ParticipantState::Registered).unwrap();
    let hers = participants.rows.iter().find(|p| p.person_id == heidi).expect("Heidi is invited").id.clone();
    events::set_state(&store, &hers, ParticipantState::Registered).unwrap();
    assert_eq!(count(&store, "event_participants WHERE state = 'waitlisted'"), 1);
    events::person_list_create(&store, "Survivor advocates", &[mie.clone(), heidi.clone()]).unwrap();

    World { store, mie, heidi, child_focus, thorn, letter, interaction }
}

#[test]
fn subject_access_holds_every_category_and_nobody_else() {
    let w = world();
    let sar = subject_rights::subject_access(&w.store, &w.mie).unwrap();
    assert_eq!(sar.person.display_name, "Mié Kohiyama");
    assert_eq!(sar.person.emails[0].email, MIE_EMAIL);
    assert_eq!(sar.person.languages, ["en", "fr"]);
    assert!(sar.person.notes.as_deref().unwrap().contains("Survivor"));
    let dp = sar.data_protection.as_ref().expect("data-protection fields");
    assert_eq!((dp.lawful_basis.as_deref(), dp.consent_date.as_deref()), (Some("consent"), Some("2023-01-15")));
    assert_eq!(dp.source.as_deref(), Some("Speaker form, January 2023"));
    assert!(dp.sensitive);
    assert_eq!(sar.affiliations.len(), 1);
    assert_eq!(sar.affiliations[0].organisation, "Child Focus");
    assert_eq!(sar.seat_terms.len(), 2);
    let pm = sar.policy_maker.as_ref().expect("policy-maker data");
    assert_eq!((pm.office.as_str(), pm.ep_id, pm.group_code.as_deref()), ("mep", Some(4242), Some("Renew")));
    assert_eq!(pm.committees[0].code, "LIBE");
    assert_eq!(pm.dossier_roles[0].role, "shadow_rapporteur");
    assert_eq!(sar.stances.len(), 1);
    assert_eq!(sar.stances[0].evidence, "public_statement");
    assert_eq!(sar.votes.len(), 1);
    assert_eq!(sar.votes[0].position, "for");
    assert_eq!(sar.interactions.len(), 1);
    assert_eq!(sar.interactions[0].organisations, ["Thorn"]);
    assert_eq!(sar.interactions[0].other_people, 1);
    let relations: Vec<&str> = sar.tasks.iter().map(|t| t.relation.as_str()).collect();
    assert_eq!(relations.len(), 2);
    assert!(relations.iter().all(|r| *r == "assigned"));
    assert_eq!(sar.signatures.len(), 1);
    assert_eq!((sar.signatures[0].organisation.as_str(), sar.signatures[0].signer_title.as_deref()), ("Child Focus", Some("Co-founder")));
    assert_eq!(sar.events.len(), 1);
    assert_eq!(sar.events[0].dietary_needs.as_deref(), Some("vegetarian"));
    assert_eq!(sar.speaking.len(), 1);
    assert_eq!(sar.speaking[0].role, "keynote_speaker");
    assert_eq!(sar.lists, ["Survivor advocates"]);
    assert!(sar.history.iter().any(|h| h.entity == "person" && h.action == "update"));
    assert!(sar.history.iter().any(|h| h.entity == "affiliation"));
    assert!(sar.history.iter().all(|h| h.actor_initials.as_deref() == Some("AL")), "{:?}", sar.history);

    let text = serde_json::to_string(&sar).unwrap();
    for other in ["De Pauw", "Heidi", HEIDI_EMAIL, w.heidi.as_str(), "CEO"] {
        assert!(!text.contains(other), "the export mentions {other}");
    }
}

#[test]
fn write_sar_writes_json_and_a_readable_pdf_with_accents() {
    let w = world();
    let dir = tempfile::tempdir().unwrap();
    let paths = subject_rights::write_sar(&w.store, &w.mie, dir.path()).unwrap();
    assert_eq!(paths.len(), 2);
    let json_name = paths[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(json_name.starts_with("mie-kohiyama-subject-access-") && json_name.ends_with(".json"), "{json_name}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&paths[0]).unwrap()).unwrap();
    assert_eq!(json["person"]["family_name"], "Kohiyama");
    let pdf = std::fs::read(&paths[1]).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("Mié Kohiyama"), "{text}");
    assert!(text.contains("Page 1 of"), "{text}");
    assert!(text.contains("step-free access"));
    // nothing else is left in the folder (temporary files renamed away)
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    // the export log says what was exported, for whom and when, never the data
    assert_eq!(count(&w.store, &format!("export_log WHERE kind = 'person.subject_access' AND record_id = '{}'", w.mie)), 1);

    // after an erasure, neither the log nor its audit entry names her (not even in a file name)
    subject_rights::erase(&w.store, &w.mie, "Mié Kohiyama").unwrap();
    assert_eq!(count(&w.store, "export_log WHERE record_title = '(erased)' AND file_name = '(erased)'"), 1);
    for needle in ["Kohiyama", "mie-kohiyama"] {
        assert_eq!(audit_text_count(&w.store, needle), 0, "{needle}");
        assert_eq!(count(&w.store, &format!("export_log WHERE instr(lower(coalesce(record_title, '') || coalesce(file_name, '')), '{}') > 0", needle.to_lowercase())), 0);
    }
}

#[test]
fn an_unknown_person_or_folder_is_refused() {
    let w = world();
    assert!(matches!(subject_rights::subject_access(&w.store, "nobody"), Err(CoreError::NotFound(_))));
    let missing = std::path::Path::new("/nonexistent/folder");
    let err = subject_rights::write_sar(&w.store, &w.mie, missing).unwrap_err();
    assert!(matches!(err, CoreError::Invalid(_)), "{err}");
}

fn count_of(p: &ErasurePreview, key: &str) -> i64 {
    p.removed.iter().chain(p.anonymised.iter()).find(|c| c.key == key).map_or(0, |c| c.count as i64)
}

fn audit_text_count(store: &Store, needle: &str) -> i64 {
    store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM audit_log WHERE instr(lower(coalesce(before, '') || coalesce(after, '') || coalesce(entity_id, '') || action), lower(?1)) > 0",
                [needle],
                |r| r.get(0),
            )?)
        })
        .unwrap()
}

#[test]
fn a_wrong_confirmation_erases_nothing() {
    let w = world();
    let before = (count(&w.store, "people"), count(&w.store, "audit_log"), count(&w.store, "person_emails"));
    let err = subject_rights::erase(&w.store, &w.mie, "Heidi De Pauw").unwrap_err();
    match err {
        CoreError::Invalid(fields) => {
            assert_eq!(fields[0].field, "confirm");
            assert!(fields[0].message.contains("Mié Kohiyama"), "{}", fields[0].message);
        }
        other => panic!("expected a field error, got {other}"),
    }
    // the preview is rolled back too
    subject_rights::erasure_preview(&w.store, &w.mie).unwrap();
    assert_eq!(before, (count(&w.store, "people"), count(&w.store, "audit_log"), count(&w.store, "person_emails")));
    assert_eq!(audit_text_count(&w.store, "Kohiyama") > 0, true);
}

#[test]
fn erasure_removes_the_person_everywhere_and_keeps_what_belongs_to_others() {
    let w = world();
    let s = &w.store;
    let preview = subject_rights::erasure_preview(s, &w.mie).unwrap();
    assert_eq!(preview.display_name, "Mié Kohiyama");
    assert!(preview.backups_note.contains("Backups"));
    assert_eq!(preview.tombstone_seq, None);
    assert_eq!(preview.mentions, ["interaction 2023-02-01: Preparing the March event with Mié Kohiyama"]);
    let tables = ["person_emails", "person_phones", "person_languages", "affiliations", "committee_memberships", "dossier_roles", "stances", "vote_positions", "event_participants", "session_speakers", "person_list_members", "interaction_participants"];
    let before: Vec<i64> = tables.iter().map(|t| count(s, t)).collect();
    let seats_before = count(s, "seat_terms");

    let done = subject_rights::erase(s, &w.mie, "  mié   KOHIYAMA ").unwrap();
    assert_eq!(done.removed, preview.removed, "the preview said what went");
    let tombstone = done.tombstone_seq.expect("a tombstone");

    // the preview's counts equal what went, table by table
    let keys = ["emails", "phones", "languages", "affiliations", "committees", "dossier_roles", "stances", "vote_positions", "event_participation", "speaking", "lists", "interactions"];
    for ((table, key), was) in tables.iter().zip(keys).zip(before) {
        assert_eq!(was - count(s, table), count_of(&preview, key), "{table}");
    }
    assert_eq!(seats_before - count(s, "seat_terms"), count_of(&preview, "seat_terms"));
    assert_eq!((count_of(&preview, "seat_terms"), count_of(&preview, "seat_terms_kept")), (1, 1));

    // nothing refers to her any more
    for sql in [
        "people WHERE id = ?",
        "policy_makers WHERE person_id = ?",
        "person_emails WHERE person_id = ?",
        "person_phones WHERE person_id = ?",
        "person_languages WHERE person_id = ?",
        "affiliations WHERE person_id = ?",
        "seat_terms WHERE person_id = ?",
        "committee_memberships WHERE person_id = ?",
        "dossier_roles WHERE person_id = ?",
        "stances WHERE person_id = ?",
        "vote_positions WHERE person_id = ?",
        "interaction_participants WHERE person_id = ?",
        "tasks WHERE owner_person_id = ?",
        "event_participants WHERE person_id = ?",
        "session_speakers WHERE person_id = ?",
        "person_list_members WHERE person_id = ?",
        "signatures WHERE signer_person_id = ?",
        "audit_links WHERE entity = 'person' AND entity_id = ?",
        "search_docs WHERE record_id = ?",
    ] {
        assert_eq!(count(s, &sql.replace('?', &format!("'{}'", w.mie))), 0, "{sql}");
    }
    // what belongs to others stays
    assert_eq!(count(s, &format!("people WHERE id = '{}'", w.heidi)), 1);
    assert_eq!(count_of(&preview, "waitlist_promoted"), 1);
    assert_eq!(count(s, &format!("event_participants WHERE person_id = '{}' AND state = 'registered'", w.heidi)), 1, "Heidi takes the seat");
    assert_eq!(count(s, &format!("affiliations WHERE person_id = '{}'", w.heidi)), 1);
    assert_eq!(count(s, &format!("seat_terms WHERE organisation_id = '{}' AND person_id IS NULL", w.child_focus)), 1);
    assert_eq!(count(s, &format!("interaction_participants WHERE interaction_id = '{}'", w.interaction)), 2, "Heidi and Thorn");
    assert_eq!(count(s, &format!("interaction_participants WHERE organisation_id = '{}'", w.thorn)), 1);
    assert_eq!(count(s, "tasks WHERE owner_person_id IS NULL"), 2);
    let signature: (String, Option<String>, Option<String>, Option<String>, bool) = s
        .read(|c| {
            Ok(c.query_row(
                "SELECT state, signer_name, signer_title, signer_person_id, publish_signer FROM signatures WHERE letter_id = ?1 AND organisation_id = ?2",
                [&w.letter, &w.child_focus],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?)
        })
        .unwrap();
    assert_eq!(signature, ("signed".into(), Some(ERASED.into()), Some(ERASED.into()), None, false));
    assert_eq!(letters::get(s, &w.letter).unwrap().signatures.len(), 1);

    // the audit log: one tombstone, and no name, email, phone or title of hers anywhere
    assert_eq!(count(s, "audit_log WHERE action = 'erase'"), 1);
    for needle in ["Kohiyama", "Mié", MIE_EMAIL, "+33 6 98 76 54 32", "Co-founder", "Be Brave France", "vegetarian", "survivor who speaks", "Speaker form", "step-free"] {
        assert_eq!(audit_text_count(s, needle), 0, "the audit log still holds {needle}");
    }
    let tomb: String = s.read(|c| Ok(c.query_row("SELECT after FROM audit_log WHERE seq = ?1", [tombstone], |r| r.get(0))?)).unwrap();
    let tomb: serde_json::Value = serde_json::from_str(&tomb).unwrap();
    assert_eq!(tomb["removed"]["emails"], 1);
    assert_eq!(tomb["anonymised"]["signatures"], 1);
    // Heidi's data is untouched
    assert!(audit_text_count(s, "De Pauw") > 0);
    assert!(audit_text_count(s, HEIDI_EMAIL) > 0);

    // search finds her nowhere but in the interaction whose subject names her (listed in the preview's mentions)
    let hits = search::search(s, "Kohiyama", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), [w.interaction.as_str()]);
    assert!(search::search(s, "bebrave", 10).unwrap().is_empty());
    assert!(!search::search(s, "De Pauw", 10).unwrap().is_empty());
}

#[test]
fn undo_cannot_bring_an_erased_person_back() {
    let w = world();
    let s = &w.store;
    let person_entries: Vec<u32> = s
        .read(|c| {
            let mut stmt = c.prepare("SELECT seq FROM audit_log WHERE entity_id = ?1 ORDER BY seq")?;
            let rows = stmt.query_map([&w.mie], |r| r.get(0))?.collect::<rusqlite::Result<Vec<u32>>>()?;
            Ok(rows)
        })
        .unwrap();
    assert!(person_entries.len() >= 2);
    subject_rights::erase(s, &w.mie, "Mié Kohiyama").unwrap();

    let last = history::undo_last(s).unwrap_err();
    assert!(last.to_string().contains("an erasure cannot be undone"), "{last}");
    for seq in person_entries {
        let err = history::undo(s, seq).unwrap_err();
        assert!(err.to_string().contains("erased"), "entry {seq}: {err}");
    }
    // the signature's and the interaction's entries were scrubbed too, and refuse likewise
    let interaction_create: u32 = s
        .read(|c| Ok(c.query_row("SELECT seq FROM audit_log WHERE entity = 'interaction' AND action = 'create'", [], |r| r.get(0))?))
        .unwrap();
    let err = history::undo(s, interaction_create).unwrap_err();
    assert!(err.to_string().contains("erased"), "{err}");
    assert_eq!(count(s, &format!("people WHERE id = '{}'", w.mie)), 0);
    // the history shows scrubbed entries as not undoable
    let page = history::for_record(s, "interaction", &w.interaction, 0, 50).unwrap();
    assert!(page.entries.iter().all(|e| !e.undoable));
}

#[test]
fn an_unknown_person_cannot_be_erased() {
    let s = store();
    assert!(matches!(subject_rights::erasure_preview(&s, "nobody"), Err(CoreError::NotFound(_))));
    assert!(matches!(subject_rights::erase(&s, "nobody", "x"), Err(CoreError::NotFound(_))));
}
