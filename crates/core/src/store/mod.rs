//! The SQLite store: where it lives, how it is opened, and the transaction every write uses.

mod crypt;
mod migrations;
pub(crate) mod seal;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use serde_json::json;

use crate::audit;
use crate::error::{CoreError, FieldError, Result};

pub use crypt::{check_key, file_kind, is_encrypted, FileKind, Passphrase, MIN_PASSPHRASE_CHARS, SQLITE_HEADER};
pub(crate) use crypt::{export_path, open_read_only, rewrite_file};
pub use migrations::{latest_version, migrations};

/// The app's identifier; the default store lives in the platform's app-data folder under it.
pub const APP_IDENTIFIER: &str = "org.coalitiondesk.app";
/// The environment variable that overrides the store's path, for the CLI and the app alike.
pub const DB_ENV: &str = "COALITION_DB";
/// The store's file name inside the app-data folder.
pub const DB_FILE: &str = "coalition.db";

/// How long a writer waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Facts about an open store, shown in the app's status bar.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StoreInfo {
    /// The file the store lives in.
    pub path: String,
    /// The schema version it is at.
    pub schema_version: u32,
    /// Organisations held, archived included.
    pub organisations: u32,
}

/// The default store path: `--db`, then `COALITION_DB`, then the platform's app-data folder.
pub fn resolve_path(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let base = dirs::data_dir().ok_or_else(|| {
        CoreError::BadFile("no app-data folder is known on this system; pass --db PATH or set COALITION_DB".into())
    })?;
    Ok(base.join(APP_IDENTIFIER).join(DB_FILE))
}

/// An open store. One connection, shared behind a mutex: SQLite serialises writers anyway,
/// and a desktop app has one user. An encrypted store can be locked: its connection is
/// closed and its passphrase forgotten until [`Store::unlock`].
pub struct Store {
    conn: Mutex<Option<Connection>>,
    key: Mutex<Option<Passphrase>>,
    encrypted: AtomicBool,
    path: Option<PathBuf>,
}

/// A store dropped while open seals itself (best effort), like the app's exit: the next
/// open skips the full quick check if nothing touched the file in between.
impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.seal();
    }
}

