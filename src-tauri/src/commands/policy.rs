//! Commands for Policy-makers, MEPs (the Parliament's list and its sync), committees and dossiers.
//! One-line wrappers over coalition-core, like every command.

use std::path::Path;

use coalition_core::policy::{
    self, Committee, CommitteeMembershipInput, FetchProgress, MepFetch, MepSyncReport, PolicyMaker, PolicyMakerInput,
    PolicyMakerPage, PolicyMakerQuery, PoliticalGroup,
};
use coalition_core::progress::Operations;
use tauri::ipc::{Channel, JavaScriptChannelId};
use tauri::{State, Webview};

use super::operations::tracked;
use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn policy_makers_list(desk: State<'_, Desk>, query: PolicyMakerQuery) -> Reply<PolicyMakerPage> {
    policy::list(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn policy_maker_get(desk: State<'_, Desk>, id: String) -> Reply<PolicyMaker> {
    policy::get(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn policy_maker_create(desk: State<'_, Desk>, input: PolicyMakerInput) -> Reply<PolicyMaker> {
    policy::create(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn policy_maker_update(desk: State<'_, Desk>, id: String, input: PolicyMakerInput) -> Reply<PolicyMaker> {
    policy::update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn committees_list(desk: State<'_, Desk>) -> Reply<Vec<Committee>> {
    policy::committees(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn political_groups() -> Reply<Vec<PoliticalGroup>> {
    Ok(policy::groups())
}

#[tauri::command(async)]
pub fn committee_membership_add(desk: State<'_, Desk>, id: String, input: CommitteeMembershipInput) -> Reply<PolicyMaker> {
    policy::committee_add(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn committee_membership_end(desk: State<'_, Desk>, membership: String, ends_on: Option<String>) -> Reply<PolicyMaker> {
    policy::committee_end(desk.store()?, &membership, ends_on).map_err(Into::into)
}

/// What importing the list at `path` would do; nothing is written.
#[tauri::command(async)]
pub fn meps_preview(desk: State<'_, Desk>, path: String) -> Reply<MepSyncReport> {
    policy::import_file(desk.store()?, Path::new(&path), true).map_err(Into::into)
}

/// Applies the list at `path`; with `operation` and `on_progress` it reports its progress and
/// can be cancelled.
#[tauri::command(async)]
pub fn meps_import(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    path: String,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<MepSyncReport> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| policy::import_file_with_progress(store, Path::new(&path), false, p))
}

/// Downloads the Parliament's list (or `COALITION_EP_URL`'s) with progress; writes nothing.
#[tauri::command(async)]
pub fn meps_fetch(desk: State<'_, Desk>, on_progress: Channel<FetchProgress>) -> Reply<MepFetch> {
    policy::fetch(desk.store()?, None, &mut |p| drop(on_progress.send(p))).map_err(Into::into)
}
