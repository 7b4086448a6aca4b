//! Importing organisations from a coordinator's spreadsheet (CSV or XLSX). All or nothing unless
//! asked to skip bad rows; a name that matches an existing organisation updates it; running
//! the same file twice changes nothing.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{OrgType, Organisation, OrganisationInput};
use super::store;
use crate::error::{CoreError, FieldError, Result};
use crate::progress::{Progress, ProgressPhase};
use crate::memberships::{self, MembershipStatus, MembershipTier, MembershipUpdate, NewMembership, StatusChangeInput};
use crate::store::today;
use crate::tabular::{read_any, TableRow};
use crate::text::{fold, tidy};
use crate::Store;

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOptions {
    /// Work out everything, write nothing.
    pub dry_run: bool,
    /// Import the good rows even when some are bad (the bad ones are still reported).
    pub skip_invalid: bool,
    /// Which column gives which field (the import wizard's mapping). Absent: the columns are
    /// recognised by their header names.
    #[serde(default)]
    #[ts(optional)]
    pub columns: Option<Vec<ColumnChoice>>,
}

/// One field of an import and the column (0-based, in the header row) that gives it; `None`
/// when the file has no column for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnChoice {
    /// The field, as named in the import's issues (`name`, `short_name`, `family_name`...).
    pub field: String,
    /// Index of the column in the header row.
    pub column: Option<u32>,
}

/// The guessed mapping for a header row: every field in order, each with the column whose
/// header names it (the first one when several do).
pub(crate) fn guess<C: Copy + Eq>(headers: &[String], all: &[C], from_header: fn(&str) -> Option<C>, field: fn(C) -> &'static str) -> Vec<ColumnChoice> {
    all.iter()
        .map(|&wanted| ColumnChoice {
            field: field(wanted).to_string(),
            column: headers.iter().position(|h| !h.trim().is_empty() && from_header(h) == Some(wanted)).map(|i| i as u32),
        })
        .collect()
}

/// Reads a mapping chosen in the wizard: each field once, each column in the file; the
/// columns no field takes are the ignored ones.
pub(crate) fn mapped<C: Copy + Eq + std::hash::Hash>(
    headers: &[String],
    choices: &[ColumnChoice],
    all: &[C],
    field: fn(C) -> &'static str,
) -> Result<(HashMap<C, usize>, Vec<String>)> {
    let mut columns: HashMap<C, usize> = HashMap::new();
    for choice in choices {
        let Some(column) = all.iter().copied().find(|c| field(*c) == choice.field) else {
            return Err(CoreError::BadFile(format!("line 1: {}: there is no such field to import", choice.field)));
        };
        let Some(index) = choice.column else { continue };
        let index = index as usize;
        if index >= headers.len() {
            return Err(CoreError::BadFile(format!(
                "line 1: {}: column {} is not in the file (it has {} columns)",
                choice.field,
                index + 1,
                headers.len()
            )));
        }
        if columns.insert(column, index).is_some() {
            return Err(CoreError::BadFile(format!("line 1: {}: the field is mapped twice", choice.field)));
        }
    }
    let ignored = headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.trim().is_empty() && !columns.values().any(|v| v == i))
        .map(|(_, h)| h.clone())
        .collect();
    Ok((columns, ignored))
}

/// One refused cell of one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportIssue {
    /// 1-based line in the file (the header is line 1).
    pub line: u32,
    /// The column's field name.
    pub field: String,
    /// Why it was refused.
    pub message: String,
}

impl std::fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.field, self.message)
    }
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    /// Data rows read (blank rows are not counted).
    pub rows: u32,
    /// Organisations created.
    pub created: u32,
    /// Organisations updated.
    pub updated: u32,
    /// Rows that matched an organisation and changed nothing.
    pub unchanged: u32,
    /// Rows refused.
    pub rejected: u32,
    /// Every refusal, by line.
    pub issues: Vec<ImportIssue>,
    /// Header cells that are not known columns; their data is ignored.
    pub ignored_columns: Vec<String>,
    /// Whether the changes were written.
    pub committed: bool,
}

