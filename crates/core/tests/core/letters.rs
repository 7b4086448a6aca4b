use coalition_core::letters::import::{self, RowDecision, SignatureColumns, SignatureImportOptions};
use coalition_core::letters::publish::{ExportFormat, ExportOptions, SignatoryOrder};
use coalition_core::letters::{self, InviteSegment, LetterInput, LetterStatus, MatrixQuery, SignatureInput, SignatureState};
use coalition_core::matching::MatchOutcome;
use coalition_core::memberships::{MembershipStatus, MembershipTier};
use coalition_core::{demo, ApiError, Store};

use super::{add, add_member, count, store};

fn letter(store: &Store, reference: &str) -> String {
    letters::create(store, LetterInput { reference: reference.into(), title: "Open letter supporting the proposal".into(), ..Default::default() })
        .unwrap()
        .letter
        .id
}

fn signed(date: &str) -> SignatureInput {
    SignatureInput { state: SignatureState::Signed, date: Some(date.into()), ..Default::default() }
}

fn txt(store: &Store, letter_id: &str, order: SignatoryOrder) -> String {
    let options = ExportOptions { format: ExportFormat::Txt, order, group_by_country: false, with_signers: true };
    String::from_utf8(letters::export(store, letter_id, &options).unwrap()).unwrap()
}

#[test]
fn references_are_unique_and_named() {
    let store = store();
    letter(&store, "open-letter-2022");
    let error = letters::create(&store, LetterInput { reference: "Open-Letter-2022".into(), title: "Again".into(), ..Default::default() }).unwrap_err();
    let api = ApiError::from(error);
    assert_eq!(api.field.as_deref(), Some("reference"));
    assert_eq!(api.message, "reference \"open-letter-2022\" is already used by \"Open letter supporting the proposal\"");
    assert_eq!(letters::by_reference(&store, "OPEN-LETTER-2022").unwrap().reference, "open-letter-2022");
}

#[test]
fn states_keep_their_dates_and_withdrawn_never_export() {
    let store = store();
    let id = letter(&store, "l1");
    let org = add(&store, "Eurochild", "BE").organisation.id;
    letters::sign(&store, &id, &org, SignatureInput { state: SignatureState::Invited, date: Some("2022-06-01".into()), ..Default::default() }).unwrap();
    letters::sign(&store, &id, &org, signed("2022-06-03")).unwrap();
    let detail = letters::sign(
        &store,
        &id,
        &org,
        SignatureInput { state: SignatureState::Withdrawn, date: Some("2022-07-01".into()), withdrawal_reason: Some("Board decision".into()), ..Default::default() },
    )
    .unwrap();
    let s = &detail.signatures[0];
    assert_eq!((s.invited_on.as_deref(), s.signed_on.as_deref(), s.withdrawn_on.as_deref()), (Some("2022-06-01"), Some("2022-06-03"), Some("2022-07-01")));
    assert_eq!(s.withdrawal_reason.as_deref(), Some("Board decision"));
    assert_eq!((detail.counts.invited, detail.counts.signed, detail.counts.withdrawn), (1, 0, 1));
    assert!(!txt(&store, &id, SignatoryOrder::Alpha).contains("Eurochild"));
    assert_eq!(count(&store, "signatures"), 1, "the record is kept");
}

#[test]
fn publication_consent_is_respected() {
    let store = store();
    let id = letter(&store, "l1");
    let named = add(&store, "Eurochild", "BE").organisation.id;
    let secret = add(&store, "Quiet Org", "FR").organisation.id;
    let shy_signer = add(&store, "Thorn", "US").organisation.id;
    letters::sign(&store, &id, &named, SignatureInput { signer_name: Some("Jana Hainsworth".into()), signer_title: Some("Secretary General".into()), publish_signer: true, ..signed("2022-06-01") }).unwrap();
    letters::sign(&store, &id, &secret, SignatureInput { publish_organisation: false, ..signed("2022-06-01") }).unwrap();
    letters::sign(&store, &id, &shy_signer, SignatureInput { signer_name: Some("Hidden Person".into()), publish_signer: false, display_name: Some("Thorn (US)".into()), ..signed("2022-06-01") }).unwrap();
    let text = txt(&store, &id, SignatoryOrder::Alpha);
    assert!(text.contains("Jana Hainsworth"), "{text}");
    assert!(!text.contains("Hidden Person"), "{text}");
    assert!(!text.contains("Quiet Org"), "{text}");
    assert!(text.contains("Thorn (US)"), "{text}");
    assert!(text.contains("Signed by 2 organisations from 2 countries."), "{text}");
    assert!(text.contains("1 further organisation signed without being named."), "{text}");
}

