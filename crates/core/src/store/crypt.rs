//! Encryption at rest with SQLCipher 4 (its default settings, keyed by a passphrase through
//! `PRAGMA key`): the passphrase type, telling an encrypted file from a plain one without
//! opening it for writing, checking a passphrase without touching the file, and rewriting a
//! store file under another key (encrypt, change passphrase, remove encryption) safely:
//! `sqlcipher_export` into a temporary file beside it, checked, synced, renamed over it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Deserialize;
use zeroize::Zeroize;

use crate::error::{CoreError, Result};

/// The first 16 bytes of every plain SQLite file; an encrypted one starts with random salt.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// The fewest characters a new passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The suffix of the temporary file a rewrite goes through (beside the store).
pub(crate) const REWRITE_SUFFIX: &str = ".rewriting";

/// A passphrase. Never printed (its `Debug` hides it), never serialised, wiped from memory
/// when dropped.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Passphrase(String);

impl Passphrase {
    /// Wraps a passphrase.
    pub fn new(text: impl Into<String>) -> Passphrase {
        Passphrase(text.into())
    }

    /// The passphrase's text, to hand to SQLCipher.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Refuses a passphrase too weak to protect anything (field `passphrase`).
    pub fn check_new(&self) -> Result<()> {
        if self.0.trim().is_empty() {
            return Err(CoreError::invalid("passphrase", "the passphrase cannot be empty"));
        }
        if self.0.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(CoreError::invalid(
                "passphrase",
                format!("the passphrase must have at least {MIN_PASSPHRASE_CHARS} characters"),
            ));
        }
        Ok(())
    }

    /// True when both are the same passphrase.
    pub fn same_as(&self, other: &Passphrase) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        // Compared in full whatever the first difference (no early exit on the content).
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl Drop for Passphrase {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(<hidden>)")
    }
}

/// What a file on disk is, judged from its first bytes only (never opened by SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Missing or empty: a store about to be created.
    Absent,
    /// A plain SQLite file.
    Plain,
    /// An SQLCipher file (random bytes from the first byte on, whole pages).
    Encrypted,
    /// Neither: too short, or not a whole number of pages.
    Unknown,
}

/// Tells what the file at `path` is from its header and size, reading 16 bytes.
pub fn file_kind(path: &Path) -> Result<FileKind> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Absent),
        Err(source) => return Err(CoreError::Io { context: format!("cannot read {}", path.display()), source }),
    };
    if meta.len() == 0 {
        return Ok(FileKind::Absent);
    }
    let mut head = [0u8; 16];
    let read = fs::File::open(path).and_then(|mut f| f.read(&mut head));
    let read = read.map_err(|source| CoreError::Io { context: format!("cannot read {}", path.display()), source })?;
    if read == 16 && &head == SQLITE_HEADER {
        return Ok(FileKind::Plain);
    }
    if meta.len() >= 1024 && meta.len() % 512 == 0 {
        Ok(FileKind::Encrypted)
    } else {
        Ok(FileKind::Unknown)
    }
}

/// True when the store file at `path` is encrypted.
pub fn is_encrypted(path: &Path) -> Result<bool> {
    Ok(file_kind(path)? == FileKind::Encrypted)
}

/// Keys a freshly opened connection: must be its very first statement.
pub(crate) fn apply_key(conn: &Connection, key: &Passphrase) -> Result<()> {
    conn.pragma_update(None, "key", key.expose())?;
    Ok(())
}

/// Opens `path` read-only (never creating or changing it), keyed when `key` is given.
pub(crate) fn open_read_only(path: &Path, key: Option<&Passphrase>) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    if let Some(key) = key {
        // A wrong key is an answer here, not an error to log on stderr.
        quiet(&conn);
        conn.pragma_update(None, "key", key.expose())?;
    }
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

/// Turns SQLCipher's own logging off (it would print every failed page decryption).
fn quiet(conn: &Connection) {
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE");
}

fn is_not_a_database(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(ErrorCode::NotADatabase))
}

/// Checks that `key` opens the encrypted file at `path`, read-only: nothing is written, not
/// even a `-wal` or `-shm` (a wrong key cannot read the first page, so SQLite never learns
/// the file is in WAL mode). `wrong_passphrase` when it does not.
pub fn check_key(path: &Path, key: &Passphrase) -> Result<()> {
    let conn = open_read_only(path, Some(key))?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(error) if is_not_a_database(&error) => Err(CoreError::WrongPassphrase),
        Err(error) => Err(error.into()),
    }
}

