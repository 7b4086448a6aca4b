//! Policy-makers and MEPs: the Parliament's XML, names, the sync (added, updated, outgoing,
//! returning), dry runs, fetching over loopback, the list, committees and other offices.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;

use coalition_core::policy::{
    self, CommitteeMembershipInput, CommitteeRole, GroupCode, MepChangeKind, MepStatus, Office, PolicyMakerInput,
    PolicyMakerQuery,
};
use coalition_core::{CoreError, Store};

use super::{count, store};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meps").join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn sync(store: &Store, name: &str) -> policy::MepSyncReport {
    policy::import_file(store, &fixture(name), false).expect("synced")
}

fn mep(store: &Store, ep_id: i64) -> policy::MepListing {
    policy::meps(store, &[], &[], &[]).unwrap().into_iter().find(|m| m.ep_id == ep_id).expect("MEP present")
}

fn bad_file(result: coalition_core::Result<impl std::fmt::Debug>) -> String {
    match result {
        Err(CoreError::BadFile(message)) => message,
        other => panic!("expected a bad file, got {other:?}"),
    }
}

#[test]
fn parses_reordered_elements_entities_and_ignores_unknown_elements() {
    let records = policy::parse_meps(&bytes("term-start.xml")).unwrap();
    assert_eq!(records.len(), 6);
    let garcia = records.iter().find(|r| r.ep_id == 256970).unwrap();
    assert_eq!(garcia.full_name, "Raquel GARCÍA HERMIDA-VAN DER WALLE");
    assert_eq!(garcia.country, "NL");
    assert_eq!(garcia.group, GroupCode::Renew);
    assert_eq!(garcia.national_party.as_deref(), Some("Democraten 66"));
    let pedulla = records.iter().find(|r| r.ep_id == 257126).unwrap();
    assert_eq!(pedulla.full_name, "Gaetano PEDULLA'");
    assert_eq!(pedulla.group, GroupCode::TheLeft);
    let beke = records.iter().find(|r| r.ep_id == 256887).unwrap();
    assert_eq!(beke.national_party.as_deref(), Some("Christen-Democratisch & Vlaams"));
    assert_eq!(records.iter().find(|r| r.ep_id == 197606).unwrap().group, GroupCode::Epp);
}

#[test]
fn every_group_of_the_real_list_maps_to_its_code() {
    let xml = [
        ("Group of the European People's Party (Christian Democrats)", "EPP"),
        ("Group of the Progressive Alliance of Socialists and Democrats in the European Parliament", "S&D"),
        ("Patriots for Europe Group", "PfE"),
        ("European Conservatives and Reformists Group", "ECR"),
        ("Renew Europe Group", "Renew"),
        ("Group of the Greens/European Free Alliance", "Greens/EFA"),
        ("The Left group in the European Parliament - GUE/NGL", "The Left"),
        ("Europe of Sovereign Nations Group", "ESN"),
        ("Non-attached Members", "NI"),
    ];
    let mut doc = String::from("<meps>");
    for (n, (group, _)) in xml.iter().enumerate() {
        doc.push_str(&format!(
            "<mep><fullName>A B{n}</fullName><country>Malta</country><politicalGroup>{}</politicalGroup><id>{}</id></mep>",
            group.replace('\'', "&apos;"),
            n + 1
        ));
    }
    doc.push_str("</meps>");
    let records = policy::parse_meps(doc.as_bytes()).unwrap();
    let codes: Vec<&str> = records.iter().map(|r| r.group.as_str()).collect();
    assert_eq!(codes, xml.iter().map(|(_, c)| *c).collect::<Vec<_>>());
    assert!(records.iter().all(|r| r.country == "MT" && r.national_party.is_none()));
}

