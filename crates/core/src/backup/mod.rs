//! Backups of the store through SQLite's online backup API, their rotation, restores (checked
//! for integrity and schema version first, the current store kept as a backup of its own),
//! and the integrity check a store passes before it is opened for writing.
//!
//! Backups go to a folder (`backup.folder` in `settings`, by default `backups/` beside the
//! store), named `<store stem>-YYYYMMDDTHHMMSSZ.db` in UTC. The copy kept before a restore
//! ends in `-before-restore.db` and is never rotated away. `backup.last_seq` records the
//! newest audit entry a backup holds, so "changed since the last backup" is one indexed query.

pub mod rotation;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::store::{check_key, file_kind, latest_version, migrations, open_read_only, FileKind, Passphrase};
use crate::Store;

const FOLDER_KEY: &str = "backup.folder";
const INTERVAL_KEY: &str = "backup.interval_hours";
const LAST_SEQ_KEY: &str = "backup.last_seq";
const LAST_AT_KEY: &str = "backup.last_at";
/// Hours between automatic backups while the app runs, unless the coordinator chose otherwise.
pub const DEFAULT_INTERVAL_HOURS: u32 = 4;
/// The folder beside the store that holds backups unless another was chosen.
pub const DEFAULT_FOLDER: &str = "backups";
const STAMP_FORMAT: &str = "%Y%m%dT%H%M%SZ";
const BEFORE_RESTORE: &str = "-before-restore";
/// The audit entity of backups and restores; its entries are not changes to back up.
const AUDIT_ENTITY: &str = "backup";

/// Where backups go and how often they are made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    /// The folder backups go to (absolute).
    pub folder: String,
    /// The folder used when none is chosen: `backups/` beside the store.
    pub default_folder: Option<String>,
    /// Hours between automatic backups while the app runs.
    pub interval_hours: u32,
    /// When the last backup to the folder was made (UTC, RFC 3339).
    pub last_backup_at: Option<String>,
    /// True when something changed since that backup.
    pub changed_since_last_backup: bool,
}

/// What the coordinator may change about backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettingsInput {
    /// An absolute folder, or none for the default.
    pub folder: Option<String>,
    /// Hours between automatic backups, 1 to 168.
    pub interval_hours: u32,
}

/// One backup file in the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupFile {
    /// The file name.
    pub name: String,
    /// The full path.
    pub path: String,
    /// When it was made (UTC, RFC 3339), from its name.
    pub created_at: String,
    /// Its size in bytes.
    pub size_bytes: u64,
    /// True for the copy of the store kept before a restore (never rotated away).
    pub before_restore: bool,
}

/// The result of a backup to the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupReport {
    /// The new backup.
    pub backup: BackupFile,
    /// Names of older backups the rotation deleted.
    pub removed: Vec<String>,
}

/// The result of a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreReport {
    /// The backup the store now holds.
    pub restored_from: String,
    /// Where the store as it was before the restore was kept.
    pub kept_current_as: Option<String>,
    /// Where a damaged store was moved, untouched, when it was the one replaced.
    pub damaged_moved_to: Option<String>,
    /// The backup's schema version.
    pub schema_of_backup: u32,
    /// The store's schema version after the restore (newer when the backup was migrated).
    pub schema_now: u32,
}

/// What the recovery screen shows when the store failed its integrity check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecoveryInfo {
    /// The damaged store.
    pub path: String,
    /// SQLite's complaint.
    pub problem: String,
    /// Backups found for it, newest first.
    pub backups: Vec<BackupFile>,
}

/// Why an automatic backup is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The app started: back up when anything changed since the last backup.
    Startup,
    /// The periodic timer: back up when the interval has passed and anything changed.
    Periodic,
}

// ---------------------------------------------------------------------------------------------
// Integrity

fn io(context: String) -> impl FnOnce(std::io::Error) -> CoreError {
    move |source| CoreError::Io { context, source }
}

/// Runs `PRAGMA quick_check` or `integrity_check` on a file opened read-only (keyed when
/// encrypted): `None` when it is sound, else SQLite's first complaints.
fn examine(path: &Path, pragma: &str, key: Option<&Passphrase>) -> rusqlite::Result<Option<String>> {
    let conn = open_read_only(path, key)?;
    let mut statement = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows = statement.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows != ["ok"]).then(|| rows.into_iter().take(3).collect::<Vec<_>>().join("; ")))
}

