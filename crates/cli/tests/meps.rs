//! `coalition meps ...` at process level: import (text, JSON, dry run, bad files), fetch over
//! loopback, list in every format with filters, and exit codes.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

struct Desk {
    dir: TempDir,
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/meps").join(name).display().to_string()
}

impl Desk {
    fn new() -> Self {
        Desk { dir: tempfile::tempdir().unwrap() }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB")
            .env_remove("COALITION_EP_URL")
            .arg("--db")
            .arg(self.dir.path().join("coalition.db"))
            .args(args);
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn import_prints_the_counts_and_a_second_import_changes_nothing() {
    let desk = Desk::new();
    desk.cmd(&["meps", "import", &fixture("term-start.xml")])
        .assert()
        .success()
        .stdout("added 6, updated 0, outgoing 0, unchanged 0\n");
    desk.cmd(&["meps", "import", &fixture("term-start.xml")])
        .assert()
        .success()
        .stdout("added 0, updated 0, outgoing 0, unchanged 6\n");
}

#[test]
fn import_as_json_lists_every_change_and_a_dry_run_writes_nothing() {
    let desk = Desk::new();
    desk.cmd(&["meps", "import", &fixture("term-start.xml")]).assert().success();
    let plan = desk.json(&["meps", "import", &fixture("mid-term.xml"), "--dry-run", "--format", "json"]);
    assert_eq!((plan["added"].as_u64(), plan["updated"].as_u64(), plan["outgoing"].as_u64(), plan["unchanged"].as_u64()), (Some(1), Some(2), Some(1), Some(3)));
    let switch = plan["changes"].as_array().unwrap().iter().find(|c| c["ep_id"] == 130100).unwrap();
    assert_eq!((&switch["kind"], &switch["field"], &switch["from"], &switch["to"]), (&Value::from("updated"), &Value::from("group"), &Value::from("Renew"), &Value::from("Greens/EFA")));
    let added = plan["changes"].as_array().unwrap().iter().find(|c| c["kind"] == "added").unwrap();
    assert_eq!(added["ep_id"], 5729);
    assert!(added.get("field").is_none() && added.get("from").is_none());
    let outgoing = plan["changes"].as_array().unwrap().iter().find(|c| c["kind"] == "outgoing").unwrap();
    assert_eq!(outgoing["ep_id"], 257043);

    // Nothing was written: the same plan again, and everyone still current.
    let meps = desk.json(&["meps", "list", "--format", "json", "--status", "outgoing"]);
    assert_eq!(meps.as_array().unwrap().len(), 0);
    let applied = desk.json(&["meps", "import", &fixture("mid-term.xml"), "--format", "json"]);
    assert_eq!(applied["changes"], plan["changes"]);
    let meps = desk.json(&["meps", "list", "--format", "json", "--status", "outgoing"]);
    assert_eq!(meps.as_array().unwrap().len(), 1);
    assert_eq!(meps[0]["ep_id"], 257043);
}

#[test]
fn a_bad_list_is_refused_with_the_mep_named_and_nothing_written() {
    let desk = Desk::new();
    desk.cmd(&["meps", "import", &fixture("broken.xml")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("MEP 2 (id 130100)"));
    desk.cmd(&["meps", "import", &fixture("no-such-file.xml")]).assert().code(1).stderr(predicate::str::contains("no-such-file.xml"));
    let meps = desk.json(&["meps", "list", "--format", "json"]);
    assert_eq!(meps.as_array().unwrap().len(), 0);
}

#[test]
fn list_has_the_contract_keys_sorted_by_family_name_with_filters() {
    let desk = Desk::new();
    desk.cmd(&["meps", "import", &fixture("term-start.xml")]).assert().success();
    let meps = desk.json(&["meps", "list", "--format", "json"]);
    let first = meps[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["country", "display_name", "ep_id", "family_name", "full_name", "group", "group_name", "national_party", "status"]);
    assert_eq!(meps[0]["full_name"], "Maravillas ABADÍA JOVER");
    assert_eq!(meps[0]["display_name"], "Maravillas Abadía Jover");
    assert_eq!(meps[0]["family_name"], "Abadía Jover");
    assert_eq!(meps[0]["country"], "ES");
    assert_eq!(meps[0]["group"], "EPP");
    assert_eq!(meps[0]["group_name"], "Group of the European People's Party (Christian Democrats)");
    assert_eq!(meps[0]["status"], "current");
    let families: Vec<&str> = meps.as_array().unwrap().iter().map(|m| m["family_name"].as_str().unwrap()).collect();
    assert_eq!(families, ["Abadía Jover", "Beke", "García Hermida-van der Walle", "Pedulla'", "Vautmans", "Zarzalejos"]);

    let epp_es = desk.json(&["meps", "list", "--format", "json", "--group", "EPP", "--country", "es"]);
    assert_eq!(epp_es.as_array().unwrap().iter().map(|m| m["ep_id"].as_i64().unwrap()).collect::<Vec<_>>(), [257043, 197606]);
    let left = desk.json(&["meps", "list", "--format", "json", "--group", "The Left"]);
    assert_eq!(left[0]["national_party"], "Movimento 5 Stelle");
    let belgians = desk.json(&["meps", "list", "--format", "json", "--country", "Belgium", "--status", "current"]);
    assert_eq!(belgians.as_array().unwrap().len(), 2);
    assert_eq!(belgians[0]["national_party"], "Christen-Democratisch & Vlaams");

    let out = desk.cmd(&["meps", "list", "--format", "csv", "--group", "Renew"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("ep_id,full_name,display_name,family_name,country,group,group_name,national_party,status"));
    assert_eq!(lines.next(), Some("256970,Raquel GARCÍA HERMIDA-VAN DER WALLE,Raquel García Hermida-van der Walle,García Hermida-van der Walle,NL,Renew,Renew Europe Group,Democraten 66,current"));
    assert_eq!(lines.count(), 1);

    desk.cmd(&["meps", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("EP_ID").and(predicate::str::contains("Javier Zarzalejos")))
        .stderr(predicate::str::contains("6 MEPs"));
}

#[test]
fn wrong_usage_exits_2() {
    let desk = Desk::new();
    desk.cmd(&["meps", "list", "--format", "xml"]).assert().code(2);
    desk.cmd(&["meps", "list", "--group", "ID"]).assert().code(2).stderr(predicate::str::contains("unknown political group"));
    desk.cmd(&["meps", "list", "--status", "gone"]).assert().code(2);
    desk.cmd(&["meps", "import"]).assert().code(2);
    desk.cmd(&["meps", "import", &fixture("term-start.xml"), "--format", "yaml"]).assert().code(2);
}

fn serve(body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(1) {
            let mut stream = stream.unwrap();
            let mut request = Vec::new();
            let mut chunk = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = stream.read(&mut chunk).unwrap_or(0);
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&chunk[..n]);
            }
            let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(&body).unwrap();
        }
    });
    format!("http://{address}/meps/en/full-list/xml")
}

#[test]
fn fetch_downloads_from_the_given_address_and_syncs() {
    let desk = Desk::new();
    let url = serve(std::fs::read(fixture("term-start.xml")).unwrap());
    desk.cmd(&["meps", "fetch", "--url", &url])
        .assert()
        .success()
        .stdout("added 6, updated 0, outgoing 0, unchanged 0\n");
    assert_eq!(desk.json(&["meps", "list", "--format", "json"]).as_array().unwrap().len(), 6);

    let url = serve(std::fs::read(fixture("mid-term.xml")).unwrap());
    let mut cmd = desk.cmd(&["meps", "fetch", "--dry-run", "--format", "json"]);
    cmd.env("COALITION_EP_URL", &url);
    let out = cmd.output().unwrap();
    assert!(out.status.success());
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["outgoing"], 1);
    assert_eq!(desk.json(&["meps", "list", "--format", "json", "--status", "outgoing"]).as_array().unwrap().len(), 0);
}

#[test]
fn fetch_when_offline_is_refused_with_a_clear_message() {
    let desk = Desk::new();
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    desk.cmd(&["meps", "fetch", "--url", &format!("http://127.0.0.1:{port}/xml")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Could not reach the European Parliament's site"));
}
