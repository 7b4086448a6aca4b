//! Inputs that crashed (or would have crashed) an importer, found by the fuzz targets in
//! `fuzz/` or while writing them. Each file in `tests/fixtures/fuzz/` goes through the same
//! entry points as its target; any error is fine, a panic or an abort is the bug coming back.
//! Every file there is replayed through every importer as well.

use std::path::{Path, PathBuf};

use coalition_core::organisations::ImportOptions;
use coalition_core::tabular::read_any;
use coalition_core::{
    demo, dossiers, letters, organisations, people, policy, stances, CoreError, Store,
};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz")
}

fn input(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn bad_file_message(result: coalition_core::Result<impl std::fmt::Debug>) -> String {
    match result {
        Err(CoreError::BadFile(message)) => message,
        other => panic!("expected a bad-file error, got {other:?}"),
    }
}

/// The fuzz targets' store: demo organisations, a few MEPs, the CSA dossier and a letter.
struct Fixture {
    store: Store,
    dossier_id: String,
    letter_id: String,
}

fn fixture() -> Fixture {
    let store = Store::open_in_memory().unwrap();
    demo::load(&store).unwrap();
    let meps = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meps/term-start.xml"),
    )
    .unwrap();
    policy::sync_meps(&store, &policy::parse_meps(&meps).unwrap(), false).unwrap();
    // The demo data holds the CSA dossier; a store without it gets one.
    let reference = "2022/0155(COD)";
    let dossier_id = match dossiers::by_reference(&store, reference) {
        Ok(dossier) => dossier.id,
        Err(_) => {
            let input = dossiers::DossierInput {
                reference: reference.into(),
                short_title: "CSA regulation".into(),
                lead_committee: Some("LIBE".into()),
            };
            dossiers::create(&store, input).unwrap().dossier.id
        }
    };
    let letter_id = match letters::by_reference(&store, "open-letter-2022") {
        Ok(letter) => letter.id,
        Err(_) => {
            let input = letters::LetterInput {
                reference: "open-letter-2022".into(),
                title: "Open letter".into(),
                ..Default::default()
            };
            letters::create(&store, input).unwrap().letter.id
        }
    };
    Fixture {
        store,
        dossier_id,
        letter_id,
    }
}

/// Runs one input through every fuzz target's code path.
fn every_importer(f: &Fixture, data: &[u8]) {
    let dry = ImportOptions {
        dry_run: true,
        skip_invalid: true,
        columns: None,
    };
    let _ = organisations::import_csv(&f.store, data, "fuzz.csv", dry.clone());
    let _ = people::import_bytes(&f.store, data, dry);
    let _ = read_any(data);
    if let Ok(records) = policy::parse_meps(data) {
        let _ = policy::sync_meps(&f.store, &records, true);
    }
    let vote = stances::VoteInput {
        dossier_id: f.dossier_id.clone(),
        voted_on: "2023-11-14".into(),
        title: "LIBE final vote".into(),
    };
    let _ = stances::import_vote_dry_run(&f.store, &vote, data);
    if let Ok(preview) = letters::import::preview_file(data) {
        let _ = letters::import::analyse(&f.store, data, &preview.columns);
        let options = letters::import::SignatureImportOptions {
            dry_run: true,
            skip_invalid: true,
            create_missing: true,
        };
        let _ = letters::import::import_file(&f.store, &f.letter_id, data, &options);
    }
}

#[test]
fn every_saved_input_goes_through_every_importer_without_a_panic() {
    let f = fixture();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for path in names {
        every_importer(&f, &std::fs::read(&path).unwrap());
    }
    // Nothing was written: every path above is a dry run or a read.
    assert_eq!(stances::votes_on(&f.store, &f.dossier_id).unwrap().len(), 0);
}

#[test]
fn a_huge_shared_strings_count_is_refused_before_calamine_reserves_it() {
    // calamine reserved `uniqueCount` strings up front: 99,999,999,999 aborted the process.
    let message = bad_file_message(read_any(&input("xlsx-shared-strings-count.xlsx")));
    assert!(
        message.contains("shared strings declare 99999999999 strings"),
        "{message}"
    );
}

