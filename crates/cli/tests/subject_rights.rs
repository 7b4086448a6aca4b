//! `coalition people sar` and `coalition people erase` at process level, on the demo data
//! (Mié Kohiyama is an affiliated person, an event speaker and a participant there).

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
        desk.cmd(&["demo"]).assert().success();
        desk
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").env("USER", "cli-tester").arg("--db").arg(self.dir.path().join("c.db")).args(args);
        cmd
    }

    fn people(&self) -> Vec<Value> {
        let out = self.cmd(&["people", "list", "--format", "json", "--include-archived"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
    }

    fn person_id(&self, family: &str) -> String {
        self.people().iter().find(|p| p["family_name"] == family).expect("the person")["id"].as_str().unwrap().to_string()
    }
}

#[test]
fn sar_writes_the_json_and_pdf_and_prints_their_paths() {
    let desk = Desk::new();
    let id = desk.person_id("Kohiyama");
    let out = tempfile::tempdir().unwrap();
    let run = desk.cmd(&["people", "sar", &id, "--out", out.path().to_str().unwrap()]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stdout = String::from_utf8(run.stdout).unwrap();
    let paths: Vec<&str> = stdout.lines().collect();
    assert_eq!(paths.len(), 2, "{stdout}");
    assert!(paths[0].ends_with(".json") && paths[0].contains("mie-kohiyama-subject-access-"), "{stdout}");
    assert!(paths[1].ends_with(".pdf"), "{stdout}");
    let json: Value = serde_json::from_slice(&std::fs::read(paths[0]).unwrap()).unwrap();
    assert_eq!(json["person"]["display_name"], "Mié Kohiyama");
    assert!(!json["events"].as_array().unwrap().is_empty());
    assert!(std::fs::read(paths[1]).unwrap().starts_with(b"%PDF"));
}

#[test]
fn sar_of_an_unknown_person_exits_1_with_a_clear_message() {
    let desk = Desk::new();
    let out = tempfile::tempdir().unwrap();
    desk.cmd(&["people", "sar", "no-such-id", "--out", out.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no person with id no-such-id"));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    desk.cmd(&["people", "sar", "x"]).assert().code(2);
}

#[test]
fn erase_without_yes_previews_and_erases_nothing_then_with_yes_erases() {
    let desk = Desk::new();
    let id = desk.person_id("Kohiyama");
    let before = desk.people().len();
    desk.cmd(&["people", "erase", &id])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Erasing Mié Kohiyama").and(predicate::str::contains("Backups")))
        .stderr(predicate::str::contains("nothing erased; re-run with --yes"));
    assert_eq!(desk.people().len(), before);

    desk.cmd(&["people", "erase", &id, "--yes"]).assert().success().stdout(predicate::str::contains("erased"));
    let people = desk.people();
    assert_eq!(people.len(), before - 1);
    assert!(people.iter().all(|p| p["family_name"] != "Kohiyama"));
    desk.cmd(&["search", "Kohiyama"]).assert().success().stdout(predicate::str::contains("Kohiyama").not());
    desk.cmd(&["undo", "--last"]).assert().code(1).stderr(predicate::str::contains("an erasure cannot be undone"));
    desk.cmd(&["people", "erase", &id, "--yes"]).assert().code(1).stderr(predicate::str::contains("no person with id"));
}
