//! Commands for data protection: the export log, sensitive people, the retention review.
//! One-line wrappers over coalition-core, like every command.

use coalition_core::data_protection::{
    self, ExportLogPage, PageQuery, RetentionPage, RetentionQuery, SensitivePage, SensitiveScope,
};
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn privacy_export_log(desk: State<'_, Desk>, page: PageQuery) -> Reply<ExportLogPage> {
    data_protection::export_log(desk.store()?, page).map_err(Into::into)
}

#[tauri::command(async)]
pub fn privacy_sensitive_people(desk: State<'_, Desk>, page: PageQuery) -> Reply<SensitivePage> {
    data_protection::sensitive_people(desk.store()?, page).map_err(Into::into)
}

#[tauri::command(async)]
pub fn privacy_sensitive_count(desk: State<'_, Desk>, scope: SensitiveScope) -> Reply<u32> {
    data_protection::sensitive_count(desk.store()?, &scope).map_err(Into::into)
}

#[tauri::command(async)]
pub fn privacy_retention_review(desk: State<'_, Desk>, query: RetentionQuery) -> Reply<RetentionPage> {
    data_protection::retention_review(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn privacy_retention_years(desk: State<'_, Desk>) -> Reply<u32> {
    data_protection::retention_years(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn privacy_set_retention_years(desk: State<'_, Desk>, years: u32) -> Reply<u32> {
    data_protection::set_retention_years(desk.store()?, years).map_err(Into::into)
}
