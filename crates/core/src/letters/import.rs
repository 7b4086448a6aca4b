//! Importing signatures from web-form exports and partners' spreadsheets (CSV or XLSX):
//! columns are mapped to fields, each row is matched to an organisation, and nothing is
//! written until the whole file is confirmed, in one transaction.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{SignatureInput, SignatureState};
use super::store::{self, Written};
use crate::error::{CoreError, FieldError, Result};
use crate::matching::{MatchOutcome, Matcher, Suggestion};
use crate::memberships::rules::optional_date;
use crate::organisations::{self, ImportIssue, OrgType, OrganisationInput};
use crate::progress::{Progress, ProgressPhase};
use crate::tabular::{read_any, Table};
use crate::text::tidy;
use crate::Store;

/// Which column (by index) holds each field; `organisation` is required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignatureColumns {
    /// The organisation's name or acronym.
    pub organisation: Option<u32>,
    /// Its country (used to create missing organisations).
    pub country: Option<u32>,
    /// The signer's name.
    pub signer: Option<u32>,
    /// The signer's title.
    pub signer_title: Option<u32>,
    /// The date of signing.
    pub date: Option<u32>,
    /// A contact email.
    pub email: Option<u32>,
}

/// A file's header and first rows, with the columns guessed from the header names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TablePreview {
    /// Header cells.
    pub headers: Vec<String>,
    /// The first rows (at most 20), each with its line.
    pub rows: Vec<PreviewRow>,
    /// Rows in the file (blank rows excluded).
    pub total_rows: u32,
    /// The guessed mapping.
    pub columns: SignatureColumns,
}

/// One previewed row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PreviewRow {
    /// Line (CSV) or row number (XLSX).
    pub line: u32,
    /// Cells.
    pub cells: Vec<String>,
}

/// How one row matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RowMatch {
    /// Line or row number.
    pub line: u32,
    /// The organisation as written in the file.
    pub organisation: String,
    /// The country as written, if any.
    pub country: Option<String>,
    /// The signer, if any.
    pub signer: Option<String>,
    /// Exact match or suggestions.
    pub outcome: MatchOutcome,
    /// Problems with the row's other cells (such as a bad date).
    pub issues: Vec<ImportIssue>,
}

/// What to do with one row, chosen by the coordinator (or by the CLI's rules).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum RowDecision {
    /// Sign for this organisation.
    Organisation {
        /// The line.
        line: u32,
        /// The organisation's id.
        organisation_id: String,
    },
    /// Create the organisation from the row (name and country) and sign for it.
    Create {
        /// The line.
        line: u32,
    },
    /// Leave the row out.
    Skip {
        /// The line.
        line: u32,
    },
}

impl RowDecision {
    fn line(&self) -> u32 {
        match self {
            RowDecision::Organisation { line, .. } | RowDecision::Create { line } | RowDecision::Skip { line } => *line,
        }
    }
}

/// How the CLI resolves rows without an exact match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignatureImportOptions {
    /// Work everything out, write nothing.
    pub dry_run: bool,
    /// Leave bad or unmatched rows out instead of importing nothing.
    pub skip_invalid: bool,
    /// Create organisations for unmatched rows.
    pub create_missing: bool,
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignatureImportReport {
    /// Rows read.
    pub rows: u32,
    /// New signatures.
    pub signed: u32,
    /// Existing signatures changed.
    pub updated: u32,
    /// Rows that changed nothing.
    pub unchanged: u32,
    /// Rows left out or refused.
    pub rejected: u32,
    /// Organisations created for the import.
    pub organisations_created: u32,
    /// Every problem, by line.
    pub issues: Vec<ImportIssue>,
    /// Whether the changes were written.
    pub committed: bool,
}

impl SignatureImportReport {
    /// The CLI's summary line.
    pub fn summary(&self) -> String {
        format!("signed {}, updated {}, unchanged {}, rejected {}", self.signed, self.updated, self.unchanged, self.rejected)
    }
}