fn is_corruption(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase))
}

/// The problem SQLite finds in a file, `None` when it is sound; `thorough` runs the full
/// `integrity_check` rather than `quick_check`.
fn problem_of(path: &Path, thorough: bool, key: Option<&Passphrase>) -> Result<Option<String>> {
    match examine(path, if thorough { "integrity_check" } else { "quick_check" }, key) {
        Ok(problem) => Ok(problem),
        Err(error) if is_corruption(&error) => Ok(Some(error.to_string())),
        // SQLCipher reports a page whose HMAC fails (once the key opened page 1) as a plain
        // SQLITE_ERROR: in an encrypted file that is damage.
        Err(error) if key.is_some() && error.sqlite_error_code() == Some(ErrorCode::Unknown) => {
            Ok(Some(format!("a page failed its authentication check ({error})")))
        }
        Err(error) => Err(error.into()),
    }
}

/// The quick integrity check a store file passes before it is opened for writing. A missing
/// or empty file passes (it is about to be created). Never writes to the file. An encrypted
/// file needs [`check_file_keyed`].
pub fn check_file(path: &Path) -> Result<()> {
    check_file_keyed(path, None)
}

/// [`check_file`] for a store that may be encrypted: `key` is its passphrase (checked first:
/// `passphrase_required` or `wrong_passphrase` before any integrity verdict).
pub fn check_file_keyed(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let key = match (file_kind(path)?, key) {
        (FileKind::Absent, _) => return Ok(()),
        (FileKind::Encrypted, None) => return Err(CoreError::PassphraseRequired),
        (FileKind::Encrypted, Some(key)) => {
            check_key(path, key)?;
            Some(key)
        }
        _ => None,
    };
    match problem_of(path, false, key)? {
        None => Ok(()),
        Some(problem) => Err(CoreError::Damaged { path: path.display().to_string(), problem }),
    }
}

/// The check a store gets as it is opened: the quick check, unless the file is exactly as
/// its last clean close sealed it (`store::seal`: same file, size and modification time, no
/// pending log), when reading its header (or its first page, with the key) is enough.
pub(crate) fn check_on_open(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    if !crate::store::seal::take_if_unchanged(path) {
        return check_file_keyed(path, key);
    }
    match (file_kind(path)?, key) {
        (FileKind::Absent | FileKind::Plain, _) => Ok(()),
        (FileKind::Encrypted, None) => Err(CoreError::PassphraseRequired),
        (FileKind::Encrypted, Some(key)) => check_key(path, key),
        (FileKind::Unknown, _) => check_file_keyed(path, key),
    }
}

/// Checks a backup before it is restored: sound (full `integrity_check`) and not made by a
/// newer schema. Returns its schema version. An encrypted backup needs [`verify_keyed`].
pub fn verify(file: &Path) -> Result<u32> {
    verify_keyed(file, None)
}

/// The passphrase a backup file needs: `None` for a plain one, `passphrase_required` or
/// `wrong_passphrase` for an encrypted one that `key` does not open.
fn backup_key<'k>(file: &Path, key: Option<&'k Passphrase>) -> Result<Option<&'k Passphrase>> {
    match (file_kind(file)?, key) {
        (FileKind::Encrypted, None) => Err(CoreError::PassphraseRequired),
        (FileKind::Encrypted, Some(key)) => match check_key(file, key) {
            Ok(()) => Ok(Some(key)),
            Err(CoreError::WrongPassphrase) => Err(CoreError::Invalid(vec![FieldError::new(
                "passphrase",
                format!("The passphrase is not right for the backup {}.", file.display()),
            )])),
            Err(other) => Err(other),
        },
        _ => Ok(None),
    }
}

/// [`verify`] for a backup that may be encrypted with `key` (a plain backup ignores it).
pub fn verify_keyed(file: &Path, key: Option<&Passphrase>) -> Result<u32> {
    let shown = file.display();
    let meta = fs::metadata(file).map_err(io(format!("cannot read the backup {shown}")))?;
    if !meta.is_file() || meta.len() == 0 {
        return Err(CoreError::BadFile(format!("{shown} is not a backup of a Coalition Desk store")));
    }
    let key = backup_key(file, key)?;
    if let Some(problem) = problem_of(file, true, key)? {
        return Err(CoreError::BadFile(format!("the backup {shown} is damaged and was not restored: {problem}")));
    }
    let conn = open_read_only(file, key)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let has_audit: bool = conn
        .query_row("SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log')", [], |row| row.get(0))?;
    if version < 1 || !has_audit {
        return Err(CoreError::BadFile(format!("{shown} is not a backup of a Coalition Desk store")));
    }
    let known = i64::from(latest_version());
    if version > known {
        return Err(CoreError::BadFile(format!(
            "the backup {shown} was made by a newer version of Coalition Desk (schema {version}, this version knows up to {known}); update the app to restore it"
        )));
    }
    Ok(version as u32)
}

