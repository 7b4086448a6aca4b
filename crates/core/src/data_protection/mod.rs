//! Data protection (GDPR): the export log (what was exported, when and by whom, never the
//! data), the sensitive flag's filter used by every export, the list of sensitive people,
//! and the retention review (people with no activity for N years). Each person's lawful
//! basis, source, consent date and sensitive flag live with the person (`people`).

mod model;
pub(crate) mod store;

use std::path::Path;

pub use model::{
    ExportEntry, ExportLogPage, ExportLogRow, PageQuery, RetentionPage, RetentionQuery, RetentionRow, SensitivePage,
    SensitivePerson, SensitiveScope,
};
pub use store::{DEFAULT_RETENTION_YEARS, RETENTION_YEARS};

use crate::error::Result;
use crate::Store;

/// Records an export that was written successfully, in its own small transaction: call it
/// after the file is in place (an export that fails logs nothing).
pub fn record_export(store: &Store, entry: &ExportEntry) -> Result<ExportLogRow> {
    store.write(|conn| store::insert_log(conn, entry))
}

/// Records an export written to `path` (its file name is kept, not its folder).
pub(crate) fn record_file(store: &Store, path: &Path, entry: ExportEntry) -> Result<()> {
    record_export(store, &entry.file(path)).map(|_| ())
}

/// A page of the export log, newest first.
pub fn export_log(store: &Store, page: PageQuery) -> Result<ExportLogPage> {
    store.read(|conn| store::log_page(conn, page))
}

/// A page of the people flagged sensitive, by family name.
pub fn sensitive_people(store: &Store, page: PageQuery) -> Result<SensitivePage> {
    store.read(|conn| store::sensitive_page(conn, page))
}

/// How many sensitive people an export of this scope leaves out unless they are included
/// ("Include sensitive people (N)").
pub fn sensitive_count(store: &Store, scope: &SensitiveScope) -> Result<u32> {
    store.read(|conn| store::sensitive_count(conn, scope))
}

/// The retention review's years (`retention.years`, 3 by default).
pub fn retention_years(store: &Store) -> Result<u32> {
    store.read(store::retention_years)
}

/// Sets the retention review's years (1–20). Audited.
pub fn set_retention_years(store: &Store, years: u32) -> Result<u32> {
    store::check_years(years)?;
    store.write(|conn| store::set_retention_years(conn, years))
}

/// People not archived with no activity for the query's years (the setting by default):
/// the longest inactive first, public-role people flagged (or left out on request).
pub fn retention_review(store: &Store, query: &RetentionQuery) -> Result<RetentionPage> {
    store.read(|conn| {
        let years = match query.years {
            Some(years) => store::check_years(years)?,
            None => store::retention_years(conn)?,
        };
        let cutoff = cutoff(crate::store::today(), years);
        store::retention_page(conn, &cutoff, query, years)
    })
}

/// The date `years` before `today` (29 February falls back to the 28th).
pub fn cutoff(today: chrono::NaiveDate, years: u32) -> String {
    use chrono::Datelike;
    let year = today.year() - years as i32;
    chrono::NaiveDate::from_ymd_opt(year, today.month(), today.day())
        .or_else(|| chrono::NaiveDate::from_ymd_opt(year, today.month(), 28))
        .expect("a valid date")
        .format("%Y-%m-%d")
        .to_string()
}
