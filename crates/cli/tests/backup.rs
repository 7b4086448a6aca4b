//! `coalition backup` and `coalition restore` at process level.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

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

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.db()).args(args);
        cmd
    }

    fn add(&self, name: &str) {
        self.cmd(&["orgs", "add", "--name", name, "--country", "BE"]).assert().success();
    }

    fn names(&self) -> Vec<String> {
        let out = self.cmd(&["orgs", "list", "--format", "json"]).output().unwrap();
        assert!(out.status.success());
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut names: Vec<String> =
            rows.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect();
        names.sort();
        names
    }

    fn backups(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path().join("backups"))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        files.sort();
        files
    }
}

fn corrupt(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let middle = (bytes.len() / 2 / 4096) * 4096;
    let end = (middle + 3 * 4096).min(bytes.len());
    for (i, b) in bytes[middle..end].iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(151).wrapping_add(7);
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn backup_to_the_folder_then_restore_it() {
    let desk = Desk::new();
    desk.add("Eurochild");
    desk.cmd(&["backup"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("backed up to ").and(predicate::str::contains("backups")));
    let backups = desk.backups();
    assert_eq!(backups.len(), 1);
    desk.add("Thorn");
    assert_eq!(desk.names(), ["Eurochild", "Thorn"]);
    desk.cmd(&["restore", backups[0].to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("restored").and(predicate::str::contains("the store as it was is kept at")));
    assert_eq!(desk.names(), ["Eurochild"]);
    // The copy kept before the restore holds Thorn.
    let kept: Vec<PathBuf> = desk.backups().into_iter().filter(|p| p.to_string_lossy().contains("before-restore")).collect();
    assert_eq!(kept.len(), 1);
    let mut back = Command::cargo_bin("coalition").unwrap();
    let out = back.env_remove("COALITION_DB").arg("--db").arg(&kept[0]).args(["orgs", "list", "--format", "csv"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Thorn"));
}

#[test]
fn backup_to_a_chosen_file() {
    let desk = Desk::new();
    desk.add("Eurochild");
    let out = desk.dir.path().join("copies/today.db");
    desk.cmd(&["backup", "--out", out.to_str().unwrap()]).assert().success().stdout(predicate::str::contains("today.db"));
    assert!(out.exists());
    assert!(desk.backups().is_empty());
    let mut list = Command::cargo_bin("coalition").unwrap();
    list.env_remove("COALITION_DB").arg("--db").arg(&out).args(["orgs", "list", "--format", "csv"]);
    list.assert().success().stdout(predicate::str::contains("Eurochild"));
}

#[test]
fn a_damaged_backup_or_a_missing_file_is_refused_with_exit_1() {
    let desk = Desk::new();
    for i in 0..300 {
        desk.add(&format!("Organisation number {i} with a long enough name to fill pages"));
    }
    let copy = desk.dir.path().join("copy.db");
    desk.cmd(&["backup", "--out", copy.to_str().unwrap()]).assert().success();
    corrupt(&copy);
    desk.cmd(&["restore", copy.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is damaged and was not restored"));
    desk.cmd(&["restore", "/nonexistent/backup.db"]).assert().code(1).stderr(predicate::str::contains("cannot read the backup"));
    assert_eq!(desk.names().len(), 300);
    desk.cmd(&["restore"]).assert().code(2);
}

#[test]
fn a_damaged_store_is_refused_then_restored_from_a_backup() {
    let desk = Desk::new();
    for i in 0..300 {
        desk.add(&format!("Organisation number {i} with a long enough name to fill pages"));
    }
    let good = desk.dir.path().join("good.db");
    desk.cmd(&["backup", "--out", good.to_str().unwrap()]).assert().success();
    corrupt(&desk.db());
    desk.cmd(&["orgs", "list"]).assert().code(1).stderr(predicate::str::contains("is damaged"));
    desk.cmd(&["restore", good.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("the damaged store was moved, untouched, to"));
    assert_eq!(desk.names().len(), 300);
}
