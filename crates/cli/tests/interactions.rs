//! `coalition interactions`, `tasks` and `seats` at process level.

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

    fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("c.db")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.db()).args(args);
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// A person, written straight into the store (the people commands are another feature's).
    fn person(&self, given: &str, family: &str) -> String {
        use coalition_core::text::fold;
        let store = coalition_core::Store::open(&self.db()).unwrap();
        let id = coalition_core::store::new_id();
        let display = format!("{given} {family}");
        let family_key = format!("{} {}", fold(family), fold(given));
        let name_key = fold(&display);
        store
            .write(|c| {
                c.execute(
                    "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, archived, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                    [id.as_str(), given, family, display.as_str(), family_key.as_str(), name_key.as_str()],
                )?;
                Ok(())
            })
            .unwrap();
        id
    }
}

#[test]
fn interactions_add_and_list_with_people_by_name_or_id_and_organisations_by_acronym() {
    let desk = Desk::new();
    let mep = desk.person("Javier", "Zarzalejos");
    desk.person("Zoë", "Vermeulen-Daems");
    desk.cmd(&["interactions", "add", "--kind", "meeting", "--date", "2023-03-20", "--subject", "First high-level event", "--person", &mep, "--person", "zoe vermeulen-daems", "--org", "IWF", "--outcome", "Supportive"])
        .assert()
        .success()
        .stdout(predicate::str::contains("recorded meeting First high-level event on 2023-03-20"));
    desk.cmd(&["interactions", "add", "--kind", "Call", "--date", "2023-05-02", "--subject", "Follow-up", "--org", "Thorn"]).assert().success();

    let list = desk.json(&["interactions", "list", "--format", "json"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["subject"], "Follow-up", "newest first");
    assert_eq!(rows[0]["kind"], "call");
    assert_eq!(rows[1]["people"], serde_json::json!(["Zoë Vermeulen-Daems", "Javier Zarzalejos"]));
    assert_eq!(rows[1]["organisations"], serde_json::json!(["Internet Watch Foundation"]));
    assert_eq!(rows[1]["outcome"], "Supportive");
    desk.cmd(&["interactions", "list"]).assert().success().stdout(predicate::str::contains("First high-level event"));
    let thorn = desk.json(&["interactions", "list", "--org", "thorn", "--format", "json"]);
    assert_eq!(thorn.as_array().unwrap().len(), 1);
    assert_eq!(thorn[0]["subject"], "Follow-up");
    let mine = desk.json(&["interactions", "list", "--person", "Zoë Vermeulen-Daems", "--kind", "meeting", "--format", "json"]);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    let none = desk.json(&["interactions", "list", "--from", "2023-04-01", "--to", "2023-04-30", "--format", "json"]);
    assert_eq!(none.as_array().unwrap().len(), 0);
}

#[test]
fn interactions_add_refuses_bad_input_with_exit_1_and_bad_usage_with_2() {
    let desk = Desk::new();
    desk.cmd(&["interactions", "add", "--kind", "meeting", "--date", "2023-03-20", "--subject", "Nobody there"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("participants: add at least one participant"));
    desk.cmd(&["interactions", "add", "--kind", "meeting", "--date", "20/03/2023", "--subject", "S", "--org", "Thorn"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("occurred_on: invalid date \"20/03/2023\""));
    desk.cmd(&["interactions", "add", "--kind", "meeting", "--date", "2023-03-20", "--subject", "S", "--person", "Nobody Known"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("person: no person named \"Nobody Known\""));
    desk.cmd(&["interactions", "add", "--kind", "meeting", "--date", "2023-03-20", "--subject", "S", "--org", "Thorne Foundation International"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("org: no match for"));
    desk.cmd(&["interactions", "add", "--kind", "picnic", "--date", "2023-03-20", "--subject", "S"]).assert().code(2);
    assert_eq!(desk.json(&["interactions", "list", "--format", "json"]).as_array().unwrap().len(), 0);
}

#[test]
fn tasks_list_shows_open_tasks_overdue_first() {
    let desk = Desk::new();
    let lotte = desk.person("Lotte", "Janssens");
    let store = coalition_core::Store::open(&desk.db()).unwrap();
    use coalition_core::interactions::{self, TaskInput};
    for (title, due) in [("Later", Some("2199-01-01")), ("Long overdue", Some("2001-01-01")), ("Whenever", None)] {
        interactions::create_task(&store, TaskInput { title: title.into(), owner_person_id: Some(lotte.clone()), due_on: due.map(Into::into), ..Default::default() }).unwrap();
    }
    drop(store);
    let all = desk.json(&["tasks", "list", "--format", "json"]);
    let titles: Vec<&str> = all.as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Long overdue", "Later", "Whenever"]);
    assert_eq!(all[0]["overdue"], true);
    assert_eq!(all[0]["owner_name"], "Lotte Janssens");
    let overdue = desk.json(&["tasks", "list", "--overdue", "--format", "json"]);
    assert_eq!(overdue.as_array().unwrap().len(), 1);
    desk.cmd(&["tasks", "list"]).assert().success().stdout(predicate::str::contains("overdue").and(predicate::str::contains("Long overdue")));
}

#[test]
fn seats_add_and_list_with_people_and_the_single_holder_rule() {
    let desk = Desk::new();
    desk.person("Lotte", "Janssens");
    desk.person("Zoë", "Vermeulen-Daems");
    desk.cmd(&["seats", "add", "--body", "Steering group", "--role", "chair", "--org", "Child Focus", "--person", "Lotte Janssens", "--from", "2023-01-01", "--to", "2023-12-31"])
        .assert()
        .success()
        .stdout(predicate::str::contains("chair of Steering group: \"Lotte Janssens\" (Child Focus) from 2023-01-01"));
    desk.cmd(&["seats", "add", "--body", "steering GROUP", "--role", "chair", "--person", "Zoë Vermeulen-Daems", "--from", "2023-06-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("starts_on: the chair seat of Steering group is held by \"Lotte Janssens\" (Child Focus) from 2023-01-01 until 2023-12-31"));
    desk.cmd(&["seats", "add", "--body", "Steering group", "--role", "chair", "--person", "Zoë Vermeulen-Daems", "--from", "2024-01-01"]).assert().success();
    desk.cmd(&["seats", "add", "--body", "Steering group", "--role", "member", "--from", "2024-01-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("organisation_id: a seat is held by an organisation, a person, or both"));
    desk.cmd(&["seats", "add", "--body", "Steering group", "--role", "king", "--org", "Thorn", "--from", "2024-01-01"]).assert().code(2);

    let on = desk.json(&["seats", "list", "--on", "2024-03-01", "--format", "json"]);
    let chairs: Vec<&Value> = on.as_array().unwrap().iter().filter(|t| t["role"] == "chair").collect();
    assert_eq!(chairs.len(), 1);
    assert_eq!(chairs[0]["person"], "Zoë Vermeulen-Daems");
    assert_eq!(chairs[0]["organisation"], Value::Null);
    assert_eq!(on.as_array().unwrap().len(), 8, "seven steering-group members and the chair");
    let all = desk.json(&["seats", "list", "--format", "json"]);
    assert_eq!(all.as_array().unwrap().len(), 9);
    desk.cmd(&["seats", "list", "--on", "2023-03-20"]).assert().success().stdout(predicate::str::contains("Lotte Janssens"));
    desk.cmd(&["seats", "list", "--on", "someday"]).assert().code(1).stderr(predicate::str::contains("date: invalid date"));
}
