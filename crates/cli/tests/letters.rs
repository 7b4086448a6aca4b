//! `coalition letters`, `signatures` and `orgs duplicates|merge` at process level.

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
        desk.cmd(&["letters", "add", "--ref", "open-letter-2022", "--title", "Open letter supporting the proposal", "--status", "collecting"])
            .assert()
            .success();
        desk
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("coalition").unwrap();
        cmd.env_remove("COALITION_DB").arg("--db").arg(self.dir.path().join("c.db")).args(args);
        cmd
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn letters_add_list_and_refuse_a_duplicate_reference() {
    let desk = Desk::new();
    desk.cmd(&["letters", "add", "--ref", "open-letter-2022", "--title", "Again"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("reference: reference \"open-letter-2022\" is already used by"));
    desk.cmd(&["letters", "add", "--ref", "bad ref", "--title", "X"]).assert().code(1);
    desk.cmd(&["letters", "add", "--ref", "x", "--title", "X", "--kind", "novel"]).assert().code(2);
    let list = desk.json(&["letters", "list", "--format", "json"]);
    assert_eq!(list[0]["reference"], "open-letter-2022");
    assert_eq!(list[0]["status"], "collecting");
    assert_eq!(list[0]["signed"], 0);
}

#[test]
fn signatures_add_matches_names_and_acronyms_exactly() {
    let desk = Desk::new();
    desk.cmd(&["signatures", "add", "--letter", "open-letter-2022", "--org", "iwf", "--signer", "Michael Tunks", "--signer-title", "Head of Policy", "--date", "2022-06-02"])
        .assert()
        .success();
    desk.cmd(&["signatures", "add", "--letter", "open-letter-2022", "--org", "The Eurochild", "--no-publish"]).assert().success();
    desk.cmd(&["signatures", "add", "--letter", "open-letter-2022", "--org", "Terre des Hommes NL"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("organisation: no match for \"Terre des Hommes NL\" (did you mean: Terre des Hommes)"));
    desk.cmd(&["signatures", "add", "--letter", "no-such-letter", "--org", "IWF"]).assert().code(1).stderr(predicate::str::contains("no letter with reference"));
    let rows = desk.json(&["letters", "export", "open-letter-2022", "--format", "json", "--with-signers"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "Eurochild asked not to be named");
    let keys: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
    for key in ["organisation", "display_name", "country", "signer_name", "signer_title", "signed_on"] {
        assert!(keys.contains(&key), "{key}");
    }
    assert_eq!(rows[0]["signer_name"], "Michael Tunks");
    assert_eq!(rows[0]["signed_on"], "2022-06-02");
    desk.cmd(&["letters", "export", "open-letter-2022", "--format", "txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Signed by 1 organisation from 1 country. 1 further organisation signed without being named."));
}

const FORM: &str = "Timestamp;Organisation;Country;Your name\n\
2022-06-02 10:00:00;Eurochild;Belgium;Jana Hainsworth\n\
2022-06-03 10:00:00;ECPAT;Thailand;\n\
2022-06-04 10:00:00;Stichting Nieuw;Netherlands;\n";

#[test]
fn signature_import_is_all_or_nothing_and_can_create_or_skip() {
    let desk = Desk::new();
    let file = desk.file("form.csv", FORM.as_bytes());
    desk.cmd(&["signatures", "import", &file, "--letter", "open-letter-2022"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("line 4: organisation: no match for \"Stichting Nieuw\""));
    assert_eq!(desk.json(&["letters", "export", "open-letter-2022", "--format", "json"]).as_array().unwrap().len(), 0);

    desk.cmd(&["signatures", "import", &file, "--letter", "open-letter-2022", "--dry-run", "--create-missing"])
        .assert()
        .success()
        .stdout("signed 3, updated 0, unchanged 0, rejected 0\n");
    assert_eq!(desk.json(&["letters", "export", "open-letter-2022", "--format", "json"]).as_array().unwrap().len(), 0);

    desk.cmd(&["signatures", "import", &file, "--letter", "open-letter-2022", "--skip-invalid"])
        .assert()
        .success()
        .stdout("signed 2, updated 0, unchanged 0, rejected 1\n");
    desk.cmd(&["signatures", "import", &file, "--letter", "open-letter-2022", "--create-missing"])
        .assert()
        .success()
        .stdout("signed 1, updated 0, unchanged 2, rejected 0\n");
    desk.cmd(&["signatures", "import", &file, "--letter", "open-letter-2022", "--create-missing"])
        .assert()
        .success()
        .stdout("signed 0, updated 0, unchanged 3, rejected 0\n");
}

#[test]
fn signature_import_reads_xlsx() {
    let desk = Desk::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Organization", "Signer", "Signer title"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Missing Children Europe").unwrap();
    sheet.write_string(1, 1, "Aagje Ieven").unwrap();
    sheet.write_string(1, 2, "Secretary General").unwrap();
    sheet.write_string(2, 0, "Nowhere Org").unwrap();
    let file = desk.path("partners.xlsx");
    book.save(&file).unwrap();
    desk.cmd(&["signatures", "import", &file, "--letter", "open-letter-2022"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 3: organisation: no match for \"Nowhere Org\""));
    desk.cmd(&["signatures", "import", &file, "--letter", "open-letter-2022", "--skip-invalid"])
        .assert()
        .success()
        .stdout("signed 1, updated 0, unchanged 0, rejected 1\n");
}

#[test]
fn every_export_format_is_written_and_cells_are_inert() {
    let desk = Desk::new();
    desk.cmd(&["orgs", "add", "--name", "=cmd|' /C calc'!A0", "--country", "FR"]).assert().success();
    desk.cmd(&["orgs", "add", "--name", "École de la Paix", "--country", "FR"]).assert().success();
    for org in ["=cmd|' /C calc'!A0", "École de la Paix", "Eurochild", "Thorn"] {
        desk.cmd(&["signatures", "add", "--letter", "open-letter-2022", "--org", org]).assert().success();
    }
    for (format, magic) in [("xlsx", &b"PK"[..]), ("docx", &b"PK"[..]), ("pdf", &b"%PDF"[..])] {
        let out = desk.path(&format!("list.{format}"));
        desk.cmd(&["letters", "export", "open-letter-2022", "--format", format, "--out", &out]).assert().success();
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{format}");
    }
    let csv = desk.cmd(&["letters", "export", "open-letter-2022", "--format", "csv"]).output().unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live cell {cell:?}");
        }
    }
    let md = desk.cmd(&["letters", "export", "open-letter-2022", "--format", "md", "--order", "country", "--group-by-country"]).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Open letter supporting the proposal"), "{md}");
    assert!(md.find("## Belgium").unwrap() < md.find("## France").unwrap(), "{md}");
    let txt = desk.cmd(&["letters", "export", "open-letter-2022", "--format", "txt"]).output().unwrap();
    let txt = String::from_utf8(txt.stdout).unwrap();
    assert!(txt.find("École de la Paix").unwrap() < txt.find("Eurochild").unwrap(), "accents sort among their letter: {txt}");
    assert!(txt.trim_end().ends_with("Signed by 4 organisations from 3 countries."), "{txt}");
}

#[test]
fn duplicates_and_merge_with_undo() {
    let desk = Desk::new();
    desk.cmd(&["orgs", "add", "--name", "IWF", "--country", "GB"]).assert().success();
    let pairs = desk.json(&["orgs", "duplicates", "--format", "json"]);
    let pair = pairs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["a"]["name"] == "IWF" || p["b"]["name"] == "IWF")
        .expect("the acronym is paired with the named organisation")
        .clone();
    let (keep, drop) = if pair["a"]["name"] == "IWF" { (pair["b"]["id"].clone(), pair["a"]["id"].clone()) } else { (pair["a"]["id"].clone(), pair["b"]["id"].clone()) };
    let out = desk.cmd(&["orgs", "merge", keep.as_str().unwrap(), drop.as_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("merged \"IWF\" into \"Internet Watch Foundation\""), "{stdout}");
    let seq = stdout.trim().rsplit(' ').next().unwrap().to_string();
    let count = |desk: &Desk| desk.json(&["orgs", "list", "--format", "json"]).as_array().unwrap().len();
    assert_eq!(count(&desk), 19);
    desk.cmd(&["orgs", "merge", "--undo", &seq]).assert().success().stdout(predicate::str::contains("restored \"IWF\""));
    assert_eq!(count(&desk), 20);
    desk.cmd(&["orgs", "merge", "--undo", "99999"]).assert().code(1);
    desk.cmd(&["orgs", "merge", "only-one"]).assert().code(2);
}