#[test]
fn cells_far_apart_cost_only_themselves() {
    // A1 and XFD1048576: calamine's range is the rectangle between them (17 billion cells),
    // which aborted on the allocation. Only cells that hold something are kept now; the far
    // cell lies outside the header's width and is cut.
    let table = read_any(&input("xlsx-far-apart-cells.xlsx")).unwrap();
    assert_eq!(table.headers, ["Name", "Country"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].cells, ["Eurochild", "BE"]);
    assert_eq!(
        (table.rows[1].line, table.rows[1].cells.clone()),
        (1_048_576, vec![String::new(), String::new()])
    );
}

#[test]
fn a_column_reference_that_overflows_is_a_bad_file() {
    // "ZZZZZZZZZ3" overflows calamine's u32 column (a panic in debug builds).
    let result = read_any(&input("xlsx-column-overflow.xlsx"));
    if cfg!(debug_assertions) {
        let message = bad_file_message(result);
        assert!(
            message.contains("not a readable XLSX workbook"),
            "{message}"
        );
    } else {
        // Without overflow checks the column wraps and the file reads; either way no panic.
        let _ = result;
    }
}

#[test]
fn a_damaged_dimension_is_a_bad_file() {
    // Found by the xlsx_read target within a minute: `<dimension ref="A1:InumFmts7"/>` reads
    // "InumFmts" as a column and overflows calamine's u32 (a panic in debug builds), which
    // crashed every import that reads XLSX.
    let result = read_any(&input("xlsx-dimension-overflow.xlsx"));
    if cfg!(debug_assertions) {
        let message = bad_file_message(result);
        assert!(message.contains("not a readable XLSX workbook"), "{message}");
    } else {
        let _ = result;
    }
}

#[test]
fn a_reversed_dimension_is_a_bad_file_in_debug_builds_and_reads_in_release() {
    // Found by xlsx_read: `<dimension ref="B2:A1"/>` makes calamine subtract with overflow.
    // Release builds wrap (the dimension only feeds a warning) and read the cells.
    let result = read_any(&input("xlsx-reversed-dimension.xlsx"));
    if cfg!(debug_assertions) {
        let message = bad_file_message(result);
        assert!(message.contains("not a readable XLSX workbook"), "{message}");
    } else {
        assert_eq!(result.unwrap().headers, ["Name"]);
    }
}

#[test]
fn a_header_wider_than_any_sheet_is_refused_with_its_line() {
    let message = bad_file_message(read_any(&input("xlsx-wide-header.xlsx")));
    assert_eq!(
        message,
        "line 1: the header row spans 16384 columns; at most 2000 can be read"
    );
}

#[test]
fn workbooks_still_read_as_before() {
    // Blank rows are left out, lines are the spreadsheet's rows, a data row is as wide as the
    // header, numbers and dates read as a coordinator typed them.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(1, 1, "Organisation").unwrap();
    sheet.write_string(1, 2, "Joined").unwrap();
    sheet.write_string(2, 1, "École de la Paix").unwrap();
    sheet.write_number(2, 2, 2023.0).unwrap();
    sheet.write_string(5, 1, "Eurochild").unwrap();
    sheet.write_string(5, 4, "beyond the header").unwrap();
    sheet.write_string(6, 0, "before the header").unwrap();
    let table = read_any(&book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(table.headers, ["", "Organisation", "Joined"]);
    let rows: Vec<(u64, Vec<String>)> = table
        .rows
        .iter()
        .map(|r| (r.line, r.cells.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                3,
                vec!["".to_string(), "École de la Paix".into(), "2023".into()]
            ),
            (6, vec!["".to_string(), "Eurochild".into(), "".into()]),
            (
                7,
                vec!["before the header".to_string(), "".into(), "".into()]
            ),
        ]
    );
}
