//! Commands for the home screen's dashboard. One-line wrappers over coalition-core.

use coalition_core::dashboard::{self, Dashboard, StanceBreakdown};
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn dashboard_get(desk: State<'_, Desk>) -> Reply<Dashboard> {
    dashboard::get(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dashboard_set_main_dossier(desk: State<'_, Desk>, dossier: Option<String>) -> Reply<StanceBreakdown> {
    dashboard::set_main_dossier(desk.store()?, dossier.as_deref()).map_err(Into::into)
}

/// The home screen painted its first data (instrumentation for `scripts/measure-app`).
#[tauri::command]
pub fn dashboard_painted() {
    crate::startup::mark("first-data-painted")
}
