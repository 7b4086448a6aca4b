//! `coalition search` at process level.

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
        desk.cmd(&["init"]).assert().success();
        desk
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.dir.path().join("c.db")).args(args);
        cmd
    }

    fn json(&self, args: &[&str]) -> Vec<Value> {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().expect("an array").clone()
    }

    fn org(&self, name: &str) {
        self.cmd(&["orgs", "add", "--name", name, "--country", "BE"]).assert().success();
    }
}

#[test]
fn json_is_an_array_of_kind_id_and_title_best_first() {
    let desk = Desk::new();
    desk.org("Internet Watch Foundation");
    desk.org("Foundation for Child Safety");
    desk.cmd(&["letters", "add", "--ref", "iwf-letter", "--title", "Letter with the IWF"]).assert().success();
    let hits = desk.json(&["search", "IWF", "--format", "json"]);
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(hits[0]["kind"], "organisation");
    assert_eq!(hits[0]["title"], "Internet Watch Foundation");
    assert_eq!(hits[1]["kind"], "letter");
    for hit in &hits {
        let mut keys: Vec<&String> = hit.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["id", "kind", "title"]);
        assert!(!hit["id"].as_str().unwrap().is_empty());
    }
    let text = String::from_utf8(desk.cmd(&["search", "IWF", "--format", "json"]).output().unwrap().stdout).unwrap();
    let (kind, id, title) = (text.find("\"kind\"").unwrap(), text.find("\"id\"").unwrap(), text.find("\"title\"").unwrap());
    assert!(kind < id && id < title, "keys in the contract's order: {text}");
    // The organisation's id is the one the orgs commands know.
    let orgs: Value = serde_json::from_slice(&desk.cmd(&["orgs", "list", "--format", "json"]).output().unwrap().stdout).unwrap();
    let iwf = orgs.as_array().unwrap().iter().find(|o| o["name"] == "Internet Watch Foundation").unwrap();
    assert_eq!(hits[0]["id"], iwf["id"]);
}

#[test]
fn limit_accents_prefixes_and_empty_results() {
    let desk = Desk::new();
    for name in ["Fédération Européenne A", "Fédération Européenne B", "Fédération Européenne C"] {
        desk.org(name);
    }
    assert_eq!(desk.json(&["search", "federation europ", "--format", "json"]).len(), 3);
    assert_eq!(desk.json(&["search", "FEDERATION", "--limit", "2", "--format", "json"]).len(), 2);
    assert!(desk.json(&["search", "nothing-like-this", "--format", "json"]).is_empty());
    assert!(desk.json(&["search", "\"(*", "--format", "json"]).is_empty(), "FTS syntax is plain text");
    desk.cmd(&["search", "fede"]).assert().success().stdout(predicate::str::contains("Fédération Européenne B")).stdout(predicate::str::contains("organisation"));
}

#[test]
fn usage_errors_exit_2() {
    let desk = Desk::new();
    desk.cmd(&["search"]).assert().code(2);
    desk.cmd(&["search", "x", "--limit", "0"]).assert().code(2);
    desk.cmd(&["search", "x", "--format", "xml"]).assert().code(2);
}