impl ImportReport {
    /// The one-line summary the CLI prints.
    pub fn summary(&self) -> String {
        format!("created {}, updated {}, unchanged {}, rejected {}", self.created, self.updated, self.unchanged, self.rejected)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Name,
    ShortName,
    Country,
    Type,
    Website,
    Email,
    Phone,
    Notes,
    Status,
    Tier,
    Joined,
}

impl Column {
    const ALL: [Column; 11] = [
        Column::Name,
        Column::ShortName,
        Column::Country,
        Column::Type,
        Column::Website,
        Column::Email,
        Column::Phone,
        Column::Notes,
        Column::Status,
        Column::Tier,
        Column::Joined,
    ];

    fn from_header(header: &str) -> Option<Column> {
        let key: String = header
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "name" | "organisation" | "organization" | "organisationname" | "organizationname" => Column::Name,
            "shortname" | "acronym" => Column::ShortName,
            "country" | "countrycode" => Column::Country,
            "type" | "orgtype" | "organisationtype" | "organizationtype" => Column::Type,
            "website" | "web" | "url" => Column::Website,
            "email" => Column::Email,
            "phone" | "telephone" | "tel" => Column::Phone,
            "notes" | "note" => Column::Notes,
            "membershipstatus" | "status" => Column::Status,
            "tier" | "membershiptier" => Column::Tier,
            "joinedon" | "joined" => Column::Joined,
            _ => return None,
        })
    }

    fn field(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::ShortName => "short_name",
            Column::Country => "country",
            Column::Type => "type",
            Column::Website => "website",
            Column::Email => "email",
            Column::Phone => "phone",
            Column::Notes => "notes",
            Column::Status => "membership_status",
            Column::Tier => "tier",
            Column::Joined => "joined_on",
        }
    }
}

/// Maps core field names to the import's column names.
fn column_field(field: &str) -> String {
    match field {
        "org_type" => "type",
        "status" => "membership_status",
        other => other,
    }
    .to_string()
}

struct Layout {
    columns: HashMap<Column, usize>,
    ignored: Vec<String>,
}

/// The mapping the import would use for this header row: every field, with the column whose
/// header it recognises (the wizard's first guess).
pub fn guess_columns(headers: &[String]) -> Vec<ColumnChoice> {
    guess(headers, &Column::ALL, Column::from_header, Column::field)
}

fn layout(headers: &[String], choices: Option<&[ColumnChoice]>) -> Result<Layout> {
    if let Some(choices) = choices {
        let (columns, ignored) = mapped(headers, choices, &Column::ALL, Column::field)?;
        if !columns.contains_key(&Column::Name) {
            return Err(CoreError::BadFile("line 1: name: no column is mapped to the name".into()));
        }
        return Ok(Layout { columns, ignored });
    }
    let mut columns: HashMap<Column, usize> = HashMap::new();
    let mut ignored = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        if header.trim().is_empty() {
            continue;
        }
        match Column::from_header(header) {
            Some(column) => {
                if let Some(previous) = columns.insert(column, index) {
                    return Err(CoreError::BadFile(format!(
                        "line 1: {}: columns \"{}\" and \"{}\" both give the {}",
                        column.field(),
                        headers[previous],
                        header,
                        column.field().replace('_', " ")
                    )));
                }
            }
            None => ignored.push(header.clone()),
        }
    }
    if !columns.contains_key(&Column::Name) {
        return Err(CoreError::BadFile(format!(
            "line 1: name: the header has no name column (found: {})",
            headers.join(", ")
        )));
    }
    Ok(Layout { columns, ignored })
}

struct Cells<'a> {
    layout: &'a Layout,
    row: &'a TableRow,
}

impl Cells<'_> {
    fn get(&self, column: Column) -> Option<String> {
        let index = *self.layout.columns.get(&column)?;
        let value = self.row.cells.get(index)?.trim();
        (!value.is_empty()).then(|| value.to_string())
    }
}

/// Reads and imports a CSV file.
pub fn import_file(store: &Store, path: &std::path::Path, options: ImportOptions) -> Result<ImportReport> {
    import_file_with_progress(store, path, options, &mut Progress::none())
}

/// [`import_file`], reporting its progress and stopping when cancelled (nothing written).
pub fn import_file_with_progress(
    store: &Store,
    path: &std::path::Path,
    options: ImportOptions,
    progress: &mut Progress<'_>,
) -> Result<ImportReport> {
    progress.phase(ProgressPhase::Reading, None)?;
    let bytes = std::fs::read(path).map_err(|source| CoreError::Io { context: format!("cannot read {}", path.display()), source })?;
    let source = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    import_csv_with_progress(store, &bytes, &source, options, progress)
}

