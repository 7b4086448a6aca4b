//! Encryption at rest: passphrases, lock and unlock, encrypting an existing store safely,
//! encrypted backups and restores, and that nothing readable is left on disk.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use coalition_core::backup;
use coalition_core::encryption;
use coalition_core::store::{file_kind, FileKind, Passphrase};
use coalition_core::{demo, ApiError, CoreError, Store};

use super::add;

const PASS: &str = "correct horse battery";
const NAME: &str = "Stichting Kinderpostzegels";

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text)
}

fn code(error: CoreError) -> String {
    ApiError::from(&error).code
}

fn names(store: &Store) -> Vec<String> {
    store
        .read(|c| Ok(c.prepare("SELECT name FROM organisations ORDER BY name")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?))
        .unwrap()
}

/// Every table's row count.
fn counts(store: &Store) -> Vec<(String, i64)> {
    store
        .read(|c| {
            let tables: Vec<String> = c
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search%' ORDER BY name")?
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

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Asserts the file reveals neither the SQLite header nor a known name.
fn assert_unreadable(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(!bytes.is_empty(), "{} is empty", path.display());
    assert!(!contains(&bytes, b"SQLite format 3"), "{} has the plain SQLite header", path.display());
    assert!(!contains(&bytes, NAME.as_bytes()), "{} shows a name in clear", path.display());
    assert_eq!(file_kind(path).unwrap(), FileKind::Encrypted, "{}", path.display());
}

/// The store's file and its side files: bytes and modification times.
fn snapshot(path: &Path) -> Vec<(PathBuf, Option<(Vec<u8>, SystemTime)>)> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|side| {
            let file = PathBuf::from(format!("{}{side}", path.display()));
            let state = std::fs::read(&file).ok().map(|b| (b, std::fs::metadata(&file).unwrap().modified().unwrap()));
            (file, state)
        })
        .collect()
}

fn encrypted_store(dir: &Path) -> PathBuf {
    let path = dir.join("coalition.db");
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    add(&store, NAME, "NL");
    add(&store, "Eurochild", "BE");
    drop(store);
    path
}

#[test]
fn an_encrypted_store_round_trips_and_shows_nothing_in_clear() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_store(dir.path());
    assert_unreadable(&path);
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    assert!(store.is_encrypted());
    assert_eq!(names(&store), ["Eurochild", NAME]);
    // The WAL is encrypted too.
    add(&store, "Terre des Hommes", "CH");
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if let Ok(bytes) = std::fs::read(&wal) {
        assert!(!contains(&bytes, b"Terre des Hommes"), "the WAL shows a name in clear");
    }
}

#[test]
fn no_passphrase_or_a_wrong_one_is_refused_and_never_touches_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_store(dir.path());
    let before = snapshot(&path);
    std::thread::sleep(std::time::Duration::from_millis(20));

    let error = Store::open(&path).err().expect("refused");
    assert_eq!(code(error), "passphrase_required");
    assert_eq!(snapshot(&path), before, "opening without a passphrase changed the files");

    let error = Store::open_with(&path, Some(pass("not the passphrase"))).err().expect("refused");
    assert!(matches!(error, CoreError::WrongPassphrase));
    assert_eq!(error.to_string(), "The passphrase is not right for this store.");
    assert_eq!(code(error), "wrong_passphrase");
    assert_eq!(snapshot(&path), before, "a wrong passphrase changed the files");

    // The integrity check of a plain store is not fooled into calling it damaged.
    assert_eq!(code(backup::check_file(&path).unwrap_err()), "passphrase_required");
    assert!(Store::open_with(&path, Some(pass(PASS))).is_ok());
}

#[test]
fn a_locked_store_refuses_everything_until_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_store(dir.path());
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    store.lock().unwrap();
    assert!(store.is_locked());
    let error = store.info().unwrap_err();
    assert_eq!(error.to_string(), "The store is locked. Enter the passphrase to unlock it.");
    assert_eq!(code(error), "locked");
    assert_eq!(code(store.write(|_| Ok(())).unwrap_err()), "locked");
    assert_eq!(code(backup::back_up_now(&store).unwrap_err()), "locked");
    assert!(encryption::status(&store).unwrap().locked);

    let before = snapshot(&path);
    assert_eq!(code(store.unlock(pass("wrong wrong wrong")).unwrap_err()), "wrong_passphrase");
    assert!(store.is_locked());
    assert_eq!(snapshot(&path), before);

    store.unlock(pass(PASS)).unwrap();
    assert_eq!(names(&store), ["Eurochild", NAME]);
    assert_eq!(store.info().unwrap().organisations, 2);
}

#[test]
fn an_unencrypted_store_cannot_be_locked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("plain.db")).unwrap();
    assert_eq!(code(store.lock().unwrap_err()), "conflict");
    assert!(!store.is_locked());
    assert!(!encryption::status(&store).unwrap().encrypted);
}

