//! Organisation exports: CSV (inert cells) and JSON, streamed row by row.

use std::io::Write;

use super::model::{OrganisationQuery, OrganisationRow};
use super::store;
use crate::error::{CoreError, Result};
use crate::progress::{Progress, ProgressPhase};
use crate::tabular::inert;
use crate::Store;

/// The CSV header, which is also the JSON keys: the CLI's stable contract.
pub const CSV_COLUMNS: [&str; 12] = [
    "id",
    "name",
    "short_name",
    "country",
    "type",
    "website",
    "email",
    "phone",
    "membership_status",
    "tier",
    "joined_on",
    "archived",
];

fn io_error(source: std::io::Error) -> CoreError {
    CoreError::Io { context: "cannot write the export".into(), source }
}

fn csv_error(error: csv::Error) -> CoreError {
    match error.into_kind() {
        csv::ErrorKind::Io(source) => io_error(source),
        other => CoreError::BadFile(format!("cannot write CSV: {other:?}")),
    }
}

/// Writes every row of the view as CSV. `excel_bom` starts the file with a UTF-8 byte-order
/// mark so that Excel shows accents right. Returns the number of rows written.
pub fn export_csv(store: &Store, query: &OrganisationQuery, out: &mut dyn Write, excel_bom: bool) -> Result<u64> {
    export_csv_with_progress(store, query, out, excel_bom, &mut Progress::none())
}

/// [`export_csv`], reporting a row at a time; when cancelled it stops with
/// `CoreError::Cancelled` (a file being written is then abandoned).
pub fn export_csv_with_progress(
    store: &Store,
    query: &OrganisationQuery,
    out: &mut dyn Write,
    excel_bom: bool,
    progress: &mut Progress<'_>,
) -> Result<u64> {
    let total = super::list(store, &OrganisationQuery { offset: 0, limit: 1, ..query.clone() })?.total;
    progress.phase(ProgressPhase::Exporting, Some(u64::from(total)))?;
    if excel_bom {
        out.write_all("\u{feff}".as_bytes()).map_err(io_error)?;
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS).map_err(csv_error)?;
    let count = store.read(|conn| {
        store::for_each_row(conn, query, |row| {
            progress.tick()?;
            writer.write_record(csv_cells(&row).iter().map(|c| inert(c).into_owned())).map_err(csv_error)
        })
    })?;
    writer.flush().map_err(io_error)?;
    Ok(count)
}

fn csv_cells(row: &OrganisationRow) -> [String; 12] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        row.id.clone(),
        row.name.clone(),
        text(&row.short_name),
        row.country.clone(),
        row.org_type.to_string(),
        text(&row.website),
        text(&row.email),
        text(&row.phone),
        row.membership_status.map(|s| s.to_string()).unwrap_or_default(),
        row.tier.map(|t| t.to_string()).unwrap_or_default(),
        text(&row.joined_on),
        row.archived.to_string(),
    ]
}

/// Writes every row of the view as a JSON array, one object a row, streamed.
pub fn export_json(store: &Store, query: &OrganisationQuery, out: &mut dyn Write) -> Result<u64> {
    out.write_all(b"[").map_err(io_error)?;
    let count = store.read(|conn| {
        let mut first = true;
        store::for_each_row(conn, query, |row| {
            out.write_all(if first { b"\n  " } else { b",\n  " }).map_err(io_error)?;
            first = false;
            serde_json::to_writer(&mut *out, &row).map_err(|e| io_error(e.into()))
        })
    })?;
    out.write_all(if count == 0 { b"]\n" } else { b"\n]\n" }).map_err(io_error)?;
    Ok(count)
}

/// Saves a view as CSV for spreadsheets (with the byte-order mark Excel needs to show
/// accents), written whole or not at all, and logged (organisations name no people, so there
/// is no sensitive filter). Returns the number of rows.
pub fn export_csv_file(store: &Store, query: &OrganisationQuery, path: &std::path::Path) -> Result<u64> {
    export_csv_file_with_progress(store, query, path, &mut Progress::none())
}

/// [`export_csv_file`], reporting its progress; when cancelled the temporary file is removed
/// and `path` is left as it was.
pub fn export_csv_file_with_progress(
    store: &Store,
    query: &OrganisationQuery,
    path: &std::path::Path,
    progress: &mut Progress<'_>,
) -> Result<u64> {
    let count = crate::tabular::write_atomically(path, |out| {
        let count = export_csv_with_progress(store, query, out, true, progress)?;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok(count)
    })?;
    crate::data_protection::record_file(store, path, crate::data_protection::ExportEntry::new("organisations.csv", count))?;
    Ok(count)
}
