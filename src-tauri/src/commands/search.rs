//! The command palette's global search. A one-line wrapper over coalition-core.

use coalition_core::search::{self, SearchHit};
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn search(desk: State<'_, Desk>, query: String, limit: u32) -> Reply<Vec<SearchHit>> {
    search::search(desk.store()?, &query, limit).map_err(Into::into)
}
