//! `coalition history` and `coalition undo` at process level.

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
        cmd.env_remove("COALITION_DB").env("USER", "cli-tester").arg("--db").arg(self.dir.path().join("c.db")).args(args);
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn org_id(&self, name: &str) -> String {
        let orgs = self.json(&["orgs", "list", "--format", "json", "--include-archived"]);
        orgs.as_array().unwrap().iter().find(|o| o["name"] == name).expect("the organisation")["id"].as_str().unwrap().to_string()
    }
}

#[test]
fn history_lists_changes_newest_first_with_the_actor_and_undo_reverses_them() {
    let desk = Desk::new();
    desk.cmd(&["orgs", "add", "--name", "Eurochild", "--country", "BE"]).assert().success();
    let id = desk.org_id("Eurochild");

    let entries = desk.json(&["history", "organisation", &id, "--format", "json"]);
    let entries = entries.as_array().unwrap();
    assert_eq!(entries[0]["entry"]["entity"], "organisation");
    assert_eq!(entries[0]["entry"]["action"], "create");
    assert_eq!(entries[0]["entry"]["actor"], "cli-tester");
    let seq = entries[0]["entry"]["seq"].as_u64().unwrap().to_string();

    desk.cmd(&["history", "organisation", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("cli-tester").and(predicate::str::contains("name=Eurochild")));

    // a create is undone: the organisation goes
    desk.cmd(&["undo", &seq]).assert().success().stdout(predicate::str::contains(format!("undone entry {seq} (create of organisation")));
    assert!(desk.json(&["orgs", "list", "--format", "json", "--include-archived"]).as_array().unwrap().iter().all(|o| o["id"] != id.as_str()));

    // twice is refused with the reason, exit 1
    desk.cmd(&["undo", &seq]).assert().code(1).stderr(predicate::str::contains("already undone"));
}

#[test]
fn undo_last_and_usage() {
    let desk = Desk::new();
    desk.cmd(&["undo", "--last"]).assert().code(1).stderr(predicate::str::contains("nothing to undo"));
    desk.cmd(&["undo"]).assert().code(2);
    desk.cmd(&["history", "organisation", "x", "--limit", "0"]).assert().code(2);
    desk.cmd(&["orgs", "add", "--name", "Eurochild", "--country", "BE"]).assert().success();
    desk.cmd(&["undo", "--last"]).assert().success().stdout(predicate::str::contains("create of organisation"));
    assert_eq!(desk.json(&["orgs", "list", "--format", "json"]).as_array().unwrap().len(), 0);
}
