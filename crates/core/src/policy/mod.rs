//! Policy-makers: people with an office (MEPs, Commission officials, Council and Permanent
//! Representation attachés, national ministers and officials), the Parliament's MEP list and
//! its sync, committees and dossiers.

pub(crate) mod demo;
mod fetch;
mod model;
mod names;
pub(crate) mod store;
mod sync;
mod xml;

use std::path::Path;

pub use fetch::{fetch_list, list_url, EP_LIST_URL, EP_URL_ENV};
pub use model::{
    Committee, CommitteeMembership, CommitteeMembershipInput, CommitteeRole, FetchProgress, GroupCode, MepChange,
    MepChangeKind, MepFetch, MepListing, MepRecord, MepStatus, MepSyncReport, Office, PoliticalGroup, PolicyMaker,
    PolicyMakerDossierRole, PolicyMakerInput, PolicyMakerPage, PolicyMakerQuery, PolicyMakerRow,
};
pub use names::{normal_case_family, split_official_name, SplitName};
pub use store::{profile_url, MAX_PAGE};
pub use xml::parse_meps;

use crate::error::{CoreError, Result};
use crate::progress::{Progress, ProgressPhase};
use crate::Store;

/// Creates a policy-maker: a person and their office, in one transaction.
pub fn create(store: &Store, input: PolicyMakerInput) -> Result<PolicyMaker> {
    store.write(|conn| {
        let id = store::insert(conn, &input)?;
        store::get(conn, &id)
    })
}

/// Edits a policy-maker's person and office.
pub fn update(store: &Store, id: &str, input: PolicyMakerInput) -> Result<PolicyMaker> {
    store.write(|conn| {
        store::update(conn, id, &input)?;
        store::get(conn, id)
    })
}

/// One policy-maker with committees, dossier roles and contacts.
pub fn get(store: &Store, id: &str) -> Result<PolicyMaker> {
    store.read(|conn| store::get(conn, id))
}

/// One page of the list, by family name.
pub fn list(store: &Store, query: &PolicyMakerQuery) -> Result<PolicyMakerPage> {
    store.read(|conn| store::list(conn, query))
}

/// Every MEP (filtered), by family name: the CLI's `meps list`.
pub fn meps(store: &Store, groups: &[GroupCode], countries: &[String], statuses: &[MepStatus]) -> Result<Vec<MepListing>> {
    store.read(|conn| store::meps(conn, groups, countries, statuses))
}

/// The Parliament's committees.
pub fn committees(store: &Store) -> Result<Vec<Committee>> {
    store.read(store::committees)
}

/// The political groups with their full names.
pub fn groups() -> Vec<PoliticalGroup> {
    GroupCode::ALL.iter().map(|&code| PoliticalGroup { code, name: code.full_name().to_string() }).collect()
}

/// Seats a policy-maker on a committee.
pub fn committee_add(store: &Store, person_id: &str, input: CommitteeMembershipInput) -> Result<PolicyMaker> {
    store.write(|conn| {
        store::add_membership(conn, person_id, &input)?;
        store::get(conn, person_id)
    })
}

/// Ends a committee membership (today when no date is given); returns the policy-maker.
pub fn committee_end(store: &Store, membership_id: &str, ends_on: Option<String>) -> Result<PolicyMaker> {
    store.write(|conn| {
        let ended = store::end_membership(conn, membership_id, ends_on.as_deref())?;
        store::get(conn, &ended.person_id)
    })
}

/// Syncs the store with parsed list records in one transaction; `dry_run` rolls it back
/// (the plan: what it would do).
pub fn sync_meps(store: &Store, records: &[MepRecord], dry_run: bool) -> Result<MepSyncReport> {
    sync_meps_with_progress(store, records, dry_run, &mut Progress::none())
}

/// [`sync_meps`], reporting an MEP at a time; when cancelled it returns
/// `CoreError::Cancelled` and the transaction is rolled back.
pub fn sync_meps_with_progress(
    store: &Store,
    records: &[MepRecord],
    dry_run: bool,
    progress: &mut Progress<'_>,
) -> Result<MepSyncReport> {
    store.write_then(!dry_run, |conn| {
        let mut report = sync::apply(conn, records, progress)?;
        progress.phase(ProgressPhase::Finishing, None)?;
        report.committed = !dry_run;
        Ok(report)
    })
}

/// Reads the Parliament's XML list from a file and syncs it (or plans it with `dry_run`).
pub fn import_file(store: &Store, path: &Path, dry_run: bool) -> Result<MepSyncReport> {
    import_file_with_progress(store, path, dry_run, &mut Progress::none())
}

/// [`import_file`], reporting its progress and stopping when cancelled (nothing written).
pub fn import_file_with_progress(
    store: &Store,
    path: &Path,
    dry_run: bool,
    progress: &mut Progress<'_>,
) -> Result<MepSyncReport> {
    progress.phase(ProgressPhase::Reading, None)?;
    let bytes = std::fs::read(path)
        .map_err(|source| CoreError::Io { context: format!("cannot read {}", path.display()), source })?;
    sync_meps_with_progress(store, &parse_meps(&bytes)?, dry_run, progress)
}

/// Downloads the current list (from `url`, `COALITION_EP_URL` or the Parliament's site),
/// keeps it in a temporary file and returns that file with the plan; nothing is written to
/// the store. Apply it with [`import_file`].
pub fn fetch(store: &Store, url: Option<&str>, progress: &mut dyn FnMut(FetchProgress)) -> Result<MepFetch> {
    let url = list_url(url);
    let bytes = fetch_list(&url, progress)?;
    let records = parse_meps(&bytes)?;
    let plan = sync_meps(store, &records, true)?;
    let dir = std::env::temp_dir().join("coalition-desk");
    std::fs::create_dir_all(&dir)
        .map_err(|source| CoreError::Io { context: format!("cannot create {}", dir.display()), source })?;
    let path = dir.join(format!("ep-meps-{}.xml", crate::store::new_id()));
    std::fs::write(&path, &bytes)
        .map_err(|source| CoreError::Io { context: format!("cannot write {}", path.display()), source })?;
    Ok(MepFetch { path: path.display().to_string(), plan })
}
