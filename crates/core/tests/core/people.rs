use coalition_core::audit;
use coalition_core::organisations::{ImportOptions, SortDirection};
use coalition_core::people::{
    self, AffiliationInput, EmailLabel, LabelledEmail, LabelledPhone, NewPerson, PersonDuplicateReason, PersonInput, PersonQuery,
    PersonSort, PhoneLabel, PolicyMakerFilter,
};
use coalition_core::{demo, ApiError, CoreError, Store};

use super::{add, store};

fn person(given: &str, family: &str) -> PersonInput {
    PersonInput { given_name: given.into(), family_name: family.into(), ..Default::default() }
}

fn with_email(mut input: PersonInput, email: &str) -> PersonInput {
    input.emails.push(LabelledEmail { label: EmailLabel::Work, email: email.into() });
    input
}

fn create(store: &Store, input: PersonInput) -> String {
    people::create(store, NewPerson { person: input, affiliation: None }).unwrap().person.id
}

fn at(org: &str, title: Option<&str>, focal: bool) -> AffiliationInput {
    AffiliationInput { organisation_id: org.into(), job_title: title.map(Into::into), focal_point: focal, ..Default::default() }
}

fn names(store: &Store, query: &PersonQuery) -> Vec<String> {
    people::list(store, query).unwrap().rows.into_iter().map(|r| r.display_name).collect()
}

