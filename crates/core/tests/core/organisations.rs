use coalition_core::memberships::{MembershipStatus, MembershipTier};
use coalition_core::organisations::{self, OrgType, OrganisationQuery, OrganisationSort, SortDirection};
use coalition_core::{ApiError, CoreError};

use super::{add, add_member, input, store};

#[test]
fn names_are_unique_ignoring_case_accents_and_spaces() {
    let store = store();
    add(&store, "Terre des Hommes", "NL");
    for clash in ["terre des hommes", "  Terre   des Hommes ", "Terre dès Hommes", "TERRE DES HOMMES"] {
        let error = organisations::create(
            &store,
            organisations::NewOrganisation { organisation: input(clash, "NL"), membership: None },
        )
        .unwrap_err();
        let api = ApiError::from(&error);
        assert_eq!(api.code, "validation");
        assert_eq!(api.field.as_deref(), Some("name"));
        assert_eq!(api.message, "name already used by \"Terre des Hommes\"", "{clash}");
    }
    assert_eq!(super::count(&store, "organisations"), 1);
}

#[test]
fn validation_names_the_field() {
    let store = store();
    let mut bad = input("Acme", "Narnia");
    bad.website = Some("www.example.org".into());
    let error = organisations::create(&store, organisations::NewOrganisation { organisation: bad.clone(), membership: None }).unwrap_err();
    let CoreError::Invalid(errors) = error else { panic!("not a validation error") };
    assert_eq!(errors[0].field, "country");
    assert_eq!(errors[0].message, "unknown country \"Narnia\"");
    bad.country = "belgium".into();
    let created = organisations::create(&store, organisations::NewOrganisation { organisation: bad, membership: None }).unwrap();
    assert_eq!(created.organisation.country, "BE");
    assert_eq!(created.organisation.website.as_deref(), Some("https://www.example.org"));
    let error = organisations::create(&store, organisations::NewOrganisation { organisation: input("", "BE"), membership: None }).unwrap_err();
    assert_eq!(ApiError::from(error).message, "name is required");
}

#[test]
fn editing_keeps_the_name_unique_but_allows_its_own() {
    let store = store();
    let ecpat = add(&store, "ECPAT International", "TH").organisation;
    add(&store, "Eurochild", "BE");
    let mut edit = input("ecpat international", "TH");
    edit.short_name = Some("ECPAT".into());
    let updated = organisations::update(&store, &ecpat.id, edit).unwrap();
    assert_eq!(updated.organisation.name, "ecpat international");
    assert_eq!(updated.organisation.short_name.as_deref(), Some("ECPAT"));
    let error = organisations::update(&store, &ecpat.id, input("EUROCHILD", "BE")).unwrap_err();
    assert_eq!(ApiError::from(error).message, "name already used by \"Eurochild\"");
}

#[test]
fn archiving_hides_without_deleting() {
    let store = store();
    let org = add(&store, "Eurochild", "BE").organisation;
    add(&store, "Thorn", "US");
    organisations::set_archived(&store, &org.id, true).unwrap();
    let page = organisations::list(&store, &OrganisationQuery::default()).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].name, "Thorn");
    let all = organisations::list(&store, &OrganisationQuery { include_archived: true, ..Default::default() }).unwrap();
    assert_eq!(all.total, 2);
    assert!(organisations::get(&store, &org.id).unwrap().organisation.archived);
    organisations::set_archived(&store, &org.id, false).unwrap();
    assert_eq!(organisations::list(&store, &OrganisationQuery::default()).unwrap().total, 2);
}

fn names(page: &organisations::OrganisationPage) -> Vec<String> {
    page.rows.iter().map(|r| r.name.clone()).collect()
}

#[test]
fn the_list_filters_sorts_and_pages_in_core() {
    let store = store();
    add_member(&store, "Eurochild", "BE", MembershipStatus::Active, MembershipTier::Full, "2022-04-01");
    add_member(&store, "École des Parents", "FR", MembershipStatus::Applied, MembershipTier::Associate, "2023-01-01");
    add_member(&store, "Thorn", "US", MembershipStatus::Active, MembershipTier::Full, "2022-05-01");
    add_member(&store, "NSPCC", "GB", MembershipStatus::Withdrawn, MembershipTier::Associate, "2021-01-01");
    add(&store, "Zebra Foundation", "BE");

    let by_name = organisations::list(&store, &OrganisationQuery::default()).unwrap();
    assert_eq!(names(&by_name), ["École des Parents", "Eurochild", "NSPCC", "Thorn", "Zebra Foundation"]);
    assert_eq!(by_name.total, 5);

    let active = organisations::list(&store, &OrganisationQuery { statuses: vec![MembershipStatus::Active], ..Default::default() }).unwrap();
    assert_eq!(names(&active), ["Eurochild", "Thorn"]);

    let be = organisations::list(&store, &OrganisationQuery { countries: vec!["be".into()], ..Default::default() }).unwrap();
    assert_eq!(names(&be), ["Eurochild", "Zebra Foundation"]);

    let associates = organisations::list(&store, &OrganisationQuery { tiers: vec![MembershipTier::Associate], ..Default::default() }).unwrap();
    assert_eq!(names(&associates), ["École des Parents", "NSPCC"]);

    let ngos = organisations::list(&store, &OrganisationQuery { types: vec![OrgType::Ngo], ..Default::default() }).unwrap();
    assert_eq!(ngos.total, 5);
    let hotlines = organisations::list(&store, &OrganisationQuery { types: vec![OrgType::Hotline], ..Default::default() }).unwrap();
    assert_eq!(hotlines.total, 0);

    let text = organisations::list(&store, &OrganisationQuery { text: Some("ECOLE".into()), ..Default::default() }).unwrap();
    assert_eq!(names(&text), ["École des Parents"]);
    let wildcard = organisations::list(&store, &OrganisationQuery { text: Some("%".into()), ..Default::default() }).unwrap();
    assert_eq!(wildcard.total, 0, "LIKE wildcards are escaped");

    let joined_desc = organisations::list(
        &store,
        &OrganisationQuery { sort: OrganisationSort::JoinedOn, direction: SortDirection::Desc, ..Default::default() },
    )
    .unwrap();
    assert_eq!(names(&joined_desc), ["École des Parents", "Thorn", "Eurochild", "NSPCC", "Zebra Foundation"], "no date sorts last");

    let status = organisations::list(&store, &OrganisationQuery { sort: OrganisationSort::MembershipStatus, ..Default::default() }).unwrap();
    assert_eq!(names(&status), ["École des Parents", "Eurochild", "Thorn", "NSPCC", "Zebra Foundation"], "lifecycle order");

    let page = organisations::list(&store, &OrganisationQuery { offset: 2, limit: 2, ..Default::default() }).unwrap();
    assert_eq!(names(&page), ["NSPCC", "Thorn"]);
    assert_eq!((page.total, page.offset), (5, 2));
}

