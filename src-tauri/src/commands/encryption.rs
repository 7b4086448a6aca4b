//! Commands for encryption at rest and the lock: one-line wrappers over coalition-core (the
//! unlock and the lock go through `Desk`, which may open the store for the first time).

use coalition_core::encryption::{self, EncryptionReport, SecurityStatus};
use coalition_core::store::Passphrase;
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn security_status(desk: State<'_, Desk>) -> Reply<SecurityStatus> {
    desk.security_status()
}

#[tauri::command(async)]
pub fn store_unlock(desk: State<'_, Desk>, passphrase: Passphrase) -> Reply<SecurityStatus> {
    desk.unlock(passphrase)
}

#[tauri::command(async)]
pub fn store_lock(desk: State<'_, Desk>) -> Reply<SecurityStatus> {
    desk.lock()
}

#[tauri::command(async)]
pub fn store_encrypt(desk: State<'_, Desk>, passphrase: Passphrase) -> Reply<EncryptionReport> {
    encryption::encrypt(desk.store()?, passphrase).map_err(Into::into)
}

#[tauri::command(async)]
pub fn store_change_passphrase(desk: State<'_, Desk>, current: Passphrase, new: Passphrase) -> Reply<EncryptionReport> {
    encryption::change_passphrase(desk.store()?, &current, new).map_err(Into::into)
}

#[tauri::command(async)]
pub fn store_decrypt(desk: State<'_, Desk>, current: Passphrase) -> Reply<EncryptionReport> {
    encryption::decrypt(desk.store()?, &current).map_err(Into::into)
}

#[tauri::command(async)]
pub fn security_set_idle_lock(desk: State<'_, Desk>, minutes: u32) -> Reply<SecurityStatus> {
    encryption::set_idle_lock(desk.store()?, minutes).map_err(Into::into)
}