fn interaction(store: &Store, on: &str, person: &str) {
    store
        .write(|c| {
            let id = format!("i-{on}-{person}");
            c.execute(
                "INSERT INTO interactions (id, kind, occurred_on, subject, created_at, updated_at) VALUES (?1, 'meeting', ?2, 'Meeting', 'x', 'x')",
                [&id, on],
            )?;
            c.execute("INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?1, ?2)", [&id, person])?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn create_keeps_names_as_typed_and_audits_every_write() {
    let store = store();
    let mut input = with_email(person("  Mié ", "Kohiyama"), "MIE@example.org ");
    input.honorific = Some("Dr".into());
    input.languages = vec!["FR".into(), "en".into(), "fr".into()];
    input.phones.push(LabelledPhone { label: PhoneLabel::Mobile, phone: "+33 6  12 34".into() });
    input.country = Some("france".into());
    let detail = people::create(&store, NewPerson { person: input.clone(), affiliation: None }).unwrap();
    let p = &detail.person;
    assert_eq!((p.given_name.as_str(), p.family_name.as_str(), p.display_name.as_str()), ("Mié", "Kohiyama", "Mié Kohiyama"));
    assert_eq!(p.country.as_deref(), Some("FR"));
    assert_eq!(p.emails[0].email, "MIE@example.org", "trimmed, kept as typed");
    assert_eq!(p.languages, ["en", "fr"]);
    assert_eq!(p.phones[0].phone, "+33 6 12 34");
    assert!(!detail.policy_maker);
    assert_eq!(detail.last_contact, None);

    // An edit audits what changed, from what, to what; an edit that changes nothing writes nothing.
    let mut edit = input.clone();
    edit.family_name = "Kohiyama-Martin".into();
    edit.emails.push(LabelledEmail { label: EmailLabel::Personal, email: "mie@home.fr".into() });
    people::update(&store, &p.id, edit.clone()).unwrap();
    people::update(&store, &p.id, edit).unwrap();
    people::set_archived(&store, &p.id, true).unwrap();
    people::set_archived(&store, &p.id, false).unwrap();
    let log = store.read(|c| audit::for_entity(c, "person", &p.id)).unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "update", "archive", "restore"]);
    let update = &log[1];
    assert_eq!(update.before.as_ref().unwrap()["family_name"], "Kohiyama");
    assert_eq!(update.after.as_ref().unwrap()["family_name"], "Kohiyama-Martin");
    assert_eq!(update.after.as_ref().unwrap()["emails"][1]["email"], "mie@home.fr");
    assert!(update.before.as_ref().unwrap().get("country").is_none(), "unchanged fields are not logged");
}

#[test]
fn validation_names_the_field_of_each_email() {
    let store = store();
    let mut input = with_email(person("Ann", ""), "ann@example.org");
    input.emails.push(LabelledEmail { label: EmailLabel::Work, email: "not-an-email".into() });
    input.languages = vec!["french".into()];
    let CoreError::Invalid(errors) = people::create(&store, NewPerson { person: input, affiliation: None }).unwrap_err() else {
        panic!("not a validation error")
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["family_name", "languages", "emails.1"]);
    assert_eq!(super::count(&store, "people"), 0);
}

#[test]
fn affiliations_keep_history_and_are_validated() {
    let store = store();
    let child_focus = add(&store, "Child Focus", "BE").organisation.id;
    let mce = add(&store, "Missing Children Europe", "BE").organisation.id;
    let detail = people::create(
        &store,
        NewPerson { person: person("Heidi", "De Pauw"), affiliation: Some(AffiliationInput { starts_on: Some("2015-01-01".into()), ..at(&mce, Some("Policy officer"), false) }) },
    )
    .unwrap();
    let id = detail.person.id.clone();
    assert_eq!(detail.affiliations.len(), 1);
    assert_eq!(detail.affiliations[0].organisation_name, "Missing Children Europe");

    let bad = people::add_affiliation(&store, &id, AffiliationInput { starts_on: Some("2020-01-01".into()), ends_on: Some("2019-01-01".into()), ..at(&child_focus, None, false) });
    assert_eq!(ApiError::from(bad.unwrap_err()).field.as_deref(), Some("ends_on"));
    let missing = people::add_affiliation(&store, &id, at("no-such-org", None, false)).unwrap_err();
    assert_eq!(ApiError::from(missing).field.as_deref(), Some("organisation_id"));

    let first = detail.affiliations[0].id.clone();
    let ended = people::end_affiliation(&store, &first, Some("2019-12-31".into())).unwrap();
    assert!(!ended.affiliations[0].current, "ending keeps the affiliation as history");
    assert_eq!(ended.affiliations[0].ends_on.as_deref(), Some("2019-12-31"));
    let too_early = people::end_affiliation(&store, &first, Some("2014-01-01".into())).unwrap_err();
    assert_eq!(ApiError::from(too_early).field.as_deref(), Some("ends_on"));

    let now = people::add_affiliation(&store, &id, AffiliationInput { starts_on: Some("2020-01-01".into()), ..at(&child_focus, Some("CEO"), true) }).unwrap();
    assert_eq!(now.affiliations.len(), 2);
    assert!(now.affiliations[0].current && now.affiliations[0].focal_point, "current first");
    let second = now.affiliations[0].id.clone();
    let edited = people::update_affiliation(&store, &second, AffiliationInput { starts_on: Some("2020-01-01".into()), ..at(&child_focus, Some("Chief Executive"), true) }).unwrap();
    assert_eq!(edited.affiliations[0].job_title.as_deref(), Some("Chief Executive"));

    // The organisation's people: current and former, focal points marked.
    let at_mce = people::for_organisation(&store, &mce).unwrap();
    assert_eq!(at_mce.len(), 1);
    assert!(!at_mce[0].current);
    let at_cf = people::for_organisation(&store, &child_focus).unwrap();
    assert!(at_cf[0].current && at_cf[0].focal_point);

    let after_delete = people::delete_affiliation(&store, &first).unwrap();
    assert_eq!(after_delete.affiliations.len(), 1);
    let log = store.read(|c| audit::for_entity(c, "affiliation", &first)).unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "end", "delete"]);
    assert_eq!(log[1].after.as_ref().unwrap()["ends_on"], "2019-12-31");
}