#[test]
fn bad_lists_name_the_mep_by_position_and_id() {
    let message = bad_file(policy::parse_meps(&bytes("broken.xml")));
    assert!(message.contains("not well-formed") && message.contains("MEP 2 (id 130100)"), "{message}");

    let no_id = "<meps><mep><fullName>A B</fullName><country>Spain</country><politicalGroup>NI</politicalGroup></mep></meps>";
    assert_eq!(bad_file(policy::parse_meps(no_id.as_bytes())), "MEP 1: the MEP has no id");

    let no_name = "<meps><mep><id>1</id><country>Spain</country><politicalGroup>NI</politicalGroup></mep>\
                   <mep><id>7</id><country>Spain</country><politicalGroup>NI</politicalGroup></mep></meps>";
    let message = bad_file(policy::parse_meps(no_name.as_bytes()));
    assert_eq!(message, "MEP 1 (id 1): the MEP has no fullName");

    let group = "<meps><mep><id>9</id><fullName>A B</fullName><country>Spain</country><politicalGroup>Identity and Democracy Group</politicalGroup></mep></meps>";
    let message = bad_file(policy::parse_meps(group.as_bytes()));
    assert!(message.starts_with("MEP 1 (id 9): politicalGroup: unknown political group \"Identity and Democracy Group\""), "{message}");

    let country = "<meps><mep><id>9</id><fullName>A B</fullName><country>Narnia</country><politicalGroup>NI</politicalGroup></mep></meps>";
    assert!(bad_file(policy::parse_meps(country.as_bytes())).contains("MEP 1 (id 9): country: unknown country \"Narnia\""));

    let twice = "<meps><mep><id>9</id><fullName>A B</fullName><country>Malta</country><politicalGroup>NI</politicalGroup></mep>\
                 <mep><id>9</id><fullName>C D</fullName><country>Malta</country><politicalGroup>NI</politicalGroup></mep></meps>";
    assert!(bad_file(policy::parse_meps(twice.as_bytes())).contains("MEP 2 (id 9): the id appears twice"));

    assert!(bad_file(policy::parse_meps(b"<people><mep/></people>")).contains("root element is <people>"));
    assert!(bad_file(policy::parse_meps(b"<meps><mep><id>1</id>")).contains("MEP 1"));
}

#[test]
fn a_first_sync_adds_everyone_and_a_second_changes_nothing() {
    let store = store();
    let first = sync(&store, "term-start.xml");
    assert_eq!((first.added, first.updated, first.outgoing, first.unchanged), (6, 0, 0, 0));
    assert!(first.committed);
    assert!(first.changes.iter().all(|c| c.kind == MepChangeKind::Added && c.field.is_none()));
    let audit_after_first = count(&store, "audit_log");

    let second = sync(&store, "term-start.xml");
    assert_eq!((second.added, second.updated, second.outgoing, second.unchanged), (0, 0, 0, 6));
    assert!(second.changes.is_empty());
    assert_eq!(count(&store, "people"), 6);
    assert_eq!(count(&store, "policy_makers"), 6);
    assert_eq!(count(&store, "audit_log"), audit_after_first, "an unchanged sync writes nothing");
}

#[test]
fn names_are_split_shown_in_normal_case_and_sorted_by_family_name() {
    let store = store();
    sync(&store, "term-start.xml");
    let garcia = mep(&store, 256970);
    assert_eq!(garcia.full_name, "Raquel GARCÍA HERMIDA-VAN DER WALLE");
    assert_eq!(garcia.display_name, "Raquel García Hermida-van der Walle");
    assert_eq!(garcia.family_name, "García Hermida-van der Walle");
    assert_eq!(mep(&store, 257043).display_name, "Maravillas Abadía Jover");
    assert_eq!(mep(&store, 257126).family_name, "Pedulla'");
    let order: Vec<String> = policy::meps(&store, &[], &[], &[]).unwrap().into_iter().map(|m| m.family_name).collect();
    assert_eq!(order, ["Abadía Jover", "Beke", "García Hermida-van der Walle", "Pedulla'", "Vautmans", "Zarzalejos"]);
    let page = policy::list(&store, &PolicyMakerQuery::default()).unwrap();
    assert_eq!(page.rows.iter().map(|r| r.family_name.as_str()).collect::<Vec<_>>(), order);
}

