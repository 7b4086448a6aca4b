//! The engagement log as CSV, streamed: one query in date order, each row written as it is
//! read, so memory stays flat whatever the number of interactions. Participants come from
//! correlated subqueries over the `interaction_participants` index, never a query per row.

use std::io::{BufWriter, Write};

use crate::error::{CoreError, Result};
use crate::progress::{Progress, ProgressPhase};
use crate::tabular::inert;
use crate::Store;

/// The CSV header: the CLI's and scripts' contract.
pub const CSV_COLUMNS: [&str; 9] =
    ["id", "occurred_on", "kind", "subject", "outcome", "dossier", "people", "organisations", "open_tasks"];

fn io_error(source: std::io::Error) -> CoreError {
    CoreError::Io { context: "cannot write the export".into(), source }
}

fn csv_error(error: csv::Error) -> CoreError {
    match error.into_kind() {
        csv::ErrorKind::Io(source) => io_error(source),
        other => CoreError::BadFile(format!("cannot write CSV: {other:?}")),
    }
}

const SELECT: &str = "SELECT i.id, i.occurred_on, i.kind, i.subject, i.outcome, d.reference,
        (SELECT group_concat(p.display_name, '; ') FROM interaction_participants ip
           JOIN people p ON p.id = ip.person_id WHERE ip.interaction_id = i.id AND (?1 = 1 OR p.sensitive = 0)),
        (SELECT group_concat(o.name, '; ') FROM interaction_participants ip
           JOIN organisations o ON o.id = ip.organisation_id WHERE ip.interaction_id = i.id),
        (SELECT count(*) FROM tasks t WHERE t.interaction_id = i.id AND t.done = 0)
     FROM interactions i LEFT JOIN dossiers d ON d.id = i.dossier_id
     ORDER BY i.occurred_on, i.id";

/// Writes every interaction, oldest first, as CSV (cells made inert); `excel_bom` starts
/// with a UTF-8 byte-order mark. People flagged sensitive are left out of the participants.
/// Returns the number of rows.
pub fn export_csv(store: &Store, out: &mut dyn Write, excel_bom: bool) -> Result<u64> {
    export_csv_with(store, out, excel_bom, false)
}

/// [`export_csv`], with sensitive participants named when `include_sensitive` (on purpose).
pub fn export_csv_with(store: &Store, out: &mut dyn Write, excel_bom: bool, include_sensitive: bool) -> Result<u64> {
    export_csv_with_progress(store, out, excel_bom, include_sensitive, &mut Progress::none())
}

/// [`export_csv_with`], reporting a row at a time; when cancelled it stops with
/// `CoreError::Cancelled` (a file being written is then abandoned).
pub fn export_csv_with_progress(
    store: &Store,
    out: &mut dyn Write,
    excel_bom: bool,
    include_sensitive: bool,
    progress: &mut Progress<'_>,
) -> Result<u64> {
    let total: u64 = store.read(|conn| Ok(conn.query_row("SELECT count(*) FROM interactions", [], |r| r.get::<_, i64>(0))?))?
        .try_into()
        .unwrap_or(0);
    progress.phase(ProgressPhase::Exporting, Some(total))?;
    let mut out = BufWriter::with_capacity(64 * 1024, out);
    if excel_bom {
        out.write_all("\u{feff}".as_bytes()).map_err(io_error)?;
    }
    let mut writer = csv::Writer::from_writer(&mut out);
    writer.write_record(CSV_COLUMNS).map_err(csv_error)?;
    let count = store.read(|conn| {
        let mut stmt = conn.prepare_cached(SELECT)?;
        let mut rows = stmt.query([include_sensitive])?;
        let mut count = 0u64;
        let mut cells: [String; 9] = Default::default();
        while let Some(row) = rows.next()? {
            progress.tick()?;
            for (i, cell) in cells.iter_mut().enumerate().take(8) {
                cell.clear();
                if let Some(text) = row.get_ref(i)?.as_str_or_null().map_err(rusqlite::Error::from)? {
                    cell.push_str(&inert(text));
                }
            }
            cells[8] = row.get::<_, i64>(8)?.to_string();
            writer.write_record(&cells).map_err(csv_error)?;
            count += 1;
        }
        Ok(count)
    })?;
    writer.flush().map_err(io_error)?;
    drop(writer);
    out.flush().map_err(io_error)?;
    Ok(count)
}

/// Saves the engagement log as CSV, written whole or not at all (sensitive participants
/// left out), and logs it.
pub fn export_csv_file(store: &Store, path: &std::path::Path) -> Result<u64> {
    export_csv_file_with(store, path, false)
}

/// [`export_csv_file`], with sensitive participants named when `include_sensitive`.
pub fn export_csv_file_with(store: &Store, path: &std::path::Path, include_sensitive: bool) -> Result<u64> {
    export_csv_file_with_progress(store, path, include_sensitive, &mut Progress::none())
}

/// [`export_csv_file_with`], reporting its progress; when cancelled the temporary file is
/// removed and `path` is left as it was.
pub fn export_csv_file_with_progress(
    store: &Store,
    path: &std::path::Path,
    include_sensitive: bool,
    progress: &mut Progress<'_>,
) -> Result<u64> {
    let count = crate::tabular::write_atomically(path, |out| {
        let count = export_csv_with_progress(store, out, true, include_sensitive, progress)?;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok(count)
    })?;
    crate::data_protection::record_file(store, path, log_entry(store, count, include_sensitive)?)?;
    Ok(count)
}

/// The export log's entry for the engagement log's CSV.
pub fn log_entry(store: &Store, count: u64, include_sensitive: bool) -> Result<crate::data_protection::ExportEntry> {
    let left_out = crate::data_protection::sensitive_count(store, &crate::data_protection::SensitiveScope::Interactions)?;
    Ok(crate::data_protection::ExportEntry::new("interactions.csv", count).sensitive(include_sensitive, left_out.into()))
}