#[test]
fn the_list_sorts_by_family_name_ignoring_accents_and_filters() {
    let store = store();
    let iwf = add(&store, "Internet Watch Foundation", "GB").organisation.id;
    let thorn = add(&store, "Thorn", "US").organisation.id;
    let mut zed = person("Zoe", "Zed");
    zed.languages = vec!["nl".into()];
    zed.country = Some("NL".into());
    let zed = create(&store, zed);
    let mut eclair = with_email(person("Anne", "Éclair"), "anne@eclair.fr");
    eclair.country = Some("FR".into());
    eclair.languages = vec!["fr".into(), "en".into()];
    let eclair = create(&store, eclair);
    let tunks = create(&store, person("Michael", "Tunks"));
    let delaney = create(&store, person("Cathal", "Delaney"));
    people::add_affiliation(&store, &tunks, at(&iwf, Some("Head of Policy"), true)).unwrap();
    people::add_affiliation(&store, &delaney, at(&thorn, None, false)).unwrap();
    people::add_affiliation(&store, &zed, AffiliationInput { ends_on: Some("2020-01-01".into()), ..at(&iwf, None, true) }).unwrap();

    let all = PersonQuery::default();
    assert_eq!(names(&store, &all), ["Cathal Delaney", "Anne Éclair", "Michael Tunks", "Zoe Zed"]);
    let desc = PersonQuery { direction: SortDirection::Desc, ..Default::default() };
    assert_eq!(names(&store, &desc)[0], "Zoe Zed");
    let by_display = PersonQuery { sort: PersonSort::DisplayName, ..Default::default() };
    assert_eq!(names(&store, &by_display), ["Anne Éclair", "Cathal Delaney", "Michael Tunks", "Zoe Zed"]);

    let page = people::list(&store, &PersonQuery { limit: 2, offset: 1, ..Default::default() }).unwrap();
    assert_eq!((page.total, page.rows.len(), page.rows[0].display_name.as_str()), (4, 2, "Anne Éclair"));
    let row = people::list(&store, &PersonQuery { text: Some("tunks".into()), ..Default::default() }).unwrap().rows.remove(0);
    assert_eq!((row.organisation.as_deref(), row.job_title.as_deref(), row.focal_point), (Some("Internet Watch Foundation"), Some("Head of Policy"), true));

    assert_eq!(names(&store, &PersonQuery { organisation_id: Some(iwf.clone()), ..Default::default() }), ["Michael Tunks"], "former staff are not current");
    assert_eq!(names(&store, &PersonQuery { focal_points_only: true, ..Default::default() }), ["Michael Tunks"]);
    assert_eq!(names(&store, &PersonQuery { countries: vec!["fr".into()], ..Default::default() }), ["Anne Éclair"]);
    assert_eq!(names(&store, &PersonQuery { languages: vec!["NL".into()], ..Default::default() }), ["Zoe Zed"]);
    assert_eq!(names(&store, &PersonQuery { text: Some("ECLAIR".into()), ..Default::default() }), ["Anne Éclair"]);
    assert_eq!(names(&store, &PersonQuery { text: Some("anne@ecl".into()), ..Default::default() }), ["Anne Éclair"]);
    assert_eq!(names(&store, &PersonQuery { text: Some("pauw heidi".into()), ..Default::default() }), Vec::<String>::new());

    people::set_archived(&store, &eclair, true).unwrap();
    assert_eq!(people::list(&store, &all).unwrap().total, 3);
    assert_eq!(people::list(&store, &PersonQuery { include_archived: true, ..Default::default() }).unwrap().total, 4);

    // Policy-makers are people; the list can keep or leave them out.
    store.write(|c| Ok(c.execute("INSERT INTO policy_makers (person_id, office, created_at, updated_at) VALUES (?1, 'commission', 'x', 'x')", [&delaney])?)).unwrap();
    assert_eq!(names(&store, &PersonQuery { policy_makers: PolicyMakerFilter::Only, ..Default::default() }), ["Cathal Delaney"]);
    assert_eq!(names(&store, &PersonQuery { policy_makers: PolicyMakerFilter::Exclude, ..Default::default() }), ["Michael Tunks", "Zoe Zed"]);
    assert!(people::detail(&store, &delaney).unwrap().policy_maker);
}

#[test]
fn last_contact_comes_from_interactions() {
    let store = store();
    let a = create(&store, person("Ann", "Alpha"));
    let b = create(&store, person("Bob", "Beta"));
    create(&store, person("Cy", "Gamma"));
    interaction(&store, "2023-03-20", &a);
    interaction(&store, "2024-01-05", &a);
    interaction(&store, "2023-11-14", &b);
    assert_eq!(people::detail(&store, &a).unwrap().last_contact.as_deref(), Some("2024-01-05"));
    let recent = PersonQuery { sort: PersonSort::LastContact, direction: SortDirection::Desc, ..Default::default() };
    assert_eq!(names(&store, &recent), ["Ann Alpha", "Bob Beta", "Cy Gamma"], "never contacted last");
    let oldest = PersonQuery { sort: PersonSort::LastContact, ..Default::default() };
    assert_eq!(names(&store, &oldest), ["Bob Beta", "Ann Alpha", "Cy Gamma"]);
    assert_eq!(people::list(&store, &oldest).unwrap().rows[1].last_contact.as_deref(), Some("2024-01-05"));
}

