//! Commands for People, their affiliations, import and export.
//! One-line wrappers over coalition-core, like every command.

use coalition_core::organisations::{ColumnChoice, ImportOptions};
use coalition_core::people::{
    self, AffiliationInput, NewPerson, OrganisationPerson, PeopleImportReport, PersonDetail, PersonDuplicate, PersonInput,
    PersonPage, PersonQuery,
};
use coalition_core::progress::Operations;
use tauri::ipc::JavaScriptChannelId;
use tauri::{State, Webview};

use super::operations::tracked;
use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn people_list(desk: State<'_, Desk>, query: PersonQuery) -> Reply<PersonPage> {
    people::list(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn person_get(desk: State<'_, Desk>, id: String) -> Reply<PersonDetail> {
    people::detail(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn person_create(desk: State<'_, Desk>, input: NewPerson) -> Reply<PersonDetail> {
    people::create(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn person_update(desk: State<'_, Desk>, id: String, input: PersonInput) -> Reply<PersonDetail> {
    people::update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn person_set_archived(desk: State<'_, Desk>, id: String, archived: bool) -> Reply<PersonDetail> {
    people::set_archived(desk.store()?, &id, archived).map_err(Into::into)
}

/// `id` is the person's.
#[tauri::command(async)]
pub fn affiliation_add(desk: State<'_, Desk>, id: String, input: AffiliationInput) -> Reply<PersonDetail> {
    people::add_affiliation(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn affiliation_update(desk: State<'_, Desk>, id: String, input: AffiliationInput) -> Reply<PersonDetail> {
    people::update_affiliation(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn affiliation_end(desk: State<'_, Desk>, id: String, on: Option<String>) -> Reply<PersonDetail> {
    people::end_affiliation(desk.store()?, &id, on).map_err(Into::into)
}

#[tauri::command(async)]
pub fn affiliation_delete(desk: State<'_, Desk>, id: String) -> Reply<PersonDetail> {
    people::delete_affiliation(desk.store()?, &id).map_err(Into::into)
}

/// `id` is the organisation's.
#[tauri::command(async)]
pub fn organisation_people(desk: State<'_, Desk>, id: String) -> Reply<Vec<OrganisationPerson>> {
    people::for_organisation(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn people_duplicates(desk: State<'_, Desk>) -> Reply<Vec<PersonDuplicate>> {
    people::duplicates(desk.store()?).map_err(Into::into)
}

/// With `operation` and `on_progress` the import reports its progress and can be cancelled.
#[tauri::command(async)]
pub fn people_import(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    path: String,
    options: ImportOptions,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<PeopleImportReport> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| people::import_file_with_progress(store, path.as_ref(), options, p))
}

#[tauri::command(async)]
pub fn people_guess_columns(headers: Vec<String>) -> Reply<Vec<ColumnChoice>> {
    Ok(people::guess_columns(&headers))
}

#[tauri::command(async)]
pub fn people_export_csv(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    query: PersonQuery,
    path: String,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<u64> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| people::export_csv_file_with_progress(store, &query, path.as_ref(), p))
}

#[tauri::command(async)]
pub fn people_export_json(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    query: PersonQuery,
    path: String,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<u64> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| people::export_json_file_with_progress(store, &query, path.as_ref(), p))
}
