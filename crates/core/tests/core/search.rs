use coalition_core::dossiers::{self, DossierInput};
use coalition_core::events::{self, EventInput, EventKind, EventStatus};
use coalition_core::interactions::{self, InteractionInput, InteractionKind};
use coalition_core::letters::{self, LetterInput};
use coalition_core::organisations::{self, NewOrganisation};
use coalition_core::people::{self, EmailLabel, LabelledEmail, NewPerson, PersonInput};
use coalition_core::policy::{self, Office, PolicyMakerInput};
use coalition_core::search::{self, SearchHit, SearchKind};
use coalition_core::Store;

use super::{add, input, store};

fn find(store: &Store, query: &str) -> Vec<SearchHit> {
    search::search(store, query, 20).unwrap()
}

fn titles(store: &Store, query: &str) -> Vec<String> {
    find(store, query).into_iter().map(|h| h.title).collect()
}

fn person(store: &Store, given: &str, family: &str, email: Option<&str>) -> String {
    let mut input = PersonInput { given_name: given.into(), family_name: family.into(), ..Default::default() };
    if let Some(email) = email {
        input.emails.push(LabelledEmail { label: EmailLabel::Work, email: email.into() });
    }
    people::create(store, NewPerson { person: input, affiliation: None }).unwrap().person.id
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
        position_title: Some("Commissioner for Home Affairs".into()),
        ep_id: None,
        group_code: None,
        national_party: None,
        emails: vec![],
        phones: vec![],
        notes: None,
    }
}

fn event(reference: &str, title: &str) -> EventInput {
    EventInput {
        reference: reference.into(),
        title: title.into(),
        kind: EventKind::Conference,
        status: EventStatus::Planning,
        time_zone: None,
        starts_at: "2026-05-12 09:00".into(),
        ends_at: "2026-05-12 17:00".into(),
        venue_name: Some("Résidence Palace".into()),
        venue_address: None,
        venue_room: None,
        online_link: None,
        capacity: None,
        organiser_ids: Vec::new(),
        notes: None,
    }
}

fn meeting(store: &Store, subject: &str, outcome: Option<&str>) -> InteractionInput {
    let someone = match store.read(|c| Ok(c.query_row("SELECT id FROM people WHERE family_name = 'Zulu'", [], |r| r.get(0)).ok())).unwrap() {
        Some(id) => id,
        None => person(store, "Zed", "Zulu", None),
    };
    InteractionInput {
        kind: InteractionKind::Meeting,
        occurred_on: "2025-03-20".into(),
        subject: subject.into(),
        outcome: outcome.map(Into::into),
        dossier_id: None,
        person_ids: vec![someone],
        organisation_ids: vec![],
        tasks: vec![],
    }
}

#[test]
fn accents_and_case_are_ignored_both_ways() {
    let store = store();
    let mie = person(&store, "Mié", "Kohiyama", None);
    person(&store, "Miguel", "Kohl", None);
    let hits = find(&store, "mie kohiyama");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].kind, hits[0].id.as_str(), hits[0].title.as_str()), (SearchKind::Person, mie.as_str(), "Mié Kohiyama"));
    assert_eq!(titles(&store, "MIÉ KOHIYAMA"), ["Mié Kohiyama"]);
    add(&store, "Fondation pour l'Enfance", "FR");
    assert_eq!(titles(&store, "fondation enfance"), ["Fondation pour l'Enfance"]);
    assert_eq!(titles(&store, "FONDATION ÉNFANCE"), ["Fondation pour l'Enfance"]);
}

#[test]
fn the_last_word_is_a_prefix_and_every_word_must_match() {
    let store = store();
    person(&store, "Mié", "Kohiyama", None);
    person(&store, "Mia", "Kowalska", None);
    assert_eq!(titles(&store, "koh"), ["Mié Kohiyama"]);
    let mut both = titles(&store, "mi");
    both.sort();
    assert_eq!(both, ["Mia Kowalska", "Mié Kohiyama"]);
    assert_eq!(titles(&store, "mia ko"), ["Mia Kowalska"]);
    // Only the last word is a prefix: "ko" as a first word matches no whole word.
    assert!(titles(&store, "ko mia").is_empty());
    assert!(titles(&store, "kohiyama zzz").is_empty());
}