#[test]
fn encrypting_an_existing_store_keeps_every_row_and_its_backups_are_encrypted_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.db");
    let store = Store::open(&path).unwrap();
    demo::load(&store).unwrap();
    add(&store, NAME, "NL");
    backup::back_up_now(&store).unwrap();
    backup::back_up_to(&store, &dir.path().join("backups").join("coalition-20250101T000000Z.db")).unwrap();
    assert_eq!(encryption::status(&store).unwrap().plain_backups, 2);
    let rows = counts(&store);

    // Too short a passphrase is refused, nothing changes.
    let error = encryption::encrypt(&store, pass("short")).unwrap_err();
    assert_eq!(ApiError::from(&error).field.as_deref(), Some("passphrase"));
    assert_eq!(file_kind(&path).unwrap(), FileKind::Plain);

    let report = encryption::encrypt(&store, pass(PASS)).unwrap();
    assert_eq!(report.backups_encrypted.len(), 2);
    assert!(store.is_encrypted());
    assert_eq!(counts(&store).into_iter().filter(|(t, _)| t != "audit_log").collect::<Vec<_>>(),
        rows.iter().filter(|(t, _)| t != "audit_log").cloned().collect::<Vec<_>>());
    // The audit log says so, and holds no secret.
    let audit: Vec<String> = store
        .read(|c| Ok(c.prepare("SELECT entity || action || coalesce(before, '') || coalesce(after, '') FROM audit_log")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?))
        .unwrap();
    assert!(audit.iter().any(|a| a.contains("encrypt")));
    assert!(audit.iter().all(|a| !a.contains(PASS)));
    checkpoint(&store);
    assert_unreadable(&path);
    for file in backup::list(&store).unwrap() {
        assert_unreadable(Path::new(&file.path));
    }
    assert_eq!(encryption::status(&store).unwrap().plain_backups, 0);
    drop(store);
    assert!(!PathBuf::from(format!("{}.rewriting", path.display())).exists());

    assert_eq!(code(Store::open(&path).err().unwrap()), "passphrase_required");
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    assert!(names(&store).contains(&NAME.to_string()));
    // A second encryption is refused.
    assert_eq!(code(encryption::encrypt(&store, pass("another passphrase")).unwrap_err()), "conflict");
}

fn checkpoint(store: &Store) {
    store.read(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?)).unwrap();
}

#[test]
fn an_interrupted_encryption_leaves_the_old_store_whole_and_is_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.db");
    let store = Store::open(&path).unwrap();
    add(&store, NAME, "NL");
    checkpoint(&store);
    drop(store);
    // A crash in the middle of the export: half a temporary file beside the store.
    let temp = PathBuf::from(format!("{}.rewriting", path.display()));
    let half: Vec<u8> = (0..6000u32).map(|i| (i * 37 % 251) as u8).collect();
    std::fs::write(&temp, &half).unwrap();
    std::fs::write(format!("{}-journal", temp.display()), b"half a journal").unwrap();

    let store = Store::open(&path).unwrap();
    assert_eq!(names(&store), [NAME]);
    assert!(!temp.exists(), "the stale temporary file is removed");
    assert!(!PathBuf::from(format!("{}-journal", temp.display())).exists());
    // And the encryption then goes through.
    encryption::encrypt(&store, pass(PASS)).unwrap();
    drop(store);
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    assert_eq!(names(&store), [NAME]);
}

#[test]
fn encrypted_backups_list_check_and_restore_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_store(dir.path());
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    let made = backup::back_up_now(&store).unwrap();
    let file = PathBuf::from(&made.backup.path);
    assert_unreadable(&file);
    assert_eq!(backup::list(&store).unwrap().len(), 1);
    assert!(backup::verify_keyed(&file, Some(&pass(PASS))).is_ok());
    assert_eq!(code(backup::verify(&file).unwrap_err()), "passphrase_required");

    add(&store, "Added after the backup", "FR");
    let report = backup::restore(&store, &file).unwrap();
    assert_eq!(names(&store), ["Eurochild", NAME]);
    // The copy of the store kept before the restore is encrypted too.
    assert_unreadable(Path::new(report.kept_current_as.as_deref().unwrap()));

    // A backup under another passphrase needs it; a wrong one changes nothing.
    let other_dir = tempfile::tempdir().unwrap();
    let other = Store::open_with(&other_dir.path().join("other.db"), Some(pass("another passphrase"))).unwrap();
    add(&other, "Only in the other store", "DE");
    let other_backup = other_dir.path().join("other-backup.db");
    backup::back_up_to(&other, &other_backup).unwrap();
    assert!(backup::restore(&store, &other_backup).is_err());
    assert_eq!(names(&store), ["Eurochild", NAME]);
    backup::restore_with(&store, &other_backup, Some(&pass("another passphrase"))).unwrap();
    assert_eq!(names(&store), ["Only in the other store"]);
    // The store keeps its own passphrase.
    drop(store);
    assert!(Store::open_with(&path, Some(pass(PASS))).is_ok());
}