#[test]
fn unknown_ids_are_not_found() {
    let store = store();
    let error = organisations::get(&store, "nope").unwrap_err();
    assert_eq!(error.code(), "not_found");
}

fn choices(pairs: &[(&str, Option<u32>)]) -> Vec<organisations::ColumnChoice> {
    pairs.iter().map(|(field, column)| organisations::ColumnChoice { field: (*field).into(), column: *column }).collect()
}

#[test]
fn organisations_import_guesses_columns_from_the_header_names() {
    let headers: Vec<String> = ["Organisation", "Land", "Acronym", "Membership Status", "Name"].map(String::from).to_vec();
    let guessed = organisations::guess_columns(&headers);
    let find = |field: &str| guessed.iter().find(|c| c.field == field).unwrap().column;
    assert_eq!(guessed[0].field, "name", "the fields come in the import's order");
    assert_eq!(find("name"), Some(0), "the first column naming a field wins");
    assert_eq!(find("short_name"), Some(2));
    assert_eq!(find("membership_status"), Some(3));
    assert_eq!(find("country"), None, "\"Land\" is not recognised");
}

#[test]
fn organisations_import_with_a_mapping_reads_unrecognisable_headers() {
    let store = store();
    let csv = "Naam;Land;Kort;Ignored\nKinderrechten Vlaanderen;BE;KRV;x\nNarnia Aid;Narnia;;y\n";
    let mapping = choices(&[("name", Some(0)), ("country", Some(1)), ("short_name", Some(2)), ("website", None)]);
    let headers_only = organisations::import_csv(&store, csv.as_bytes(), "f.csv", organisations::ImportOptions::default());
    assert!(matches!(headers_only, Err(CoreError::BadFile(_))), "without a mapping the header has no name column");

    let options = |dry_run| organisations::ImportOptions { dry_run, skip_invalid: true, columns: Some(mapping.clone()) };
    let dry = organisations::import_csv(&store, csv.as_bytes(), "f.csv", options(true)).unwrap();
    assert_eq!(dry.summary(), "created 1, updated 0, unchanged 0, rejected 1");
    assert_eq!(dry.issues[0].to_string(), "line 3: country: unknown country \"Narnia\"");
    assert_eq!(dry.ignored_columns, ["Ignored"]);
    let report = organisations::import_csv(&store, csv.as_bytes(), "f.csv", options(false)).unwrap();
    assert_eq!(report.summary(), dry.summary(), "the import does what the dry run showed");
    assert!(report.committed);
    let page = organisations::list(&store, &OrganisationQuery { text: Some("kinderrechten".into()), ..Default::default() }).unwrap();
    assert_eq!((page.rows[0].country.as_str(), page.rows[0].short_name.as_deref()), ("BE", Some("KRV")));
}

#[test]
fn organisations_import_refuses_a_mapping_to_a_missing_column() {
    let store = store();
    let csv = "Naam;Land\nKinderrechten Vlaanderen;BE\n";
    let run = |pairs: &[(&str, Option<u32>)]| {
        let options = organisations::ImportOptions { dry_run: false, skip_invalid: false, columns: Some(choices(pairs)) };
        match organisations::import_csv(&store, csv.as_bytes(), "f.csv", options) {
            Err(CoreError::BadFile(message)) => message,
            other => panic!("expected a bad file, got {other:?}"),
        }
    };
    assert_eq!(run(&[("name", Some(0)), ("country", Some(5))]), "line 1: country: column 6 is not in the file (it has 2 columns)");
    assert_eq!(run(&[("country", Some(1))]), "line 1: name: no column is mapped to the name");
    assert_eq!(run(&[("name", Some(0)), ("colour", Some(1))]), "line 1: colour: there is no such field to import");
    assert_eq!(super::count(&store, "organisations"), 0);
}
