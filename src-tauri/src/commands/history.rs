//! Commands for a record's history and undo. One-line wrappers over coalition-core.

use coalition_core::history::{self, HistoryPage, UndoReport};
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn history_for_record(desk: State<'_, Desk>, entity: String, id: String, offset: u32, limit: u32) -> Reply<HistoryPage> {
    history::for_record(desk.store()?, &entity, &id, offset, limit).map_err(Into::into)
}

#[tauri::command(async)]
pub fn history_undo(desk: State<'_, Desk>, seq: u32) -> Reply<UndoReport> {
    history::undo(desk.store()?, seq).map_err(Into::into)
}

#[tauri::command(async)]
pub fn history_undo_last(desk: State<'_, Desk>) -> Reply<UndoReport> {
    history::undo_last(desk.store()?).map_err(Into::into)
}