/// The key to open `path` with: refuses an encrypted file without one (`passphrase_required`)
/// or with the wrong one (`wrong_passphrase`), and a plain file given one. `None` for a plain
/// or new file.
pub(crate) fn key_for<'k>(path: &Path, key: Option<&'k Passphrase>) -> Result<Option<&'k Passphrase>> {
    match (file_kind(path)?, key) {
        (FileKind::Encrypted, None) => Err(CoreError::PassphraseRequired),
        (FileKind::Encrypted, Some(key)) => {
            check_key(path, key)?;
            Ok(Some(key))
        }
        (FileKind::Plain | FileKind::Unknown, Some(_)) => Err(CoreError::Conflict(format!(
            "the store at {} is not encrypted: open it without a passphrase",
            path.display()
        ))),
        (FileKind::Absent, key) => Ok(key),
        (_, None) => Ok(None),
    }
}

/// The temporary file a rewrite of `db` goes through.
pub(crate) fn rewrite_temp(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}{REWRITE_SUFFIX}", db.display()))
}

/// Removes what an interrupted rewrite of `db` left beside it. The store itself is whole
/// either way: the rename is the rewrite's only step that touches it.
pub(crate) fn clean_stale(db: &Path) {
    let temp = rewrite_temp(db);
    for extra in ["", "-journal", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{extra}", temp.display()));
    }
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> CoreError {
    move |source| CoreError::Io { context, source }
}

/// Copies everything in `conn`'s main database (schema, rows, user_version) into a new file
/// `dest` keyed with `key` (none: plain) through `sqlcipher_export`, then opens `dest` on its
/// own and runs a full integrity check, and syncs it to disk. `dest` must not exist.
pub(crate) fn export_to(conn: &Connection, dest: &Path, key: Option<&Passphrase>) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
    let dest_text = dest.to_str().ok_or_else(|| CoreError::BadFile(format!("{} is not a usable file name", dest.display())))?;
    conn.execute("ATTACH DATABASE ?1 AS rewrite KEY ?2", [dest_text, key.map(Passphrase::expose).unwrap_or("")])?;
    let exported = (|| -> Result<()> {
        conn.query_row("SELECT sqlcipher_export('rewrite')", [], |_| Ok(()))?;
        conn.execute_batch(&format!("PRAGMA rewrite.user_version = {version}"))?;
        Ok(())
    })();
    let detached = conn.execute_batch("DETACH DATABASE rewrite");
    exported?;
    detached?;
    // Checked on its own connection, as the store will open it.
    {
        let check = open_read_only(dest, key)?;
        let rows = check
            .prepare("PRAGMA integrity_check")?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if rows != ["ok"] {
            return Err(CoreError::BadFile(format!("the rewritten store failed its integrity check: {}", rows.join("; "))));
        }
        let copied: i64 = check.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if copied != version {
            return Err(CoreError::BadFile("the rewritten store lost its schema version".into()));
        }
    }
    fs::File::open(dest).and_then(|f| f.sync_all()).map_err(io(format!("cannot write {}", dest.display())))?;
    Ok(())
}

/// Renames `from` over `to` and syncs the folder, so the rename survives a crash.
pub(crate) fn replace(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(io(format!("cannot write {}", to.display())))?;
    if let Some(parent) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Not every platform can open a folder to sync it; the rename is done either way.
        if let Ok(dir) = fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Copies the file `src` (read with `from`, never written: it is only read, but opened
/// read-write because an attached file shares its connection's flags) into a new file `dest`
/// under `to` (none: plain), checked and synced.
pub(crate) fn export_path(src: &Path, from: Option<&Passphrase>, dest: &Path, to: Option<&Passphrase>) -> Result<()> {
    if !src.is_file() {
        return Err(CoreError::BadFile(format!("{} does not exist", src.display())));
    }
    // CREATE: an attached file takes its connection's flags, and the export creates `dest`.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(src, flags)?;
    if let Some(key) = from {
        apply_key(&conn, key)?;
    }
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    export_to(&conn, dest, to)
}

/// Rewrites the file `path` (not open by the store) under `to` (none: plain), read with
/// `from`: through a temporary file beside it, renamed over it. Used for backups.
pub(crate) fn rewrite_file(path: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<()> {
    let temp = rewrite_temp(path);
    clean_stale(path);
    let done = export_path(path, from, &temp, to).and_then(|()| replace(&temp, path));
    if done.is_err() {
        clean_stale(path);
    }
    done
}