#[test]
fn plain_and_encrypted_backups_restore_across() {
    let dir = tempfile::tempdir().unwrap();
    // A plain backup into an encrypted store: the content becomes encrypted.
    let plain = Store::open(&dir.path().join("plain.db")).unwrap();
    add(&plain, NAME, "NL");
    let plain_backup = dir.path().join("plain-backup.db");
    backup::back_up_to(&plain, &plain_backup).unwrap();
    let path = dir.path().join("secret.db");
    let secret = Store::open_with(&path, Some(pass(PASS))).unwrap();
    add(&secret, "Eurochild", "BE");
    backup::restore(&secret, &plain_backup).unwrap();
    assert_eq!(names(&secret), [NAME]);
    checkpoint(&secret);
    assert_unreadable(&path);
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().starts_with(".restore-")));

    // An encrypted backup into a plain store, with its passphrase.
    let secret_backup = dir.path().join("secret-backup.db");
    backup::back_up_to(&secret, &secret_backup).unwrap();
    add(&plain, "Eurochild", "BE");
    assert_eq!(code(backup::restore(&plain, &secret_backup).unwrap_err()), "passphrase_required");
    backup::restore_with(&plain, &secret_backup, Some(&pass(PASS))).unwrap();
    assert_eq!(names(&plain), [NAME]);

    // Through the path, as the CLI restores: the store's passphrase opens the backup too.
    drop(secret);
    let (store, _) = backup::restore_path_with(&path, &secret_backup, Some(&pass(PASS))).unwrap();
    assert_eq!(names(&store), [NAME]);
}

#[test]
fn changing_the_passphrase_rekeys_the_store_and_its_backups_and_decrypting_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_store(dir.path());
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    let made = backup::back_up_now(&store).unwrap();
    let new = "a much longer passphrase";
    let error = encryption::change_passphrase(&store, &pass("not the current one"), pass(new)).unwrap_err();
    assert_eq!(ApiError::from(&error).field.as_deref(), Some("passphrase"));
    let report = encryption::change_passphrase(&store, &pass(PASS), pass(new)).unwrap();
    assert_eq!(report.backups_encrypted, [made.backup.name.clone()]);
    assert!(coalition_core::store::check_key(Path::new(&made.backup.path), &pass(new)).is_ok());
    assert_eq!(code(coalition_core::store::check_key(Path::new(&made.backup.path), &pass(PASS)).unwrap_err()), "wrong_passphrase");
    drop(store);
    assert_eq!(code(Store::open_with(&path, Some(pass(PASS))).err().unwrap()), "wrong_passphrase");
    let store = Store::open_with(&path, Some(pass(new))).unwrap();
    assert_eq!(names(&store), ["Eurochild", NAME]);

    encryption::decrypt(&store, &pass(new)).unwrap();
    assert!(!store.is_encrypted());
    assert_eq!(file_kind(&path).unwrap(), FileKind::Plain);
    assert_eq!(names(&store), ["Eurochild", NAME]);
    drop(store);
    assert_eq!(names(&Store::open(&path).unwrap()), ["Eurochild", NAME]);
}

#[test]
fn the_passphrase_never_prints_itself() {
    let text = format!("{:?}", pass(PASS));
    assert!(!text.contains("horse"), "{text}");
}

#[test]
fn the_idle_lock_is_one_of_the_offered_times_and_defaults_to_fifteen_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_store(dir.path());
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    assert_eq!(encryption::status(&store).unwrap().idle_lock_minutes, 15);
    assert_eq!(encryption::set_idle_lock(&store, 30).unwrap().idle_lock_minutes, 30);
    assert_eq!(encryption::set_idle_lock(&store, 0).unwrap().idle_lock_minutes, 0);
    let error = encryption::set_idle_lock(&store, 7).unwrap_err();
    assert_eq!(ApiError::from(&error).field.as_deref(), Some("idle_lock_minutes"));
}

#[test]
fn a_damaged_encrypted_store_is_refused_untouched_and_recovered_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.db");
    let store = Store::open_with(&path, Some(pass(PASS))).unwrap();
    demo::load(&store).unwrap();
    add(&store, NAME, "NL");
    backup::back_up_now(&store).unwrap();
    checkpoint(&store);
    drop(store);
    // Garbage over pages in the middle (page 1 spared, so the passphrase still checks out).
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 4 * 4096);
    let middle = (bytes.len() / 2 / 4096) * 4096;
    for (i, b) in bytes[middle..middle + 4096].iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(151).wrapping_add(7);
    }
    std::fs::write(&path, &bytes).unwrap();

    let error = Store::open_with(&path, Some(pass(PASS))).err().expect("refused");
    assert_eq!(ApiError::from(&error).code, "store_damaged", "{error:?}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the check never writes to the damaged file");
    let info = backup::recovery_info_with(&path, Some(&pass(PASS))).unwrap();
    assert_eq!(info.backups.len(), 1);
    assert!(!info.problem.is_empty());

    let (store, report) = backup::recover_with(&path, Path::new(&info.backups[0].path), Some(&pass(PASS))).unwrap();
    assert!(report.damaged_moved_to.is_some());
    assert!(store.is_encrypted());
    assert!(names(&store).contains(&NAME.to_string()));
    checkpoint(&store);
    assert_unreadable(&path);
}