// ---------------------------------------------------------------------------------------------
// Settings

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?)
}

fn put(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => conn
            .prepare_cached("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
            .execute(params![key, value])?,
        None => conn.prepare_cached("DELETE FROM settings WHERE key = ?1")?.execute([key])?,
    };
    Ok(())
}

/// `backups/` beside the store file.
fn default_folder_for(db: &Path) -> PathBuf {
    let parent = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let parent = std::path::absolute(parent).unwrap_or_else(|_| parent.to_path_buf());
    parent.join(DEFAULT_FOLDER)
}

fn stem_of(db: Option<&Path>) -> String {
    db.and_then(|p| p.file_stem()).map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "coalition".into())
}

struct Place {
    folder: PathBuf,
    stem: String,
}

fn place(store: &Store, conn: &Connection) -> Result<Place> {
    let chosen = setting(conn, FOLDER_KEY)?.map(PathBuf::from);
    let folder = match (chosen, store.path()) {
        (Some(folder), _) => folder,
        (None, Some(db)) => default_folder_for(db),
        (None, None) => {
            return Err(CoreError::Conflict("this store lives in memory: choose a folder for its backups first".into()))
        }
    };
    Ok(Place { folder, stem: stem_of(store.path()) })
}

fn interval(conn: &Connection) -> Result<u32> {
    Ok(setting(conn, INTERVAL_KEY)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_INTERVAL_HOURS))
}

fn last_seq(conn: &Connection) -> Result<i64> {
    Ok(setting(conn, LAST_SEQ_KEY)?.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// True when an audited change (other than backups themselves) came after the last backup.
fn changed_since(conn: &Connection, seq: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM audit_log WHERE seq > ?1 AND entity <> ?2)")?
        .query_row(params![seq, AUDIT_ENTITY], |r| r.get(0))?)
}

/// Where backups go, how often, and whether one is due.
pub fn settings(store: &Store) -> Result<BackupSettings> {
    store.read(|conn| {
        let folder = match place(store, conn) {
            Ok(place) => place.folder.display().to_string(),
            Err(_) => String::new(),
        };
        Ok(BackupSettings {
            folder,
            default_folder: store.path().map(|db| default_folder_for(db).display().to_string()),
            interval_hours: interval(conn)?,
            last_backup_at: setting(conn, LAST_AT_KEY)?,
            changed_since_last_backup: changed_since(conn, last_seq(conn)?)?,
        })
    })
}

/// Changes the folder (none: the default) and the interval. Audited.
pub fn set_settings(store: &Store, input: BackupSettingsInput) -> Result<BackupSettings> {
    let folder = input.folder.map(|f| f.trim().to_string()).filter(|f| !f.is_empty());
    let mut errors = Vec::new();
    if !(1..=168).contains(&input.interval_hours) {
        errors.push(FieldError::new("interval_hours", "the interval must be between 1 and 168 hours"));
    }
    if let Some(folder) = &folder {
        let path = Path::new(folder);
        if !path.is_absolute() {
            errors.push(FieldError::new("folder", format!("\"{folder}\" is not a full path to a folder")));
        } else if let Err(error) = fs::create_dir_all(path) {
            errors.push(FieldError::new("folder", format!("cannot use the folder {folder}: {error}")));
        } else if !path.is_dir() {
            errors.push(FieldError::new("folder", format!("{folder} is not a folder")));
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    store.write(|conn| {
        let before = json!({"folder": setting(conn, FOLDER_KEY)?, "interval_hours": interval(conn)?});
        put(conn, FOLDER_KEY, folder.as_deref())?;
        put(conn, INTERVAL_KEY, Some(&input.interval_hours.to_string()))?;
        let after = json!({"folder": folder, "interval_hours": input.interval_hours});
        if let Some((was, now)) = audit::diff(&before, &after) {
            audit::append(conn, "settings", "backup", "update", Some(&was), Some(&now))?;
        }
        Ok(())
    })?;
    settings(store)
}

// ---------------------------------------------------------------------------------------------
// Files

fn stamp_of(name: &str, stem: &str) -> Option<(NaiveDateTime, bool)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(".db")?;
    let stamp = rest.get(..16)?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).ok()?;
    let suffix = &rest[16..];
    let counter = |s: &str| s.is_empty() || (s.starts_with('-') && s.len() > 1 && s[1..].bytes().all(|b| b.is_ascii_digit()));
    if counter(suffix) {
        Some((at, false))
    } else {
        suffix.strip_prefix(BEFORE_RESTORE).filter(|s| counter(s)).map(|_| (at, true))
    }
}

