//! Commands for dossiers, stances on them, roll-call votes and the coordinator's profile.
//! One-line wrappers over coalition-core, like every command.

use std::path::PathBuf;

use coalition_core::dossiers::{self, Dossier, DossierDetail, DossierInput, DossierRole, LeadCommittee};
use coalition_core::profile::{self, Profile};
use coalition_core::stances::{
    self, BoardQuery, DossierStances, Stance, StanceBoard, StanceInput, Vote, VoteImportReport, VoteInput, VoteResult,
};
use coalition_core::progress::Operations;
use tauri::ipc::JavaScriptChannelId;
use tauri::{State, Webview};

use super::operations::tracked;
use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn dossiers_list(desk: State<'_, Desk>) -> Reply<Vec<Dossier>> {
    dossiers::list(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dossier_get(desk: State<'_, Desk>, id: String) -> Reply<DossierDetail> {
    dossiers::get(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dossier_create(desk: State<'_, Desk>, input: DossierInput) -> Reply<DossierDetail> {
    dossiers::create(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dossier_update(desk: State<'_, Desk>, id: String, input: DossierInput) -> Reply<DossierDetail> {
    dossiers::update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dossier_committees(desk: State<'_, Desk>) -> Reply<Vec<LeadCommittee>> {
    dossiers::committees(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dossier_role_add(desk: State<'_, Desk>, id: String, person: String, role: DossierRole) -> Reply<DossierDetail> {
    dossiers::add_role(desk.store()?, &id, &person, role).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dossier_role_remove(desk: State<'_, Desk>, id: String) -> Reply<DossierDetail> {
    dossiers::remove_role(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn stance_record(desk: State<'_, Desk>, input: StanceInput) -> Reply<Stance> {
    stances::record(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn stances_for_person(desk: State<'_, Desk>, person: String) -> Reply<Vec<DossierStances>> {
    stances::for_person(desk.store()?, &person).map_err(Into::into)
}

#[tauri::command(async)]
pub fn stance_board(desk: State<'_, Desk>, query: BoardQuery) -> Reply<StanceBoard> {
    stances::board(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn vote_import(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    path: PathBuf,
    input: VoteInput,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<VoteImportReport> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| stances::votes::import_file_with_progress(store, &input, &path, p))
}

#[tauri::command(async)]
pub fn vote_result(desk: State<'_, Desk>, id: String) -> Reply<VoteResult> {
    stances::vote_result(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn votes_list(desk: State<'_, Desk>, dossier: String) -> Reply<Vec<Vote>> {
    stances::votes_on(desk.store()?, &dossier).map_err(Into::into)
}

#[tauri::command(async)]
pub fn vote_accept(desk: State<'_, Desk>, id: String, people: Vec<String>) -> Reply<VoteResult> {
    stances::accept_proposals(desk.store()?, &id, &people).map_err(Into::into)
}

#[tauri::command(async)]
pub fn vote_accept_all(desk: State<'_, Desk>, id: String) -> Reply<VoteResult> {
    stances::accept_all_proposals(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn profile_get(desk: State<'_, Desk>) -> Reply<Profile> {
    profile::get(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn profile_set(desk: State<'_, Desk>, profile: Profile) -> Reply<Profile> {
    profile::set(desk.store()?, profile).map_err(Into::into)
}
