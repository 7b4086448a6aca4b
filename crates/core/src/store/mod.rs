//! The SQLite store: where it lives, how it is opened, and the transaction every write uses.

mod migrations;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

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
/// and a desktop app has one user.
pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, sets the pragmas and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| CoreError::Io {
                context: format!("cannot create the folder {}", parent.display()),
                source,
            })?;
        }
        // A damaged file is refused before anything (migrations included) writes to it.
        crate::backup::check_file(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::prepare(conn, Some(path.to_path_buf()))
    }

    /// Opens a private in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
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
        Ok(Store { conn: Mutex::new(conn), path })
    }

    /// The file behind the store, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (the transaction rolls
        // back on drop), so a poisoned lock is safe to reuse.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs work that needs the connection itself (backup restores replace its content).
    pub(crate) fn with_connection<T>(&self, work: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        work(&mut conn)
    }

    /// Runs read-only work.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.lock();
        work(&conn)
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
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
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