#[test]
fn leaving_switching_group_and_new_meps_are_one_plan() {
    let store = store();
    sync(&store, "term-start.xml");
    let report = sync(&store, "mid-term.xml");
    assert_eq!((report.added, report.updated, report.outgoing, report.unchanged), (1, 2, 1, 3));
    let kinds: Vec<(i64, MepChangeKind, Option<&str>, Option<&str>, Option<&str>)> = report
        .changes
        .iter()
        .map(|c| (c.ep_id, c.kind, c.field.as_deref(), c.from.as_deref(), c.to.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (5729, MepChangeKind::Added, None, None, None),
            (257126, MepChangeKind::Updated, Some("national_party"), Some("Movimento 5 Stelle"), Some("Movimento 5 Stelle & Friends")),
            (130100, MepChangeKind::Updated, Some("group"), Some("Renew"), Some("Greens/EFA")),
            (257043, MepChangeKind::Outgoing, Some("status"), Some("current"), Some("outgoing")),
        ]
    );
    let leaver = mep(&store, 257043);
    assert_eq!(leaver.status, MepStatus::Outgoing, "kept, never deleted");
    assert_eq!(mep(&store, 130100).group, Some(GroupCode::GreensEfa));
    assert_eq!(mep(&store, 130100).group_name.as_deref(), Some("Group of the Greens/European Free Alliance"));
    let outgoing = policy::meps(&store, &[], &[], &[MepStatus::Outgoing]).unwrap();
    assert_eq!(outgoing.len(), 1);

    // The switch is audited with from and to.
    let vautmans = policy::list(&store, &PolicyMakerQuery { text: Some("vautmans".into()), ..Default::default() }).unwrap();
    let entries = store
        .read(|c| coalition_core::audit::for_entity(c, "policy_maker", &vautmans.rows[0].id))
        .unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last.action, "mep_updated");
    assert_eq!(last.before.as_ref().unwrap()["group_code"], "Renew");
    assert_eq!(last.after.as_ref().unwrap()["group_code"], "Greens/EFA");

    // Syncing the same list again: the outgoing MEP stays outgoing and is not counted again.
    let again = sync(&store, "mid-term.xml");
    assert_eq!((again.added, again.updated, again.outgoing, again.unchanged), (0, 0, 0, 6));
}

#[test]
fn a_returning_mep_becomes_current_again() {
    let store = store();
    sync(&store, "term-start.xml");
    sync(&store, "mid-term.xml");
    let report = sync(&store, "term-start.xml");
    let abadia: Vec<_> = report.changes.iter().filter(|c| c.ep_id == 257043).collect();
    assert_eq!(abadia.len(), 1);
    assert_eq!(abadia[0].kind, MepChangeKind::Updated);
    assert_eq!((abadia[0].field.as_deref(), abadia[0].from.as_deref(), abadia[0].to.as_deref()), (Some("status"), Some("outgoing"), Some("current")));
    assert_eq!(mep(&store, 257043).status, MepStatus::Current);
    assert_eq!(mep(&store, 5729).status, MepStatus::Outgoing);
    assert_eq!(count(&store, "people"), 7);
}