fn header_key(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Guesses the mapping from header names.
pub fn guess_columns(headers: &[String]) -> SignatureColumns {
    let mut columns = SignatureColumns::default();
    for (index, header) in headers.iter().enumerate() {
        let key = header_key(header);
        let slot = match key.as_str() {
            "organisation" | "organization" | "org" | "name" | "organisationname" | "organizationname" => &mut columns.organisation,
            "country" => &mut columns.country,
            "signer" | "signername" | "signatory" | "fullname" | "yourname" => &mut columns.signer,
            "signertitle" | "title" | "jobtitle" | "position" | "role" => &mut columns.signer_title,
            "date" | "signedon" | "timestamp" | "submittedat" | "completiontime" => &mut columns.date,
            "email" | "emailaddress" => &mut columns.email,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(index as u32);
        }
    }
    columns
}

/// Reads a file for the wizard's first steps.
pub fn preview_file(bytes: &[u8]) -> Result<TablePreview> {
    let table = read_any(bytes)?;
    let rows: Vec<PreviewRow> = table
        .rows
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| PreviewRow { line: r.line as u32, cells: r.cells.clone() })
        .collect();
    Ok(TablePreview {
        columns: guess_columns(&table.headers),
        total_rows: rows.len() as u32,
        rows: rows.into_iter().take(20).collect(),
        headers: table.headers,
    })
}

fn cell(table_row: &[String], index: Option<u32>) -> Option<String> {
    let value = tidy(table_row.get(index? as usize)?);
    (!value.is_empty()).then_some(value)
}

/// Timestamps from form tools ("2023-05-04 10:12:01", "2023/05/04 10:12") become dates.
fn date_of(text: &str) -> std::result::Result<Option<String>, FieldError> {
    let head: String = text.trim().chars().take(10).collect::<String>().replace('/', "-");
    optional_date("date", Some(&head)).map(|d| d.map(|d| d.format("%Y-%m-%d").to_string()))
}

/// Builds a matcher over every organisation that is not archived.
pub fn matcher(store: &Store) -> Result<Matcher> {
    Ok(Matcher::new(store.read(organisations::store::candidates)?))
}

fn require_organisation_column(table: &Table, columns: &SignatureColumns) -> Result<()> {
    match columns.organisation {
        Some(i) if (i as usize) < table.headers.len() => Ok(()),
        _ => Err(CoreError::BadFile(format!(
            "line 1: organisation: no column gives the organisation (found: {})",
            table.headers.join(", ")
        ))),
    }
}

/// Matches every row of a file: exact matches and suggestions, and problems in other cells.
pub fn analyse(store: &Store, bytes: &[u8], columns: &SignatureColumns) -> Result<Vec<RowMatch>> {
    let table = read_any(bytes)?;
    require_organisation_column(&table, columns)?;
    let matcher = matcher(store)?;
    Ok(analyse_table(&table, columns, &matcher))
}

fn analyse_table(table: &Table, columns: &SignatureColumns, matcher: &Matcher) -> Vec<RowMatch> {
    table
        .rows
        .iter()
        .filter(|r| !r.is_blank())
        .map(|row| {
            let line = row.line as u32;
            let organisation = cell(&row.cells, columns.organisation).unwrap_or_default();
            let mut issues = Vec::new();
            if let Some(Err(e)) = cell(&row.cells, columns.date).map(|d| date_of(&d)) {
                issues.push(ImportIssue { line, field: e.field, message: e.message });
            }
            let outcome = if organisation.is_empty() {
                issues.insert(0, ImportIssue { line, field: "organisation".into(), message: "organisation is required".into() });
                MatchOutcome::Suggestions { suggestions: vec![] }
            } else {
                matcher.find(&organisation)
            };
            RowMatch { line, organisation, country: cell(&row.cells, columns.country), signer: cell(&row.cells, columns.signer), outcome, issues }
        })
        .collect()
}

fn did_you_mean(suggestions: &[Suggestion]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean: {})", suggestions.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; "))
    }
}

/// The CLI's decisions: exact matches sign, the rest are created (`create_missing`) or
/// reported as unmatched.
pub fn automatic_decisions(matches: &[RowMatch], options: &SignatureImportOptions) -> (Vec<RowDecision>, Vec<ImportIssue>) {
    let mut decisions = Vec::new();
    let mut issues = Vec::new();
    for row in matches {
        match &row.outcome {
            MatchOutcome::Exact { id, .. } => decisions.push(RowDecision::Organisation { line: row.line, organisation_id: id.clone() }),
            MatchOutcome::Suggestions { .. } if row.organisation.is_empty() => {}
            MatchOutcome::Suggestions { .. } if options.create_missing => decisions.push(RowDecision::Create { line: row.line }),
            MatchOutcome::Suggestions { suggestions } => issues.push(ImportIssue {
                line: row.line,
                field: "organisation".into(),
                message: format!("no match for \"{}\"{}", row.organisation, did_you_mean(suggestions)),
            }),
        }
    }
    (decisions, issues)
}