fn list_in(folder: &Path, stem: &str) -> Result<Vec<BackupFile>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(io(format!("cannot read the folder {}", folder.display()))(error)),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((at, before_restore)) = stamp_of(&name, stem) else { continue };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        files.push(BackupFile {
            path: entry.path().display().to_string(),
            name,
            created_at: at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            size_bytes: meta.len(),
            before_restore,
        });
    }
    files.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.name.cmp(&a.name)));
    Ok(files)
}

/// The backups in the folder, newest first.
pub fn list(store: &Store) -> Result<Vec<BackupFile>> {
    let place = store.read(|conn| place(store, conn))?;
    list_in(&place.folder, &place.stem)
}

/// A file name in `folder` for a backup made `at`, not yet taken.
fn fresh_name(folder: &Path, stem: &str, at: DateTime<Utc>, suffix: &str) -> PathBuf {
    let stamp = at.format(STAMP_FORMAT);
    let mut path = folder.join(format!("{stem}-{stamp}{suffix}.db"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{stamp}{suffix}-{n}.db"));
        n += 1;
    }
    path
}

/// Copies every page in one step; while another connection holds a lock, waits up to 20 s.
fn run_backup(backup: &Backup<'_, '_>) -> Result<()> {
    for _ in 0..400 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    Err(CoreError::Conflict("the store stayed busy (another program is writing to it); try again in a moment".into()))
}

/// Copies the database of `src` (in its current read transaction, if any) to `dest`,
/// through a `.partial` file renamed into place, so `dest` is either absent or complete.
/// `key` encrypts the copy: it must be the key `src` is encrypted with (none when plain).
fn copy_to(src: &Connection, dest: &Path, key: Option<&Passphrase>) -> Result<()> {
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(io(format!("cannot create the folder {}", parent.display())))?;
    }
    let partial = PathBuf::from(format!("{}.partial", dest.display()));
    let _ = fs::remove_file(&partial);
    let written = (|| -> Result<()> {
        let mut out = Connection::open(&partial)?;
        if let Some(key) = key {
            out.pragma_update(None, "key", key.expose())?;
        }
        run_backup(&Backup::new(src, &mut out)?)?;
        // A backup is a single self-contained file, whatever the live store's journal mode.
        let _mode: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        drop(out);
        fs::File::open(&partial).and_then(|f| f.sync_all()).map_err(io(format!("cannot write {}", partial.display())))?;
        fs::rename(&partial, dest).map_err(io(format!("cannot write {}", dest.display())))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

fn file_of(path: &Path, stem: &str) -> Result<BackupFile> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let meta = fs::metadata(path).map_err(io(format!("cannot read {}", path.display())))?;
    let (at, before_restore) = stamp_of(&name, stem).unwrap_or((Utc::now().naive_utc(), false));
    Ok(BackupFile {
        path: path.display().to_string(),
        name,
        created_at: at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        size_bytes: meta.len(),
        before_restore,
    })
}

/// Copies the store into `dest` and returns the highest audit seq the copy holds.
fn snapshot(conn: &Connection, dest: &Path, key: Option<&Passphrase>) -> Result<i64> {
    let tx = conn.unchecked_transaction()?;
    // Read inside the transaction the backup copies, so the figure matches the copy.
    let seq: i64 = tx.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| r.get(0))?;
    copy_to(&tx, dest, key)?;
    tx.rollback()?;
    Ok(seq)
}

/// Backs the store up to the folder now, then rotates the folder's backups. Audited.
pub fn back_up_now(store: &Store) -> Result<BackupReport> {
    let place = store.read(|conn| place(store, conn))?;
    let dest = fresh_name(&place.folder, &place.stem, Utc::now(), "");
    let key = store.key();
    let seq = store.read(|conn| snapshot(conn, &dest, key.as_ref()))?;
    let backup = file_of(&dest, &place.stem)?;
    store.write(|conn| {
        audit::append(conn, AUDIT_ENTITY, &backup.name, "create", None, Some(&json!({"file": backup.path, "up_to_seq": seq})))?;
        put(conn, LAST_SEQ_KEY, Some(&seq.to_string()))?;
        put(conn, LAST_AT_KEY, Some(&crate::store::now()))
    })?;
    let removed = rotate(&place.folder, &place.stem)?;
    Ok(BackupReport { backup, removed })
}

/// Backs the store up to exactly `out` (outside the rotation, not counted as the last backup).
pub fn back_up_to(store: &Store, out: &Path) -> Result<BackupFile> {
    let key = store.key();
    store.read(|conn| snapshot(conn, out, key.as_ref()))?;
    file_of(out, "")
}

/// Deletes the folder's backups that the rotation does not keep; returns their names.
fn rotate(folder: &Path, stem: &str) -> Result<Vec<String>> {
    let files: Vec<BackupFile> = list_in(folder, stem)?.into_iter().filter(|f| !f.before_restore).collect();
    let stamps: Vec<(NaiveDateTime, &BackupFile)> =
        files.iter().filter_map(|f| stamp_of(&f.name, stem).map(|(at, _)| (at, f))).collect();
    let kept = rotation::keep(&stamps.iter().map(|(at, _)| *at).collect::<Vec<_>>());
    let mut seen_kept = std::collections::BTreeSet::new();
    let mut removed = Vec::new();
    // Newest first: of several files with the same second, the first one is kept.
    for (at, file) in stamps {
        if kept.contains(&at) && seen_kept.insert(at) {
            continue;
        }
        fs::remove_file(&file.path).map_err(io(format!("cannot delete the old backup {}", file.path)))?;
        removed.push(file.name.clone());
    }
    Ok(removed)
}

/// Makes an automatic backup when one is due: at startup when anything changed since the last
/// backup, periodically when the interval has also passed since it. `None` when not due.
pub fn auto_backup(store: &Store, trigger: Trigger, now: DateTime<Utc>) -> Result<Option<BackupReport>> {
    let due = store.read(|conn| {
        if !changed_since(conn, last_seq(conn)?)? {
            return Ok(false);
        }
        if trigger == Trigger::Startup {
            return Ok(true);
        }
        let last = setting(conn, LAST_AT_KEY)?.and_then(|at| DateTime::parse_from_rfc3339(&at).ok());
        Ok(match last {
            None => true,
            Some(last) => now.signed_duration_since(last) >= chrono::Duration::hours(i64::from(interval(conn)?)),
        })
    })?;
    if due {
        back_up_now(store).map(Some)
    } else {
        Ok(None)
    }
}

/// [`auto_backup`] at the current time: what the app's startup and its timer call.
pub fn auto_backup_now(store: &Store, trigger: Trigger) -> Result<Option<BackupReport>> {
    auto_backup(store, trigger, Utc::now())
}

// ---------------------------------------------------------------------------------------------
// Restore

fn remember(conn: &Connection) -> Result<(Option<String>, Option<String>)> {
    Ok((setting(conn, FOLDER_KEY)?, setting(conn, INTERVAL_KEY)?))
}

/// After a restore: the backup settings of the store as it was come back (they describe this
/// computer, not the backup), the restored content counts as backed up, and the restore is
/// audited.
fn after_restore(conn: &Connection, kept: (Option<String>, Option<String>), from: &Path, kept_as: Option<&str>) -> Result<()> {
    put(conn, FOLDER_KEY, kept.0.as_deref())?;
    put(conn, INTERVAL_KEY, kept.1.as_deref())?;
    let seq: i64 = conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| r.get(0))?;
    put(conn, LAST_SEQ_KEY, Some(&seq.to_string()))?;
    audit::append(
        conn,
        AUDIT_ENTITY,
        &from.display().to_string(),
        "restore",
        None,
        Some(&json!({"file": from.display().to_string(), "kept_current_as": kept_as})),
    )
}

