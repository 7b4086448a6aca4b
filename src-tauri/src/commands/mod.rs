//! The commands the UI invokes. Each takes the state, calls the core, maps the error:
//! no SQL and no business rules here.

use coalition_core::countries::{self, Country};
use coalition_core::demo::{self, DemoReport};
use coalition_core::letters::import::{
    self as signature_import, RowDecision, RowMatch, SignatureColumns, SignatureImportOptions, SignatureImportReport,
    TablePreview,
};
use coalition_core::letters::publish::ExportOptions;
use coalition_core::letters::{
    self, InviteReport, InviteSegment, LetterDetail, LetterInput, LetterSummary, MatrixQuery, NotYetSigned, SignatureInput,
    SignatureMatrix,
};
use coalition_core::matching::DuplicatePair;
use coalition_core::memberships::{self, MembershipUpdate, NewMembership, StatusChangeInput};
use coalition_core::organisations::{
    self, ColumnChoice, ImportOptions, ImportReport, MergeReport, NewOrganisation, Organisation, OrganisationDetail, OrganisationInput,
    OrganisationPage, OrganisationQuery,
};
use coalition_core::seats::{self, SeatTerm};
use coalition_core::store::StoreInfo;
use coalition_core::progress::Operations;
use coalition_core::ApiError;
use tauri::ipc::JavaScriptChannelId;
use tauri::{State, Webview};

use crate::Desk;
use operations::tracked;

pub mod dashboard;
pub mod data_protection;
pub mod backup;
pub mod encryption;
pub mod events;
pub mod history;
pub mod interactions;
pub mod operations;
pub mod people;
pub mod search;
pub mod policy;
pub mod stances;
pub mod subject_rights;

pub(crate) type Reply<T> = Result<T, ApiError>;

#[tauri::command(async)]
pub fn store_info(desk: State<'_, Desk>) -> Reply<StoreInfo> {
    desk.store()?.info().map_err(Into::into)
}

#[tauri::command(async)]
pub fn countries_list() -> Reply<Vec<Country>> {
    Ok(countries::all())
}