#[test]
fn possible_duplicates_are_flagged_not_merged() {
    let store = store();
    let iwf = add(&store, "Internet Watch Foundation", "GB").organisation.id;
    let thorn = add(&store, "Thorn", "US").organisation.id;
    let a = create(&store, with_email(person("Michael", "Tunks"), "m.tunks@iwf.org.uk"));
    let b = create(&store, with_email(person("Mike", "Tunks"), "M.Tunks@IWF.org.uk"));
    let c = create(&store, person("MICHAEL", "tunks"));
    let d = create(&store, person("Michaël", "Tunks"));
    people::add_affiliation(&store, &a, at(&iwf, None, false)).unwrap();
    people::add_affiliation(&store, &c, at(&iwf, None, false)).unwrap();
    people::add_affiliation(&store, &d, at(&thorn, None, false)).unwrap();
    let pairs = people::duplicates(&store).unwrap();
    let mut found: Vec<(PersonDuplicateReason, String)> = pairs.iter().map(|p| (p.reason, p.shared.clone())).collect();
    found.sort();
    assert_eq!(
        found,
        [
            (PersonDuplicateReason::SameEmail, "m.tunks@iwf.org.uk".to_string()),
            (PersonDuplicateReason::SameNameSameOrganisation, "Internet Watch Foundation".to_string())
        ]
    );
    let detail = people::detail(&store, &c).unwrap();
    assert_eq!(detail.possible_duplicates.len(), 1);
    assert_eq!((&detail.possible_duplicates[0].a.id, &detail.possible_duplicates[0].b.id), (&c, &a), "the person first, then the other");
    assert!(people::detail(&store, &d).unwrap().possible_duplicates.is_empty(), "same name elsewhere is not flagged");
    assert_eq!(people::detail(&store, &b).unwrap().possible_duplicates[0].reason, PersonDuplicateReason::SameEmail);
    assert_eq!(super::count(&store, "people"), 4, "nothing merged");
}

const CSV: &str = "Given name,Family name,Email (work),Mobile,Country,Languages,Organisation,Job title,Focal point,Favourite colour\n\
Mié,Kohiyama,mie@brave.org,+33 6 00,France,fr; en,Brave Movement,Co-founder,no,blue\n\
Michael,Tunks,m.tunks@iwf.org.uk,,GB,en,IWF,Head of Policy,yes,\n";

#[test]
fn import_creates_then_updates_by_email_and_reports() {
    let store = store();
    add(&store, "Brave Movement", "US");
    coalition_core::organisations::create(
        &store,
        coalition_core::organisations::NewOrganisation {
            organisation: coalition_core::organisations::OrganisationInput { short_name: Some("IWF".into()), ..super::input("Internet Watch Foundation", "GB") },
            membership: None,
        },
    )
    .unwrap();
    let report = people::import_bytes(&store, CSV.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!((report.created, report.updated, report.unchanged, report.skipped), (2, 0, 0, 0), "{report:?}");
    assert_eq!(report.ignored_columns, ["Favourite colour"]);
    let again = people::import_bytes(&store, CSV.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2), "{again:?}");

    let update = "email,family_name,job_title,organisation,languages\nM.TUNKS@iwf.org.uk,Tunks,Policy Director,Internet Watch Foundation,fr\n";
    let report = people::import_bytes(&store, update.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!((report.created, report.updated), (0, 1));
    assert_eq!(super::count(&store, "people"), 2);
    let row = people::list(&store, &PersonQuery { text: Some("tunks".into()), ..Default::default() }).unwrap().rows.remove(0);
    assert_eq!(row.job_title.as_deref(), Some("Policy Director"));
    assert_eq!(row.languages, ["en", "fr"]);
    assert_eq!(row.given_name, "Michael", "blank cells keep what is stored");
    assert!(row.focal_point);
    let mie = people::list(&store, &PersonQuery { text: Some("kohiyama".into()), ..Default::default() }).unwrap().rows.remove(0);
    assert_eq!((mie.country.as_deref(), mie.phone.as_deref(), mie.focal_point), (Some("FR"), Some("+33 6 00"), false));
}

#[test]
fn import_is_all_or_nothing_with_line_and_field() {
    let store = store();
    add(&store, "Thorn", "US");
    let csv = "family_name;given_name;email;organisation;focal_point\n\
Delaney;Cathal;c@thorn.org;Thorn;yes\n\
;Nobody;n@x.org;Thorn;no\n\
Smith;Ann;not-an-email;Nowhere Org;maybe\n";
    let report = people::import_bytes(&store, csv.as_bytes(), ImportOptions::default()).unwrap();
    assert!(!report.committed);
    let lines: Vec<String> = report.issues.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "line 3: family_name: family name is required",
            "line 4: email: email is not an email address: \"not-an-email\"",
            "line 4: focal_point: \"maybe\" is not yes or no",
            "line 4: organisation: no organisation named \"Nowhere Org\"",
        ]
    );
    assert_eq!(super::count(&store, "people"), 0, "nothing imported");
    let dry = people::import_bytes(&store, csv.as_bytes(), ImportOptions { dry_run: true, skip_invalid: true, columns: None }).unwrap();
    assert_eq!((dry.created, dry.skipped, dry.committed), (1, 2, false));
    assert_eq!(super::count(&store, "people"), 0, "a dry run writes nothing");
    let skipped = people::import_bytes(&store, csv.as_bytes(), ImportOptions { dry_run: false, skip_invalid: true, columns: None }).unwrap();
    assert!(skipped.committed);
    assert_eq!(super::count(&store, "people"), 1);
    assert_eq!(super::count(&store, "affiliations"), 1);
}