/// Restores `file` into the open store: checks it ([`verify`]), keeps the current store as a
/// backup of its own, replaces the store's content through the backup API (other connections
/// see the new content), then migrates it when it is older. An encrypted backup is opened
/// with the store's own passphrase; [`restore_with`] takes another.
pub fn restore(store: &Store, file: &Path) -> Result<RestoreReport> {
    restore_with(store, file, None)
}

/// [`restore`] with the passphrase of an encrypted backup (none: the store's own). The
/// restored content takes the store's encryption (or none), whatever the backup's was.
pub fn restore_with(store: &Store, file: &Path, passphrase: Option<&Passphrase>) -> Result<RestoreReport> {
    let store_key = store.key();
    let given = passphrase.or(store_key.as_ref());
    let schema_of_backup = verify_keyed(file, given)?;
    let file_key = backup_key(file, given)?;
    let (place, kept) = store.read(|conn| Ok((place(store, conn)?, remember(conn)?)))?;
    let keep_as = fresh_name(&place.folder, &place.stem, Utc::now(), BEFORE_RESTORE);
    store.read(|conn| snapshot(conn, &keep_as, store_key.as_ref()))?;
    // SQLCipher's backup API joins two plain files or two encrypted ones (any keys), never
    // a plain one and an encrypted one.
    let same_kind = file_key.is_some() == store_key.is_some();
    store.with_connection(|conn| {
        conn.flush_prepared_statement_cache();
        let src = open_read_only(file, file_key)?;
        if same_kind {
            run_backup(&Backup::new(&src, conn)?)?;
        } else {
            // The backup goes through a transient copy under the store's key first.
            let dir = tempfile_dir(store)?;
            let bridge = dir.join(format!(".restore-{}.db", crate::store::new_id()));
            let _ = fs::remove_file(&bridge);
            let copied = (|| -> Result<()> {
                crate::store::export_path(file, file_key, &bridge, store_key.as_ref())?;
                let bridged = open_read_only(&bridge, store_key.as_ref())?;
                let copied = run_backup(&Backup::new(&bridged, conn)?);
                copied
            })();
            let _ = fs::remove_file(&bridge);
            copied?;
        }
        drop(src);
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        migrations().to_latest(conn)?;
        Ok(())
    })?;
    let kept_as = keep_as.display().to_string();
    store.write(|conn| after_restore(conn, kept, file, Some(&kept_as)))?;
    Ok(RestoreReport {
        restored_from: file.display().to_string(),
        kept_current_as: Some(kept_as),
        damaged_moved_to: None,
        schema_of_backup,
        schema_now: store.info()?.schema_version,
    })
}

