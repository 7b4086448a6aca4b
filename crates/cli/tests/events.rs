//! `coalition events list|add` at process level.

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
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.dir.path().join("c.db")).args(args);
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn add_then_list_in_every_format() {
    let desk = Desk::new();
    desk.cmd(&[
        "events", "add", "--ref", "eclag-hle-2099", "--title", "Conférence de haut niveau", "--start", "2099-03-20 09:30", "--end",
        "2099-03-20 13:00", "--capacity", "120", "--venue", "Résidence Palace",
    ])
    .assert()
    .success()
    .stdout(predicate::str::is_match("^[0-9a-f-]{36}\n$").unwrap())
    .stderr(predicate::str::contains("added event eclag-hle-2099").and(predicate::str::contains("CET (Europe/Brussels)")));
    desk.cmd(&["events", "add", "--ref", "night", "--title", "=Night of the change", "--start", "2026-03-28 20:00", "--end", "2026-03-29 10:00"])
        .assert()
        .success();
    desk.cmd(&["events", "add", "--ref", "lisbon", "--title", "Lisbon", "--start", "2026-07-01T09:30", "--end", "2026-07-01T12:00", "--tz", "Europe/Lisbon"])
        .assert()
        .success()
        .stderr(predicate::str::contains("WEST (Europe/Lisbon)"));

    let json = desk.json(&["events", "list", "--format", "json"]);
    let refs: Vec<&str> = json.as_array().unwrap().iter().map(|e| e["reference"].as_str().unwrap()).collect();
    assert_eq!(refs, ["night", "lisbon", "eclag-hle-2099"], "start order");
    let hle = &json[2];
    assert_eq!(hle["title"], "Conférence de haut niveau");
    assert_eq!(hle["kind"], "conference");
    assert_eq!(hle["status"], "planning");
    assert_eq!(hle["time_zone"], "Europe/Brussels");
    assert_eq!(hle["starts_at"], "2099-03-20T09:30");
    assert_eq!(hle["capacity"], 120);
    assert_eq!(hle["venue"], "Résidence Palace");
    assert_eq!(hle["registered"], 0);

    let csv = desk.cmd(&["events", "list", "--format", "csv"]).output().unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("reference,title,kind,status,time_zone,starts_at,ends_at,venue,capacity,"), "{text}");
    assert!(text.contains("'=Night of the change"), "cells are inert: {text}");

    desk.cmd(&["events", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("REFERENCE").and(predicate::str::contains("2099-03-20 09:30")).and(predicate::str::contains("Résidence Palace")));
}

#[test]
fn bad_input_is_refused_with_the_field_and_exit_1() {
    let desk = Desk::new();
    let add = |args: &[&str]| {
        let mut all = vec!["events", "add", "--ref", "x-1", "--title", "T"];
        all.extend_from_slice(args);
        desk.cmd(&all).assert()
    };
    add(&["--start", "2026-03-29 02:30", "--end", "2026-03-29 10:00"])
        .code(1)
        .stderr(predicate::str::contains("starts_at: 2026-03-29 02:30 does not exist in Europe/Brussels"));
    add(&["--start", "2026-05-01 10:00", "--end", "2026-05-01 09:00"]).code(1).stderr(predicate::str::contains("ends_at: the end"));
    add(&["--start", "2026-05-01 09:00", "--end", "2026-05-01 10:00", "--tz", "Mars/Olympus"])
        .code(1)
        .stderr(predicate::str::contains("time_zone: \"Mars/Olympus\" is not a time zone"));
    add(&["--start", "2026-05-01 09:00", "--end", "2026-05-01 10:00", "--capacity", "0"]).code(1).stderr(predicate::str::contains("capacity"));
    add(&["--start", "2026-05-01 09:00", "--end", "2026-05-01 10:00"]).success();
    add(&["--start", "2026-06-01 09:00", "--end", "2026-06-01 10:00"]).code(1).stderr(predicate::str::contains("reference \"x-1\" is already used"));
    add(&["--start", "2026-05-01 09:00"]).code(2);
    desk.cmd(&["events", "list", "--format", "xml"]).assert().code(2);
    assert_eq!(desk.json(&["events", "list", "--format", "json"]).as_array().unwrap().len(), 1);
}