#[test]
fn import_flags_possible_duplicates() {
    let store = store();
    add(&store, "Thorn", "US");
    let csv = "family_name,given_name,organisation\nDelaney,Cathal,Thorn\nDELANEY,Cathal,Thorn\n";
    let report = people::import_bytes(&store, csv.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!(report.created, 2);
    assert_eq!(report.possible_duplicates.len(), 1);
    assert_eq!(report.possible_duplicates[0].to_string(), "line 3: family_name: possible duplicate of \"Cathal Delaney\" (same name at Thorn)");
    assert!(report.summary().ends_with("possible duplicates 1"));
}

#[test]
fn export_csv_is_inert_and_json_has_the_keys() {
    let store = store();
    let mut input = with_email(person("=cmd", "Évora"), "e@x.org");
    input.notes = Some("n".into());
    create(&store, input);
    let mut out = Vec::new();
    people::export_csv(&store, &PersonQuery::default(), &mut out, true).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("\u{feff}id,display_name,given_name,family_name,"), "{text}");
    assert!(text.contains(",'=cmd,Évora,"), "{text}");
    let mut json = Vec::new();
    people::export_json(&store, &PersonQuery::default(), &mut json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let keys: Vec<&str> = value[0].as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = people::CSV_COLUMNS.to_vec();
    expected.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, expected);
    assert_eq!(value[0]["family_name"], "Évora");
}

#[test]
fn demo_people_load_once_with_their_affiliations() {
    let store = store();
    let first = demo::load(&store).unwrap();
    assert_eq!(first.people_added as usize, demo::people_count());
    assert_eq!(demo::load(&store).unwrap().people_added, 0, "loading twice adds nothing");
    let heidi = people::list(&store, &PersonQuery { text: Some("de pauw".into()), ..Default::default() }).unwrap().rows.remove(0);
    assert_eq!((heidi.organisation.as_deref(), heidi.job_title.as_deref(), heidi.focal_point), (Some("Child Focus"), Some("CEO"), true));
    let mie = people::list(&store, &PersonQuery { text: Some("mie".into()), ..Default::default() }).unwrap().rows.remove(0);
    assert_eq!((mie.display_name.as_str(), mie.organisation.as_deref()), ("Mié Kohiyama", Some("Brave Movement")));
}

#[test]
fn letters_not_signed_yet_write_to_focal_points_first() {
    use coalition_core::letters::{self, InviteSegment, LetterInput};
    let store = store();
    let mut with_email = super::input("Eurochild", "BE");
    with_email.email = Some("info@eurochild.org".into());
    let eurochild = coalition_core::organisations::create(&store, coalition_core::organisations::NewOrganisation { organisation: with_email, membership: None }).unwrap().organisation.id;
    let mut tdh = super::input("Terre des Hommes", "NL");
    tdh.email = Some("info@tdh.nl".into());
    let tdh = coalition_core::organisations::create(&store, coalition_core::organisations::NewOrganisation { organisation: tdh, membership: None }).unwrap().organisation.id;
    let mut focal = self::with_email(person("Jana", "Hainsworth"), "jana@eurochild.org");
    focal.emails.push(LabelledEmail { label: EmailLabel::Personal, email: "jana@home.be".into() });
    let jana = create(&store, focal);
    people::add_affiliation(&store, &jana, at(&eurochild, Some("Secretary General"), true)).unwrap();
    let staff = create(&store, self::with_email(person("Sam", "Staff"), "sam@eurochild.org"));
    people::add_affiliation(&store, &staff, at(&eurochild, None, false)).unwrap();
    let former = create(&store, self::with_email(person("Fay", "Former"), "fay@tdh.nl"));
    people::add_affiliation(&store, &former, AffiliationInput { ends_on: Some("2020-01-01".into()), ..at(&tdh, None, true) }).unwrap();

    let letter = letters::create(&store, LetterInput { reference: "open-letter-2022".into(), title: "Letter".into(), ..Default::default() }).unwrap().letter.id;
    let rows = letters::not_yet_signed(&store, &letter, &InviteSegment::default()).unwrap();
    let euro = rows.iter().find(|r| r.organisation_id == eurochild).unwrap();
    assert_eq!(euro.emails, ["jana@eurochild.org"], "the focal point's preferred email, not the organisation's");
    assert_eq!(euro.contacts[0].name.as_deref(), Some("Jana Hainsworth"));
    let tdh_row = rows.iter().find(|r| r.organisation_id == tdh).unwrap();
    assert_eq!(tdh_row.emails, ["info@tdh.nl"], "a former focal point does not count: the organisation's address");
    assert_eq!(tdh_row.contacts[0].name, None);
}