/// The folder beside the store, where a restore's transient copy goes (same disk, same
/// protection as the store itself).
fn tempfile_dir(store: &Store) -> Result<PathBuf> {
    let db = store.path().ok_or_else(|| CoreError::Conflict("this store lives in memory".into()))?;
    Ok(db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf())
}

/// Replaces a damaged store at `db` with `file`: the backup is checked first, the damaged
/// file (and its `-wal`, `-shm`) is moved aside untouched, the backup copied in place and
/// opened (migrated when older). Returns the open store.
pub fn recover(db: &Path, file: &Path) -> Result<(Store, RestoreReport)> {
    recover_with(db, file, None)
}

/// [`recover`] from a backup that may be encrypted with `passphrase`: the recovered store is
/// encrypted like the backup (with the same passphrase) or plain like it.
pub fn recover_with(db: &Path, file: &Path, passphrase: Option<&Passphrase>) -> Result<(Store, RestoreReport)> {
    let schema_of_backup = verify_keyed(file, passphrase)?;
    let file_key = backup_key(file, passphrase)?;
    let stamp = Utc::now().format(STAMP_FORMAT);
    let aside = PathBuf::from(format!("{}.damaged-{stamp}", db.display()));
    let mut moved = None;
    if db.exists() {
        fs::rename(db, &aside).map_err(io(format!("cannot move the damaged store {} aside", db.display())))?;
        moved = Some(aside.display().to_string());
    }
    for extension in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{extension}", db.display()));
        if side.exists() {
            let to = PathBuf::from(format!("{}{extension}", aside.display()));
            fs::rename(&side, &to).map_err(io(format!("cannot move {} aside", side.display())))?;
        }
    }
    let partial = PathBuf::from(format!("{}.restoring", db.display()));
    {
        let src = open_read_only(file, file_key)?;
        copy_to(&src, &partial, file_key)?;
    }
    fs::rename(&partial, db).map_err(io(format!("cannot write {}", db.display())))?;
    let store = Store::open_with(db, file_key.cloned())?;
    store.write(|conn| {
        let kept = remember(conn)?;
        after_restore(conn, kept, file, None)
    })?;
    let schema_now = store.info()?.schema_version;
    Ok((
        store,
        RestoreReport { restored_from: file.display().to_string(), kept_current_as: None, damaged_moved_to: moved, schema_of_backup, schema_now },
    ))
}