#[tauri::command(async)]
pub fn orgs_list(desk: State<'_, Desk>, query: OrganisationQuery) -> Reply<OrganisationPage> {
    organisations::list(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn org_get(desk: State<'_, Desk>, id: String) -> Reply<OrganisationDetail> {
    organisations::get(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn org_create(desk: State<'_, Desk>, input: NewOrganisation) -> Reply<OrganisationDetail> {
    organisations::create(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn org_update(desk: State<'_, Desk>, id: String, input: OrganisationInput) -> Reply<OrganisationDetail> {
    organisations::update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn org_set_archived(desk: State<'_, Desk>, id: String, archived: bool) -> Reply<OrganisationDetail> {
    organisations::set_archived(desk.store()?, &id, archived).map_err(Into::into)
}

#[tauri::command(async)]
pub fn membership_start(desk: State<'_, Desk>, id: String, membership: NewMembership) -> Reply<OrganisationDetail> {
    memberships::start(desk.store()?, &id, membership).map_err(Into::into)
}

#[tauri::command(async)]
pub fn membership_change_status(desk: State<'_, Desk>, id: String, change: StatusChangeInput) -> Reply<OrganisationDetail> {
    memberships::change_status(desk.store()?, &id, change).map_err(Into::into)
}

#[tauri::command(async)]
pub fn membership_update(desk: State<'_, Desk>, id: String, update: MembershipUpdate) -> Reply<OrganisationDetail> {
    memberships::update(desk.store()?, &id, update).map_err(Into::into)
}

#[tauri::command(async)]
pub fn orgs_export_csv(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    query: OrganisationQuery,
    path: String,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<u64> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| organisations::export_csv_file_with_progress(store, &query, path.as_ref(), p))
}

/// `operation` and `on_progress` are optional: with them the import reports its progress and
/// can be cancelled (`cancel_operation`).
#[tauri::command(async)]
pub fn orgs_import(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    path: String,
    options: ImportOptions,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<ImportReport> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| organisations::import_file_with_progress(store, path.as_ref(), options, p))
}

#[tauri::command(async)]
pub fn orgs_guess_columns(headers: Vec<String>) -> Reply<Vec<ColumnChoice>> {
    Ok(organisations::guess_columns(&headers))
}

#[tauri::command(async)]
pub fn demo_load(desk: State<'_, Desk>) -> Reply<DemoReport> {
    demo::load(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letters_list(desk: State<'_, Desk>) -> Reply<Vec<LetterSummary>> {
    letters::list(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letter_get(desk: State<'_, Desk>, id: String) -> Reply<LetterDetail> {
    letters::get(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letter_create(desk: State<'_, Desk>, input: LetterInput) -> Reply<LetterDetail> {
    letters::create(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letter_update(desk: State<'_, Desk>, id: String, input: LetterInput) -> Reply<LetterDetail> {
    letters::update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn signature_set(desk: State<'_, Desk>, id: String, organisation: String, input: SignatureInput) -> Reply<LetterDetail> {
    letters::sign(desk.store()?, &id, &organisation, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letter_invite(desk: State<'_, Desk>, id: String, segment: InviteSegment) -> Reply<InviteReport> {
    letters::invite(desk.store()?, &id, &segment).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letter_not_signed(desk: State<'_, Desk>, id: String, segment: InviteSegment) -> Reply<Vec<NotYetSigned>> {
    letters::not_yet_signed(desk.store()?, &id, &segment).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letter_preview(desk: State<'_, Desk>, id: String, options: ExportOptions, include_sensitive: Option<bool>) -> Reply<String> {
    letters::preview_with(desk.store()?, &id, &options, include_sensitive.unwrap_or(false)).map_err(Into::into)
}

#[tauri::command(async)]
pub fn letter_export(
    desk: State<'_, Desk>,
    operations: State<'_, Operations>,
    webview: Webview,
    id: String,
    options: ExportOptions,
    path: String,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
    include_sensitive: Option<bool>,
) -> Reply<u32> {
    let store = desk.store()?;
    let include = include_sensitive.unwrap_or(false);
    tracked(&operations, &webview, operation, on_progress, |p| letters::export_file_with_progress(store, &id, &options, path.as_ref(), include, p))
}

#[tauri::command(async)]
pub fn signatures_matrix(desk: State<'_, Desk>, query: MatrixQuery) -> Reply<SignatureMatrix> {
    letters::matrix(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn matrix_export_csv(desk: State<'_, Desk>, query: MatrixQuery, path: String) -> Reply<u32> {
    letters::export_matrix_csv_file(desk.store()?, &query, path.as_ref()).map_err(Into::into)
}

#[tauri::command(async)]
pub fn import_preview(path: String) -> Reply<TablePreview> {
    signature_import::preview_path(path.as_ref()).map_err(Into::into)
}

#[tauri::command(async)]
pub fn signatures_analyse(desk: State<'_, Desk>, path: String, columns: SignatureColumns) -> Reply<Vec<RowMatch>> {
    signature_import::analyse_path(desk.store()?, path.as_ref(), &columns).map_err(Into::into)
}

#[tauri::command(async)]
pub fn signatures_import(
    desk: State<'_, Desk>,
    id: String,
    path: String,
    columns: SignatureColumns,
    decisions: Vec<RowDecision>,
    options: SignatureImportOptions,
    operations: State<'_, Operations>,
    webview: Webview,
    operation: Option<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Reply<SignatureImportReport> {
    let store = desk.store()?;
    tracked(&operations, &webview, operation, on_progress, |p| {
        signature_import::apply_path_with_progress(store, &id, path.as_ref(), &columns, &decisions, &options, p)
    })
}

#[tauri::command(async)]
pub fn orgs_duplicates(desk: State<'_, Desk>) -> Reply<Vec<DuplicatePair>> {
    organisations::duplicates(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn orgs_merge(desk: State<'_, Desk>, keep: String, drop: String) -> Reply<MergeReport> {
    organisations::merge(desk.store()?, &keep, &drop).map_err(Into::into)
}

#[tauri::command(async)]
pub fn orgs_merge_undo(desk: State<'_, Desk>, seq: u32) -> Reply<Organisation> {
    organisations::undo_merge(desk.store()?, seq).map_err(Into::into)
}

#[tauri::command(async)]
pub fn seats_held_on(desk: State<'_, Desk>, date: String) -> Reply<Vec<SeatTerm>> {
    seats::held_on(desk.store()?, &date).map_err(Into::into)
}