#[test]
fn people_import_with_a_mapping_reads_unrecognisable_headers() {
    let store = store();
    let headers: Vec<String> = ["Vorname", "Nachname", "E-Mail", "Surname"].map(String::from).to_vec();
    let guessed = people::guess_columns(&headers);
    let find = |field: &str| guessed.iter().find(|c| c.field == field).unwrap().column;
    assert_eq!((find("given_name"), find("family_name"), find("email")), (None, Some(3), Some(2)));

    let csv = "Vorname,Nachname,Kontakt\nMarie,Curie,marie@example.org\nPierre,,pierre@example.org\n";
    let mapping = vec![
        coalition_core::organisations::ColumnChoice { field: "given_name".into(), column: Some(0) },
        coalition_core::organisations::ColumnChoice { field: "family_name".into(), column: Some(1) },
        coalition_core::organisations::ColumnChoice { field: "email".into(), column: Some(2) },
    ];
    assert!(matches!(people::import_bytes(&store, csv.as_bytes(), ImportOptions::default()), Err(CoreError::BadFile(_))));
    let options = |dry_run| ImportOptions { dry_run, skip_invalid: true, columns: Some(mapping.clone()) };
    let dry = people::import_bytes(&store, csv.as_bytes(), options(true)).unwrap();
    assert_eq!((dry.created, dry.skipped, dry.committed), (1, 1, false), "{dry:?}");
    assert!(dry.issues[0].to_string().starts_with("line 3: family_name: "), "{:?}", dry.issues);
    let report = people::import_bytes(&store, csv.as_bytes(), options(false)).unwrap();
    assert_eq!((report.created, report.skipped, report.committed), (1, 1, true));
    let row = people::list(&store, &PersonQuery { text: Some("curie".into()), ..Default::default() }).unwrap().rows.remove(0);
    assert_eq!(row.given_name, "Marie");

    let missing = ImportOptions {
        dry_run: true,
        skip_invalid: false,
        columns: Some(vec![coalition_core::organisations::ColumnChoice { field: "family_name".into(), column: Some(9) }]),
    };
    match people::import_bytes(&store, csv.as_bytes(), missing) {
        Err(CoreError::BadFile(message)) => assert_eq!(message, "line 1: family_name: column 10 is not in the file (it has 3 columns)"),
        other => panic!("expected a bad file, got {other:?}"),
    }
}

/// The stored last contact (migration 0013) against the value computed from interactions.
fn stored_matches_computed(store: &Store) {
    let wrong: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM people p WHERE p.last_contact_on IS NOT (SELECT max(i.occurred_on)
                 FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id WHERE ip.person_id = p.id)",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(wrong, 0, "people whose stored last contact differs from their interactions");
}

fn last_contact_of(store: &Store, id: &str) -> Option<String> {
    let q = PersonQuery { include_archived: true, limit: 1000, ..Default::default() };
    people::list(store, &q).unwrap().rows.into_iter().find(|r| r.id == id).unwrap().last_contact
}

fn exec(store: &Store, sql: &str, params: &[&str]) {
    store.write(|c| Ok(c.execute(sql, rusqlite::params_from_iter(params.iter()))?)).unwrap();
}

