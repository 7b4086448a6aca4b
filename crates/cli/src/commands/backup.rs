//! `coalition backup` and `coalition restore`: copies of the store through SQLite's backup
//! API, and putting one back after checking it.

use std::path::{Path, PathBuf};

use clap::Args;
use coalition_core::backup;
use coalition_core::Store;

use crate::Failure;

#[derive(Args)]
pub(crate) struct BackupArgs {
    /// Write the backup to this file instead of the backup folder (not rotated).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct RestoreArgs {
    /// The backup to restore; it is checked (integrity, schema version) before anything changes.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

pub(crate) fn run_backup(store: &Store, args: BackupArgs) -> Result<(), Failure> {
    match args.out {
        Some(out) => {
            let file = backup::back_up_to(store, &out)?;
            println!("backed up to {} ({} bytes)", file.path, file.size_bytes);
        }
        None => {
            let report = backup::back_up_now(store)?;
            println!("backed up to {} ({} bytes)", report.backup.path, report.backup.size_bytes);
            if !report.removed.is_empty() {
                println!("removed {} older backups by rotation", report.removed.len());
            }
        }
    }
    Ok(())
}

/// Runs before the store is opened: a damaged store can be restored too. When the store or
/// the backup is encrypted, the passphrase (COALITION_PASSPHRASE, or asked for) opens both.
pub(crate) fn run_restore(db: &Path, args: RestoreArgs) -> Result<(), Failure> {
    let encrypted = coalition_core::store::is_encrypted(db)? || coalition_core::store::is_encrypted(&args.file)?;
    let passphrase = if encrypted { Some(super::encryption::current_passphrase()?) } else { None };
    let (_store, report) =
        backup::restore_path_with(db, &args.file, passphrase.as_ref()).map_err(super::encryption::opening_failure)?;
    println!("restored {} (schema {} → {})", report.restored_from, report.schema_of_backup, report.schema_now);
    if let Some(kept) = report.kept_current_as {
        println!("the store as it was is kept at {kept}");
    }
    if let Some(moved) = report.damaged_moved_to {
        println!("the damaged store was moved, untouched, to {moved}");
    }
    Ok(())
}
