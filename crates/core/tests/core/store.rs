use coalition_core::store::latest_version;
use coalition_core::{CoreError, Store};

#[test]
fn a_new_file_is_migrated_with_the_pragmas_set() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/coalition.db");
    let store = Store::open(&path).unwrap();
    let (mode, fk, version): (String, i64, u32) = store
        .read(|c| {
            Ok((
                c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                c.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(version, latest_version());
    let busy: i64 = store.read(|c| Ok(c.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?)).unwrap();
    assert!(busy >= 1000);
    assert_eq!(store.info().unwrap().schema_version, latest_version());
}

#[test]
fn data_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.db");
    {
        let store = Store::open(&path).unwrap();
        super::add(&store, "Eurochild", "BE");
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.info().unwrap().organisations, 1);
}

#[test]
fn a_store_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 999").unwrap();
    }
    match Store::open(&path) {
        Err(CoreError::TooNew { found: 999, .. }) => {}
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a newer store was opened"),
    }
}

#[test]
fn tables_are_strict_and_enumerations_checked() {
    let store = super::store();
    let refused = store.write(|c| {
        c.execute(
            "INSERT INTO organisations (id, name, name_key, org_type, country, created_at, updated_at)
             VALUES ('x', 'X', 'x', 'pirate', 'BE', 'now', 'now')",
            [],
        )?;
        Ok(())
    });
    assert!(refused.is_err(), "an unknown type passed the CHECK");
    let refused = store.write(|c| {
        c.execute(
            "INSERT INTO organisations (id, name, name_key, org_type, country, archived, created_at, updated_at)
             VALUES ('x', 'X', 'x', 'ngo', 'BE', 'yes', 'now', 'now')",
            [],
        )?;
        Ok(())
    });
    assert!(refused.is_err(), "STRICT let text into an integer column");
}

#[test]
fn ids_are_uuid_v7() {
    let store = super::store();
    let org = super::add(&store, "Eurochild", "BE").organisation;
    let id = uuid::Uuid::parse_str(&org.id).unwrap();
    assert_eq!(id.get_version_num(), 7);
    assert!(org.created_at.ends_with('Z'), "timestamps are UTC: {}", org.created_at);
}
