//! Letters (open letters, joint statements, petitions...) and the organisations' signatures:
//! collecting them, following the counts, and publishing the list in every format.

pub mod import;
mod model;
pub mod publish;
mod rules;
pub(crate) mod store;

pub use model::{
    InviteReport, InviteSegment, Letter, LetterDetail, LetterInput, LetterKind, LetterStatus, LetterSummary, MatrixLetter,
    MatrixQuery, MatrixRow, NotSignedContact, NotYetSigned, SignatureMatrix,
    Signature, SignatureChannel, SignatureCounts, SignatureInput, SignatureState,
};

use std::io::Write;
use std::path::Path;

use publish::{ExportOptions, PublishedList};

use crate::error::Result;
use crate::Store;

fn detail(conn: &rusqlite::Connection, id: &str) -> Result<LetterDetail> {
    Ok(LetterDetail {
        letter: store::get(conn, id)?,
        counts: store::counts(conn, id)?,
        signatures: store::signatures(conn, id)?,
        export_choices: store::export_choices(conn, id)?,
    })
}

/// Creates a letter.
pub fn create(store: &Store, input: LetterInput) -> Result<LetterDetail> {
    store.write(|conn| {
        let letter = store::insert(conn, &input)?;
        detail(conn, &letter.id)
    })
}

/// Edits a letter.
pub fn update(store: &Store, id: &str, input: LetterInput) -> Result<LetterDetail> {
    store.write(|conn| {
        store::update(conn, id, &input)?;
        detail(conn, id)
    })
}

/// Every letter with its counts, newest first.
pub fn list(store: &Store) -> Result<Vec<LetterSummary>> {
    store.read(store::list)
}

/// One letter with its counts and signatures.
pub fn get(store: &Store, id: &str) -> Result<LetterDetail> {
    store.read(|conn| detail(conn, id))
}

/// The letter with this reference.
pub fn by_reference(store: &Store, reference: &str) -> Result<Letter> {
    store.read(|conn| store::by_reference(conn, reference))
}

/// Records or changes one organisation's signature.
pub fn sign(store: &Store, letter_id: &str, organisation_id: &str, input: SignatureInput) -> Result<LetterDetail> {
    store.write(|conn| {
        store::set_signature(conn, letter_id, organisation_id, &input)?;
        detail(conn, letter_id)
    })
}

/// Invites a segment (organisations already on the letter are left alone).
pub fn invite(store: &Store, letter_id: &str, segment: &InviteSegment) -> Result<InviteReport> {
    store.write(|conn| {
        let invited = store::invite(conn, letter_id, segment, None)?;
        Ok(InviteReport { invited, detail: detail(conn, letter_id)? })
    })
}

/// The organisations of a segment that have not signed, with their addresses.
pub fn not_yet_signed(store: &Store, letter_id: &str, segment: &InviteSegment) -> Result<Vec<NotYetSigned>> {
    store.read(|conn| store::not_yet_signed(conn, letter_id, segment))
}

/// The published signatories of a letter (signed and publishable). Signers flagged
/// sensitive are shown without their name and title (their organisation stays).
pub fn published(store: &Store, letter_id: &str) -> Result<PublishedList> {
    published_with(store, letter_id, false).map(|(list, _)| list)
}

/// [`published`], with sensitive signers named when `include_sensitive` (on purpose); also
/// returns how many signers were shown without their name.
pub fn published_with(store: &Store, letter_id: &str, include_sensitive: bool) -> Result<(PublishedList, u64)> {
    store.read(|conn| store::published_list_with(conn, &store::get(conn, letter_id)?, include_sensitive))
}

/// The text preview of an export.
pub fn preview(store: &Store, letter_id: &str, options: &ExportOptions) -> Result<String> {
    preview_with(store, letter_id, options, false)
}

/// [`preview`], with sensitive signers named when `include_sensitive`.
pub fn preview_with(store: &Store, letter_id: &str, options: &ExportOptions, include_sensitive: bool) -> Result<String> {
    Ok(publish::preview(&published_with(store, letter_id, include_sensitive)?.0, options))
}

/// Renders an export and remembers the choices for the letter (sensitive signers shown
/// without their name).
pub fn export(store: &Store, letter_id: &str, options: &ExportOptions) -> Result<Vec<u8>> {
    export_with(store, letter_id, options, false).map(|(bytes, _)| bytes)
}

/// [`export`], with sensitive signers named when `include_sensitive`. Returns the bytes and
/// the published list they render.
pub fn export_with(store: &Store, letter_id: &str, options: &ExportOptions, include_sensitive: bool) -> Result<(Vec<u8>, (PublishedList, u64))> {
    let list = published_with(store, letter_id, include_sensitive)?;
    let bytes = publish::render(&list.0, options)?;
    store.write(|conn| store::remember_export_choices(conn, letter_id, options))?;
    Ok((bytes, list))
}

