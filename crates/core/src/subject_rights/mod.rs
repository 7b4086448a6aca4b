//! Data-subject rights: the subject-access export (everything held about one person, as JSON
//! and as a readable PDF) and erasure (the person removed everywhere in one transaction, their
//! organisation's signatures kept with the signer anonymised, the audit log scrubbed, one
//! tombstone left).

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::Store;

mod erasure;
mod model;
mod sar;
mod sar_pdf;

pub use erasure::ERASED;
pub(crate) use erasure::ERASED_KEY;
pub use model::*;

/// Everything the store holds about one person.
pub fn subject_access(store: &Store, person_id: &str) -> Result<SubjectAccess> {
    store.read(|conn| sar::gather(conn, person_id))
}

/// The subject-access export as a PDF document.
pub fn subject_access_pdf(access: &SubjectAccess) -> Result<Vec<u8>> {
    sar_pdf::render(access)
}

/// Writes `<slug>-subject-access-<date>.json` and `.pdf` into `dir` (each written to a
/// temporary file and renamed into place), records the export in the export log when the
/// store has one, and returns the two paths (JSON first).
pub fn write_sar(store: &Store, person_id: &str, dir: &Path) -> Result<Vec<PathBuf>> {
    sar::write(store, person_id, dir)
}

/// What erasing a person would remove and anonymise: the erasure itself, rolled back, so the
/// counts are exactly what [`erase`] removes.
pub fn erasure_preview(store: &Store, person_id: &str) -> Result<ErasurePreview> {
    let mut preview = store.write_then(false, |conn| erasure::erase_in(conn, person_id))?;
    preview.tombstone_seq = None;
    Ok(preview)
}

/// Erases a person everywhere, in one transaction. `confirm` must be the person's display
/// name (case and spacing ignored) or the preview's confirmation token; otherwise nothing is
/// erased and the error names the `confirm` field.
pub fn erase(store: &Store, person_id: &str, confirm: &str) -> Result<ErasurePreview> {
    store.write(|conn| {
        erasure::check_confirmation(conn, person_id, confirm)?;
        erasure::erase_in(conn, person_id)
    })
}
