//! Data protection at process level: the person import's lawful basis, consent date and
//! sensitive columns, `--include-sensitive` on exports with its warning, `exports log`,
//! `people review` and `people sensitive`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Self {
        Desk { dir: tempfile::tempdir().unwrap() }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").env("USER", "cli-tester").arg("--db").arg(self.dir.path().join("coalition.db")).args(args);
        cmd
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn import_people(&self) {
        let csv = self.file(
            "people.csv",
            "given_name,family_name,email,lawful_basis,source,consent_date,sensitive\n\
             Heidi,De Pauw,heidi@example.org,legitimate interest,met at event,,no\n\
             Mié,Kohiyama,mie@example.org,consent,web form 2024-03,2024-03-01,yes\n",
        );
        self.cmd(&["people", "import", &csv]).assert().success().stdout(predicate::str::contains("created 2"));
    }
}

#[test]
fn the_import_reads_the_data_protection_columns_and_refuses_a_consent_without_a_date() {
    let desk = Desk::new();
    let bad = desk.file("bad.csv", "given_name,family_name,lawful_basis,consent_date\nAna,Lopes,consent,\nBo,Berg,public role,2024-01-01\nCy,Cole,maybe,\n");
    desk.cmd(&["people", "import", &bad])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2: consent_date: consent date is required when the lawful basis is consent"))
        .stderr(predicate::str::contains("line 3: consent_date: a consent date applies only when the lawful basis is consent"))
        .stderr(predicate::str::contains("line 4: lawful_basis: unknown lawful basis \"maybe\""));
    desk.import_people();
    let export = desk.json(&["people", "export", "--format", "json", "--include-sensitive"]);
    let rows = export.as_array().unwrap();
    let mie = rows.iter().find(|r| r["family_name"] == "Kohiyama").unwrap();
    assert_eq!(mie["lawful_basis"], "consent");
    assert_eq!(mie["consent_date"], "2024-03-01");
    assert_eq!(mie["source"], "web form 2024-03");
    assert_eq!(mie["sensitive"], true);
    let heidi = rows.iter().find(|r| r["family_name"] == "De Pauw").unwrap();
    assert_eq!(heidi["lawful_basis"], "legitimate_interest");
}

#[test]
fn exports_leave_sensitive_people_out_unless_included_with_a_warning_and_are_logged() {
    let desk = Desk::new();
    desk.import_people();
    desk.cmd(&["people", "export", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("De Pauw").and(predicate::str::contains("Kohiyama").not()))
        .stderr(predicate::str::contains("note: 1 sensitive person left out"));
    let out = desk.dir.path().join("all.csv");
    desk.cmd(&["people", "export", "--include-sensitive", "--out", out.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: people flagged sensitive are INCLUDED"));
    assert!(std::fs::read_to_string(&out).unwrap().contains("Kohiyama"));
    desk.cmd(&["orgs", "export", "--format", "json"]).assert().success();

    let log = desk.json(&["exports", "log", "--format", "json"]);
    assert_eq!(log["total"], 3);
    let rows = log["rows"].as_array().unwrap();
    assert_eq!(rows[0]["kind"], "organisations.json");
    assert_eq!(rows[1]["kind"], "people.csv");
    assert_eq!(rows[1]["file_name"], "all.csv");
    assert_eq!(rows[1]["sensitive_included"], true);
    assert_eq!(rows[1]["row_count"], 2);
    assert_eq!(rows[2]["file_name"], Value::Null);
    assert_eq!(rows[2]["sensitive_left_out"], 1);
    assert_eq!(rows[2]["row_count"], 1);
    assert_eq!(rows[2]["exported_by"], "cli-tester");
    desk.cmd(&["exports", "log"])
        .assert()
        .success()
        .stdout(predicate::str::contains("people.csv").and(predicate::str::contains("1 left out")).and(predicate::str::contains("all.csv")))
        .stderr(predicate::str::contains("3 of 3 exports"));
    // The log holds no personal data.
    let text = log.to_string();
    assert!(!text.contains("Kohiyama") && !text.contains("De Pauw"), "{text}");
}

#[test]
fn review_and_sensitive_lists() {
    let desk = Desk::new();
    desk.import_people();
    // Everyone was created today: nobody is due for review.
    let page = desk.json(&["people", "review", "--format", "json"]);
    assert_eq!(page["years"], 3);
    assert_eq!(page["total"], 0);
    desk.cmd(&["people", "review", "--years", "5", "--save"]).assert().success().stderr(predicate::str::contains("retention.years set to 5"));
    assert_eq!(desk.json(&["people", "review", "--format", "json"])["years"], 5);
    desk.cmd(&["people", "review", "--years", "0"]).assert().code(2);
    desk.cmd(&["people", "review", "--years", "21"]).assert().code(2);
    // The list's CSV and JSON leave sensitive people out like exports; the table shows everyone.
    desk.cmd(&["people", "list", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("De Pauw").and(predicate::str::contains("Kohiyama").not()))
        .stderr(predicate::str::contains("note: 1 sensitive person not listed"));
    desk.cmd(&["people", "list"]).assert().success().stdout(predicate::str::contains("Kohiyama"));
    let sensitive = desk.json(&["people", "sensitive", "--format", "json"]);
    let rows = sensitive.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["display_name"], "Mié Kohiyama");
}
