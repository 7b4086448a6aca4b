//! The commands the UI invokes. Each takes the state, calls the core, maps the error:
//! no SQL and no business rules here.

use coalition_core::countries::{self, Country};
use coalition_core::demo::{self, DemoReport};
use coalition_core::memberships::{self, MembershipUpdate, NewMembership, StatusChangeInput};
use coalition_core::organisations::{
    self, ImportOptions, ImportReport, NewOrganisation, OrganisationDetail, OrganisationInput, OrganisationPage,
    OrganisationQuery,
};
use coalition_core::store::StoreInfo;
use coalition_core::ApiError;
use tauri::State;

use crate::Desk;

type Reply<T> = Result<T, ApiError>;

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
pub fn orgs_export_csv(desk: State<'_, Desk>, query: OrganisationQuery, path: String) -> Reply<u64> {
    organisations::export_csv_file(desk.store()?, &query, path.as_ref()).map_err(Into::into)
}

#[tauri::command(async)]
pub fn orgs_import(desk: State<'_, Desk>, path: String, options: ImportOptions) -> Reply<ImportReport> {
    organisations::import_file(desk.store()?, path.as_ref(), options).map_err(Into::into)
}

#[tauri::command(async)]
pub fn demo_load(desk: State<'_, Desk>) -> Reply<DemoReport> {
    demo::load(desk.store()?).map_err(Into::into)
}