#[test]
fn a_renamed_mep_and_a_changed_country_are_updates() {
    let store = store();
    sync(&store, "term-start.xml");
    let xml = String::from_utf8(bytes("term-start.xml")).unwrap()
        .replace("Hilde VAUTMANS", "Hilde VAUTMANS-DE SMET")
        .replace("<country>Spain</country>\n    <politicalGroup>Group of the European People's Party (Christian Democrats)</politicalGroup>\n    <id>197606</id>", "<country>Portugal</country>\n    <politicalGroup>Group of the European People's Party (Christian Democrats)</politicalGroup>\n    <id>197606</id>");
    let report = policy::sync_meps(&store, &policy::parse_meps(xml.as_bytes()).unwrap(), false).unwrap();
    assert_eq!(report.updated, 2);
    let fields: Vec<_> = report.changes.iter().map(|c| (c.ep_id, c.field.clone().unwrap(), c.to.clone().unwrap())).collect();
    assert!(fields.contains(&(130100, "name".into(), "Hilde VAUTMANS-DE SMET".into())));
    assert!(fields.contains(&(197606, "country".into(), "PT".into())));
    let hilde = mep(&store, 130100);
    assert_eq!((hilde.display_name.as_str(), hilde.family_name.as_str()), ("Hilde Vautmans-de Smet", "Vautmans-de Smet"));
    let found = policy::list(&store, &PolicyMakerQuery { text: Some("vautmans-de sm".into()), ..Default::default() }).unwrap();
    assert_eq!(found.total, 1, "the folded keys follow the new name");
    assert_eq!(mep(&store, 197606).country.as_deref(), Some("PT"));
}

#[test]
fn a_dry_run_plans_and_writes_nothing() {
    let store = store();
    sync(&store, "term-start.xml");
    let before = (count(&store, "people"), count(&store, "policy_makers"), count(&store, "audit_log"));
    let plan = policy::import_file(&store, &fixture("mid-term.xml"), true).unwrap();
    assert!(!plan.committed);
    assert_eq!((plan.added, plan.updated, plan.outgoing, plan.unchanged), (1, 2, 1, 3));
    assert_eq!((count(&store, "people"), count(&store, "policy_makers"), count(&store, "audit_log")), before);
    assert_eq!(mep(&store, 257043).status, MepStatus::Current);
    assert_eq!(mep(&store, 130100).group, Some(GroupCode::Renew));
}

#[test]
fn a_bad_file_writes_nothing() {
    let store = store();
    assert!(policy::import_file(&store, &fixture("broken.xml"), false).is_err());
    assert_eq!(count(&store, "people"), 0);
    match policy::import_file(&store, &fixture("missing.xml"), false) {
        Err(CoreError::Io { context, .. }) => assert!(context.contains("missing.xml")),
        other => panic!("{other:?}"),
    }
}

/// Serves `body` once per connection on 127.0.0.1, for `connections` requests.
fn serve(body: Vec<u8>, connections: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let mut stream = stream.unwrap();
            let mut request = [0u8; 4096];
            let mut read = 0;
            while read < request.len() {
                let n = stream.read(&mut request[read..]).unwrap_or(0);
                read += n;
                if n == 0 || request[..read].windows(4).any(|w| w == b"\r\n\r\n") {
                    break;
                }
            }
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(&body).unwrap();
        }
    });
    format!("http://{address}/meps/en/full-list/xml")
}

#[test]
fn fetching_over_loopback_reports_progress_and_plans_without_writing() {
    let store = store();
    let body = bytes("term-start.xml");
    let url = serve(body.clone(), 1);
    let mut seen = Vec::new();
    let fetched = policy::fetch(&store, Some(&url), &mut |p| seen.push(p)).unwrap();
    assert_eq!((fetched.plan.added, fetched.plan.committed), (6, false));
    assert_eq!(count(&store, "people"), 0, "fetching writes nothing");
    let last = seen.last().unwrap();
    assert_eq!((last.received, last.total), (body.len() as u64, Some(body.len() as u64)));
    assert!(seen.iter().any(|p| p.total == Some(body.len() as u64)));
    assert!(seen.windows(2).all(|w| w[0].received <= w[1].received));
    assert_eq!(std::fs::read(&fetched.path).unwrap(), body);
    let applied = policy::import_file(&store, std::path::Path::new(&fetched.path), false).unwrap();
    assert_eq!(applied.added, 6);
    assert_eq!(count(&store, "policy_makers"), 6);
}

#[test]
fn fetching_when_nothing_answers_is_a_clear_network_error() {
    let store = store();
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let error = policy::fetch(&store, Some(&format!("http://127.0.0.1:{port}/xml")), &mut |_| {}).unwrap_err();
    assert_eq!(error.code(), "network");
    assert!(error.to_string().starts_with("Could not reach the European Parliament's site: "), "{error}");
    let api = coalition_core::ApiError::from(error);
    assert_eq!(api.code, "network");
}