impl Store {
    /// Opens (creating if needed) the unencrypted store at `path`, sets the pragmas and
    /// migrates it. An encrypted store gives `passphrase_required`, untouched.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, None)
    }

    /// Opens the store at `path` with its passphrase (none for an unencrypted store). A new
    /// file given a passphrase is created encrypted. An encrypted store without one gives
    /// `passphrase_required`, with a wrong one `wrong_passphrase`; neither writes to the file.
    pub fn open_with(path: &Path, passphrase: Option<Passphrase>) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| CoreError::Io {
                context: format!("cannot create the folder {}", parent.display()),
                source,
            })?;
        }
        // What an interrupted encryption left beside the store goes; the store is whole.
        crypt::clean_stale(path);
        let key = crypt::key_for(path, passphrase.as_ref())?.cloned();
        if let Some(key) = &key {
            key.check_new().or_else(|error| if path.exists() { Ok(()) } else { Err(error) })?;
        }
        // A damaged file is refused before anything (migrations included) writes to it.
        crate::backup::check_on_open(path, key.as_ref())?;
        let conn = Self::connect(path, key.as_ref())?;
        Ok(Store {
            conn: Mutex::new(Some(conn)),
            encrypted: AtomicBool::new(key.is_some()),
            key: Mutex::new(key),
            path: Some(path.to_path_buf()),
        })
    }

    /// Opens a private in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Self::prepare(Connection::open_in_memory()?)?;
        Ok(Store { conn: Mutex::new(Some(conn)), key: Mutex::new(None), encrypted: AtomicBool::new(false), path: None })
    }

    /// Opens the file for writing, keyed first of all, then prepared and migrated.
    fn connect(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if let Some(key) = key {
            crypt::apply_key(&conn, key)?;
        }
        Self::prepare(conn)
    }

    fn prepare(mut conn: Connection) -> Result<Connection> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // journal_mode answers with a row, so it is queried rather than executed.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
        // The search index's triggers call these, and the migration back-fills with them.
        crate::search::register_functions(&conn)?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        let known = i64::from(latest_version());
        if found > known {
            return Err(CoreError::TooNew { found, known });
        }
        migrations().to_latest(&mut conn)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(conn)
    }

    /// Seals the store as it is now (see [`seal`]): the log is checkpointed into the file and
    /// the file's identity recorded beside it, so the next open can skip the full quick check
    /// if nothing touches the file in between. Any later write breaks the seal. The app calls
    /// this when it exits; a store dropped while open seals itself.
    pub fn seal(&self) -> Result<()> {
        let Some(path) = self.path.as_deref() else { return Ok(()) };
        let guard = self.guard();
        let Some(conn) = guard.as_ref() else { return Ok(()) };
        let (busy, _, _): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        if busy == 0 {
            seal::seal(path);
        }
        Ok(())
    }

    /// The file behind the store, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the store is encrypted (locked or not).
    pub fn is_encrypted(&self) -> bool {
        self.encrypted.load(Ordering::SeqCst)
    }

    /// True while the store is locked.
    pub fn is_locked(&self) -> bool {
        self.guard().is_none()
    }

    /// The passphrase of the open encrypted store (for its backups); `None` when plain.
    pub(crate) fn key(&self) -> Option<Passphrase> {
        self.key.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Locks an encrypted store: closes its connection (every read and write then gives
    /// `locked`) and wipes its passphrase from memory. An unencrypted store cannot be locked.
    pub fn lock(&self) -> Result<()> {
        if !self.is_encrypted() {
            return Err(CoreError::Conflict("an unencrypted store cannot be locked: protect it with a passphrase first".into()));
        }
        let mut conn = self.guard();
        if let Some(open) = conn.take() {
            open.flush_prepared_statement_cache();
            // A failed close still releases the handle when `open` is dropped.
            let _ = open.close();
        }
        // Dropping the passphrase wipes it.
        *self.key.lock().unwrap_or_else(|p| p.into_inner()) = None;
        Ok(())
    }

    /// Unlocks a locked store with its passphrase (`wrong_passphrase` otherwise, the file
    /// untouched). Unlocking an open store checks the passphrase and changes nothing.
    pub fn unlock(&self, passphrase: Passphrase) -> Result<()> {
        let path = self.path.as_deref().ok_or_else(|| CoreError::Conflict("a store in memory is never locked".into()))?;
        let mut conn = self.guard();
        let key = crypt::key_for(path, Some(&passphrase))?;
        if conn.is_none() {
            crate::backup::check_on_open(path, key)?;
            *conn = Some(Self::connect(path, key)?);
        }
        *self.key.lock().unwrap_or_else(|p| p.into_inner()) = Some(passphrase);
        Ok(())
    }

    /// Encrypts an unencrypted store with `passphrase` (at least 8 characters): the file is
    /// rewritten through a temporary copy beside it, checked, then renamed over it. Audited
    /// (without the passphrase).
    pub fn encrypt(&self, passphrase: Passphrase) -> Result<()> {
        passphrase.check_new()?;
        if self.is_encrypted() {
            return Err(CoreError::Conflict("this store is already encrypted: change its passphrase instead".into()));
        }
        self.rewrite(Some(passphrase), "encrypt")
    }

    /// Changes the passphrase of an encrypted store; `current` must be its passphrase.
    pub fn change_passphrase(&self, current: &Passphrase, new: Passphrase) -> Result<()> {
        self.check_current(current)?;
        new.check_new().map_err(|_| {
            CoreError::invalid("new_passphrase", format!("the new passphrase must have at least {} characters", crypt::MIN_PASSPHRASE_CHARS))
        })?;
        self.rewrite(Some(new), "change_passphrase")
    }

    /// Removes the encryption of an encrypted store; `current` must be its passphrase.
    pub fn decrypt(&self, current: &Passphrase) -> Result<()> {
        self.check_current(current)?;
        self.rewrite(None, "decrypt")
    }

    fn check_current(&self, current: &Passphrase) -> Result<()> {
        if !self.is_encrypted() {
            return Err(CoreError::Conflict("this store is not encrypted".into()));
        }
        match self.key() {
            None => Err(CoreError::Locked),
            Some(key) if key.same_as(current) => Ok(()),
            Some(_) => Err(CoreError::Invalid(vec![FieldError::new("passphrase", "The passphrase is not right for this store.")])),
        }
    }

    /// Rewrites the store's file under `to` (none: plain) and reopens it. Before the rename
    /// the old file is untouched; the rename replaces it whole. A crash leaves one or the
    /// other, complete, and a stale temporary file that the next open removes.
    fn rewrite(&self, to: Option<Passphrase>, action: &str) -> Result<()> {
        let path = self.path.clone().ok_or_else(|| CoreError::Conflict("a store in memory cannot be encrypted".into()))?;
        let was_encrypted = self.is_encrypted();
        let old_key = self.key();
        let mut guard = self.guard();
        let conn = guard.as_ref().ok_or(CoreError::Locked)?;
        conn.flush_prepared_statement_cache();
        // Everything in the WAL goes into the main file, which the export then reads.
        let _: (i64, i64, i64) = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let temp = crypt::rewrite_temp(&path);
        crypt::clean_stale(&path);
        if let Err(error) = crypt::export_to(conn, &temp, to.as_ref()) {
            crypt::clean_stale(&path);
            return Err(error);
        }
        if let Some(old) = guard.take() {
            let _ = old.close();
        }
        // The old WAL is empty after the checkpoint and the close; never left beside the new file.
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{side}", path.display()));
        }
        let replaced = crypt::replace(&temp, &path);
        if replaced.is_err() {
            crypt::clean_stale(&path);
        }
        let key = if replaced.is_ok() { to } else { old_key };
        *guard = Some(Self::connect(&path, key.as_ref())?);
        replaced?;
        self.encrypted.store(key.is_some(), Ordering::SeqCst);
        *self.key.lock().unwrap_or_else(|p| p.into_inner()) = key;
        let conn = guard.as_mut().ok_or(CoreError::Locked)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        audit::append(
            &tx,
            "setting",
            "store.encryption",
            action,
            Some(&json!({"encrypted": was_encrypted})),
            Some(&json!({"encrypted": self.is_encrypted()})),
        )?;
        tx.commit()?;
        Ok(())
    }

    fn guard(&self) -> MutexGuard<'_, Option<Connection>> {
        // A panic while holding the lock leaves SQLite consistent (the transaction rolls
        // back on drop), so a poisoned lock is safe to reuse.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs work that needs the connection itself (backup restores replace its content).
    pub(crate) fn with_connection<T>(&self, work: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.guard();
        work(conn.as_mut().ok_or(CoreError::Locked)?)
    }

    /// Runs read-only work.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.guard();
        work(conn.as_ref().ok_or(CoreError::Locked)?)
    }

    /// Runs a write in one IMMEDIATE transaction: committed if `work` succeeds, rolled back
    /// otherwise. Audit entries are appended inside `work`, so they share its fate.
    pub fn write<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.write_then(true, work)
    }

    /// Like [`Store::write`], but rolls back even on success when `commit` is false: a dry run
    /// that goes through exactly the same code as the real thing.
    pub fn write_then<T>(&self, commit: bool, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.write_deciding(|conn| work(conn).map(|value| (value, commit)))
    }

    /// Runs a write whose work decides at the end whether to commit (`true`) or roll back.
    pub fn write_deciding<T>(&self, work: impl FnOnce(&Connection) -> Result<(T, bool)>) -> Result<T> {
        let mut conn = self.guard();
        let tx = conn.as_mut().ok_or(CoreError::Locked)?.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (value, commit) = work(&tx)?;
        if commit {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        Ok(value)
    }

    /// Facts shown in the status bar.
    pub fn info(&self) -> Result<StoreInfo> {
        self.read(|conn| {
            let schema_version: u32 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
            let organisations: u32 = conn.query_row("SELECT count(*) FROM organisations", [], |row| row.get(0))?;
            Ok(StoreInfo {
                path: self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| ":memory:".into()),
                schema_version,
                organisations,
            })
        })
    }
}

/// A new UUIDv7 id, as text.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current UTC time, as RFC 3339 with milliseconds.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Today's date where the coordinator is.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
