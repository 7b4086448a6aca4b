//! `coalition encrypt`, `change-passphrase`, `decrypt`, and every command on an encrypted
//! store at process level: the passphrase from COALITION_PASSPHRASE, refusals with exit 1.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const PASS: &str = "correct horse battery";
const NAME: &str = "Stichting Kinderpostzegels";

struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Self {
        Desk { dir: tempfile::tempdir().unwrap() }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("c.db")
    }

    /// A command with no passphrase in its environment (and no terminal: stdin is closed).
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB")
            .env_remove("COALITION_PASSPHRASE")
            .env_remove("COALITION_NEW_PASSPHRASE")
            .arg("--db")
            .arg(self.db())
            .args(args);
        cmd
    }

    fn with(&self, passphrase: &str, args: &[&str]) -> Command {
        let mut cmd = self.cmd(args);
        cmd.env("COALITION_PASSPHRASE", passphrase);
        cmd
    }

    fn names(&self, passphrase: &str) -> Vec<String> {
        let out = self.with(passphrase, &["orgs", "list", "--format", "json"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut names: Vec<String> = rows.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect();
        names.sort();
        names
    }

    /// A plain store with two organisations, then encrypted with PASS.
    fn encrypted(&self) {
        self.cmd(&["orgs", "add", "--name", NAME, "--country", "NL"]).assert().success();
        self.cmd(&["orgs", "add", "--name", "Eurochild", "--country", "BE"]).assert().success();
        self.cmd(&["encrypt"])
            .env("COALITION_NEW_PASSPHRASE", PASS)
            .assert()
            .success()
            .stdout(predicate::str::contains("encrypted"));
    }
}

fn readable(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(15).any(|w| w == b"SQLite format 3") || bytes.windows(NAME.len()).any(|w| w == NAME.as_bytes())
}

#[test]
fn encrypt_then_every_command_needs_the_passphrase() {
    let desk = Desk::new();
    desk.encrypted();
    assert!(!readable(&desk.db()));
    assert_eq!(desk.names(PASS), ["Eurochild", NAME]);
    desk.with(PASS, &["init"]).assert().success().stdout(predicate::str::contains("encrypted"));

    // No passphrase and no terminal: a clear refusal, exit 1.
    desk.cmd(&["orgs", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("passphrase_required").and(predicate::str::contains("COALITION_PASSPHRASE")));
    // A wrong one: exit 1, and the store still opens with the right one.
    let before = std::fs::read(desk.db()).unwrap();
    desk.with("not the passphrase", &["orgs", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("wrong_passphrase").and(predicate::str::contains("The passphrase is not right for this store.")));
    assert_eq!(std::fs::read(desk.db()).unwrap(), before);
    assert_eq!(desk.names(PASS), ["Eurochild", NAME]);
}

#[test]
fn encrypt_without_a_new_passphrase_or_with_a_short_one_changes_nothing() {
    let desk = Desk::new();
    desk.cmd(&["orgs", "add", "--name", NAME, "--country", "NL"]).assert().success();
    desk.cmd(&["encrypt"]).assert().code(1).stderr(predicate::str::contains("COALITION_NEW_PASSPHRASE"));
    desk.cmd(&["encrypt"]).env("COALITION_NEW_PASSPHRASE", "short").assert().code(1).stderr(predicate::str::contains("at least 8"));
    assert!(readable(&desk.db()));
    desk.cmd(&["orgs", "list"]).assert().success().stdout(predicate::str::contains(NAME));
}

#[test]
fn backups_of_an_encrypted_store_are_encrypted_and_restore_with_the_passphrase() {
    let desk = Desk::new();
    desk.encrypted();
    let out = desk.dir.path().join("copy.db");
    desk.with(PASS, &["backup", "--out", out.to_str().unwrap()]).assert().success();
    assert!(!readable(&out));
    desk.with(PASS, &["backup"]).assert().success();
    desk.with(PASS, &["orgs", "add", "--name", "Added later", "--country", "FR"]).assert().success();

    desk.cmd(&["restore", out.to_str().unwrap()]).assert().code(1).stderr(predicate::str::contains("passphrase_required"));
    desk.with("wrong wrong wrong", &["restore", out.to_str().unwrap()]).assert().code(1);
    assert_eq!(desk.names(PASS), ["Added later", "Eurochild", NAME]);
    desk.with(PASS, &["restore", out.to_str().unwrap()]).assert().success();
    assert_eq!(desk.names(PASS), ["Eurochild", NAME]);
    for entry in std::fs::read_dir(desk.dir.path().join("backups")).unwrap() {
        assert!(!readable(&entry.unwrap().path()), "a backup is readable without the passphrase");
    }
}

#[test]
fn change_the_passphrase_then_decrypt() {
    let desk = Desk::new();
    desk.encrypted();
    let new = "another long passphrase";
    desk.with(PASS, &["change-passphrase"]).env("COALITION_NEW_PASSPHRASE", new).assert().success();
    desk.with(PASS, &["orgs", "list"]).assert().code(1).stderr(predicate::str::contains("wrong_passphrase"));
    assert_eq!(desk.names(new), ["Eurochild", NAME]);
    desk.with(new, &["decrypt"]).assert().success();
    assert!(readable(&desk.db()));
    desk.cmd(&["orgs", "list"]).assert().success().stdout(predicate::str::contains(NAME));
    // Encrypting needs a plain store; decrypting an encrypted one.
    desk.cmd(&["decrypt"]).assert().code(1).stderr(predicate::str::contains("not encrypted"));
}
