//! Encryption at rest as the app and the CLI use it: the store's state (encrypted, locked),
//! encrypting it, changing or removing its passphrase (the store's file and the backups in
//! its folder together), and the idle time after which the app locks.
//!
//! The file work is in `store` (SQLCipher, the safe rewrite); backups in `backup`. The
//! passphrase is never stored nor logged: the audit log records that the store became
//! encrypted, or its passphrase changed, and nothing more.

use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::audit;
use crate::backup;
use crate::error::{CoreError, Result};
use crate::store::Passphrase;
use crate::Store;

/// The setting that holds the idle time before the app locks, in minutes (0: never).
pub const IDLE_KEY: &str = "security.idle_lock_minutes";
/// The idle times offered, in minutes; 0 is "never".
pub const IDLE_CHOICES: [u32; 5] = [0, 5, 15, 30, 60];
/// The idle time of an encrypted store whose coordinator chose none.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// The store's protection, as Settings > Security shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SecurityStatus {
    /// True when the store's file is encrypted with a passphrase.
    pub encrypted: bool,
    /// True while the store is locked (nothing else can be read until it is unlocked).
    pub locked: bool,
    /// Minutes without keyboard or mouse input after which the app locks; 0 never. Only
    /// used for an encrypted store.
    pub idle_lock_minutes: u32,
    /// Backups in the store's folder that are not encrypted (encrypting the store encrypts them).
    pub plain_backups: u32,
}

/// What encrypting, or changing the passphrase, did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EncryptionReport {
    /// True when the store is now encrypted.
    pub encrypted: bool,
    /// The backups rewritten under the new passphrase.
    pub backups_encrypted: Vec<String>,
}

fn idle_minutes(store: &Store) -> Result<u32> {
    let chosen: Option<String> = store.read(|conn| {
        Ok(rusqlite::OptionalExtension::optional(
            conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?.query_row([IDLE_KEY], |r| r.get(0)),
        )?)
    })?;
    Ok(chosen.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_IDLE_MINUTES))
}

/// The store's protection. Works on a locked store too (what is behind the lock reads as 0).
pub fn status(store: &Store) -> Result<SecurityStatus> {
    if store.is_locked() {
        return Ok(SecurityStatus { encrypted: store.is_encrypted(), locked: true, idle_lock_minutes: 0, plain_backups: 0 });
    }
    let plain_backups = match store.path() {
        Some(_) => backup::plain_backups(store).unwrap_or(0),
        None => 0,
    };
    Ok(SecurityStatus { encrypted: store.is_encrypted(), locked: false, idle_lock_minutes: idle_minutes(store)?, plain_backups })
}

/// Sets the idle time before the app locks: one of [`IDLE_CHOICES`] (0: never). Audited.
pub fn set_idle_lock(store: &Store, minutes: u32) -> Result<SecurityStatus> {
    if !IDLE_CHOICES.contains(&minutes) {
        return Err(CoreError::invalid("idle_lock_minutes", "choose never, 5, 15, 30 or 60 minutes"));
    }
    let before = idle_minutes(store)?;
    store.write(|conn| {
        conn.prepare_cached("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
            .execute([IDLE_KEY, &minutes.to_string()])?;
        if before != minutes {
            audit::append(conn, "setting", IDLE_KEY, "update", Some(&json!({"minutes": before})), Some(&json!({"minutes": minutes})))?;
        }
        Ok(())
    })?;
    status(store)
}

/// Encrypts an unencrypted store with `passphrase` (at least 8 characters), then every plain
/// backup in its folder with the same passphrase, so none is left readable without it.
pub fn encrypt(store: &Store, passphrase: Passphrase) -> Result<EncryptionReport> {
    store.encrypt(passphrase)?;
    let backups_encrypted = backup::encrypt_backups(store, None)?;
    Ok(EncryptionReport { encrypted: true, backups_encrypted })
}

/// Changes the passphrase of an encrypted store, then rewrites under the new one every
/// backup in its folder that the old one (or none) opens.
pub fn change_passphrase(store: &Store, current: &Passphrase, new: Passphrase) -> Result<EncryptionReport> {
    store.change_passphrase(current, new)?;
    let backups_encrypted = backup::encrypt_backups(store, Some(current))?;
    Ok(EncryptionReport { encrypted: true, backups_encrypted })
}

/// Removes the encryption of the store (its backups stay encrypted: restoring one asks for
/// the passphrase it was made with).
pub fn decrypt(store: &Store, current: &Passphrase) -> Result<EncryptionReport> {
    store.decrypt(current)?;
    Ok(EncryptionReport { encrypted: false, backups_encrypted: Vec::new() })
}
