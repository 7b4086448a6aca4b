//! The `coalition` binary at process level: arguments, files, stdout, stderr and exit codes.

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

    fn db(&self) -> String {
        self.dir.path().join("coalition.db").display().to_string()
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.db()).args(args);
        cmd
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn orgs_json(&self) -> Vec<Value> {
        let out = self.cmd(&["orgs", "list", "--format", "json"]).output().unwrap();
        assert!(out.status.success());
        serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
    }
}

#[test]
fn init_creates_the_store_and_the_env_variable_overrides_the_path() {
    let desk = Desk::new();
    desk.cmd(&["init"]).assert().success().stdout(predicate::str::is_match(r"store ready at .*coalition.db \(schema version [0-9]+\)").unwrap());
    assert!(std::path::Path::new(&desk.db()).exists());

    let other = desk.dir.path().join("from-env.db");
    Command::cargo_bin("coalition").unwrap().env("COALITION_DB", &other).arg("init").assert().success();
    assert!(other.exists());
}

#[test]
fn add_validates_and_names_the_field() {
    let desk = Desk::new();
    desk.cmd(&["orgs", "add", "--name", "Terre des Hommes", "--country", "nl", "--type", "ngo", "--status", "active", "--tier", "full", "--joined", "2022-04-01", "--website", "www.tdh.nl"])
        .assert()
        .success();
    desk.cmd(&["orgs", "add", "--name", "terre  DES hommes", "--country", "NL"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("name: name already used by \"Terre des Hommes\""));
    desk.cmd(&["orgs", "add", "--name", "Narnia Aid", "--country", "Narnia"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("country: unknown country \"Narnia\""));
    desk.cmd(&["orgs", "add", "--name", "Aid", "--country", "BE", "--type", "club"]).assert().code(1).stderr(predicate::str::contains("type: unknown type \"club\""));
    let orgs = desk.orgs_json();
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0]["website"], "https://www.tdh.nl");
    assert_eq!(orgs[0]["membership_status"], "active");
    assert_eq!(orgs[0]["joined_on"], "2022-04-01");
}

#[test]
fn wrong_usage_exits_2() {
    let desk = Desk::new();
    desk.cmd(&["orgs", "frobnicate"]).assert().code(2);
    desk.cmd(&["orgs", "list", "--status", "member"]).assert().code(2);
    desk.cmd(&["orgs", "list", "--format", "xml"]).assert().code(2);
    desk.cmd(&["orgs", "add", "--country", "BE"]).assert().code(2);
}