#[test]
fn organisations_are_found_by_acronym_and_short_name() {
    let store = store();
    let iwf = add(&store, "Internet Watch Foundation", "GB").organisation.id;
    add(&store, "Terre des Hommes", "CH");
    let mut ecpat = input("ECPAT International", "TH");
    ecpat.short_name = Some("ECPAT".into());
    organisations::create(&store, NewOrganisation { organisation: ecpat, membership: None }).unwrap();
    let hits = find(&store, "IWF");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].kind, hits[0].id.as_str()), (SearchKind::Organisation, iwf.as_str()));
    assert_eq!(titles(&store, "tdh"), ["Terre des Hommes"]);
    assert_eq!(titles(&store, "ecpat"), ["ECPAT International"]);
    assert_eq!(find(&store, "iwf")[0].subtitle.as_deref(), Some("GB"));
    // The acronym names the organisation, so it comes before a letter that mentions it twice.
    letters::create(&store, LetterInput { reference: "iwf-letter".into(), title: "Letter with the IWF".into(), ..Default::default() })
        .unwrap();
    let hits = find(&store, "iwf");
    assert_eq!((hits.len(), hits[0].kind, hits[1].kind), (2, SearchKind::Organisation, SearchKind::Letter));
}

#[test]
fn every_kind_is_indexed() {
    let store = store();
    add(&store, "Brave Movement", "BE");
    person(&store, "Heidi", "Brave", Some("heidi@bravemovement.org"));
    policy::create(&store, PolicyMakerInput { notes: Some("Brave on encryption".into()), ..commissioner() }).unwrap();
    events::create(&store, event("brave-summit", "Brave summit")).unwrap();
    letters::create(&store, LetterInput { reference: "brave-letter".into(), title: "Be brave".into(), ..Default::default() }).unwrap();
    interactions::create(&store, meeting(&store, "Coffee", Some("She was brave"))).unwrap();
    dossiers::create(&store, DossierInput { reference: "2022/0155(cod)".into(), short_title: "Brave regulation".into(), lead_committee: None })
        .unwrap();
    let mut kinds: Vec<SearchKind> = find(&store, "brave").into_iter().map(|h| h.kind).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            SearchKind::Organisation,
            SearchKind::Person,
            SearchKind::PolicyMaker,
            SearchKind::Event,
            SearchKind::Letter,
            SearchKind::Interaction,
            SearchKind::Dossier
        ]
    );
    // Policy-makers by office, institution and group words; dossiers by reference.
    assert_eq!(titles(&store, "commission johansson"), ["Ylva Johansson"]);
    assert_eq!(titles(&store, "2022 0155"), ["Brave regulation"]);
    assert_eq!(titles(&store, "residence pal"), ["Brave summit"]);
}

#[test]
fn ranking_puts_names_before_mentions_and_exact_titles_first() {
    let store = store();
    interactions::create(&store, meeting(&store, "Call about Eurochild's position", None)).unwrap();
    person(&store, "Anna", "Berg", Some("anna@eurochild.org"));
    add(&store, "Eurochild", "BE");
    add(&store, "Eurochild Youth Forum", "BE");
    let hits = titles(&store, "eurochild");
    assert_eq!(hits[0], "Eurochild", "the exact title first: {hits:?}");
    assert_eq!(hits[1], "Eurochild Youth Forum", "then a title starting with it: {hits:?}");
    assert_eq!(hits.len(), 4);
    // A word in a name weighs more than the same word in notes or an outcome.
    add(&store, "Safe Online", "SE");
    organisations::create(
        &store,
        NewOrganisation {
            organisation: coalition_core::organisations::OrganisationInput {
                notes: Some("Works with safe online".into()),
                ..input("Kinderschutz Bund", "DE")
            },
            membership: None,
        },
    )
    .unwrap();
    assert_eq!(titles(&store, "online"), ["Safe Online", "Kinderschutz Bund"]);
}

