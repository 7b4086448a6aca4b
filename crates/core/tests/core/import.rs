use coalition_core::memberships::{MembershipStatus, MembershipTier};
use coalition_core::organisations::{self, import_csv, ImportOptions, OrganisationQuery};
use coalition_core::{CoreError, Store};

use super::{count, store};

const COMMIT: ImportOptions = ImportOptions { dry_run: false, skip_invalid: false, columns: None };

fn run(store: &Store, csv: &str, options: ImportOptions) -> organisations::ImportReport {
    import_csv(store, csv.as_bytes(), "members.csv", options).unwrap()
}

fn issues(report: &organisations::ImportReport) -> Vec<String> {
    report.issues.iter().map(ToString::to_string).collect()
}

const GOOD: &str = "Name,Acronym,Country,Type,Website,Membership Status,Tier,Joined\n\
Eurochild,,Belgium,network,www.eurochild.org,active,full,2022-04-01\n\
Internet Watch Foundation,IWF,gb,hotline,https://www.iwf.org.uk,active,full,2022-04-01\n\
\n\
Child Focus,,BE,hotline,,applied,associate,\n";

#[test]
fn a_good_file_imports_and_reimporting_changes_nothing() {
    let store = store();
    let report = run(&store, GOOD, COMMIT);
    assert_eq!(report.summary(), "created 3, updated 0, unchanged 0, rejected 0");
    assert!(report.committed);
    assert_eq!(report.rows, 3, "the blank line is not a row");
    let iwf = organisations::list(&store, &OrganisationQuery { text: Some("iwf".into()), ..Default::default() }).unwrap();
    assert_eq!(iwf.rows[0].country, "GB");
    assert_eq!(iwf.rows[0].membership_status, Some(MembershipStatus::Active));
    let audit_before = count(&store, "audit_log");

    let again = run(&store, GOOD, COMMIT);
    assert_eq!(again.summary(), "created 0, updated 0, unchanged 3, rejected 0");
    assert_eq!(count(&store, "organisations"), 3);
    assert_eq!(count(&store, "audit_log"), audit_before, "a re-import writes nothing");
}

#[test]
fn a_matching_name_updates_instead_of_duplicating() {
    let store = store();
    run(&store, GOOD, COMMIT);
    let report = run(&store, "name;country;status;tier\nEUROCHILD;BE;suspended;associate\nthe new one;fr;;\n", COMMIT);
    assert_eq!(report.summary(), "created 1, updated 1, unchanged 0, rejected 0");
    let page = organisations::list(&store, &OrganisationQuery { text: Some("eurochild".into()), ..Default::default() }).unwrap();
    let row = &page.rows[0];
    assert_eq!(row.name, "Eurochild", "the stored spelling is kept");
    assert_eq!((row.membership_status, row.tier), (Some(MembershipStatus::Suspended), Some(MembershipTier::Associate)));
    assert_eq!(row.website.as_deref(), Some("https://www.eurochild.org"), "blank or absent cells keep stored values");
    let detail = organisations::get(&store, &row.id).unwrap();
    assert_eq!(detail.history.last().unwrap().note.as_deref(), Some("Imported from members.csv"));
}

#[test]
fn any_bad_row_imports_nothing_and_every_bad_row_is_named() {
    let store = store();
    let csv = "name,country,website,status,joined\n\
               Good One,BE,,active,2022-01-01\n\
               ,BE,,,\n\
               Bad Country,Narnia,,,\n\
               Bad Site,FR,not a url,,\n\
               Bad Status,DE,,member,2023-13-01\n";
    let report = run(&store, csv, COMMIT);
    assert!(!report.committed);
    assert_eq!(count(&store, "organisations"), 0);
    assert_eq!(count(&store, "audit_log"), 0);
    assert_eq!(
        issues(&report),
        [
            "line 3: name: name is required",
            "line 4: country: unknown country \"Narnia\"",
            "line 5: website: website is not a URL: \"not a url\"",
            "line 6: membership_status: unknown membership status \"member\" (expected one of: prospect, applied, active, suspended, lapsed, withdrawn)",
            "line 6: joined_on: invalid date \"2023-13-01\" (expected YYYY-MM-DD)",
        ]
    );
    assert_eq!(report.rejected, 4);

    let skipped = run(&store, csv, ImportOptions { dry_run: false, skip_invalid: true, columns: None });
    assert!(skipped.committed);
    assert_eq!(skipped.summary(), "created 1, updated 0, unchanged 0, rejected 4");
    assert_eq!(skipped.issues.len(), 5, "skipped rows are still reported");
    assert_eq!(count(&store, "organisations"), 1);
}

#[test]
fn the_same_organisation_twice_in_a_file_is_an_error_on_both_lines() {
    let store = store();
    let report = run(&store, "name,country\nThorn,US\nEurochild,BE\n thorn ,US\n", COMMIT);
    assert_eq!(issues(&report), ["line 2: name: \"Thorn\" also appears on line 4", "line 4: name: \"thorn\" also appears on line 2"]);
    assert_eq!(count(&store, "organisations"), 0);
}

#[test]
fn windows_1252_semicolons_and_unknown_columns() {
    let store = store();
    let mut bytes = b"Name;Country;Colour\n".to_vec();
    bytes.extend_from_slice(b"\xc9cole des Parents;France;blue\n"); // "École" in Windows-1252
    let report = import_csv(&store, &bytes, "excel.csv", COMMIT).unwrap();
    assert_eq!(report.summary(), "created 1, updated 0, unchanged 0, rejected 0");
    assert_eq!(report.ignored_columns, ["Colour"]);
    let page = organisations::list(&store, &OrganisationQuery::default()).unwrap();
    assert_eq!((page.rows[0].name.as_str(), page.rows[0].country.as_str()), ("École des Parents", "FR"));
}

#[test]
fn a_dry_run_reports_exactly_and_writes_nothing() {
    let store = store();
    let report = run(&store, GOOD, ImportOptions { dry_run: true, skip_invalid: false, columns: None });
    assert_eq!(report.summary(), "created 3, updated 0, unchanged 0, rejected 0");
    assert!(!report.committed);
    assert_eq!(count(&store, "organisations"), 0);
    assert_eq!(count(&store, "memberships"), 0);
}

#[test]
fn a_header_without_a_name_column_is_refused_whole() {
    let store = store();
    let error = import_csv(&store, b"title,country\nA,BE\n", "x.csv", COMMIT).unwrap_err();
    assert!(matches!(&error, CoreError::BadFile(m) if m.starts_with("line 1: name: the header has no name column")), "{error}");
    let error = import_csv(&store, b"", "x.csv", COMMIT).unwrap_err();
    assert_eq!(error.code(), "bad_file");
}

#[test]
fn an_xlsx_workbook_imports_with_row_numbers_in_messages() {
    let store = store();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Name", "Country", "Status"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Fundación ANAR").unwrap();
    sheet.write_string(1, 1, "Spain").unwrap();
    sheet.write_string(1, 2, "active").unwrap();
    sheet.write_string(2, 0, "Nowhere Aid").unwrap();
    sheet.write_string(2, 1, "Atlantis").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let report = import_csv(&store, &bytes, "members.xlsx", COMMIT).unwrap();
    assert_eq!(issues(&report), ["line 3: country: unknown country \"Atlantis\""]);
    assert_eq!(count(&store, "organisations"), 0);
    let report = import_csv(&store, &bytes, "members.xlsx", ImportOptions { dry_run: false, skip_invalid: true, columns: None }).unwrap();
    assert_eq!(report.summary(), "created 1, updated 0, unchanged 0, rejected 1");
}
