//! Stances: where each policy-maker stands on a dossier, with evidence and history; and
//! roll-call votes, imported from CSV and kept as stance evidence.

mod model;
mod rules;
pub(crate) mod store;
pub mod votes;

pub use model::{
    BoardCard, BoardQuery, DossierStances, EvidenceKind, PositionCounts, Stance, StanceBoard, StanceExportRow, StanceInput,
    StanceLevel, StanceProposal, UnmatchedRow, Vote, VoteBreakdown, VoteImportReport, VoteInput, VotePosition, VoteResult,
};

use std::io::Write;
use std::path::Path;

use crate::error::{CoreError, Result};
use crate::Store;

/// Records a stance (a new row; earlier ones stay as history).
pub fn record(store: &Store, input: StanceInput) -> Result<Stance> {
    store.write(|conn| store::insert(conn, &input))
}

/// A policy-maker's stances, per dossier: the current one and the history, newest first.
pub fn for_person(store: &Store, person_id: &str) -> Result<Vec<DossierStances>> {
    store.read(|conn| store::for_person(conn, person_id))
}

/// The stance board of a dossier.
pub fn board(store: &Store, query: &BoardQuery) -> Result<StanceBoard> {
    store.read(|conn| store::board(conn, query))
}

/// The person id of the MEP with this EP id.
pub fn person_by_ep_id(store: &Store, ep_id: i64) -> Result<String> {
    store.read(|conn| store::person_by_ep_id(conn, ep_id))
}

/// The current stances on a dossier, as exported.
pub fn current(store: &Store, dossier_id: &str) -> Result<Vec<StanceExportRow>> {
    store.read(|conn| store::current_rows(conn, dossier_id))
}

/// The export's columns, in order.
pub const EXPORT_COLUMNS: [&str; 9] = ["ep_id", "name", "group", "country", "level", "stated_on", "evidence", "source", "recorded_by"];

/// The current stances on a dossier as exported: people flagged sensitive left out unless
/// `include_sensitive` (on purpose).
pub fn current_with(store: &Store, dossier_id: &str, include_sensitive: bool) -> Result<Vec<StanceExportRow>> {
    store.read(|conn| store::current_rows_with(conn, dossier_id, include_sensitive))
}

/// Saves the current stances on a dossier as CSV, written whole or not at all, and logs it.
pub fn export_csv_file(store: &Store, dossier_id: &str, path: &Path, include_sensitive: bool) -> Result<u32> {
    let count = crate::tabular::write_atomically(path, |out| export_csv_with(store, dossier_id, out, include_sensitive))?;
    crate::data_protection::record_file(store, path, export_log_entry(store, dossier_id, "stances.csv", count, include_sensitive)?)?;
    Ok(count)
}

/// The export log's entry for a dossier's stances (`kind`: `stances.csv` or `stances.json`).
pub fn export_log_entry(
    store: &Store,
    dossier_id: &str,
    kind: &str,
    count: u32,
    include_sensitive: bool,
) -> Result<crate::data_protection::ExportEntry> {
    let dossier = crate::dossiers::get(store, dossier_id)?.dossier;
    let left_out =
        crate::data_protection::sensitive_count(store, &crate::data_protection::SensitiveScope::Dossier { dossier_id: dossier_id.into() })?;
    Ok(crate::data_protection::ExportEntry::new(kind, count.into())
        .record(dossier.id.clone(), format!("{} {}", dossier.reference, dossier.short_title))
        .sensitive(include_sensitive, left_out.into()))
}

/// Writes the current stances on a dossier as CSV with inert cells, people flagged sensitive
/// left out. Returns the rows written.
pub fn export_csv(store: &Store, dossier_id: &str, out: &mut dyn Write) -> Result<u32> {
    export_csv_with(store, dossier_id, out, false)
}

/// [`export_csv`], with sensitive people included when `include_sensitive` (on purpose).
pub fn export_csv_with(store: &Store, dossier_id: &str, out: &mut dyn Write, include_sensitive: bool) -> Result<u32> {
    let rows = current_with(store, dossier_id, include_sensitive)?;
    let io = |e: csv::Error| CoreError::Io { context: "cannot write the stances".into(), source: e.into() };
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(EXPORT_COLUMNS).map_err(io)?;
    for row in &rows {
        let cells = [
            row.ep_id.map(|n| n.to_string()).unwrap_or_default(),
            row.name.clone(),
            row.group.clone().unwrap_or_default(),
            row.country.clone().unwrap_or_default(),
            row.level.to_string(),
            row.stated_on.clone(),
            row.evidence.to_string(),
            row.source.clone().unwrap_or_default(),
            row.recorded_by.clone(),
        ];
        writer.write_record(cells.iter().map(|c| crate::tabular::inert(c).into_owned())).map_err(io)?;
    }
    writer.flush().map_err(|source| CoreError::Io { context: "cannot write the stances".into(), source })?;
    Ok(rows.len() as u32)
}

/// Imports a roll-call vote from CSV bytes (any encoding, comma, semicolon or tab) in one
/// transaction.
pub fn import_vote(store: &Store, input: &VoteInput, bytes: &[u8]) -> Result<VoteImportReport> {
    let table = crate::tabular::read_table(bytes)?;
    store.write(|conn| votes::import(conn, input, &table))
}

/// What [`import_vote`] would report, rolled back: the same code, nothing written (the fuzz
/// target and the regression tests drive it).
pub fn import_vote_dry_run(store: &Store, input: &VoteInput, bytes: &[u8]) -> Result<VoteImportReport> {
    let table = crate::tabular::read_table(bytes)?;
    store.write_then(false, |conn| votes::import(conn, input, &table))
}

/// Imports a roll-call vote from a CSV file.
pub fn import_vote_file(store: &Store, input: &VoteInput, path: &Path) -> Result<VoteImportReport> {
    import_vote(store, input, &crate::tabular::read_file(path)?)
}

/// A stored vote's counts, breakdowns and pending proposals.
pub fn vote_result(store: &Store, vote_id: &str) -> Result<VoteResult> {
    store.read(|conn| votes::result(conn, vote_id))
}

/// The votes on a dossier, newest first.
pub fn votes_on(store: &Store, dossier_id: &str) -> Result<Vec<Vote>> {
    store.read(|conn| votes::list(conn, dossier_id))
}

/// Accepts some of a vote's proposals (by person id), recording those stances in one
/// transaction; returns the vote's result afterwards.
pub fn accept_proposals(store: &Store, vote_id: &str, person_ids: &[String]) -> Result<VoteResult> {
    store.write(|conn| {
        votes::accept(conn, vote_id, Some(person_ids))?;
        votes::result(conn, vote_id)
    })
}

/// Accepts every pending proposal of a vote.
pub fn accept_all_proposals(store: &Store, vote_id: &str) -> Result<VoteResult> {
    store.write(|conn| {
        votes::accept(conn, vote_id, None)?;
        votes::result(conn, vote_id)
    })
}
