use std::path::{Path, PathBuf};

use chrono::{Duration, TimeZone, Utc};
use coalition_core::backup::{self, BackupSettingsInput, Trigger};
use coalition_core::store::latest_version;
use coalition_core::{demo, ApiError, CoreError, Store};

use super::add;

/// Every user table and its row count, from `sqlite_schema`.
fn counts(store: &Store) -> Vec<(String, i64)> {
    store
        .read(|c| {
            let tables: Vec<String> = c
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let mut out = Vec::new();
            for table in tables {
                let n: i64 = c.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0))?;
                out.push((table, n));
            }
            Ok(out)
        })
        .unwrap()
}

/// The counts of the tables that hold data (audit log and settings move with backups).
fn data_counts(store: &Store) -> Vec<(String, i64)> {
    counts(store).into_iter().filter(|(t, _)| t != "audit_log" && t != "settings").collect()
}

fn file_store(dir: &Path) -> (PathBuf, Store) {
    let path = dir.join("coalition.db");
    let store = Store::open(&path).unwrap();
    (path, store)
}

/// Overwrites a run of pages in the middle of the file with garbage (page 1 spared).
fn corrupt(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    assert!(bytes.len() > 4 * 4096, "a file of {} bytes is too small to corrupt in the middle", bytes.len());
    let middle = (bytes.len() / 2 / 4096) * 4096;
    let end = (middle + 3 * 4096).min(bytes.len());
    for (i, b) in bytes[middle..end].iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(151).wrapping_add(7);
    }
    std::fs::write(path, bytes).unwrap();
}

fn checkpoint(store: &Store) {
    store.read(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?)).unwrap();
}

#[test]
fn backup_then_restore_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = file_store(dir.path());
    demo::load(&store).unwrap();
    let at_backup = data_counts(&store);
    assert!(at_backup.iter().any(|(t, n)| t == "organisations" && *n > 10));
    let report = backup::back_up_now(&store).unwrap();
    assert!(Path::new(&report.backup.path).starts_with(dir.path().join("backups")));
    assert!(report.backup.size_bytes > 0);

    // Changes after the backup.
    add(&store, "Added after the backup", "FR");
    store.read(|c| Ok(c.execute("DELETE FROM memberships", [])?)).unwrap();
    let changed = data_counts(&store);
    assert_ne!(changed, at_backup);

    let restored = backup::restore(&store, Path::new(&report.backup.path)).unwrap();
    assert_eq!(data_counts(&store), at_backup, "every row of the backup is back, nothing else");
    assert_eq!(restored.schema_now, latest_version());
    // The store as it was is kept as a backup of its own, and holds the changes.
    let kept = restored.kept_current_as.expect("kept");
    assert!(kept.ends_with("-before-restore.db"), "{kept}");
    let kept_store = Store::open(Path::new(&kept)).unwrap();
    assert_eq!(data_counts(&kept_store), changed);
    // Listed, and marked.
    let list = backup::list(&store).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().any(|f| f.before_restore && f.path == kept));
    // The store works after the restore: reads, writes, reopens.
    add(&store, "Written after the restore", "BE");
    drop(store);
    let reopened = Store::open(&dir.path().join("coalition.db")).unwrap();
    assert_eq!(reopened.info().unwrap().organisations as usize, demo::organisation_count() + 1);
}

#[test]
fn another_connection_sees_the_restored_content() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = file_store(dir.path());
    add(&store, "Before", "BE");
    let report = backup::back_up_now(&store).unwrap();
    add(&store, "After", "BE");
    let other = Store::open(&path).unwrap();
    assert_eq!(other.info().unwrap().organisations, 2);
    backup::restore(&store, Path::new(&report.backup.path)).unwrap();
    assert_eq!(other.info().unwrap().organisations, 1);
}

#[test]
fn a_damaged_backup_is_refused_and_the_store_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = file_store(dir.path());
    demo::load(&store).unwrap();
    let report = backup::back_up_now(&store).unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(&report.backup.path, &copy).unwrap();
    corrupt(&copy);
    add(&store, "Still here", "BE");
    let before = counts(&store);
    let error = backup::restore(&store, &copy).unwrap_err();
    assert!(error.is_refusal());
    let message = ApiError::from(&error).message;
    assert!(message.contains("is damaged and was not restored"), "{message}");
    assert_eq!(counts(&store), before);
    // No copy of the current store was made either.
    assert_eq!(backup::list(&store).unwrap().len(), 1);
    // Not a store at all.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "hello, this is not SQLite at all, just some words in a file").unwrap();
    assert!(backup::restore(&store, &text).is_err());
    assert_eq!(counts(&store), before);
}

