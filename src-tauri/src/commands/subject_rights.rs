//! Commands for a data subject's rights: the subject-access export and erasure. One-line
//! wrappers over coalition-core.

use std::path::PathBuf;

use coalition_core::subject_rights::{self, ErasurePreview};
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn sar_write(desk: State<'_, Desk>, person_id: String, dir: PathBuf) -> Reply<Vec<PathBuf>> {
    subject_rights::write_sar(desk.store()?, &person_id, &dir).map_err(Into::into)
}

#[tauri::command(async)]
pub fn erasure_preview(desk: State<'_, Desk>, person_id: String) -> Reply<ErasurePreview> {
    subject_rights::erasure_preview(desk.store()?, &person_id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn person_erase(desk: State<'_, Desk>, person_id: String, confirm: String) -> Reply<ErasurePreview> {
    subject_rights::erase(desk.store()?, &person_id, &confirm).map_err(Into::into)
}