/// Imports organisations from CSV bytes. `source` names the file in history notes.
pub fn import_csv(store: &Store, bytes: &[u8], source: &str, options: ImportOptions) -> Result<ImportReport> {
    import_csv_with_progress(store, bytes, source, options, &mut Progress::none())
}

/// [`import_csv`], reporting a row at a time; when cancelled it returns
/// `CoreError::Cancelled` and the transaction is rolled back.
pub fn import_csv_with_progress(
    store: &Store,
    bytes: &[u8],
    source: &str,
    options: ImportOptions,
    progress: &mut Progress<'_>,
) -> Result<ImportReport> {
    let table = read_any(bytes)?;
    let layout = layout(&table.headers, options.columns.as_deref())?;
    let rows: Vec<&TableRow> = table.rows.iter().filter(|row| !row.is_blank()).collect();

    let mut report = ImportReport { rows: rows.len() as u32, ignored_columns: layout.ignored.clone(), ..Default::default() };
    let mut issues: Vec<ImportIssue> = Vec::new();

    // Two rows naming the same organisation: an error on both lines.
    let mut lines_by_key: HashMap<String, Vec<u32>> = HashMap::new();
    for row in &rows {
        if let Some(name) = (Cells { layout: &layout, row }).get(Column::Name) {
            lines_by_key.entry(fold(&name)).or_default().push(row.line as u32);
        }
    }
    let duplicated: HashMap<u32, Vec<u32>> = lines_by_key
        .values()
        .filter(|lines| lines.len() > 1)
        .flat_map(|lines| lines.iter().map(move |line| (*line, lines.iter().copied().filter(|l| l != line).collect())))
        .collect();

    let note = format!("Imported from {source}");
    progress.phase(ProgressPhase::Importing, Some(rows.len() as u64))?;
    let report = store.write_deciding(|conn| {
        for row in &rows {
            progress.tick()?;
            let line = row.line as u32;
            let cells = Cells { layout: &layout, row };
            if let Some(others) = duplicated.get(&line) {
                let name = cells.get(Column::Name).unwrap_or_default();
                let list = others.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
                issues.push(ImportIssue {
                    line,
                    field: "name".into(),
                    message: format!("\"{name}\" also appears on line {list}"),
                });
                report.rejected += 1;
                continue;
            }
            conn.execute_batch("SAVEPOINT import_row")?;
            match import_row(conn, &cells, &note) {
                Ok(outcome) => {
                    conn.execute_batch("RELEASE import_row")?;
                    match outcome {
                        Outcome::Created => report.created += 1,
                        Outcome::Updated => report.updated += 1,
                        Outcome::Unchanged => report.unchanged += 1,
                    }
                }
                Err(RowError::Fields(errors)) => {
                    conn.execute_batch("ROLLBACK TO import_row; RELEASE import_row")?;
                    report.rejected += 1;
                    issues.extend(errors.into_iter().map(|e| ImportIssue { line, field: column_field(&e.field), message: e.message }));
                }
                Err(RowError::Fault(error)) => return Err(error),
            }
        }
        issues.sort_by_key(|issue| issue.line);
        report.issues = std::mem::take(&mut issues);
        report.committed = !options.dry_run && (report.issues.is_empty() || options.skip_invalid);
        let commit = report.committed;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok((std::mem::take(&mut report), commit))
    })?;
    Ok(report)
}

enum Outcome {
    Created,
    Updated,
    Unchanged,
}

enum RowError {
    Fields(Vec<FieldError>),
    Fault(CoreError),
}

impl From<CoreError> for RowError {
    fn from(error: CoreError) -> Self {
        match error {
            CoreError::Invalid(errors) => RowError::Fields(errors),
            CoreError::Conflict(message) | CoreError::NotFound(message) => {
                RowError::Fields(vec![FieldError::new("membership_status", message)])
            }
            other => RowError::Fault(other),
        }
    }
}

impl From<rusqlite::Error> for RowError {
    fn from(error: rusqlite::Error) -> Self {
        RowError::Fault(error.into())
    }
}