#[test]
fn a_backup_from_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = file_store(dir.path());
    add(&store, "Eurochild", "BE");
    let report = backup::back_up_now(&store).unwrap();
    let newer = dir.path().join("newer.db");
    std::fs::copy(&report.backup.path, &newer).unwrap();
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", latest_version() + 1).unwrap();
    }
    add(&store, "Thorn", "US");
    let error = ApiError::from(backup::restore(&store, &newer).unwrap_err());
    assert_eq!(error.code, "bad_file");
    assert!(error.message.contains("newer version of Coalition Desk"), "{}", error.message);
    assert!(error.message.contains(&format!("schema {}", latest_version() + 1)), "{}", error.message);
    assert_eq!(store.info().unwrap().organisations, 2);
}

#[test]
fn a_backup_from_an_older_schema_is_migrated_after_restore() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.db");
    backup::create_at_version(&old, 1).unwrap();
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        c.execute_batch(
            "INSERT INTO organisations (id, name, name_key, org_type, country, created_at, updated_at)
             VALUES ('o1', 'Old Org', 'old org', 'ngo', 'BE', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
             INSERT INTO audit_log (at, entity, entity_id, action) VALUES ('2024-01-01T00:00:00Z', 'organisation', 'o1', 'create');",
        )
        .unwrap();
        let v: u32 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 1);
    }
    let (_, store) = file_store(dir.path());
    add(&store, "Current", "FR");
    let report = backup::restore(&store, &old).unwrap();
    assert_eq!(report.schema_of_backup, 1);
    assert_eq!(report.schema_now, latest_version());
    let names: Vec<String> =
        store.read(|c| Ok(c.prepare("SELECT name FROM organisations")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?)).unwrap();
    assert_eq!(names, ["Old Org"]);
    // Tables of later migrations exist and work.
    add(&store, "New after migration", "DE");
    assert_eq!(super::count(&store, "settings") >= 1, true);
}

#[test]
fn automatic_backups_only_when_something_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = file_store(dir.path());
    let t0 = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    assert!(backup::auto_backup(&store, Trigger::Startup, t0).unwrap().is_none(), "nothing to back up in a new store");
    assert!(!backup::settings(&store).unwrap().changed_since_last_backup);
    add(&store, "Eurochild", "BE");
    assert!(backup::settings(&store).unwrap().changed_since_last_backup);
    let first = backup::auto_backup(&store, Trigger::Startup, t0).unwrap().expect("a change since the last backup");
    assert!(!backup::settings(&store).unwrap().changed_since_last_backup, "the backup's own audit entry is not a change");
    assert!(backup::auto_backup(&store, Trigger::Startup, t0).unwrap().is_none());
    // Periodic: a change, but the interval (4 h by default) has not passed since the last backup.
    add(&store, "Thorn", "US");
    let last_at = chrono::DateTime::parse_from_rfc3339(&backup::settings(&store).unwrap().last_backup_at.unwrap()).unwrap().to_utc();
    assert!(backup::auto_backup(&store, Trigger::Periodic, last_at + Duration::hours(3)).unwrap().is_none());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = backup::auto_backup(&store, Trigger::Periodic, last_at + Duration::hours(4)).unwrap().expect("due");
    assert_ne!(first.backup.name, second.backup.name);
    // Nothing changed since: no backup even long after.
    assert!(backup::auto_backup(&store, Trigger::Periodic, last_at + Duration::hours(40)).unwrap().is_none());
    // Both were made today: the rotation keeps the newest of the day.
    let names: Vec<String> = backup::list(&store).unwrap().into_iter().map(|f| f.name).collect();
    assert_eq!(names, [second.backup.name.clone()]);
    assert_eq!(second.removed, [first.backup.name.clone()]);
    let backed: Store = Store::open(Path::new(&second.backup.path)).unwrap();
    assert_eq!(backed.info().unwrap().organisations, 2);
}

#[test]
fn rotation_deletes_what_it_does_not_keep() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = file_store(dir.path());
    add(&store, "Eurochild", "BE");
    let folder = dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    // One backup a day for the last 100 days (old dates, all before today), plus one kept before a restore.
    let today = Utc::now().date_naive();
    for d in 1..=100 {
        let day = today - Duration::days(d);
        std::fs::write(folder.join(format!("coalition-{}T120000Z.db", day.format("%Y%m%d"))), b"x").unwrap();
    }
    std::fs::write(folder.join("coalition-20200101T000000Z-before-restore.db"), b"x").unwrap();
    std::fs::write(folder.join("unrelated.txt"), b"x").unwrap();
    let report = backup::back_up_now(&store).unwrap();
    let left = backup::list(&store).unwrap();
    assert!(left.iter().any(|f| f.name == report.backup.name));
    assert!(left.iter().any(|f| f.before_restore), "a copy kept before a restore is never rotated away");
    assert!(folder.join("unrelated.txt").exists());
    let regular = left.iter().filter(|f| !f.before_restore).count();
    // 7 days (today and 6 before), 4 weeks and up to 4 months of 100 days: between 12 and 15 files.
    assert!((10..=15).contains(&regular), "{regular} kept: {left:?}");
    assert_eq!(report.removed.len(), 101 - regular);
}