/// Saves an export to a file, written whole or not at all, and logs it. Returns the number
/// of signatories.
pub fn export_file(store: &Store, letter_id: &str, options: &ExportOptions, path: &Path) -> Result<u32> {
    export_file_with(store, letter_id, options, path, false)
}

/// [`export_file`], with sensitive signers named when `include_sensitive` (on purpose).
pub fn export_file_with(store: &Store, letter_id: &str, options: &ExportOptions, path: &Path, include_sensitive: bool) -> Result<u32> {
    export_file_with_progress(store, letter_id, options, path, include_sensitive, &mut crate::progress::Progress::none())
}

/// [`export_file_with`], reporting its progress (the list is rendered whole, then written in
/// chunks); when cancelled the temporary file is removed and `path` is left as it was.
pub fn export_file_with_progress(
    store: &Store,
    letter_id: &str,
    options: &ExportOptions,
    path: &Path,
    include_sensitive: bool,
    progress: &mut crate::progress::Progress<'_>,
) -> Result<u32> {
    use crate::progress::ProgressPhase;
    progress.phase(ProgressPhase::Reading, None)?;
    let (bytes, (list, hidden)) = export_with(store, letter_id, options, include_sensitive)?;
    let count = list.signatories.len() as u32;
    progress.phase(ProgressPhase::Exporting, Some(bytes.len() as u64))?;
    crate::tabular::write_atomically(path, |out| {
        for chunk in bytes.chunks(64 * 1024) {
            out.write_all(chunk)
                .map_err(|source| crate::CoreError::Io { context: format!("cannot write {}", path.display()), source })?;
            progress.advance(chunk.len() as u64)?;
        }
        progress.phase(ProgressPhase::Finishing, None)
    })?;
    let entry = export_log_entry(store, letter_id, options, count, hidden, include_sensitive)?;
    crate::data_protection::record_file(store, path, entry)?;
    Ok(count)
}

/// The export log's entry for a letter's signatory list (`letter.signatories.<format>`).
pub fn export_log_entry(
    store: &Store,
    letter_id: &str,
    options: &ExportOptions,
    count: u32,
    hidden: u64,
    include_sensitive: bool,
) -> Result<crate::data_protection::ExportEntry> {
    let letter = get(store, letter_id)?.letter;
    let kind = format!("letter.signatories.{}", publish::file_extension(options.format));
    let left_out = if include_sensitive {
        crate::data_protection::sensitive_count(store, &crate::data_protection::SensitiveScope::Letter { letter_id: letter_id.into() })?
            .into()
    } else {
        hidden
    };
    Ok(crate::data_protection::ExportEntry::new(kind, count.into())
        .record(letter.id.clone(), format!("{} {}", letter.reference, letter.title))
        .sensitive(include_sensitive, left_out))
}

/// A page of the signature matrix (organisations against letters).
pub fn matrix(store: &Store, query: &MatrixQuery) -> Result<SignatureMatrix> {
    store.read(|conn| store::matrix(conn, query))
}

/// Writes the whole matrix view (every page) as CSV: one row per organisation, one column
/// per letter reference, cells the signature state; inert cells.
pub fn export_matrix_csv(store: &Store, query: &MatrixQuery, out: &mut dyn Write) -> Result<u32> {
    let io = |source| crate::CoreError::Io { context: "cannot write the matrix".into(), source };
    let mut writer = csv::Writer::from_writer(out);
    let mut page = MatrixQuery { offset: 0, limit: 1000, ..query.clone() };
    let mut written = 0;
    loop {
        let matrix = matrix(store, &page)?;
        if page.offset == 0 {
            let mut header = vec!["organisation".to_string(), "country".into(), "membership_status".into()];
            header.extend(matrix.letters.iter().map(|l| l.reference.clone()));
            writer.write_record(header.iter().map(|h| crate::tabular::inert(h).into_owned())).map_err(|e| io(e.into()))?;
        }
        for row in &matrix.rows {
            let mut record = vec![row.name.clone(), row.country.clone(), row.membership_status.map(|s| s.to_string()).unwrap_or_default()];
            record.extend(row.cells.iter().map(|c| c.map(|s| s.to_string()).unwrap_or_default()));
            writer.write_record(record.iter().map(|c| crate::tabular::inert(c).into_owned())).map_err(|e| io(e.into()))?;
            written += 1;
        }
        if matrix.rows.len() < page.limit as usize {
            break;
        }
        page.offset += page.limit;
    }
    writer.flush().map_err(io)?;
    Ok(written)
}

/// Saves the whole matrix view as CSV, written whole or not at all, and logs it (the matrix
/// names organisations only). Returns the rows written.
pub fn export_matrix_csv_file(store: &Store, query: &MatrixQuery, path: &Path) -> Result<u32> {
    let count = crate::tabular::write_atomically(path, |out| export_matrix_csv(store, query, out))?;
    crate::data_protection::record_file(store, path, crate::data_protection::ExportEntry::new("letters.matrix.csv", count.into()))?;
    Ok(count)
}