#[test]
fn alphabetical_order_ignores_case_and_accents() {
    let store = store();
    let id = letter(&store, "l1");
    for (name, country) in [("Zebra Aid", "BE"), ("École de la Paix", "FR"), ("eurochild", "BE"), ("Defence for Children", "NL")] {
        let org = add(&store, name, country).organisation.id;
        letters::sign(&store, &id, &org, signed("2022-06-01")).unwrap();
    }
    let text = txt(&store, &id, SignatoryOrder::Alpha);
    let positions: Vec<usize> = ["Defence for Children", "École de la Paix", "eurochild", "Zebra Aid"].iter().map(|n| text.find(n).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    let by_country = txt(&store, &id, SignatoryOrder::Country);
    assert!(by_country.find("eurochild").unwrap() < by_country.find("École").unwrap(), "Belgium before France: {by_country}");
}

#[test]
fn invite_a_segment_follow_counts_and_list_who_has_not_signed() {
    let store = store();
    demo::load(&store).unwrap();
    add_member(&store, "Lapsed Org", "FR", MembershipStatus::Lapsed, MembershipTier::Full, "2020-01-01");
    let id = letter(&store, "petition-2023");
    let letters::InviteReport { invited, detail } = letters::invite(&store, &id, &InviteSegment { statuses: vec![MembershipStatus::Active], countries: vec!["be".into()] }).unwrap();
    assert_eq!(invited, 3, "Child Focus, Eurochild, Missing Children Europe");
    assert_eq!((detail.counts.invited, detail.counts.silent), (3, 3));
    let again = letters::invite(&store, &id, &InviteSegment { statuses: vec![MembershipStatus::Active], countries: vec![] }).unwrap().invited;
    assert_eq!(again as usize, demo::organisation_count() - 3, "already invited organisations are left alone");
    let eurochild = detail.signatures.iter().find(|s| s.organisation_name == "Eurochild").unwrap().organisation_id.clone();
    let detail = letters::sign(&store, &id, &eurochild, signed("2023-09-01")).unwrap();
    assert_eq!((detail.counts.signed, detail.counts.silent, detail.counts.invited), (1, demo::organisation_count() as u32 - 1, demo::organisation_count() as u32));
    let missing = letters::not_yet_signed(&store, &id, &InviteSegment { statuses: vec![MembershipStatus::Active], countries: vec![] }).unwrap();
    assert_eq!(missing.len(), demo::organisation_count() - 1);
    assert!(missing.iter().all(|m| m.name != "Eurochild" && m.name != "Lapsed Org"));
}

#[test]
fn the_matrix_shows_who_signed_what() {
    let store = store();
    let first = letter(&store, "first");
    let second = letter(&store, "second");
    let a = add_member(&store, "Alpha", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-01-01").organisation.id;
    let b = add_member(&store, "Beta", "BE", MembershipStatus::Withdrawn, MembershipTier::Full, "2022-01-01").organisation.id;
    add(&store, "Gamma", "BE");
    letters::sign(&store, &first, &a, signed("2022-06-01")).unwrap();
    letters::sign(&store, &second, &b, SignatureInput { state: SignatureState::Declined, ..Default::default() }).unwrap();
    let matrix = letters::matrix(&store, &MatrixQuery::default()).unwrap();
    assert_eq!(matrix.letters.iter().map(|l| l.reference.as_str()).collect::<Vec<_>>(), ["first", "second"]);
    assert_eq!(matrix.total, 2, "Gamma has no signature");
    assert_eq!(matrix.rows[0].cells, [Some(SignatureState::Signed), None]);
    assert_eq!(matrix.rows[1].cells, [None, Some(SignatureState::Declined)]);
    let active = letters::matrix(&store, &MatrixQuery { statuses: vec![MembershipStatus::Active], ..Default::default() }).unwrap();
    assert_eq!(active.rows.len(), 1);
    let mut csv = Vec::new();
    letters::export_matrix_csv(&store, &MatrixQuery::default(), &mut csv).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with("organisation,country,membership_status,first,second\n"), "{text}");
    assert!(text.contains("Alpha,BE,active,signed,\n"), "{text}");
}

const FORM_EXPORT: &str = "Timestamp,Organisation,Country,Your name,Job title,Email\n\
2022-06-02 10:11:12,Eurochild,Belgium,Jana Hainsworth,Secretary General,j@eurochild.org\n\
2022-06-03 09:00:00,IWF,United Kingdom,Michael Tunks,Head of Policy,\n\
2022-06-04 12:00:00,The Eurochild,Belgium,,,\n\
2022-06-05 12:00:00,Terre des Hommes NL,Netherlands,,,\n";

#[test]
fn signature_import_matches_exactly_by_name_or_acronym_and_suggests_the_rest() {
    let store = store();
    demo::load(&store).unwrap();
    let id = letter(&store, "open-letter-2022");
    let table = import::preview_file(FORM_EXPORT.as_bytes()).unwrap();
    assert_eq!(table.columns, SignatureColumns { organisation: Some(1), country: Some(2), signer: Some(3), signer_title: Some(4), date: Some(0), email: Some(5) });
    let rows = import::analyse(&store, FORM_EXPORT.as_bytes(), &table.columns).unwrap();
    assert!(matches!(&rows[0].outcome, MatchOutcome::Exact { name, .. } if name == "Eurochild"));
    assert!(matches!(&rows[1].outcome, MatchOutcome::Exact { name, .. } if name == "Internet Watch Foundation"));
    assert!(matches!(&rows[2].outcome, MatchOutcome::Exact { name, .. } if name == "Eurochild"), "a leading The is ignored");
    let MatchOutcome::Suggestions { suggestions } = &rows[3].outcome else { panic!("not a suggestion") };
    assert_eq!(suggestions[0].name, "Terre des Hommes");

    // The CLI's rules: an unmatched row refuses the whole file, naming suggestions.
    let refused = import::import_file(&store, &id, FORM_EXPORT.as_bytes(), &SignatureImportOptions::default()).unwrap();
    assert!(!refused.committed);
    assert_eq!(count(&store, "signatures"), 0);
    let messages: Vec<String> = refused.issues.iter().map(ToString::to_string).collect();
    assert!(messages.contains(&"line 5: organisation: no match for \"Terre des Hommes NL\" (did you mean: Terre des Hommes)".to_string()), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("line 4: organisation: the same organisation already signed on line 2")), "{messages:?}");

    // The wizard's way: the coordinator picks the suggestion and skips the duplicate row.
    let tdh = suggestions[0].id.clone();
    let eurochild = match &rows[0].outcome { MatchOutcome::Exact { id, .. } => id.clone(), _ => unreachable!() };
    let iwf = match &rows[1].outcome { MatchOutcome::Exact { id, .. } => id.clone(), _ => unreachable!() };
    let decisions = vec![
        RowDecision::Organisation { line: 2, organisation_id: eurochild },
        RowDecision::Organisation { line: 3, organisation_id: iwf },
        RowDecision::Skip { line: 4 },
        RowDecision::Organisation { line: 5, organisation_id: tdh },
    ];
    let options = SignatureImportOptions::default();
    let report = import::apply(&store, &id, FORM_EXPORT.as_bytes(), &table.columns, &decisions, vec![], &options).unwrap();
    assert!(report.committed, "{:?}", report.issues);
    assert_eq!(report.summary(), "signed 3, updated 0, unchanged 0, rejected 1");
    let again = import::apply(&store, &id, FORM_EXPORT.as_bytes(), &table.columns, &decisions, vec![], &options).unwrap();
    assert_eq!(again.summary(), "signed 0, updated 0, unchanged 3, rejected 1", "importing the same file again adds nothing");
    let detail = letters::get(&store, &id).unwrap();
    let jana = detail.signatures.iter().find(|s| s.organisation_name == "Eurochild").unwrap();
    assert_eq!((jana.signer_name.as_deref(), jana.signed_on.as_deref()), (Some("Jana Hainsworth"), Some("2022-06-02")));
}

