//! `coalition people ...` at process level: import (encodings, delimiters, all or nothing,
//! an email that updates its person, dry runs), list and export formats.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Self {
        let desk = Desk { dir: tempfile::tempdir().unwrap() };
        // Organisations to be affiliated to.
        let orgs = desk.file("orgs.csv", "name,acronym,country\nInternet Watch Foundation,IWF,GB\nChild Focus,,BE\nBrave Movement,,US\n".as_bytes());
        desk.cmd(&["orgs", "import", &orgs]).assert().success();
        desk
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.dir.path().join("coalition.db")).args(args);
        cmd
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn people(&self) -> Vec<Value> {
        let out = self.cmd(&["people", "list", "--format", "json"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
    }
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

#[test]
fn import_keeps_accents_from_windows_1252_with_semicolons() {
    let desk = Desk::new();
    let mut bytes = b"Given name;Family name;Email;Organisation;Focal point;Languages\r\n".to_vec();
    bytes.extend_from_slice(b"Mi\xe9;Kohiyama;mie@brave.org;Brave Movement;no;fr, en\r\n");
    bytes.extend_from_slice(b"H\xe9l\xe8ne;Dupr\xe9;h@childfocus.be;Child Focus;yes;fr\r\n");
    let file = desk.file("excel.csv", &bytes);
    desk.cmd(&["people", "import", &file]).assert().success().stdout("created 2, updated 0, unchanged 0, skipped 0\n");
    let people = desk.people();
    let names: Vec<&str> = people.iter().map(|p| p["display_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Hélène Dupré", "Mié Kohiyama"], "sorted by family name");
    assert_eq!(people[0]["organisation"], "Child Focus");
    assert_eq!(people[0]["focal_point"], true);
    assert_eq!(people[1]["languages"], serde_json::json!(["en", "fr"]));
}

#[test]
fn import_reads_utf16_and_tabs() {
    let desk = Desk::new();
    let text = "family_name\tgiven_name\temail (work)\torganisation\tjob_title\nTunks\tMichael\tm.tunks@iwf.org.uk\tIWF\tHead of Policy and Public Affairs\n";
    let file = desk.file("utf16.csv", &utf16le_with_bom(text));
    desk.cmd(&["people", "import", &file]).assert().success().stdout("created 1, updated 0, unchanged 0, skipped 0\n");
    let people = desk.people();
    assert_eq!(people[0]["organisation"], "Internet Watch Foundation", "matched by short name");
    assert_eq!(people[0]["job_title"], "Head of Policy and Public Affairs");
    assert_eq!(people[0]["email"], "m.tunks@iwf.org.uk");
}

#[test]
fn one_bad_row_and_nothing_is_imported() {
    let desk = Desk::new();
    let file = desk.file(
        "bad.csv",
        "family_name,given_name,email,organisation\nDe Pauw,Heidi,heidi@childfocus.be,Child Focus\n,Nobody,n@x.org,\nSmith,Ann,ann@x.org,Unknown Org\n".as_bytes(),
    );
    desk.cmd(&["people", "import", &file])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("line 3: family_name: family name is required"))
        .stderr(predicate::str::contains("line 4: organisation: no organisation named \"Unknown Org\""))
        .stderr(predicate::str::contains("nothing imported: 2 of 3 rows refused"));
    assert!(desk.people().is_empty());
    desk.cmd(&["people", "import", &file, "--skip-invalid"]).assert().success().stdout("created 1, updated 0, unchanged 0, skipped 2\n");
    assert_eq!(desk.people().len(), 1);
}

#[test]
fn an_email_that_belongs_to_a_person_updates_that_person() {
    let desk = Desk::new();
    let first = desk.file("first.csv", "family_name,given_name,email,country\nDrennan,Iain,iain@weprotect.org,GB\n".as_bytes());
    desk.cmd(&["people", "import", &first]).assert().success().stdout("created 1, updated 0, unchanged 0, skipped 0\n");
    desk.cmd(&["people", "import", &first]).assert().success().stdout("created 0, updated 0, unchanged 1, skipped 0\n");
    let second = desk.file("second.csv", "email,family_name,job_title,organisation\nIAIN@weprotect.org,Drennan,Executive Director,Child Focus\n".as_bytes());
    desk.cmd(&["people", "import", &second]).assert().success().stdout("created 0, updated 1, unchanged 0, skipped 0\n");
    let people = desk.people();
    assert_eq!(people.len(), 1, "no duplicate created");
    assert_eq!(people[0]["job_title"], "Executive Director");
    assert_eq!(people[0]["country"], "GB", "blank cells keep what is stored");
}

#[test]
fn a_dry_run_writes_nothing() {
    let desk = Desk::new();
    let file = desk.file("p.csv", "family_name,given_name\nDelaney,Cathal\n".as_bytes());
    desk.cmd(&["people", "import", &file, "--dry-run"])
        .assert()
        .success()
        .stdout("created 1, updated 0, unchanged 0, skipped 0\n")
        .stderr(predicate::str::contains("dry run: nothing was written"));
    assert!(desk.people().is_empty());
}

#[test]
fn list_and_export_formats() {
    let desk = Desk::new();
    let file = desk.file("p.csv", "family_name,given_name,email,organisation,focal_point\nTunks,=cmd,m@iwf.org.uk,IWF,yes\nDe Pauw,Heidi,,Child Focus,\n".as_bytes());
    desk.cmd(&["people", "import", &file]).assert().success();
    let people = desk.people();
    let keys: Vec<&str> = people[0].as_object().unwrap().keys().map(String::as_str).collect();
    for key in ["id", "display_name", "given_name", "family_name", "honorific", "email", "phone", "country", "languages", "organisation_id", "organisation", "job_title", "focal_point", "last_contact", "policy_maker", "archived"] {
        assert!(keys.contains(&key), "JSON key {key} in {keys:?}");
    }
    desk.cmd(&["people", "list"]).assert().success().stdout(predicate::str::contains("FAMILY NAME")).stdout(predicate::str::contains("De Pauw"));
    desk.cmd(&["people", "list", "--format", "csv", "--focal-points"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("id,display_name,given_name,family_name,"))
        .stdout(predicate::str::contains("De Pauw").not());
    let export = desk.cmd(&["people", "export", "--format", "csv"]).output().unwrap();
    let text = String::from_utf8(export.stdout).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains(",'=cmd Tunks,'=cmd,Tunks,"), "cells are inert: {text}");
    let json = desk.cmd(&["people", "export", "--format", "json"]).output().unwrap();
    let value: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), people.len());
    desk.cmd(&["people", "list", "--format", "xml"]).assert().code(2);
}

#[test]
fn import_reads_an_xlsx_workbook_with_spreadsheet_row_numbers() {
    let desk = Desk::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Family name", "Given name", "Organisation", "Focal point"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "De Pauw").unwrap();
    sheet.write_string(1, 1, "Heidi").unwrap();
    sheet.write_string(1, 2, "Child Focus").unwrap();
    sheet.write_string(1, 3, "yes").unwrap();
    sheet.write_string(3, 0, "Nobody").unwrap();
    sheet.write_string(3, 2, "No Such Org").unwrap();
    let file = desk.file("people.xlsx", &book.save_to_buffer().unwrap());
    desk.cmd(&["people", "import", &file])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 4: organisation: no organisation named \"No Such Org\""));
    desk.cmd(&["people", "import", &file, "--skip-invalid"]).assert().success().stdout("created 1, updated 0, unchanged 0, skipped 1\n");
    let people = desk.people();
    assert_eq!(people[0]["display_name"], "Heidi De Pauw");
    assert_eq!(people[0]["focal_point"], true);
}