#[test]
fn the_index_follows_edits_archiving_and_deletes() {
    let store = store();
    // Organisations: edit, archive, restore.
    let org = add(&store, "Child Focus", "BE").organisation.id;
    organisations::update(&store, &org, input("Missing Children Europe", "BE")).unwrap();
    assert!(titles(&store, "focus").is_empty());
    assert_eq!(titles(&store, "missing chil"), ["Missing Children Europe"]);
    assert_eq!(titles(&store, "mce"), ["Missing Children Europe"]);
    organisations::set_archived(&store, &org, true).unwrap();
    assert!(titles(&store, "missing").is_empty(), "archived records leave the index");
    organisations::set_archived(&store, &org, false).unwrap();
    assert_eq!(titles(&store, "missing").len(), 1);

    // People: a changed email, a rename, archiving.
    let id = person(&store, "Anna", "Berg", Some("anna@old.example"));
    assert_eq!(titles(&store, "old.example"), ["Anna Berg"]);
    let mut edited = PersonInput { given_name: "Anna".into(), family_name: "Bergström".into(), ..Default::default() };
    edited.emails.push(LabelledEmail { label: EmailLabel::Work, email: "anna@new.example".into() });
    people::update(&store, &id, edited).unwrap();
    assert!(titles(&store, "old example").is_empty());
    let hits = find(&store, "new.example");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].title.as_str(), hits[0].subtitle.as_deref()), ("Anna Bergström", Some("anna@new.example")));
    assert_eq!(titles(&store, "bergstrom"), ["Anna Bergström"]);
    people::set_archived(&store, &id, true).unwrap();
    assert!(titles(&store, "bergstrom").is_empty());

    // Policy-makers: the kind follows the office row, edits follow.
    let ylva = policy::create(&store, commissioner()).unwrap().id;
    assert_eq!(find(&store, "ylva")[0].kind, SearchKind::PolicyMaker);
    assert_eq!(find(&store, "ylva")[0].subtitle.as_deref(), Some("European Commission · SE"));
    policy::update(&store, &ylva, PolicyMakerInput { position_title: Some("Commissioner for Migration".into()), ..commissioner() }).unwrap();
    assert_eq!(titles(&store, "migration"), ["Ylva Johansson"]);
    assert!(titles(&store, "home affairs").is_empty());

    // Events, letters, dossiers: edits.
    let ev = events::create(&store, event("csa-summit", "CSA summit")).unwrap().event.id;
    events::update(&store, &ev, event("csa-summit", "Child safety summit")).unwrap();
    assert_eq!(titles(&store, "child safety sum"), ["Child safety summit"]);
    assert_eq!(titles(&store, "csa summit"), ["Child safety summit"], "the reference is indexed too");
    let letter = letters::create(&store, LetterInput { reference: "open-2024".into(), title: "Open letter".into(), ..Default::default() })
        .unwrap()
        .letter
        .id;
    letters::update(
        &store,
        &letter,
        LetterInput { reference: "open-2024".into(), title: "Joint statement".into(), target: Some("Council".into()), ..Default::default() },
    )
    .unwrap();
    assert!(titles(&store, "open letter").is_empty());
    assert_eq!(titles(&store, "joint council"), ["Joint statement"]);
    let dossier =
        dossiers::create(&store, DossierInput { reference: "2022/0155(cod)".into(), short_title: "CSA regulation".into(), lead_committee: None })
            .unwrap()
            .dossier
            .id;
    dossiers::update(
        &store,
        &dossier,
        DossierInput { reference: "2022/0155(cod)".into(), short_title: "Child sexual abuse regulation".into(), lead_committee: None },
    )
    .unwrap();
    assert_eq!(titles(&store, "sexual abuse"), ["Child sexual abuse regulation"]);

    // Interactions: edit and delete.
    let call = interactions::create(&store, meeting(&store, "Lunch with Mié", Some("Agreed on a hearing"))).unwrap().id;
    assert_eq!(titles(&store, "agreed hear"), ["Lunch with Mié"]);
    interactions::update(&store, &call, meeting(&store, "Dinner with Mié", None)).unwrap();
    assert!(titles(&store, "agreed").is_empty());
    assert_eq!(titles(&store, "dinner"), ["Dinner with Mié"]);
    interactions::delete(&store, &call).unwrap();
    assert!(titles(&store, "dinner").is_empty());
    assert_eq!(count_docs(&store), count_fts(&store));
}

