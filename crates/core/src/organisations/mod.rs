//! Organisations: the coalition's members and partners. Their fields, validation, storage,
//! the list view, and CSV/JSON import and export.

mod export;
pub(crate) mod import;
mod merge;
mod model;
pub(crate) mod rules;
pub(crate) mod store;

pub use export::{export_csv, export_csv_file, export_csv_file_with_progress, export_csv_with_progress, export_json, CSV_COLUMNS};
pub use import::{
    guess_columns, import_csv, import_csv_with_progress, import_file, import_file_with_progress, ColumnChoice, ImportIssue,
    ImportOptions, ImportReport,
};
pub use model::{
    NewOrganisation, OrgType, Organisation, OrganisationDetail, OrganisationInput, OrganisationPage, OrganisationQuery,
    OrganisationRow, OrganisationSort, SortDirection,
};
pub use merge::{merge, undo_merge, MergeReport};
pub use store::MAX_PAGE;

use crate::error::Result;
use crate::memberships;
use crate::Store;

/// Creates an organisation and, when given, its membership, in one transaction.
pub fn create(store: &Store, input: NewOrganisation) -> Result<OrganisationDetail> {
    store.write(|conn| {
        let org = store::insert(conn, &input.organisation)?;
        if let Some(membership) = &input.membership {
            memberships::store::start(conn, &org.id, membership, None)?;
        }
        store::detail(conn, &org.id)
    })
}

/// Edits an organisation's fields.
pub fn update(store: &Store, id: &str, input: OrganisationInput) -> Result<OrganisationDetail> {
    store.write(|conn| {
        store::update(conn, id, &input)?;
        store::detail(conn, id)
    })
}

/// Archives (hides, never deletes) or restores an organisation.
pub fn set_archived(store: &Store, id: &str, archived: bool) -> Result<OrganisationDetail> {
    store.write(|conn| {
        store::set_archived(conn, id, archived)?;
        store::detail(conn, id)
    })
}

/// One organisation with its membership and history.
pub fn get(store: &Store, id: &str) -> Result<OrganisationDetail> {
    store.read(|conn| store::detail(conn, id))
}

/// One page of a list view.
pub fn list(store: &Store, query: &OrganisationQuery) -> Result<OrganisationPage> {
    store.read(|conn| store::list(conn, query))
}

/// Every row of a list view, for exports and scripts.
pub fn list_all(store: &Store, query: &OrganisationQuery) -> Result<Vec<OrganisationRow>> {
    store.read(|conn| {
        let mut rows = Vec::new();
        store::for_each_row(conn, query, |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    })
}

/// Likely duplicate organisations among those not archived, likeliest first.
pub fn duplicates(store: &Store) -> Result<Vec<crate::matching::DuplicatePair>> {
    Ok(crate::matching::find_duplicates(&store.read(store::candidates)?))
}
