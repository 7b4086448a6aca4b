//! The app and the CLI write to the same store at once: the app's writes go through the core
//! in this process (as the Tauri commands do), while `coalition` processes import files into
//! the same store. Nobody fails with "database is locked", and every write is there.

use std::process::{Command, Stdio};

use coalition_core::organisations::{self, NewOrganisation, OrgType, OrganisationInput, OrganisationQuery};
use coalition_core::Store;

const PROCESSES: usize = 3;
const ROWS_PER_FILE: usize = 300;
const APP_WRITES: usize = 150;

fn csv(process: usize) -> String {
    let mut text = String::from("name,country,type\n");
    for row in 0..ROWS_PER_FILE {
        text.push_str(&format!("Imported {process}-{row:04},BE,ngo\n"));
    }
    text
}

#[test]
fn the_app_and_the_cli_write_at_once_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coalition.db");
    // The app opens the store first and keeps it open, as it does while running.
    let app = Store::open(&db).unwrap();

    let children: Vec<_> = (0..PROCESSES)
        .map(|p| {
            let file = dir.path().join(format!("orgs-{p}.csv"));
            std::fs::write(&file, csv(p)).unwrap();
            Command::new(assert_cmd::cargo::cargo_bin("coalition"))
                .env_remove("COALITION_DB")
                .arg("--db")
                .arg(&db)
                .args(["orgs", "import"])
                .arg(&file)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();

    // Meanwhile the coordinator keeps working in the app: one transaction per write.
    for n in 0..APP_WRITES {
        let input = OrganisationInput {
            name: format!("Typed in the app {n:04}"),
            country: "NL".into(),
            org_type: OrgType::Ngo,
            ..Default::default()
        };
        organisations::create(&app, NewOrganisation { organisation: input, membership: None })
            .unwrap_or_else(|e| panic!("the app's write {n} failed: {e}"));
    }

    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a CLI import failed: {stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }

    let all = organisations::list_all(&app, &OrganisationQuery::default()).unwrap();
    let imported = all.iter().filter(|o| o.name.starts_with("Imported ")).count();
    let typed = all.iter().filter(|o| o.name.starts_with("Typed in the app ")).count();
    assert_eq!(imported, PROCESSES * ROWS_PER_FILE, "every imported row is there");
    assert_eq!(typed, APP_WRITES, "every write from the app is there");
}
