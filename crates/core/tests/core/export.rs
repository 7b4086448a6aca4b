use coalition_core::organisations::{self, OrganisationQuery, CSV_COLUMNS};

use super::{add, input, store};

#[test]
fn csv_cells_are_inert_and_columns_stable() {
    let store = store();
    let org = add(&store, "=HYPERLINK(\"http://evil\")", "BE").organisation;
    let mut edit = input("=HYPERLINK(\"http://evil\")", "BE");
    edit.phone = Some("+32 2 475 44 11".into());
    edit.short_name = Some("@ECLAG".into());
    organisations::update(&store, &org.id, edit).unwrap();
    add(&store, "-minus", "FR");

    let mut out = Vec::new();
    let count = organisations::export_csv(&store, &OrganisationQuery::default(), &mut out, false).unwrap();
    assert_eq!(count, 2);
    let text = String::from_utf8(out).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live cell {cell:?}");
        }
    }
    assert!(text.contains("'+32 2 475 44 11"));
    assert!(text.contains("'@ECLAG"));
}

#[test]
fn json_is_an_array_with_the_contract_keys() {
    let store = store();
    add(&store, "Eurochild", "BE");
    let mut out = Vec::new();
    organisations::export_json(&store, &OrganisationQuery::default(), &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let first = value.as_array().unwrap()[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    let mut expected = CSV_COLUMNS.to_vec();
    expected.sort();
    assert_eq!(keys, expected);
    let mut empty = Vec::new();
    organisations::export_json(&coalition_core::Store::open_in_memory().unwrap(), &OrganisationQuery::default(), &mut empty).unwrap();
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&empty).unwrap(), serde_json::json!([]));
}

#[test]
fn a_file_export_is_whole_and_excel_ready() {
    let store = store();
    add(&store, "Mié's Network", "FR");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orgs.csv");
    organisations::export_csv_file(&store, &OrganisationQuery::default(), &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    assert!(String::from_utf8(bytes).unwrap().contains("Mié's Network"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    let missing = organisations::export_csv_file(&store, &OrganisationQuery::default(), &dir.path().join("no/such/dir/x.csv"));
    assert_eq!(missing.unwrap_err().code(), "io");
}