#[test]
fn stored_last_contact_follows_participants_dates_and_deletions() {
    let store = store();
    let a = create(&store, person("Ann", "Alpha"));
    let b = create(&store, person("Bob", "Beta"));
    interaction(&store, "2023-03-20", &a);
    interaction(&store, "2024-01-05", &a);
    let (old, new) = (format!("i-2023-03-20-{a}"), format!("i-2024-01-05-{a}"));
    assert_eq!(last_contact_of(&store, &a).as_deref(), Some("2024-01-05"));
    assert_eq!(last_contact_of(&store, &b), None);

    // A participant added: to an older interaction first, then to a newer one.
    let add = "INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?1, ?2)";
    exec(&store, add, &[&old, &b]);
    assert_eq!(last_contact_of(&store, &b).as_deref(), Some("2023-03-20"));
    exec(&store, add, &[&new, &b]);
    assert_eq!(last_contact_of(&store, &b).as_deref(), Some("2024-01-05"));
    stored_matches_computed(&store);

    // Removed from the newer one: back to the older date; from both: none.
    exec(&store, "DELETE FROM interaction_participants WHERE interaction_id = ?1 AND person_id = ?2", &[&new, &b]);
    assert_eq!(last_contact_of(&store, &b).as_deref(), Some("2023-03-20"));
    exec(&store, "DELETE FROM interaction_participants WHERE interaction_id = ?1 AND person_id = ?2", &[&old, &b]);
    assert_eq!(last_contact_of(&store, &b), None);

    // An interaction moved later, then earlier than the other one.
    exec(&store, "UPDATE interactions SET occurred_on = '2025-06-01' WHERE id = ?1", &[&old]);
    assert_eq!(last_contact_of(&store, &a).as_deref(), Some("2025-06-01"));
    exec(&store, "UPDATE interactions SET occurred_on = '2020-01-01' WHERE id = ?1", &[&old]);
    assert_eq!(last_contact_of(&store, &a).as_deref(), Some("2024-01-05"));

    // A participant moved to another person.
    exec(&store, "UPDATE interaction_participants SET person_id = ?1 WHERE interaction_id = ?2", &[&b, &new]);
    assert_eq!(last_contact_of(&store, &a).as_deref(), Some("2020-01-01"));
    assert_eq!(last_contact_of(&store, &b).as_deref(), Some("2024-01-05"));
    stored_matches_computed(&store);

    // Interactions deleted through the app (participants go by the cascade).
    coalition_core::interactions::delete(&store, &new).unwrap();
    assert_eq!(last_contact_of(&store, &b), None);
    assert_eq!(last_contact_of(&store, &a).as_deref(), Some("2020-01-01"));
    coalition_core::interactions::delete(&store, &old).unwrap();
    assert_eq!(last_contact_of(&store, &a), None);
    assert_eq!(people::detail(&store, &a).unwrap().last_contact, None);
    stored_matches_computed(&store);
}

