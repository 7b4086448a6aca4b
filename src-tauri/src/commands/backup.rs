//! Commands for backups, restores and the recovery of a damaged store. One-line wrappers over
//! coalition-core (the restore goes through `Desk`, which may have to open the store again).

use coalition_core::backup::{self, BackupFile, BackupReport, BackupSettings, BackupSettingsInput, RecoveryInfo, RestoreReport};
use coalition_core::store::Passphrase;
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn backup_settings(desk: State<'_, Desk>) -> Reply<BackupSettings> {
    backup::settings(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn backup_settings_set(desk: State<'_, Desk>, input: BackupSettingsInput) -> Reply<BackupSettings> {
    backup::set_settings(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn backups_list(desk: State<'_, Desk>) -> Reply<Vec<BackupFile>> {
    backup::list(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn backup_now(desk: State<'_, Desk>) -> Reply<BackupReport> {
    backup::back_up_now(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn backup_restore(desk: State<'_, Desk>, path: String, passphrase: Option<Passphrase>) -> Reply<RestoreReport> {
    desk.restore(path.as_ref(), passphrase.as_ref())
}

#[tauri::command(async)]
pub fn recovery_info(desk: State<'_, Desk>) -> Reply<RecoveryInfo> {
    desk.recovery_info()
}