#[test]
fn the_list_url_can_be_overridden() {
    assert_eq!(policy::list_url(Some("http://127.0.0.1:9/x")), "http://127.0.0.1:9/x");
    assert!(policy::EP_LIST_URL.starts_with("https://www.europarl.europa.eu/meps/en/full-list/xml"));
}

fn commissioner() -> PolicyMakerInput {
    PolicyMakerInput {
        given_name: "Ylva".into(),
        family_name: "Johansson".into(),
        display_name: None,
        honorific: None,
        country: Some("Sweden".into()),
        office: Office::Commission,
        institution: Some("European Commission".into()),
        position_title: Some("European Commissioner for Home Affairs".into()),
        ep_id: None,
        group_code: None,
        national_party: None,
        emails: vec![],
        phones: vec![],
        notes: None,
    }
}

#[test]
fn other_policy_makers_are_a_person_and_an_office() {
    let store = store();
    let ylva = policy::create(&store, commissioner()).unwrap();
    assert_eq!((ylva.display_name.as_str(), ylva.country.as_deref(), ylva.office), ("Ylva Johansson", Some("SE"), Office::Commission));
    assert_eq!(ylva.position_title.as_deref(), Some("European Commissioner for Home Affairs"));
    assert!(ylva.ep_id.is_none() && ylva.mep_status.is_none() && ylva.profile_url.is_none());
    assert_eq!(count(&store, "people"), 1);

    store
        .write(|c| Ok(c.execute("INSERT INTO person_languages (person_id, language) VALUES (?1, 'sv')", [&ylva.id])?))
        .unwrap();
    let edited = policy::update(&store, &ylva.id, PolicyMakerInput { institution: Some("DG HOME".into()), ..commissioner() }).unwrap();
    assert_eq!(coalition_core::people::get(&store, &ylva.id).unwrap().languages, ["sv"], "an edit keeps the languages");
    assert_eq!(edited.institution.as_deref(), Some("DG HOME"));
    let entries = store.read(|c| coalition_core::audit::for_entity(c, "policy_maker", &ylva.id)).unwrap();
    assert_eq!(entries.last().unwrap().after.as_ref().unwrap()["institution"], "DG HOME");

    // Every failing field is named, person and office alike; nothing is written.
    let wrong = PolicyMakerInput { family_name: " ".into(), group_code: Some(GroupCode::Epp), ep_id: Some(5), ..commissioner() };
    match policy::create(&store, wrong) {
        Err(CoreError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, ["family_name", "ep_id", "group_code"]);
        }
        other => panic!("{other:?}"),
    }
    let mep_without_id = PolicyMakerInput { office: Office::Mep, ..commissioner() };
    match policy::create(&store, mep_without_id) {
        Err(CoreError::Invalid(errors)) => assert_eq!(errors[0].field, "ep_id"),
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&store, "people"), 1);

    // An MEP typed by hand, then met again in the Parliament's list: the same person.
    let typed = policy::create(
        &store,
        PolicyMakerInput {
            given_name: "Javier".into(),
            family_name: "Zarzalejos".into(),
            office: Office::Mep,
            ep_id: Some(197606),
            group_code: Some(GroupCode::Epp),
            country: Some("ES".into()),
            institution: None,
            position_title: None,
            ..commissioner()
        },
    )
    .unwrap();
    assert_eq!(typed.profile_url.as_deref(), Some("https://www.europarl.europa.eu/meps/en/197606"));
    let taken = policy::create(&store, PolicyMakerInput { office: Office::Mep, ep_id: Some(197606), ..commissioner() });
    assert!(matches!(taken, Err(CoreError::Invalid(ref e)) if e[0].message.contains("already belongs to Javier Zarzalejos")));
    let report = sync(&store, "term-start.xml");
    assert_eq!(report.added, 5);
    assert!(report.changes.iter().any(|c| c.ep_id == 197606 && c.field.as_deref() == Some("name")));
}

