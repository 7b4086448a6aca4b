//! Progress and cancel of long operations: events in order with the right totals, and a
//! cancel that leaves the store (every table) and the export's target file as they were.

use std::sync::mpsc;

use coalition_core::dossiers::{self, DossierInput};
use coalition_core::organisations::{self, ImportOptions, OrganisationQuery};
use coalition_core::people::{self, PersonQuery};
use coalition_core::policy::{self, GroupCode, MepRecord};
use coalition_core::progress::{CancelFlag, OperationProgress, Operations, Progress, ProgressPhase};
use coalition_core::stances::{self, VoteInput};
use coalition_core::{ApiError, CoreError, Store};

use super::{add, store};

fn people_csv(rows: usize) -> String {
    let mut csv = String::from("given_name,family_name,email,country\n");
    for i in 0..rows {
        csv.push_str(&format!("Anna{i},Berg{i},anna{i}@example.org,BE\n"));
    }
    csv
}

fn organisations_csv(rows: usize) -> String {
    let mut csv = String::from("name,country,membership_status\n");
    for i in 0..rows {
        csv.push_str(&format!("Child Rights Network {i},BE,active\n"));
    }
    csv
}

/// Every table's row count (FTS shadow tables included) and the last audit entry: what a
/// cancelled operation must leave exactly as it found it.
fn snapshot(store: &Store) -> Vec<(String, i64)> {
    store
        .read(|c| {
            let tables: Vec<String> = c
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut counts = Vec::new();
            for table in tables {
                let n: i64 = c.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0))?;
                counts.push((table, n));
            }
            let seq: i64 = c.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| r.get(0))?;
            counts.push(("audit_log.max_seq".into(), seq));
            Ok(counts)
        })
        .unwrap()
}

/// A progress that records every event and raises its own cancel flag once `at` units of the
/// `phase` are done.
fn cancelling_at(phase: ProgressPhase, at: u64, events: &mut Vec<OperationProgress>) -> Progress<'_> {
    let flag = CancelFlag::new();
    let raise = flag.clone();
    Progress::new(flag, move |event: OperationProgress| {
        if event.phase == phase && event.done >= at {
            raise.cancel();
        }
        events.push(event);
    })
}

fn assert_cancelled<T: std::fmt::Debug>(result: coalition_core::Result<T>) {
    let error = result.expect_err("the operation was cancelled");
    assert!(matches!(error, CoreError::Cancelled), "{error:?}");
    let api = ApiError::from(error);
    assert_eq!((api.code.as_str(), api.message.as_str()), ("cancelled", "Cancelled; nothing was changed."));
}

#[test]
fn an_import_reports_its_phases_in_order_with_the_right_total() {
    let store = store();
    let mut events = Vec::new();
    let report = {
        let mut progress = Progress::new(CancelFlag::new(), |e| events.push(e));
        people::import_bytes_with_progress(&store, people_csv(300).as_bytes(), ImportOptions::default(), &mut progress).unwrap()
    };
    assert_eq!((report.created, report.committed), (300, true));
    let importing: Vec<&OperationProgress> = events.iter().filter(|e| e.phase == ProgressPhase::Importing).collect();
    assert_eq!(importing.first().map(|e| (e.done, e.total)), Some((0, Some(300))));
    assert_eq!(importing.last().map(|e| (e.done, e.total)), Some((300, Some(300))));
    assert!(importing.windows(2).all(|w| w[0].done < w[1].done), "done only grows: {importing:?}");
    assert!(importing.len() > 2 && importing.len() <= 102, "throttled, not one event a row: {}", importing.len());
    assert_eq!(events.last().map(|e| e.phase), Some(ProgressPhase::Finishing));
    // The phases come in order: importing never after finishing.
    let phases: Vec<ProgressPhase> = events.iter().map(|e| e.phase).collect();
    let first_finishing = phases.iter().position(|p| *p == ProgressPhase::Finishing).unwrap();
    assert!(phases[..first_finishing].iter().all(|p| *p == ProgressPhase::Importing));
}