/// Restores `file` into the store at `db`, whether that store is sound ([`restore`]) or
/// damaged ([`recover`]). The backup is checked before anything else happens.
pub fn restore_path(db: &Path, file: &Path) -> Result<(Store, RestoreReport)> {
    restore_path_with(db, file, None)
}

/// [`restore_path`] with a passphrase: the store's when it is encrypted, and the backup's
/// too when it is encrypted.
pub fn restore_path_with(db: &Path, file: &Path, passphrase: Option<&Passphrase>) -> Result<(Store, RestoreReport)> {
    verify_keyed(file, passphrase)?;
    let store_key = if file_kind(db)? == FileKind::Encrypted { passphrase.cloned() } else { None };
    match Store::open_with(db, store_key) {
        Ok(store) => {
            let report = restore_with(&store, file, passphrase)?;
            Ok((store, report))
        }
        Err(CoreError::Damaged { .. }) => recover_with(db, file, passphrase),
        Err(error) => Err(error),
    }
}

/// Encrypts with the store's passphrase every backup in its folder that is plain, or that
/// `previous` opens (the passphrase before a change), so no backup is left readable without
/// the current passphrase. Each goes through a checked copy renamed over it. Returns the
/// names of the backups rewritten.
pub fn encrypt_backups(store: &Store, previous: Option<&Passphrase>) -> Result<Vec<String>> {
    let key = store.key().ok_or_else(|| CoreError::Conflict("this store is not encrypted".into()))?;
    let mut done = Vec::new();
    for file in list(store)? {
        let path = PathBuf::from(&file.path);
        let from = match file_kind(&path)? {
            FileKind::Plain => None,
            FileKind::Encrypted => match previous {
                Some(previous) if !previous.same_as(&key) && check_key(&path, previous).is_ok() => Some(previous),
                _ => continue,
            },
            _ => continue,
        };
        crate::store::rewrite_file(&path, from, Some(&key))?;
        done.push(file.name);
    }
    Ok(done)
}

/// How many backups in the store's folder are not encrypted (a plain store's all are).
pub fn plain_backups(store: &Store) -> Result<u32> {
    let mut count = 0;
    for file in list(store)? {
        if file_kind(Path::new(&file.path))? == FileKind::Plain {
            count += 1;
        }
    }
    Ok(count)
}

/// What the recovery screen needs about a store that failed its check: the problem and the
/// backups found in the default folder and, when the damaged file still says, the chosen one.
pub fn recovery_info(db: &Path) -> Result<RecoveryInfo> {
    recovery_info_with(db, None)
}

/// [`recovery_info`] for an encrypted store, with the passphrase that opened it (damaged).
pub fn recovery_info_with(db: &Path, key: Option<&Passphrase>) -> Result<RecoveryInfo> {
    let problem = match check_file_keyed(db, key) {
        Err(CoreError::Damaged { problem, .. }) => problem,
        Err(other) => other.to_string(),
        Ok(()) => String::new(),
    };
    let stem = stem_of(Some(db));
    let mut folders = vec![default_folder_for(db)];
    // The chosen folder may still be readable from the damaged file; never required.
    let chosen = open_read_only(db, key)
        .ok()
        .and_then(|conn| conn.query_row("SELECT value FROM settings WHERE key = ?1", [FOLDER_KEY], |r| r.get::<_, String>(0)).ok());
    if let Some(chosen) = chosen.map(PathBuf::from).filter(|f| !folders.contains(f)) {
        folders.push(chosen);
    }
    let mut backups = Vec::new();
    for folder in folders {
        backups.extend(list_in(&folder, &stem).unwrap_or_default());
    }
    backups.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.name.cmp(&a.name)));
    Ok(RecoveryInfo { path: db.display().to_string(), problem, backups })
}

/// Creates a store file at schema `version` (only the first `version` migrations), for tests
/// of restores from older versions.
#[doc(hidden)]
pub fn create_at_version(path: &Path, version: usize) -> Result<()> {
    let mut conn = Connection::open(path)?;
    migrations().to_version(&mut conn, version)?;
    Ok(())
}