#[test]
fn signature_import_can_create_missing_organisations() {
    let store = store();
    let id = letter(&store, "l1");
    let csv = "organisation;country\nNew Org;France\nNo Country Org;\n";
    let report = import::import_file(&store, &id, csv.as_bytes(), &SignatureImportOptions { create_missing: true, ..Default::default() }).unwrap();
    assert!(!report.committed);
    assert_eq!(report.issues[0].to_string(), "line 3: country: country is required to create \"No Country Org\"");
    assert_eq!(count(&store, "organisations"), 0, "nothing is written");
    let report = import::import_file(&store, &id, csv.as_bytes(), &SignatureImportOptions { create_missing: true, skip_invalid: true, ..Default::default() }).unwrap();
    assert_eq!((report.signed, report.organisations_created, report.rejected), (1, 1, 1));
    assert_eq!(letters::get(&store, &id).unwrap().letter.status, LetterStatus::Drafting);
}

#[test]
fn exports_remember_their_choices() {
    let store = store();
    let id = letter(&store, "l1");
    let options = ExportOptions { format: ExportFormat::Md, order: SignatoryOrder::Country, group_by_country: true, with_signers: false };
    letters::export(&store, &id, &options).unwrap();
    let choices = letters::get(&store, &id).unwrap().export_choices.unwrap();
    assert_eq!((choices.format, choices.order, choices.group_by_country), (ExportFormat::Md, SignatoryOrder::Country, true));
}