/// The list's sorts and filters against the same view computed the old way (per-person
/// subqueries, no stored value), on a store with ties, empty values and archived people.
#[test]
fn sorts_and_filters_match_the_unindexed_definitions() {
    let store = store();
    let org = add(&store, "Internet Watch Foundation", "GB").organisation.id;
    let other = add(&store, "Thorn", "US").organisation.id;
    let countries = [None, Some("FR"), Some("DE"), Some("FR"), None, Some("BE")];
    let families = ["Zed", "Éclair", "eclair", "Adams", "Müller", "Mar", "Omar", "Delaney", "Marx", "Ng", "Ó Brien", "Smith"];
    let mut ids = Vec::new();
    for (n, family) in families.iter().enumerate() {
        let mut input = with_email(person(["Anne", "Marie", "Bo"][n % 3], family), &format!("p{n}@{}.org", ["example", "marsh", "thorn"][n % 3]));
        input.country = countries[n % countries.len()].map(Into::into);
        input.languages = vec![["fr", "en", "nl"][n % 3].into()];
        let id = create(&store, input);
        if n % 4 != 3 {
            let dates = ["2024-01-05", "2023-03-20", "2024-01-05"];
            interaction(&store, dates[n % 3], &id);
        }
        if n % 2 == 0 {
            let ends = if n % 6 == 0 { Some("2020-01-01".to_string()) } else { None };
            people::add_affiliation(&store, &id, AffiliationInput { ends_on: ends, ..at(if n % 3 == 0 { &org } else { &other }, None, n % 4 == 0) }).unwrap();
        }
        if n == 5 {
            people::set_archived(&store, &id, true).unwrap();
        }
        ids.push(id);
    }
    stored_matches_computed(&store);
    let reference = |q: &PersonQuery| -> Vec<String> {
        // The definitions before migration 0013: computed last contact and EXISTS filters.
        let last = "(SELECT max(i.occurred_on) FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id WHERE ip.person_id = p.id)";
        let dir = if q.direction == SortDirection::Desc { "DESC" } else { "ASC" };
        let order = match q.sort {
            PersonSort::FamilyName => format!("p.family_key {dir}, p.id {dir}"),
            PersonSort::DisplayName => format!("p.name_key {dir}, p.id {dir}"),
            PersonSort::LastContact => format!("{last} IS NULL, {last} {dir}, p.family_key ASC, p.id ASC"),
            PersonSort::Country => format!("p.country IS NULL, p.country {dir}, p.family_key ASC, p.id ASC"),
        };
        let mut filter = vec![if q.include_archived { "1".to_string() } else { "p.archived = 0".to_string() }];
        let cur = "(f.ends_on IS NULL OR f.ends_on > date('now', 'localtime'))";
        if let Some(o) = &q.organisation_id {
            filter.push(format!("EXISTS (SELECT 1 FROM affiliations f WHERE f.person_id = p.id AND {cur} AND f.organisation_id = '{o}'{})", if q.focal_points_only { " AND f.focal_point = 1" } else { "" }));
        } else if q.focal_points_only {
            filter.push(format!("EXISTS (SELECT 1 FROM affiliations f WHERE f.person_id = p.id AND {cur} AND f.focal_point = 1)"));
        }
        if let Some(l) = q.languages.first() {
            filter.push(format!("EXISTS (SELECT 1 FROM person_languages l WHERE l.person_id = p.id AND l.language = '{l}')"));
        }
        if let Some(t) = &q.text {
            filter.push(format!(
                "(p.name_key LIKE '%{t}%' OR p.family_key LIKE '%{t}%'
                  OR EXISTS (SELECT 1 FROM person_emails s WHERE s.person_id = p.id AND s.email_key LIKE '%{t}%'))"
            ));
        }
        let sql = format!("SELECT p.display_name FROM people p WHERE {} ORDER BY {order}", filter.join(" AND "));
        store.read(|c| Ok(c.prepare(&sql)?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?)).unwrap()
    };
    let mut checked = 0;
    for sort in [PersonSort::FamilyName, PersonSort::DisplayName, PersonSort::LastContact, PersonSort::Country] {
        for direction in [SortDirection::Asc, SortDirection::Desc] {
            for include_archived in [false, true] {
                let filters = [
                    PersonQuery::default(),
                    PersonQuery { organisation_id: Some(org.clone()), ..Default::default() },
                    PersonQuery { organisation_id: Some(other.clone()), focal_points_only: true, ..Default::default() },
                    PersonQuery { focal_points_only: true, ..Default::default() },
                    PersonQuery { languages: vec!["fr".into()], ..Default::default() },
                    // Lower-case ASCII: the same once folded. "mar" is in names and emails.
                    PersonQuery { text: Some("mar".into()), ..Default::default() },
                    PersonQuery { text: Some("marsh".into()), ..Default::default() },
                    PersonQuery { text: Some("eclair".into()), ..Default::default() },
                    PersonQuery { text: Some("ller bo".into()), ..Default::default() },
                ];
                for f in filters {
                    let q = PersonQuery { sort, direction, include_archived, ..f };
                    let expected = reference(&q);
                    assert_eq!(names(&store, &q), expected, "{q:?}");
                    assert_eq!(people::list(&store, &q).unwrap().total as usize, expected.len());
                    checked += expected.len();
                }
            }
        }
    }
    assert!(checked > 100, "the views are not empty");

    // Pages of a language view, small ones early on (each person checked along the sort's
    // index) and later ones (the matches listed first): the same rows as the whole view's.
    for sort in [PersonSort::FamilyName, PersonSort::LastContact, PersonSort::Country] {
        let q = PersonQuery { sort, languages: vec!["fr".into(), "en".into()], ..Default::default() };
        let whole = {
            let mut r = reference(&PersonQuery { languages: vec![], ..q.clone() });
            // The reference takes one language: the view's people are those of either.
            let fr = reference(&PersonQuery { languages: vec!["fr".into()], ..q.clone() });
            let en = reference(&PersonQuery { languages: vec!["en".into()], ..q.clone() });
            r.retain(|n| fr.contains(n) || en.contains(n));
            r
        };
        assert!(whole.len() >= 8, "enough people for a page early on: {whole:?}");
        for limit in [1u32, 2] {
            let mut paged = Vec::new();
            let mut offset = 0;
            while (offset as usize) < whole.len() {
                paged.extend(names(&store, &PersonQuery { offset, limit, ..q.clone() }));
                offset += limit;
            }
            assert_eq!(paged, whole, "{sort:?} by pages of {limit}");
        }
    }
}