/// Applies the decisions in one transaction: all or nothing unless `skip_invalid`.
pub fn apply(
    store: &Store,
    letter_id: &str,
    bytes: &[u8],
    columns: &SignatureColumns,
    decisions: &[RowDecision],
    extra_issues: Vec<ImportIssue>,
    options: &SignatureImportOptions,
) -> Result<SignatureImportReport> {
    apply_with_progress(store, letter_id, bytes, columns, decisions, extra_issues, options, &mut Progress::none())
}

/// [`apply`], reporting a decision at a time; when cancelled it returns
/// `CoreError::Cancelled` and the transaction is rolled back.
#[allow(clippy::too_many_arguments)]
pub fn apply_with_progress(
    store: &Store,
    letter_id: &str,
    bytes: &[u8],
    columns: &SignatureColumns,
    decisions: &[RowDecision],
    extra_issues: Vec<ImportIssue>,
    options: &SignatureImportOptions,
    progress: &mut Progress<'_>,
) -> Result<SignatureImportReport> {
    let table = read_any(bytes)?;
    require_organisation_column(&table, columns)?;
    let rows: HashMap<u32, &Vec<String>> =
        table.rows.iter().filter(|r| !r.is_blank()).map(|r| (r.line as u32, &r.cells)).collect();
    let mut report = SignatureImportReport { rows: rows.len() as u32, ..Default::default() };
    let mut issues = extra_issues;
    report.rejected = issues.iter().map(|i| i.line).collect::<std::collections::BTreeSet<_>>().len() as u32;
    let mut seen_orgs: HashMap<String, u32> = HashMap::new();
    progress.phase(ProgressPhase::Importing, Some(decisions.len() as u64))?;
    store.write_deciding(|conn| {
        store::get(conn, letter_id)?;
        let mut decided: Vec<&RowDecision> = decisions.iter().collect();
        decided.sort_by_key(|d| d.line());
        for decision in decided {
            progress.tick()?;
            let line = decision.line();
            let Some(cells) = rows.get(&line) else {
                issues.push(ImportIssue { line, field: "line".into(), message: "the file has no such row".into() });
                report.rejected += 1;
                continue;
            };
            if matches!(decision, RowDecision::Skip { .. }) {
                report.rejected += 1;
                continue;
            }
            conn.execute_batch("SAVEPOINT signature_row")?;
            match apply_row(conn, letter_id, cells, columns, decision, line, &mut seen_orgs) {
                Ok((written, created_org)) => {
                    conn.execute_batch("RELEASE signature_row")?;
                    report.organisations_created += u32::from(created_org);
                    match written {
                        Written::Created => report.signed += 1,
                        Written::Updated => report.updated += 1,
                        Written::Unchanged => report.unchanged += 1,
                    }
                }
                Err(CoreError::Invalid(errors)) => {
                    conn.execute_batch("ROLLBACK TO signature_row; RELEASE signature_row")?;
                    report.rejected += 1;
                    issues.extend(errors.into_iter().map(|e| ImportIssue { line, field: e.field, message: e.message }));
                }
                Err(other) => return Err(other),
            }
        }
        issues.sort_by_key(|i| i.line);
        report.issues = std::mem::take(&mut issues);
        report.committed = !options.dry_run && (report.issues.is_empty() || options.skip_invalid);
        let commit = report.committed;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok((std::mem::take(&mut report), commit))
    })
}

