//! `coalition dossiers`, `stances` and `votes` at process level.

use assert_cmd::Command;
use coalition_core::text::fold;
use coalition_core::Store;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
}

impl Desk {
    /// A store with the CSA dossier and four MEPs (until `meps import` exists, they are
    /// written through the core's store).
    fn new() -> Self {
        let desk = Desk { dir: tempfile::tempdir().unwrap() };
        desk.cmd(&["dossiers", "add", "2022/0155(cod)", "--title", "CSA regulation", "--committee", "LIBE"]).assert().success();
        let store = Store::open(&desk.dir.path().join("c.db")).unwrap();
        for (ep_id, given, family, group, country) in [
            ("101", "Javier", "Zarzalejos", "EPP", "ES"),
            ("102", "Hilde", "Vautmans", "Renew", "BE"),
            ("103", "Paul", "Tang", "S&D", "NL"),
            ("104", "Birgit", "Sippel", "S&D", "DE"),
        ] {
            let id = format!("mep-{ep_id}");
            let display = format!("{given} {family}");
            let family_key = format!("{} {}", fold(family), fold(given));
            let name_key = fold(&display);
            store
                .read(|c| {
                    c.execute(
                        "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, country, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'x', 'x')",
                        [id.as_str(), given, family, &display, &family_key, &name_key, country],
                    )?;
                    c.execute(
                        "INSERT INTO policy_makers (person_id, office, ep_id, group_code, mep_status, created_at, updated_at)
                         VALUES (?1, 'mep', CAST(?2 AS INTEGER), ?3, 'current', 'x', 'x')",
                        [id.as_str(), ep_id, group],
                    )?;
                    Ok(())
                })
                .unwrap();
        }
        desk
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").env("USER", "tester").arg("--db").arg(self.dir.path().join("c.db")).args(args);
        cmd
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn dossiers_add_and_list() {
    let desk = Desk::new();
    let list = desk.json(&["dossiers", "list", "--format", "json"]);
    assert_eq!(list[0]["reference"], "2022/0155(COD)");
    assert_eq!(list[0]["lead_committee"], "LIBE");
    desk.cmd(&["dossiers", "add", "2022/0155(COD)", "--title", "Again"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("reference: reference 2022/0155(COD) is already used by \"CSA regulation\""));
    desk.cmd(&["dossiers", "add", "2022-155", "--title", "X"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a procedure reference such as 2022/0155(COD)"));
    desk.cmd(&["dossiers", "add", "2020/0259(COD)", "--title", "Interim", "--committee", "NOPE"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("lead_committee: unknown committee \"NOPE\""));
    desk.cmd(&["dossiers", "list"]).assert().success().stdout(predicate::str::contains("2022/0155(COD)  CSA regulation  LIBE"));
    desk.cmd(&["dossiers", "list", "--format", "xml"]).assert().code(2);
}

#[test]
fn stances_set_and_export_current_stances() {
    let desk = Desk::new();
    desk.cmd(&["stances", "set", "--dossier", "2022/0155(COD)", "--ep-id", "101", "--level", "undecided", "--evidence", "meeting", "--date", "2023-01-10"])
        .assert()
        .success();
    desk.cmd(&["stances", "set", "--dossier", "2022/0155(COD)", "--ep-id", "101", "--level", "champion", "--evidence", "public statement", "--source", "https://example.org/speech", "--date", "2023-03-20"])
        .assert()
        .success()
        .stderr(predicate::str::contains("MEP 101 is champion on 2022/0155(COD) since 2023-03-20 (recorded by tester)"));
    desk.cmd(&["stances", "set", "--dossier", "2022/0155(COD)", "--ep-id", "102", "--level", "supportive", "--evidence", "social_media", "--date", "2023-03-21"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("source: a source (a link or a note) is required for social media"));
    desk.cmd(&["stances", "set", "--dossier", "2022/0155(COD)", "--ep-id", "102", "--level", "=cmd", "--evidence", "meeting"])
        .assert()
        .code(2);
    desk.cmd(&["stances", "set", "--dossier", "2022/0155(COD)", "--ep-id", "999", "--level", "opposed", "--evidence", "meeting"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no MEP with EP id 999"));
    desk.cmd(&["stances", "set", "--dossier", "2022/0155(COD)", "--ep-id", "102", "--level", "opposed", "--evidence", "other", "--source", "-note", "--date", "2023-04-01"])
        .assert()
        .success();
    let rows = desk.json(&["stances", "export", "--dossier", "2022/0155(COD)", "--format", "json"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    // By family name: Vautmans, Zarzalejos.
    assert_eq!(rows[1]["ep_id"], 101);
    assert_eq!(rows[1]["level"], "champion");
    assert_eq!(rows[1]["evidence"], "public_statement");
    assert_eq!(rows[1]["group"], "EPP");
    assert_eq!(rows[1]["country"], "ES");
    assert_eq!(rows[1]["recorded_by"], "tester");
    let out = desk.cmd(&["stances", "export", "--dossier", "2022/0155(COD)"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("ep_id,name,group,country,level,stated_on,evidence,source,recorded_by"));
    assert_eq!(lines.next(), Some("102,Hilde Vautmans,Renew,BE,opposed,2023-04-01,other,'-note,tester"));
    assert_eq!(lines.next(), Some("101,Javier Zarzalejos,EPP,ES,champion,2023-03-20,public_statement,https://example.org/speech,tester"));
    desk.cmd(&["stances", "export", "--dossier", "2099/0001(COD)"]).assert().code(1).stderr(predicate::str::contains("no dossier with reference 2099/0001(COD)"));
}

#[test]
fn votes_import_prints_counts_lists_unmatched_rows_and_refuses_a_second_import() {
    let desk = Desk::new();
    let file = desk.file(
        "vote.csv",
        b"Name;Position\nZARZALEJOS Javier;For\nHilde Vautmans;in favour\nPaul TANG;Against\nBirgit Sippel;ABSTAINED\nNobody Known;for\n",
    );
    let args = ["votes", "import", file.as_str(), "--dossier", "2022/0155(COD)", "--date", "2023-11-14", "--title", "LIBE final vote"];
    let out = desk.cmd(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.contains("vote \"LIBE final vote\" of 2023-11-14 on 2022/0155(COD): 5 rows, 4 matched, 1 unmatched"), "{stdout}");
    assert!(stdout.contains("for 2, against 1, abstention 1, did_not_vote 0"), "{stdout}");
    assert!(stdout.contains("EPP: for 1, against 0, abstention 0, did_not_vote 0"), "{stdout}");
    assert!(stdout.contains("S&D: for 0, against 1, abstention 1, did_not_vote 0"), "{stdout}");
    assert!(stdout.contains("proposed stance updates: 4"), "{stdout}");
    assert!(stderr.contains("line 6: mep: no MEP named \"Nobody Known\""), "{stderr}");
    desk.cmd(&args).assert().code(1).stderr(predicate::str::contains("was already imported"));
}

#[test]
fn votes_import_json_and_refused_files() {
    let desk = Desk::new();
    let good = desk.file("ids.csv", b"ep_id,vote\n101,for\n102,did not vote\n");
    let report = desk.json(&["votes", "import", &good, "--dossier", "2022/0155(COD)", "--date", "2023-11-22", "--title", "Plenary mandate", "--format", "json"]);
    assert_eq!(report["matched"], 2);
    assert_eq!(report["result"]["counts"]["for"], 1);
    assert_eq!(report["result"]["counts"]["did_not_vote"], 1);
    assert_eq!(report["result"]["by_group"][0]["key"], "EPP");
    assert_eq!(report["result"]["proposals"].as_array().unwrap().len(), 1);
    let bad = desk.file("bad.csv", b"ep_id,vote\n101,yes please\n");
    desk.cmd(&["votes", "import", &bad, "--dossier", "2022/0155(COD)", "--date", "2023-11-22", "--title", "Other"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2: position: unknown position \"yes please\""));
    desk.cmd(&["votes", "import", &good, "--dossier", "2022/0155(COD)", "--date", "14/11/2023", "--title", "Other"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("voted_on: invalid date \"14/11/2023\""));
    desk.cmd(&["votes", "import", &good, "--dossier", "2022/0155(COD)", "--date", "2023-11-22"]).assert().code(2);
}