#[test]
fn committees_are_added_ended_and_filter_the_list() {
    let store = store();
    sync(&store, "term-start.xml");
    let id = |text: &str| policy::list(&store, &PolicyMakerQuery { text: Some(text.into()), ..Default::default() }).unwrap().rows[0].id.clone();
    let (zarzalejos, vautmans) = (id("zarzalejos"), id("vautmans"));
    let input = |code: &str, role| CommitteeMembershipInput { committee_code: code.into(), role, starts_on: Some("2024-07-23".into()) };
    let detail = policy::committee_add(&store, &zarzalejos, input("libe", CommitteeRole::Member)).unwrap();
    assert_eq!(detail.committees.len(), 1);
    assert_eq!((detail.committees[0].committee_code.as_str(), detail.committees[0].committee_name.as_str()), ("LIBE", "Civil Liberties, Justice and Home Affairs"));
    policy::committee_add(&store, &vautmans, input("LIBE", CommitteeRole::Substitute)).unwrap();
    policy::committee_add(&store, &vautmans, input("FEMM", CommitteeRole::ViceChair)).unwrap();

    assert!(matches!(policy::committee_add(&store, &zarzalejos, input("LIBE", CommitteeRole::Chair)), Err(CoreError::Conflict(_))));
    assert!(matches!(policy::committee_add(&store, &zarzalejos, input("XXXX", CommitteeRole::Member)), Err(CoreError::Invalid(ref e)) if e[0].field == "committee_code"));
    let bad_date = CommitteeMembershipInput { starts_on: Some("23/07/2024".into()), ..input("CULT", CommitteeRole::Member) };
    assert!(matches!(policy::committee_add(&store, &zarzalejos, bad_date), Err(CoreError::Invalid(ref e)) if e[0].field == "starts_on"));

    let libe = PolicyMakerQuery { committee: Some("LIBE".into()), ..Default::default() };
    let page = policy::list(&store, &libe).unwrap();
    assert_eq!(page.rows.iter().map(|r| r.family_name.as_str()).collect::<Vec<_>>(), ["Vautmans", "Zarzalejos"]);
    assert_eq!(page.rows[0].committees, ["FEMM", "LIBE"]);

    let membership = policy::get(&store, &vautmans).unwrap().committees.into_iter().find(|c| c.committee_code == "LIBE").unwrap();
    assert!(matches!(policy::committee_end(&store, &membership.id, Some("2024-01-01".into())), Err(CoreError::Invalid(ref e)) if e[0].field == "ends_on"));
    let ended = policy::committee_end(&store, &membership.id, Some("2025-01-31".into())).unwrap();
    assert_eq!(ended.committees.last().unwrap().ends_on.as_deref(), Some("2025-01-31"), "ended memberships come last");
    assert!(matches!(policy::committee_end(&store, &membership.id, None), Err(CoreError::Conflict(_))));
    let page = policy::list(&store, &libe).unwrap();
    assert_eq!(page.rows.iter().map(|r| r.family_name.as_str()).collect::<Vec<_>>(), ["Zarzalejos"]);
}