fn apply_row(
    conn: &Connection,
    letter_id: &str,
    cells: &[String],
    columns: &SignatureColumns,
    decision: &RowDecision,
    line: u32,
    seen: &mut HashMap<String, u32>,
) -> Result<(Written, bool)> {
    let date = match cell(cells, columns.date).map(|d| date_of(&d)).transpose() {
        Ok(date) => date.flatten(),
        Err(e) => return Err(CoreError::Invalid(vec![e])),
    };
    let (organisation_id, created) = match decision {
        RowDecision::Organisation { organisation_id, .. } => (organisation_id.clone(), false),
        RowDecision::Create { .. } => {
            let name = cell(cells, columns.organisation).unwrap_or_default();
            let country = cell(cells, columns.country).ok_or_else(|| {
                CoreError::invalid("country", format!("country is required to create \"{name}\""))
            })?;
            let input = OrganisationInput { name, country, org_type: OrgType::Other, ..Default::default() };
            let org = organisations::store::insert(conn, &input).map_err(|e| match e {
                CoreError::Invalid(errors) => CoreError::Invalid(errors),
                other => other,
            })?;
            (org.id, true)
        }
        RowDecision::Skip { .. } => unreachable!("skipped rows are not applied"),
    };
    if let Some(first) = seen.insert(organisation_id.clone(), line) {
        return Err(CoreError::invalid("organisation", format!("the same organisation already signed on line {first}")));
    }
    let existing = store::signature_of(conn, letter_id, &organisation_id)?;
    let signer = cell(cells, columns.signer);
    // A signer named in the file is linked by name (in the store); otherwise the link stays.
    let signer_person_id = if signer.is_some() { None } else { existing.as_ref().and_then(|s| s.signer_person_id.clone()) };
    let input = SignatureInput {
        state: SignatureState::Signed,
        // A re-import keeps the recorded date unless the file gives one.
        date: date.or_else(|| existing.as_ref().and_then(|s| s.signed_on.clone())),
        channel: existing.as_ref().and_then(|s| s.channel),
        publish_organisation: existing.as_ref().map(|s| s.publish_organisation).unwrap_or(true),
        publish_signer: existing.as_ref().map(|s| s.publish_signer).unwrap_or(signer.is_some()),
        display_name: existing.as_ref().and_then(|s| s.display_name.clone()),
        signer_name: signer.or_else(|| existing.as_ref().and_then(|s| s.signer_name.clone())),
        signer_title: cell(cells, columns.signer_title).or_else(|| existing.as_ref().and_then(|s| s.signer_title.clone())),
        signer_person_id,
        withdrawal_reason: None,
    };
    let (_, written) = store::set_signature(conn, letter_id, &organisation_id, &input)?;
    Ok((written, created))
}

/// The CLI's import: automatic mapping from the header, automatic decisions.
pub fn import_file(store: &Store, letter_id: &str, bytes: &[u8], options: &SignatureImportOptions) -> Result<SignatureImportReport> {
    let table = read_any(bytes)?;
    let columns = guess_columns(&table.headers);
    require_organisation_column(&table, &columns)?;
    let matcher = matcher(store)?;
    let matches = analyse_table(&table, &columns, &matcher);
    let mut row_issues: Vec<ImportIssue> = matches.iter().flat_map(|m| m.issues.clone()).collect();
    let (mut decisions, unmatched) = automatic_decisions(&matches, options);
    let bad_lines: std::collections::BTreeSet<u32> = row_issues.iter().map(|i| i.line).collect();
    decisions.retain(|d| !bad_lines.contains(&d.line()));
    row_issues.extend(unmatched);
    apply(store, letter_id, bytes, &columns, &decisions, row_issues, options)
}

/// [`preview_file`] for a file on disk.
pub fn preview_path(path: &std::path::Path) -> Result<TablePreview> {
    preview_file(&crate::tabular::read_file(path)?)
}

/// [`analyse`] for a file on disk.
pub fn analyse_path(store: &Store, path: &std::path::Path, columns: &SignatureColumns) -> Result<Vec<RowMatch>> {
    analyse(store, &crate::tabular::read_file(path)?, columns)
}

/// [`apply`] for a file on disk, with the coordinator's decisions (the wizard's last step).
/// Rows with problems in their cells are reported and left out unless every row is fine.
pub fn apply_path(
    store: &Store,
    letter_id: &str,
    path: &std::path::Path,
    columns: &SignatureColumns,
    decisions: &[RowDecision],
    options: &SignatureImportOptions,
) -> Result<SignatureImportReport> {
    apply_path_with_progress(store, letter_id, path, columns, decisions, options, &mut Progress::none())
}

/// [`apply_path`], reporting its progress and stopping when cancelled (nothing written).
pub fn apply_path_with_progress(
    store: &Store,
    letter_id: &str,
    path: &std::path::Path,
    columns: &SignatureColumns,
    decisions: &[RowDecision],
    options: &SignatureImportOptions,
    progress: &mut Progress<'_>,
) -> Result<SignatureImportReport> {
    progress.phase(ProgressPhase::Reading, None)?;
    let bytes = crate::tabular::read_file(path)?;
    apply_with_progress(store, letter_id, &bytes, columns, decisions, vec![], options, progress)
}
