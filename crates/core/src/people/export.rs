//! People exports: CSV (inert cells, a byte-order mark for spreadsheets) and JSON, streamed.

use std::io::Write;

use super::model::{PersonQuery, PersonRow};
use super::store;
use crate::error::{CoreError, Result};
use crate::progress::{Progress, ProgressPhase};
use crate::tabular::inert;
use crate::Store;

/// The CSV header, which is also the JSON keys: the CLI's stable contract.
pub const CSV_COLUMNS: [&str; 20] = [
    "id",
    "display_name",
    "given_name",
    "family_name",
    "honorific",
    "email",
    "phone",
    "country",
    "languages",
    "organisation_id",
    "organisation",
    "job_title",
    "focal_point",
    "last_contact",
    "policy_maker",
    "archived",
    "lawful_basis",
    "source",
    "consent_date",
    "sensitive",
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

fn csv_cells(row: &PersonRow) -> [String; 20] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        row.id.clone(),
        row.display_name.clone(),
        row.given_name.clone(),
        row.family_name.clone(),
        text(&row.honorific),
        text(&row.email),
        text(&row.phone),
        text(&row.country),
        row.languages.join(";"),
        text(&row.organisation_id),
        text(&row.organisation),
        text(&row.job_title),
        row.focal_point.to_string(),
        text(&row.last_contact),
        row.policy_maker.to_string(),
        row.archived.to_string(),
        row.lawful_basis.to_string(),
        text(&row.source),
        text(&row.consent_date),
        row.sensitive.to_string(),
    ]
}

/// Writes every row of the view as CSV; `excel_bom` starts with a UTF-8 byte-order mark.
/// Returns the number of rows.
pub fn export_csv(store: &Store, query: &PersonQuery, out: &mut dyn Write, excel_bom: bool) -> Result<u64> {
    export_csv_with_progress(store, query, out, excel_bom, &mut Progress::none())
}

/// [`export_csv`], reporting a row at a time; when cancelled it stops with
/// `CoreError::Cancelled` (a file being written through [`export_csv_file_with_progress`] is
/// then abandoned).
pub fn export_csv_with_progress(
    store: &Store,
    query: &PersonQuery,
    out: &mut dyn Write,
    excel_bom: bool,
    progress: &mut Progress<'_>,
) -> Result<u64> {
    progress.phase(ProgressPhase::Exporting, Some(export_total(store, query)?))?;
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

/// How many rows the view has (the export's progress total).
fn export_total(store: &Store, query: &PersonQuery) -> Result<u64> {
    Ok(u64::from(super::list(store, &PersonQuery { offset: 0, limit: 1, ..query.clone() })?.total))
}

/// Writes every row of the view as a JSON array, one object a row.
pub fn export_json(store: &Store, query: &PersonQuery, out: &mut dyn Write) -> Result<u64> {
    export_json_with_progress(store, query, out, &mut Progress::none())
}

/// [`export_json`], reporting a row at a time and stopping when cancelled.
pub fn export_json_with_progress(store: &Store, query: &PersonQuery, out: &mut dyn Write, progress: &mut Progress<'_>) -> Result<u64> {
    progress.phase(ProgressPhase::Exporting, Some(export_total(store, query)?))?;
    out.write_all(b"[").map_err(io_error)?;
    let count = store.read(|conn| {
        let mut first = true;
        store::for_each_row(conn, query, |row| {
            progress.tick()?;
            out.write_all(if first { b"\n  " } else { b",\n  " }).map_err(io_error)?;
            first = false;
            serde_json::to_writer(&mut *out, &row).map_err(|e| io_error(e.into()))
        })
    })?;
    out.write_all(if count == 0 { b"]\n" } else { b"\n]\n" }).map_err(io_error)?;
    Ok(count)
}

/// Saves a view as CSV for spreadsheets, written whole or not at all, and logs it.
pub fn export_csv_file(store: &Store, query: &PersonQuery, path: &std::path::Path) -> Result<u64> {
    export_csv_file_with_progress(store, query, path, &mut Progress::none())
}

/// [`export_csv_file`], reporting its progress; when cancelled the temporary file is removed
/// and `path` is left as it was.
pub fn export_csv_file_with_progress(store: &Store, query: &PersonQuery, path: &std::path::Path, progress: &mut Progress<'_>) -> Result<u64> {
    let count = crate::tabular::write_atomically(path, |out| {
        let count = export_csv_with_progress(store, query, out, true, progress)?;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok(count)
    })?;
    crate::data_protection::record_file(store, path, log_entry(store, query, "people.csv", count)?)?;
    Ok(count)
}

/// Saves a view as JSON, written whole or not at all, and logs it.
pub fn export_json_file(store: &Store, query: &PersonQuery, path: &std::path::Path) -> Result<u64> {
    export_json_file_with_progress(store, query, path, &mut Progress::none())
}

/// [`export_json_file`], reporting its progress; when cancelled the temporary file is removed
/// and `path` is left as it was.
pub fn export_json_file_with_progress(store: &Store, query: &PersonQuery, path: &std::path::Path, progress: &mut Progress<'_>) -> Result<u64> {
    let count = crate::tabular::write_atomically(path, |out| {
        let count = export_json_with_progress(store, query, out, progress)?;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok(count)
    })?;
    crate::data_protection::record_file(store, path, log_entry(store, query, "people.json", count)?)?;
    Ok(count)
}

/// The export log's entry for a people export of this view (`kind` is `people.csv` or
/// `people.json`): the rows written and the sensitive people left out.
pub fn log_entry(store: &Store, query: &PersonQuery, kind: &str, count: u64) -> Result<crate::data_protection::ExportEntry> {
    let included = query.include_sensitive == Some(true);
    let left_out = if included { 0 } else { store.read(|conn| store::count_sensitive(conn, query))? };
    Ok(crate::data_protection::ExportEntry::new(kind, count).sensitive(included, left_out))
}
