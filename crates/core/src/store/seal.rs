//! The seal a clean close leaves beside the store, so that the next open can skip the full
//! quick check when the file is exactly as that close left it.
//!
//! `PRAGMA quick_check` reads every page: on a store of 10k organisations, 100k people and
//! 1M interactions (1.8 GB) that is many seconds before the first screen, at every start of
//! the app and every CLI command. The check exists to catch damage done outside SQLite's
//! transactions (a crash of the disk, a copy cut short, a stray write), and such damage
//! changes the file after it was last closed. So a clean close writes `<store>.sealed` with
//! the file's identity, size and modification time, and the next open trusts the file only
//! when all of them are unchanged and no write-ahead log is pending; otherwise (after a
//! crash, a kill, any change by another program) the full quick check runs as before.
//!
//! The modification time is made unique when sealing: it is set one nanosecond past the
//! last write's. The kernel stamps writes with a clock that moves in whole ticks
//! (milliseconds), so any later write, even within the same tick, leaves a time that differs
//! from the sealed one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What the seal records of the file.
#[derive(Debug, PartialEq, Eq)]
struct Identity {
    size: u64,
    modified_ns: u128,
    inode: u64,
}

const HEADER: &str = "coalition-desk store seal v1";

fn seal_path(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(".sealed");
    PathBuf::from(name)
}

fn identity(store: &Path) -> Option<Identity> {
    let meta = fs::metadata(store).ok()?;
    let modified_ns = meta.modified().ok()?.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_nanos();
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Identity { size: meta.len(), modified_ns, inode })
}

/// True when a write-ahead log with content sits beside the store.
fn wal_pending(store: &Path) -> bool {
    let mut wal = store.as_os_str().to_owned();
    wal.push("-wal");
    fs::metadata(PathBuf::from(wal)).map(|m| m.len() > 0).unwrap_or(false)
}

/// Seals the store file as it is now. The caller has checkpointed the log (it must be
/// empty) and writes nothing more before closing. Best effort: a seal that cannot be
/// written only means a full check at the next open.
pub(crate) fn seal(store: &Path) {
    if wal_pending(store) {
        remove(store);
        return;
    }
    let Ok(file) = fs::OpenOptions::new().write(true).open(store) else { return };
    let Ok(modified) = file.metadata().and_then(|m| m.modified()) else { return };
    if file.set_modified(modified + Duration::from_nanos(1)).is_err() {
        return;
    }
    drop(file);
    let Some(id) = identity(store) else { return };
    let text = format!("{HEADER}\nsize {}\nmodified_ns {}\ninode {}\n", id.size, id.modified_ns, id.inode);
    let path = seal_path(store);
    let written = fs::File::create(&path).and_then(|mut f| f.write_all(text.as_bytes()));
    if written.is_err() {
        let _ = fs::remove_file(path);
    }
}

/// True when the store is exactly as a clean close sealed it. The seal is used up either
/// way: the store is being opened, and only its next clean close seals it again.
pub(crate) fn take_if_unchanged(store: &Path) -> bool {
    let path = seal_path(store);
    let Ok(text) = fs::read_to_string(&path) else { return false };
    let _ = fs::remove_file(&path);
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return false;
    }
    let mut field = |name: &str| lines.next()?.strip_prefix(name)?.trim().parse::<u128>().ok();
    let (Some(size), Some(modified_ns), Some(inode)) = (field("size "), field("modified_ns "), field("inode ")) else {
        return false;
    };
    let sealed = Identity { size: size as u64, modified_ns, inode: inode as u64 };
    !wal_pending(store) && identity(store).is_some_and(|now| now == sealed)
}

/// Forgets the seal (the file is about to change in a way its close will not see).
pub(crate) fn remove(store: &Path) {
    let _ = fs::remove_file(seal_path(store));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_file(dir: &Path) -> PathBuf {
        let path = dir.join("s.db");
        fs::write(&path, vec![7u8; 4096]).unwrap();
        path
    }

    #[test]
    fn an_untouched_file_passes_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = store_file(dir.path());
        seal(&path);
        assert!(take_if_unchanged(&path));
        assert!(!take_if_unchanged(&path), "a seal is used once");
    }

    #[test]
    fn a_write_right_after_sealing_breaks_it_even_in_the_same_clock_tick() {
        let dir = tempfile::tempdir().unwrap();
        let path = store_file(dir.path());
        seal(&path);
        // Same size, written at once: only the modification time can tell.
        use std::os::unix::fs::FileExt;
        fs::OpenOptions::new().write(true).open(&path).unwrap().write_at(&[9u8; 16], 2048).unwrap();
        assert!(!take_if_unchanged(&path));
    }

    #[test]
    fn a_pending_log_a_replaced_file_or_no_seal_means_a_full_check() {
        let dir = tempfile::tempdir().unwrap();
        let path = store_file(dir.path());
        assert!(!take_if_unchanged(&path), "never sealed");

        seal(&path);
        fs::write(dir.path().join("s.db-wal"), b"pending").unwrap();
        assert!(!take_if_unchanged(&path), "a log waits to be applied");
        fs::remove_file(dir.path().join("s.db-wal")).unwrap();

        seal(&path);
        let copy = dir.path().join("copy.db");
        fs::copy(&path, &copy).unwrap();
        fs::rename(&copy, &path).unwrap();
        assert!(!take_if_unchanged(&path), "another file under the same name");

        seal(&path);
        fs::write(seal_path(&path), "something else").unwrap();
        assert!(!take_if_unchanged(&path), "an unreadable seal");
    }
}
