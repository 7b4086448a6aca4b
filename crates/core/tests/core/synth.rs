//! Synthetic data: deterministic for a seed, accented names with particles, all 27 member
//! states, memberships with their history, affiliations with focal points, interactions with
//! participants, signatures on a few letters; and the streaming interactions export over it.

use std::collections::HashSet;

use coalition_core::synth::{self, SynthOptions, SynthReport};
use coalition_core::Store;

use super::{count, store};

fn options(seed: u64) -> SynthOptions {
    SynthOptions { organisations: 120, people: 900, interactions: 1_500, signatures: 200, seed }
}

fn fill(seed: u64) -> (Store, SynthReport) {
    let store = store();
    let report = synth::synth(&store, &options(seed), &mut |_| {}).expect("synth");
    (store, report)
}

fn column(store: &Store, sql: &str) -> Vec<String> {
    store
        .read(|c| {
            let mut stmt = c.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap()
}

fn person_names(store: &Store) -> Vec<String> {
    column(store, "SELECT given_name || ' ' || family_name || ' ' || country FROM people ORDER BY rowid")
}

#[test]
fn the_same_seed_gives_the_same_data() {
    let (a, report_a) = fill(7);
    let (b, report_b) = fill(7);
    assert_eq!(report_a, report_b);
    assert_eq!(person_names(&a), person_names(&b));
    let orgs = "SELECT name || ' ' || country || ' ' || coalesce(short_name, '') FROM organisations ORDER BY rowid";
    assert_eq!(column(&a, orgs), column(&b, orgs));
    let history = "SELECT coalesce(from_status, '') || '>' || to_status || '@' || effective_on FROM membership_status_changes ORDER BY rowid";
    assert_eq!(column(&a, history), column(&b, history));
    let log = "SELECT occurred_on || ' ' || kind || ' ' || subject FROM interactions ORDER BY rowid";
    assert_eq!(column(&a, log), column(&b, log));
    // Another seed, other people.
    let (c, _) = fill(8);
    assert_ne!(person_names(&a), person_names(&c));
}

#[test]
fn counts_match_the_report_and_the_options() {
    let (store, report) = fill(1);
    assert_eq!(report.organisations, 120);
    assert_eq!(report.people, 900);
    assert_eq!(report.interactions, 1_500);
    assert_eq!(report.signatures, 200);
    assert_eq!(count(&store, "organisations"), 120);
    assert_eq!(count(&store, "memberships"), 120);
    assert_eq!(count(&store, "people"), 900);
    assert_eq!(count(&store, "person_emails"), 900);
    assert_eq!(count(&store, "interactions"), 1_500);
    assert_eq!(count(&store, "signatures"), 200);
    assert_eq!(count(&store, "membership_status_changes") as u64, report.status_changes);
    assert_eq!(count(&store, "affiliations") as u64, report.affiliations);
    assert_eq!(count(&store, "interaction_participants") as u64, report.participants);
    assert_eq!(count(&store, "tasks") as u64, report.tasks);
    assert!(report.letters >= 1 && report.letters as i64 == count(&store, "letters"));
}

#[test]
fn names_carry_accents_particles_and_other_scripts() {
    let (store, _) = fill(3);
    let names = column(&store, "SELECT given_name || ' ' || family_name FROM people");
    let accented = names.iter().filter(|n| !n.is_ascii()).count();
    assert!(accented * 4 > names.len(), "only {accented} of {} names have accents", names.len());
    for particle in ["van ", "de ", "von ", "Ó ", "Ní "] {
        let found = column(&store, "SELECT family_name FROM people").iter().any(|f| f.starts_with(particle) || f.contains(&format!(" {particle}")));
        assert!(found, "no family name with the particle {particle:?}");
    }
    let letters: HashSet<char> = names.iter().flat_map(|n| n.chars()).collect();
    for c in ['é', 'ø', 'ü', 'ł', 'ř', 'ő', 'ă', 'ā', 'ž', 'ñ'] {
        assert!(letters.contains(&c), "no name with {c}");
    }
    // The keys fold them, so that "Müller" sorts among the M's.
    let keys = column(&store, "SELECT family_key FROM people WHERE family_name = 'Müller' LIMIT 1");
    if let Some(key) = keys.first() {
        assert!(key.starts_with("muller "), "{key}");
    }
    let org_names = column(&store, "SELECT name FROM organisations");
    assert!(org_names.iter().any(|n| !n.is_ascii()));
}

#[test]
fn every_member_state_is_there() {
    let (store, _) = fill(4);
    let eu: HashSet<String> = synth::countries().into_iter().map(str::to_string).collect();
    assert_eq!(eu.len(), 27);
    let org_countries: HashSet<String> = column(&store, "SELECT DISTINCT country FROM organisations").into_iter().collect();
    let people_countries: HashSet<String> = column(&store, "SELECT DISTINCT country FROM people").into_iter().collect();
    assert_eq!(org_countries, eu);
    assert_eq!(people_countries, eu);
    for code in &eu {
        assert!(coalition_core::countries::name_of(code).is_some(), "{code} is not a known country");
    }
}

#[test]
fn memberships_affiliations_and_signatures_keep_their_invariants() {
    let (store, _) = fill(5);
    // The status now is the last change's; the history starts from nothing.
    let mismatched = column(
        &store,
        "SELECT m.organisation_id FROM memberships m WHERE m.status <> (SELECT c.to_status FROM membership_status_changes c
           WHERE c.organisation_id = m.organisation_id ORDER BY c.effective_on DESC, c.rowid DESC LIMIT 1)",
    );
    assert!(mismatched.is_empty(), "{} memberships disagree with their history", mismatched.len());
    let first_from = column(
        &store,
        "SELECT c.id FROM membership_status_changes c WHERE c.from_status IS NOT NULL AND c.rowid =
           (SELECT min(rowid) FROM membership_status_changes f WHERE f.organisation_id = c.organisation_id)",
    );
    assert!(first_from.is_empty());
    assert!(count(&store, "membership_status_changes") > count(&store, "memberships"), "no history beyond the first status");
    let left_without_date = column(&store, "SELECT organisation_id FROM memberships WHERE status IN ('lapsed','withdrawn') AND left_on IS NULL");
    assert!(left_without_date.is_empty());
    // At most one current focal point per organisation, and some.
    let focal = column(
        &store,
        "SELECT organisation_id FROM affiliations WHERE focal_point = 1 AND ends_on IS NULL GROUP BY organisation_id HAVING count(*) > 1",
    );
    assert!(focal.is_empty());
    assert!(count(&store, "affiliations WHERE focal_point = 1") > 50);
    assert!(count(&store, "affiliations WHERE ends_on IS NOT NULL") > 0, "no former affiliations");
    // Interactions spread over years, each with someone.
    let years = column(&store, "SELECT DISTINCT substr(occurred_on, 1, 4) FROM interactions");
    assert!(years.len() >= 10, "{years:?}");
    assert_eq!(count(&store, "interactions i WHERE NOT EXISTS (SELECT 1 FROM interaction_participants p WHERE p.interaction_id = i.id)"), 0);
    // E-mails are unique, so the import would never merge two synthetic people.
    assert_eq!(count(&store, "(SELECT email_key FROM person_emails GROUP BY email_key HAVING count(*) > 1)"), 0);
    // Every batch is audited once.
    assert!(count(&store, "audit_log WHERE entity = 'synth'") >= 4);
    // The store still passes SQLite's own checks.
    let check = column(&store, "PRAGMA foreign_key_check");
    assert!(check.is_empty());
}

#[test]
fn people_go_on_top_of_an_existing_store() {
    let store = store();
    coalition_core::demo::load(&store).unwrap();
    let before = count(&store, "organisations");
    let report = synth::synth(&store, &SynthOptions { organisations: 30, people: 200, interactions: 100, signatures: 0, seed: 9 }, &mut |_| {})
        .unwrap();
    assert_eq!(count(&store, "organisations"), before + 30);
    assert_eq!(report.people, 200);
    // A second run with the same seed adds again, without clashing names.
    synth::synth(&store, &SynthOptions { organisations: 30, people: 0, interactions: 0, signatures: 0, seed: 9 }, &mut |_| {}).unwrap();
    assert_eq!(count(&store, "organisations"), before + 60);
}

#[test]
fn the_bench_people_csv_imports_through_core() {
    let store = store();
    synth::synth(&store, &SynthOptions { organisations: 40, people: 0, interactions: 0, signatures: 0, seed: 2 }, &mut |_| {}).unwrap();
    let csv = synth::people_csv(&store, 300, 2).unwrap();
    assert_eq!(csv, synth::people_csv(&store, 300, 2).unwrap(), "not deterministic");
    let report = coalition_core::people::import_bytes(&store, &csv, Default::default()).unwrap();
    assert!(report.issues.is_empty(), "{:?}", report.issues.first());
    assert_eq!(report.created, 300);
    assert!(count(&store, "affiliations") > 200);
}

#[test]
fn the_interactions_export_streams_every_row() {
    let (store, report) = fill(6);
    let mut out = Vec::new();
    let rows = coalition_core::interactions::export_csv(&store, &mut out, false).unwrap();
    assert_eq!(rows, report.interactions);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), coalition_core::interactions::CSV_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len() as u64, rows);
    // Oldest first, and participants named.
    assert!(records.windows(2).all(|w| w[0][1] <= w[1][1]));
    assert!(records.iter().all(|r| !r[6].is_empty() || !r[7].is_empty()));
}