#[test]
fn editing_a_letter_is_audited_and_an_unchanged_edit_writes_nothing() {
    let store = store();
    let id = letter(&store, "open-letter-2022");
    let edit = LetterInput {
        reference: "open-letter-2022".into(),
        title: "Open letter supporting the proposal".into(),
        status: Some(LetterStatus::Collecting),
        deadline: Some("2022-06-30".into()),
        languages: vec!["en".into(), "fr".into()],
        ..Default::default()
    };
    let detail = letters::update(&store, &id, edit.clone()).unwrap();
    assert_eq!((detail.letter.status, detail.letter.deadline.as_deref()), (LetterStatus::Collecting, Some("2022-06-30")));
    assert_eq!(detail.letter.languages, ["en", "fr"]);
    let audited = count(&store, "audit_log");
    letters::update(&store, &id, edit).unwrap();
    assert_eq!(count(&store, "audit_log"), audited);
    let other = letter(&store, "petition-2023");
    let clash = letters::update(&store, &other, LetterInput { reference: "open-letter-2022".into(), title: "X".into(), ..Default::default() });
    assert_eq!(ApiError::from(clash.unwrap_err()).field.as_deref(), Some("reference"));
}

#[test]
fn a_signer_is_linked_to_the_person_on_record_with_their_title_at_the_time() {
    use coalition_core::people::{self, AffiliationInput, NewPerson, PersonInput};
    let store = store();
    let org = add(&store, "Child Focus", "BE").organisation.id;
    let id = letter(&store, "open-letter-2022");
    let heidi = people::create(
        &store,
        NewPerson {
            person: PersonInput { given_name: "Heidi".into(), family_name: "De Pauw".into(), ..Default::default() },
            affiliation: Some(AffiliationInput {
                organisation_id: org.clone(),
                job_title: Some("CEO".into()),
                starts_on: Some("2015-01-01".into()),
                ends_on: None,
                focal_point: true,
            }),
        },
    )
    .unwrap();
    // Picked in the app: name and title come from the record.
    let detail = letters::sign(&store, &id, &org, SignatureInput { signer_person_id: Some(heidi.person.id.clone()), ..signed("2022-06-01") }).unwrap();
    let signature = detail.signatures.iter().find(|s| s.organisation_id == org).unwrap();
    assert_eq!(signature.signer_person_id.as_deref(), Some(heidi.person.id.as_str()));
    assert_eq!(signature.signer_name.as_deref(), Some("Heidi De Pauw"));
    assert_eq!(signature.signer_title.as_deref(), Some("CEO"));

    // Typed (or imported) by name, accents and case aside: linked to the same person.
    let second = letter(&store, "libe-letter-2023");
    let detail = letters::sign(&store, &second, &org, SignatureInput { signer_name: Some("heidi de pauw".into()), ..signed("2023-05-01") }).unwrap();
    let signature = detail.signatures.iter().find(|s| s.organisation_id == org).unwrap();
    assert_eq!(signature.signer_person_id.as_deref(), Some(heidi.person.id.as_str()));
    assert_eq!(signature.signer_name.as_deref(), Some("heidi de pauw"), "the name stays as typed");

    // Someone else's name is not linked; an unknown person id is refused on its field.
    let third = letter(&store, "petition-2023");
    let detail = letters::sign(&store, &third, &org, SignatureInput { signer_name: Some("Someone Else".into()), ..signed("2023-09-01") }).unwrap();
    assert_eq!(detail.signatures.iter().find(|s| s.organisation_id == org).unwrap().signer_person_id, None);
    let error = letters::sign(&store, &third, &org, SignatureInput { signer_person_id: Some("nobody".into()), ..signed("2023-09-01") }).unwrap_err();
    assert!(matches!(&error, coalition_core::CoreError::Invalid(errors) if errors[0].field == "signer_person_id"), "{error:?}");
}