#[test]
fn list_filters_by_status_country_and_type() {
    let desk = Desk::new();
    desk.cmd(&["demo"]).assert().success();
    let out = desk.cmd(&["orgs", "list", "--format", "json", "--country", "be", "--type", "hotline"]).output().unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = rows.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Child Focus"]);
    let out = desk.cmd(&["orgs", "list", "--status", "active"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("NAME"));
    assert!(table.contains("Eurochild"));
    desk.cmd(&["orgs", "list", "--format", "csv", "--status", "withdrawn"]).assert().success().stdout("id,name,short_name,country,type,website,email,phone,membership_status,tier,joined_on,archived\n");
}

#[test]
fn demo_twice_adds_nothing() {
    let desk = Desk::new();
    desk.cmd(&["demo"]).assert().success().stdout(predicate::str::contains("added 19 organisations, 0 already present"));
    desk.cmd(&["demo"]).assert().success().stdout(predicate::str::contains("added 0 organisations, 19 already present"));
    assert_eq!(desk.orgs_json().len(), 19);
}

const GOOD: &str = "name,short_name,country,type,website,email,phone,membership_status,tier,joined_on\n\
Eurochild,,BE,network,www.eurochild.org,info@eurochild.org,+32 2 511 70 83,active,full,2022-04-01\n\
Internet Watch Foundation,IWF,United Kingdom,hotline,https://www.iwf.org.uk,,,active,full,2022-04-01\n";

#[test]
fn import_good_then_again_changes_nothing() {
    let desk = Desk::new();
    let file = desk.file("good.csv", GOOD.as_bytes());
    desk.cmd(&["orgs", "import", &file]).assert().success().stdout("created 2, updated 0, unchanged 0, rejected 0\n");
    desk.cmd(&["orgs", "import", &file]).assert().success().stdout("created 0, updated 0, unchanged 2, rejected 0\n");
    assert_eq!(desk.orgs_json().len(), 2);
}

#[test]
fn a_bad_file_imports_nothing_exits_1_and_names_every_bad_line() {
    let desk = Desk::new();
    let file = desk.file(
        "bad.csv",
        b"name,country,website\nGood Org,BE,\nBad Country,Narnia,\n,FR,\nBad Site,DE,nope nope\n",
    );
    let out = desk.cmd(&["orgs", "import", &file]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no summary when nothing was imported");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("line ")).collect();
    assert_eq!(
        lines,
        [
            "line 3: country: unknown country \"Narnia\"",
            "line 4: name: name is required",
            "line 5: website: website is not a URL: \"nope nope\"",
        ]
    );
    assert_eq!(desk.orgs_json().len(), 0);

    desk.cmd(&["orgs", "import", &file, "--skip-invalid"])
        .assert()
        .success()
        .stdout("created 1, updated 0, unchanged 0, rejected 3\n")
        .stderr(predicate::str::contains("line 3: country: unknown country \"Narnia\""));
    assert_eq!(desk.orgs_json().len(), 1);
}

#[test]
fn windows_1252_and_semicolon_files_from_excel() {
    let desk = Desk::new();
    let mut bytes = b"Name;Acronym;Country;Status;Joined\r\n".to_vec();
    bytes.extend_from_slice(b"F\xe9d\xe9ration des \xc9coles;FDE;Belgium;active;2023-03-20\r\n");
    bytes.extend_from_slice(b"Stra\xdfe Kinder e.V.;;DE;prospect;\r\n");
    let file = desk.file("excel.csv", &bytes);
    desk.cmd(&["orgs", "import", &file]).assert().success().stdout("created 2, updated 0, unchanged 0, rejected 0\n");
    let names: Vec<String> = desk.orgs_json().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, ["Fédération des Écoles", "Straße Kinder e.V."]);

    let tabbed = desk.file("tabs.tsv", "name\tcountry\nThorn\tUS\n".as_bytes());
    desk.cmd(&["orgs", "import", &tabbed]).assert().success().stdout("created 1, updated 0, unchanged 0, rejected 0\n");
}

#[test]
fn dry_run_and_unknown_columns() {
    let desk = Desk::new();
    let file = desk.file("extra.csv", b"name,country,favourite colour\nThorn,US,blue\n");
    desk.cmd(&["orgs", "import", &file, "--dry-run"])
        .assert()
        .success()
        .stdout("created 1, updated 0, unchanged 0, rejected 0\n")
        .stderr(predicate::str::contains("column \"favourite colour\" is not known and was ignored"))
        .stderr(predicate::str::contains("dry run: nothing was written"));
    assert_eq!(desk.orgs_json().len(), 0);
}

#[test]
fn duplicate_names_in_one_file_fail_on_both_lines() {
    let desk = Desk::new();
    let file = desk.file("dupes.csv", b"name,country\nThorn,US\nEurochild,BE\nTHORN,US\n");
    desk.cmd(&["orgs", "import", &file])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 2: name: \"Thorn\" also appears on line 4"))
        .stderr(predicate::str::contains("line 4: name: \"THORN\" also appears on line 2"));
}

#[test]
fn missing_files_and_headers_are_refused_with_exit_1() {
    let desk = Desk::new();
    desk.cmd(&["orgs", "import", "/no/such/file.csv"]).assert().code(1).stderr(predicate::str::contains("cannot read /no/such/file.csv"));
    let file = desk.file("noname.csv", b"title,country\nA,BE\n");
    desk.cmd(&["orgs", "import", &file]).assert().code(1).stderr(predicate::str::contains("line 1: name: the header has no name column"));
}

#[test]
fn export_csv_is_inert_and_json_has_the_contract_keys() {
    let desk = Desk::new();
    let file = desk.file(
        "evil.csv",
        "name,short_name,country,phone\n\"=HYPERLINK(\"\"http://x\"\")\",@SUM,BE,+32 2 000 00 00\n-minus,,FR,\n".as_bytes(),
    );
    desk.cmd(&["orgs", "import", &file]).assert().success();
    let out = desk.cmd(&["orgs", "export"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "name", "short_name", "country", "type", "website", "email", "phone", "membership_status", "tier", "joined_on", "archived"]
    );
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            cells += 1;
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live cell {cell:?}");
        }
    }
    assert_eq!(cells, 24);
    assert!(text.contains("'=HYPERLINK"));

    let out_file = desk.dir.path().join("orgs.json");
    desk.cmd(&["orgs", "export", "--format", "json", "--out", out_file.to_str().unwrap()]).assert().success();
    let rows: Value = serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    let first = rows.as_array().unwrap()[0].as_object().unwrap();
    for key in ["id", "name", "short_name", "country", "type", "website", "email", "phone", "membership_status", "tier", "joined_on", "archived"] {
        assert!(first.contains_key(key), "{key} missing");
    }
    assert_eq!(first.len(), 12);
}