#[test]
fn a_merged_organisation_leaves_the_index_and_an_undo_brings_it_back() {
    let store = store();
    let keep = add(&store, "Eurochild", "BE").organisation.id;
    let drop = add(&store, "Euro Child aisbl", "BE").organisation.id;
    let report = organisations::merge(&store, &keep, &drop).unwrap();
    assert_eq!(titles(&store, "aisbl"), Vec::<String>::new());
    organisations::undo_merge(&store, report.audit_seq).unwrap();
    assert_eq!(titles(&store, "aisbl"), ["Euro Child aisbl"]);
}

#[test]
fn fts_syntax_in_the_query_is_plain_text() {
    let store = store();
    add(&store, "Save the Children", "GB");
    for query in ["\"save", "save\"", "save*", "save OR", "NOT save", "save AND children", "(save", "save)", "save:", "^save", "{name}:save",
        "save -children", "save + children", "NEAR(save children)", "s'ave", "save\\", "save;--", "%save_", "save children ", "*"]
    {
        let result = search::search(&store, query, 20);
        assert!(result.is_ok(), "{query:?}: {result:?}");
    }
    assert_eq!(titles(&store, "save AND children"), Vec::<String>::new(), "AND is a word here, and no name has it");
    assert_eq!(titles(&store, "(save) \"chil"), ["Save the Children"]);
    assert!(find(&store, "").is_empty());
    assert!(find(&store, "  ").is_empty());
    assert!(find(&store, "*\"()").is_empty());
}

#[test]
fn the_limit_is_respected() {
    let store = store();
    for i in 0..30 {
        add(&store, &format!("Child rights network {i:02}"), "BE");
    }
    assert_eq!(search::search(&store, "child", 5).unwrap().len(), 5);
    assert_eq!(search::search(&store, "child", 0).unwrap().len(), 0);
    assert_eq!(search::search(&store, "child", 1000).unwrap().len(), 30);
}

#[test]
fn an_unspecific_prefix_in_a_big_store_still_answers() {
    let store = store();
    store
        .write(|c| {
            let mut stmt = c.prepare(
                "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?2 || ' ' || ?3, lower(?3), lower(?2 || ' ' || ?3), 'x', 'x')",
            )?;
            for i in 0..5000 {
                stmt.execute(rusqlite::params![format!("p{i}"), format!("Maria{i}"), "Martin"])?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(search::search(&store, "ma", 20).unwrap().len(), 20);
    assert_eq!(search::search(&store, "maria4999", 20).unwrap()[0].id, "p4999");
}

fn count_docs(store: &Store) -> i64 {
    super::count(store, "search_docs")
}

fn count_fts(store: &Store) -> i64 {
    super::count(store, "search_fts")
}

#[test]
fn a_store_from_before_search_is_indexed_when_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        coalition_core::store::migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO organisations (id, name, name_key, org_type, country, created_at, updated_at)
                 VALUES ('o1', 'Internet Watch Foundation', 'internet watch foundation', 'ngo', 'GB', 'x', 'x');
             INSERT INTO organisations (id, name, name_key, org_type, country, archived, created_at, updated_at)
                 VALUES ('o2', 'Archived Watchers', 'archived watchers', 'ngo', 'GB', 1, 'x', 'x');
             INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, created_at, updated_at)
                 VALUES ('p1', 'Mié', 'Kohiyama', 'Mié Kohiyama', 'kohiyama mie', 'mie kohiyama', 'x', 'x');
             INSERT INTO person_emails (id, person_id, label, email, email_key) VALUES ('e1', 'p1', 'work', 'mie@brave.org', 'mie@brave.org');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(titles(&store, "iwf"), ["Internet Watch Foundation"]);
    assert!(titles(&store, "archived").is_empty());
    let hits = find(&store, "brave.org");
    assert_eq!((hits.len(), hits[0].id.as_str(), hits[0].subtitle.as_deref()), (1, "p1", Some("mie@brave.org")));
}