fn parse_enum<T>(cells: &Cells<'_>, column: Column, parse: fn(&str) -> std::result::Result<T, String>, errors: &mut Vec<FieldError>) -> Option<T> {
    let text = cells.get(column)?;
    parse(&text).map_err(|message| errors.push(FieldError::new(column.field(), message))).ok()
}

fn import_row(conn: &Connection, cells: &Cells<'_>, note: &str) -> std::result::Result<Outcome, RowError> {
    let mut errors = Vec::new();
    let org_type = parse_enum(cells, Column::Type, OrgType::parse, &mut errors);
    let status = parse_enum(cells, Column::Status, MembershipStatus::parse, &mut errors);
    let tier = parse_enum(cells, Column::Tier, MembershipTier::parse, &mut errors);
    let joined = cells.get(Column::Joined);
    if let Some(text) = &joined {
        if let Err(e) = crate::memberships::rules::optional_date("joined_on", Some(text)) {
            errors.push(e);
        }
    }
    let Some(name) = cells.get(Column::Name) else {
        errors.insert(0, FieldError::new("name", "name is required"));
        return Err(RowError::Fields(errors));
    };
    let existing = store::find_by_name_key(conn, &fold(&tidy(&name)))?;
    let given = |column| cells.get(column);
    let input = match &existing {
        // Blank cells keep what is stored: an import never erases data.
        Some(org) => OrganisationInput {
            name: org.name.clone(),
            short_name: given(Column::ShortName).or_else(|| org.short_name.clone()),
            org_type: org_type.unwrap_or(org.org_type),
            country: given(Column::Country).unwrap_or_else(|| org.country.clone()),
            website: given(Column::Website).or_else(|| org.website.clone()),
            email: given(Column::Email).or_else(|| org.email.clone()),
            phone: given(Column::Phone).or_else(|| org.phone.clone()),
            notes: given(Column::Notes).or_else(|| org.notes.clone()),
        },
        None => OrganisationInput {
            name,
            short_name: given(Column::ShortName),
            org_type: org_type.unwrap_or_default(),
            country: given(Column::Country).unwrap_or_default(),
            website: given(Column::Website),
            email: given(Column::Email),
            phone: given(Column::Phone),
            notes: given(Column::Notes),
        },
    };
    if let Err(mut field_errors) = super::rules::validate(&input) {
        field_errors.append(&mut errors);
        return Err(RowError::Fields(field_errors));
    }
    if !errors.is_empty() {
        return Err(RowError::Fields(errors));
    }
    let (org, mut changed, created): (Organisation, bool, bool) = match existing {
        Some(org) => {
            let (org, changed) = store::update(conn, &org.id, &input)?;
            (org, changed, false)
        }
        None => (store::insert(conn, &input)?, true, true),
    };
    changed |= apply_membership(conn, &org.id, status, tier, joined, note)?;
    Ok(if created {
        Outcome::Created
    } else if changed {
        Outcome::Updated
    } else {
        Outcome::Unchanged
    })
}

fn apply_membership(
    conn: &Connection,
    organisation_id: &str,
    status: Option<MembershipStatus>,
    tier: Option<MembershipTier>,
    joined: Option<String>,
    note: &str,
) -> Result<bool> {
    if status.is_none() && tier.is_none() && joined.is_none() {
        return Ok(false);
    }
    let Some(current) = memberships::store::get(conn, organisation_id)? else {
        let status = status.unwrap_or(if joined.is_some() { MembershipStatus::Active } else { MembershipStatus::Prospect });
        let membership = NewMembership { status, tier: tier.unwrap_or(MembershipTier::Full), joined_on: joined };
        memberships::store::start(conn, organisation_id, &membership, Some(note))?;
        return Ok(true);
    };
    let mut changed = false;
    if let Some(status) = status.filter(|s| *s != current.status) {
        let change = StatusChangeInput { status, effective_on: today().format("%Y-%m-%d").to_string(), note: Some(note.into()) };
        memberships::store::change_status(conn, organisation_id, &change)?;
        changed = true;
    }
    let now = memberships::store::get(conn, organisation_id)?.expect("membership exists");
    let update = MembershipUpdate {
        tier: tier.unwrap_or(now.tier),
        joined_on: joined.or(now.joined_on.clone()),
        left_on: now.left_on.clone(),
    };
    changed |= memberships::store::update(conn, organisation_id, &update)?;
    Ok(changed)
}