#[test]
fn cancelling_a_people_import_midway_leaves_every_table_unchanged() {
    let store = store();
    add(&store, "Brave Movement", "BE");
    let before = snapshot(&store);
    let mut events = Vec::new();
    let result = {
        let mut progress = cancelling_at(ProgressPhase::Importing, 100, &mut events);
        people::import_bytes_with_progress(&store, people_csv(300).as_bytes(), ImportOptions::default(), &mut progress)
    };
    assert_cancelled(result);
    let last = events.last().unwrap();
    assert!(last.done >= 100 && last.done < 300, "stopped midway: {last:?}");
    assert_eq!(snapshot(&store), before);
    // The same file imports whole afterwards: nothing was left locked or half-done.
    let report = people::import_bytes(&store, people_csv(300).as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!(report.created, 300);
}

#[test]
fn cancelling_an_organisations_import_midway_leaves_every_table_unchanged() {
    let store = store();
    add(&store, "Eurochild", "BE");
    let before = snapshot(&store);
    let mut events = Vec::new();
    let result = {
        let mut progress = cancelling_at(ProgressPhase::Importing, 50, &mut events);
        organisations::import_csv_with_progress(&store, organisations_csv(200).as_bytes(), "members.csv", ImportOptions::default(), &mut progress)
    };
    assert_cancelled(result);
    assert_eq!(snapshot(&store), before);
    assert_eq!(super::count(&store, "organisations"), 1);
}

#[test]
fn cancelling_a_vote_import_stores_no_vote() {
    let store = store();
    let dossier = dossiers::create(
        &store,
        DossierInput { reference: "2022/0155(COD)".into(), short_title: "CSA regulation".into(), lead_committee: None },
    )
    .unwrap()
    .dossier
    .id;
    let mut csv = String::from("ep_id,position\n");
    for ep_id in 1..=40 {
        super::stances::mep(&store, ep_id, &format!("Given{ep_id}"), &format!("Family{ep_id}"), "EPP", "BE");
        csv.push_str(&format!("{ep_id},for\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("vote.csv");
    std::fs::write(&file, csv).unwrap();
    let input = VoteInput { dossier_id: dossier, voted_on: "2023-11-14".into(), title: "LIBE vote".into() };
    let before = snapshot(&store);
    let mut events = Vec::new();
    let result = {
        let mut progress = cancelling_at(ProgressPhase::Importing, 10, &mut events);
        stances::votes::import_file_with_progress(&store, &input, &file, &mut progress)
    };
    assert_cancelled(result);
    assert!(events.iter().any(|e| e.phase == ProgressPhase::Matching && e.total == Some(40)), "{events:?}");
    assert_eq!(snapshot(&store), before);
    // Uncancelled, the same file is stored.
    let report = stances::votes::import_file_with_progress(&store, &input, &file, &mut Progress::none()).unwrap();
    assert_eq!(report.matched, 40);
}

#[test]
fn cancelling_the_mep_sync_leaves_the_meps_as_they_were() {
    let store = store();
    let records: Vec<MepRecord> = (1..=60)
        .map(|ep_id| MepRecord {
            ep_id,
            full_name: format!("Given{ep_id} FAMILY{ep_id}"),
            country: "BE".into(),
            group: GroupCode::Epp,
            national_party: None,
        })
        .collect();
    let before = snapshot(&store);
    let mut events = Vec::new();
    let result = {
        let mut progress = cancelling_at(ProgressPhase::Importing, 30, &mut events);
        policy::sync_meps_with_progress(&store, &records, false, &mut progress)
    };
    assert_cancelled(result);
    assert_eq!(snapshot(&store), before);
    let report = policy::sync_meps_with_progress(&store, &records, false, &mut Progress::none()).unwrap();
    assert_eq!(report.added, 60);
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn cancelling_an_export_leaves_no_file_and_no_temporary_file() {
    let store = store();
    people::import_bytes(&store, people_csv(400).as_bytes(), ImportOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();

    // A new file: nothing appears.
    let path = dir.path().join("people.csv");
    let mut events = Vec::new();
    let result = {
        let mut progress = cancelling_at(ProgressPhase::Exporting, 100, &mut events);
        people::export_csv_file_with_progress(&store, &PersonQuery::default(), &path, &mut progress)
    };
    assert_cancelled(result);
    assert_eq!(events.iter().find(|e| e.phase == ProgressPhase::Exporting).and_then(|e| e.total), Some(400));
    assert!(files_in(dir.path()).is_empty(), "{:?}", files_in(dir.path()));

    // An existing file: left as it was.
    std::fs::write(&path, "the export of last week\n").unwrap();
    let mut events = Vec::new();
    let result = {
        let mut progress = cancelling_at(ProgressPhase::Exporting, 200, &mut events);
        people::export_json_file_with_progress(&store, &PersonQuery::default(), &path, &mut progress)
    };
    assert_cancelled(result);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "the export of last week\n");
    assert_eq!(files_in(dir.path()), ["people.csv"]);

    // Not cancelled: the whole file, and the progress ends with every row.
    let mut events = Vec::new();
    let rows = {
        let mut progress = Progress::new(CancelFlag::new(), |e| events.push(e));
        people::export_csv_file_with_progress(&store, &PersonQuery::default(), &path, &mut progress).unwrap()
    };
    assert_eq!(rows, 400);
    let exporting: Vec<&OperationProgress> = events.iter().filter(|e| e.phase == ProgressPhase::Exporting).collect();
    assert_eq!(exporting.last().map(|e| (e.done, e.total)), Some((400, Some(400))));
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 401);
}

#[test]
fn cancelling_the_organisations_and_interactions_exports_abandons_the_file() {
    let store = store();
    organisations::import_csv(&store, organisations_csv(150).as_bytes(), "members.csv", ImportOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("organisations.csv");
    let mut events = Vec::new();
    let result = {
        let mut progress = cancelling_at(ProgressPhase::Exporting, 60, &mut events);
        organisations::export_csv_file_with_progress(&store, &OrganisationQuery::default(), &path, &mut progress)
    };
    assert_cancelled(result);
    assert!(files_in(dir.path()).is_empty());

    let path = dir.path().join("interactions.csv");
    let flag = CancelFlag::new();
    flag.cancel();
    let result = coalition_core::interactions::export_csv_file_with_progress(&store, &path, false, &mut Progress::with_cancel(flag));
    assert_cancelled(result);
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn another_thread_cancels_a_running_import_by_its_id() {
    let store = store();
    let operations = Operations::new();
    let (started_tx, started_rx) = mpsc::channel::<()>();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let running = scope.spawn(|| {
            let mut signalled = false;
            operations.run(
                Some("import-1"),
                move |event: OperationProgress| {
                    if event.phase == ProgressPhase::Importing && event.done > 0 && !signalled {
                        signalled = true;
                        started_tx.send(()).unwrap();
                        go_rx.recv().unwrap();
                    }
                },
                |progress| people::import_bytes_with_progress(&store, people_csv(300).as_bytes(), ImportOptions::default(), progress),
            )
        });
        started_rx.recv().unwrap();
        assert!(operations.is_running("import-1"));
        assert!(operations.cancel("import-1"));
        go_tx.send(()).unwrap();
        assert_cancelled(running.join().unwrap());
    });
    assert!(!operations.is_running("import-1"));
    assert_eq!(super::count(&store, "people"), 0);
}