#[test]
fn the_list_filters_by_office_group_country_status_and_text_and_pages() {
    let store = store();
    sync(&store, "term-start.xml");
    sync(&store, "mid-term.xml");
    policy::create(&store, commissioner()).unwrap();
    let names = |query: PolicyMakerQuery| -> Vec<String> {
        policy::list(&store, &query).unwrap().rows.into_iter().map(|r| r.family_name).collect()
    };
    assert_eq!(names(PolicyMakerQuery { offices: vec![Office::Commission], ..Default::default() }), ["Johansson"]);
    assert_eq!(names(PolicyMakerQuery { groups: vec![GroupCode::Epp], ..Default::default() }), ["Abadía Jover", "Beke", "Zarzalejos"]);
    assert_eq!(names(PolicyMakerQuery { countries: vec!["be".into()], ..Default::default() }), ["Beke", "Van Brempt", "Vautmans"]);
    assert_eq!(names(PolicyMakerQuery { statuses: vec![MepStatus::Outgoing], ..Default::default() }), ["Abadía Jover"]);
    assert_eq!(names(PolicyMakerQuery { text: Some("ABADIA".into()), ..Default::default() }), ["Abadía Jover"]);
    assert_eq!(names(PolicyMakerQuery { text: Some("hermida-van".into()), ..Default::default() }), ["García Hermida-van der Walle"]);
    let page = policy::list(&store, &PolicyMakerQuery { offset: 2, limit: 3, ..Default::default() }).unwrap();
    assert_eq!((page.total, page.offset, page.rows.len()), (8, 2, 3));
    assert_eq!(page.rows[0].family_name, "García Hermida-van der Walle");
    let groups = policy::meps(&store, &[GroupCode::Renew, GroupCode::GreensEfa], &["NL".into()], &[MepStatus::Current]).unwrap();
    assert_eq!(groups.iter().map(|m| m.ep_id).collect::<Vec<_>>(), [256970]);
}

#[test]
fn the_list_of_719_is_read_quickly_enough() {
    // A generated list the size of the Parliament's, to keep the sync linear.
    let mut doc = String::from("<meps>");
    for n in 1..=719 {
        doc.push_str(&format!(
            "<mep><fullName>Given{n} FAMILY{n}</fullName><country>Belgium</country><politicalGroup>Renew Europe Group</politicalGroup><id>{n}</id><nationalPoliticalGroup>P</nationalPoliticalGroup></mep>"
        ));
    }
    doc.push_str("</meps>");
    let store = store();
    let records = policy::parse_meps(doc.as_bytes()).unwrap();
    let first = policy::sync_meps(&store, &records, false).unwrap();
    assert_eq!(first.added, 719);
    let second = policy::sync_meps(&store, &records, false).unwrap();
    assert_eq!(second.unchanged, 719);
    let page = policy::list(&store, &PolicyMakerQuery { limit: 50, ..Default::default() }).unwrap();
    assert_eq!((page.total, page.rows.len()), (719, 50));
}

#[test]
fn demo_data_has_the_two_meps_on_their_committee_and_the_commissioner_once() {
    let store = store();
    let first = coalition_core::demo::load(&store).unwrap();
    assert_eq!(first.policy_makers_added, 3);
    let second = coalition_core::demo::load(&store).unwrap();
    assert_eq!(second.policy_makers_added, 0);
    let meps = policy::meps(&store, &[], &[], &[]).unwrap();
    let ids: Vec<(i64, &str, Option<GroupCode>, Option<&str>)> =
        meps.iter().map(|m| (m.ep_id, m.display_name.as_str(), m.group, m.country.as_deref())).collect();
    assert_eq!(ids, [(130100, "Hilde Vautmans", Some(GroupCode::Renew), Some("BE")), (197606, "Javier Zarzalejos", Some(GroupCode::Epp), Some("ES"))]);
    let libe = policy::list(&store, &PolicyMakerQuery { committee: Some("LIBE".into()), ..Default::default() }).unwrap();
    assert_eq!(libe.rows.iter().map(|r| r.display_name.as_str()).collect::<Vec<_>>(), ["Javier Zarzalejos"]);
    let commission = policy::list(&store, &PolicyMakerQuery { offices: vec![Office::Commission], ..Default::default() }).unwrap();
    assert_eq!(commission.rows.len(), 1);
    let ylva = policy::get(&store, &commission.rows[0].id).unwrap();
    assert_eq!(ylva.position_title.as_deref(), Some("European Commissioner for Home Affairs"));
    // The Parliament's list later finds them: the same people, no second copy.
    let report = sync(&store, "term-start.xml");
    assert_eq!(report.added, 4);
    assert_eq!(policy::meps(&store, &[], &[], &[]).unwrap().len(), 6);
}