#[test]
fn settings_are_validated_and_the_chosen_folder_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = file_store(dir.path());
    let defaults = backup::settings(&store).unwrap();
    assert_eq!(defaults.interval_hours, 4);
    assert_eq!(Some(defaults.folder.clone()), defaults.default_folder);
    let bad = backup::set_settings(&store, BackupSettingsInput { folder: Some("relative/path".into()), interval_hours: 0 }).unwrap_err();
    let CoreError::Invalid(errors) = bad else { panic!("validation expected") };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["interval_hours", "folder"]);
    let chosen = dir.path().join("elsewhere");
    let saved = backup::set_settings(
        &store,
        BackupSettingsInput { folder: Some(chosen.display().to_string()), interval_hours: 12 },
    )
    .unwrap();
    assert_eq!(saved.folder, chosen.display().to_string());
    assert_eq!(saved.interval_hours, 12);
    let audited: i64 = store.read(|c| Ok(c.query_row("SELECT count(*) FROM audit_log WHERE entity = 'settings'", [], |r| r.get(0))?)).unwrap();
    assert_eq!(audited, 1);
    let report = backup::back_up_now(&store).unwrap();
    assert!(Path::new(&report.backup.path).starts_with(&chosen));
    // Back to the default.
    let reset = backup::set_settings(&store, BackupSettingsInput { folder: None, interval_hours: 12 }).unwrap();
    assert_eq!(Some(reset.folder), reset.default_folder);
}

#[test]
fn a_damaged_store_is_refused_untouched_and_recovered_from_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = file_store(dir.path());
    demo::load(&store).unwrap();
    let report = backup::back_up_now(&store).unwrap();
    let expected = data_counts(&store);
    checkpoint(&store);
    drop(store);
    corrupt(&path);
    let damaged = std::fs::read(&path).unwrap();
    let error = Store::open(&path).err().expect("refused");
    assert_eq!(ApiError::from(&error).code, "store_damaged");
    assert_eq!(std::fs::read(&path).unwrap(), damaged, "the check never writes to the damaged file");

    let info = backup::recovery_info(&path).unwrap();
    assert!(!info.problem.is_empty());
    assert_eq!(info.backups.len(), 1);
    assert_eq!(info.backups[0].path, report.backup.path);

    let (store, restored) = backup::restore_path(&path, Path::new(&report.backup.path)).unwrap();
    assert_eq!(data_counts(&store), expected);
    let aside = restored.damaged_moved_to.expect("moved aside");
    assert_eq!(std::fs::read(&aside).unwrap(), damaged, "the damaged file is kept as it was");
    drop(store);
    assert!(Store::open(&path).is_ok());
}

#[test]
fn a_backup_to_a_chosen_file_is_a_complete_store() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = file_store(dir.path());
    demo::load(&store).unwrap();
    let out = dir.path().join("out/one.db");
    let file = backup::back_up_to(&store, &out).unwrap();
    assert!(file.size_bytes > 0);
    assert!(!Path::new(&format!("{}.partial", out.display())).exists());
    let copy = Store::open(&out).unwrap();
    assert_eq!(data_counts(&copy), data_counts(&store));
    // Not counted as the last backup of the folder.
    assert!(backup::list(&store).unwrap().is_empty());
}

/// A clean close seals the store; the next open trusts the seal only while the file is
/// untouched, so damage done after the close is still found at the next open.
#[test]
fn a_sealed_store_opens_without_the_full_check_but_damage_after_the_close_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = file_store(dir.path());
    demo::load(&store).unwrap();
    let before = data_counts(&store);
    let seal = dir.path().join("coalition.db.sealed");
    drop(store);
    assert!(seal.exists(), "a clean close leaves a seal");

    // Untouched: opens, the seal is used up while the store is open, and sealed again at close.
    let store = Store::open(&path).unwrap();
    assert!(!seal.exists(), "an open store carries no seal");
    assert_eq!(data_counts(&store), before);
    drop(store);
    assert!(seal.exists());

    // Damaged after the close (at once, same size): the seal no longer matches, the quick
    // check runs and refuses the file.
    corrupt(&path);
    match Store::open(&path) {
        Err(CoreError::Damaged { .. }) => {}
        Err(other) => panic!("expected the damaged-store error, got {other}"),
        Ok(_) => panic!("a store damaged after its seal was opened"),
    }
}
