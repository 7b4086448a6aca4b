//! Importing people from a coordinator's spreadsheet (CSV or XLSX), on the organisations
//! import's rules: all or nothing unless asked to skip bad rows, `line N: field: reason`,
//! a savepoint per row, a dry run that is the same code rolled back. An email that already
//! belongs to a person updates that person instead of creating a second one.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{
    AffiliationInput, EmailLabel, LabelledEmail, LabelledPhone, LawfulBasis, PersonDuplicateReason, PersonInput, PhoneLabel,
};
use super::rules::email_key;
use super::store;
use crate::error::{CoreError, FieldError, Result};
use crate::organisations::rules::normalise_email;
use crate::organisations::import::{guess, mapped};
use crate::organisations::{ColumnChoice, ImportIssue, ImportOptions};
use crate::progress::{Progress, ProgressPhase};
use crate::tabular::{read_any, TableRow};
use crate::text::{fold, tidy};
use crate::Store;

/// What a people import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeopleImportReport {
    /// Data rows read (blank rows are not counted).
    pub rows: u32,
    /// People created.
    pub created: u32,
    /// People updated (found by email).
    pub updated: u32,
    /// Rows that found a person and changed nothing.
    pub unchanged: u32,
    /// Rows refused.
    pub skipped: u32,
    /// Every refusal, by line.
    pub issues: Vec<ImportIssue>,
    /// Rows whose person may duplicate another one (flagged, never merged).
    pub possible_duplicates: Vec<ImportIssue>,
    /// Header cells that are not known columns; their data is ignored.
    pub ignored_columns: Vec<String>,
    /// Whether the changes were written.
    pub committed: bool,
}

impl PeopleImportReport {
    /// The one-line summary the CLI prints.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "created {}, updated {}, unchanged {}, skipped {}",
            self.created, self.updated, self.unchanged, self.skipped
        );
        if !self.possible_duplicates.is_empty() {
            line.push_str(&format!(", possible duplicates {}", self.possible_duplicates.len()));
        }
        line
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    GivenName,
    FamilyName,
    DisplayName,
    Honorific,
    Email,
    EmailWork,
    EmailPersonal,
    Phone,
    Mobile,
    Country,
    Languages,
    Organisation,
    JobTitle,
    FocalPoint,
    Notes,
    LawfulBasis,
    Source,
    ConsentDate,
    Sensitive,
}

impl Column {
    const ALL: [Column; 19] = [
        Column::GivenName,
        Column::FamilyName,
        Column::DisplayName,
        Column::Honorific,
        Column::Email,
        Column::EmailWork,
        Column::EmailPersonal,
        Column::Phone,
        Column::Mobile,
        Column::Country,
        Column::Languages,
        Column::Organisation,
        Column::JobTitle,
        Column::FocalPoint,
        Column::Notes,
        Column::LawfulBasis,
        Column::Source,
        Column::ConsentDate,
        Column::Sensitive,
    ];

    fn from_header(header: &str) -> Option<Column> {
        let key: String = header
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '(' | ')' | '.' | ':'))
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "givenname" | "firstname" | "forename" | "given" => Column::GivenName,
            "familyname" | "lastname" | "surname" | "family" => Column::FamilyName,
            "displayname" | "fullname" => Column::DisplayName,
            "honorific" | "title" | "salutation" => Column::Honorific,
            "email" | "emailaddress" | "mail" => Column::Email,
            "emailwork" | "workemail" => Column::EmailWork,
            "emailpersonal" | "personalemail" | "emailprivate" | "privateemail" => Column::EmailPersonal,
            "phone" | "telephone" | "tel" | "phonework" | "workphone" => Column::Phone,
            "mobile" | "mobilephone" | "cell" | "cellphone" | "phonemobile" => Column::Mobile,
            "country" | "countrycode" => Column::Country,
            "languages" | "language" | "langs" => Column::Languages,
            "organisation" | "organization" | "org" | "organisationname" | "organizationname" | "employer" => {
                Column::Organisation
            }
            "jobtitle" | "job" | "position" | "role" | "function" => Column::JobTitle,
            "focalpoint" | "focal" => Column::FocalPoint,
            "notes" | "note" => Column::Notes,
            "lawfulbasis" | "legalbasis" | "basis" | "gdprbasis" => Column::LawfulBasis,
            "source" | "datasource" | "sourceofdata" => Column::Source,
            "consentdate" | "consentgiven" | "consentedon" | "consenton" => Column::ConsentDate,
            "sensitive" | "sensitiveperson" => Column::Sensitive,
            _ => return None,
        })
    }

    fn field(self) -> &'static str {
        match self {
            Column::GivenName => "given_name",
            Column::FamilyName => "family_name",
            Column::DisplayName => "display_name",
            Column::Honorific => "honorific",
            Column::Email => "email",
            Column::EmailWork => "email_work",
            Column::EmailPersonal => "email_personal",
            Column::Phone => "phone",
            Column::Mobile => "mobile",
            Column::Country => "country",
            Column::Languages => "languages",
            Column::Organisation => "organisation",
            Column::JobTitle => "job_title",
            Column::FocalPoint => "focal_point",
            Column::Notes => "notes",
            Column::LawfulBasis => "lawful_basis",
            Column::Source => "source",
            Column::ConsentDate => "consent_date",
            Column::Sensitive => "sensitive",
        }
    }
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
        if !columns.contains_key(&Column::FamilyName) {
            return Err(CoreError::BadFile("line 1: family_name: no column is mapped to the family name".into()));
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
    if !columns.contains_key(&Column::FamilyName) {
        return Err(CoreError::BadFile(format!(
            "line 1: family_name: the header has no family_name column (found: {})",
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

/// Reads and imports a CSV or XLSX file.
pub fn import_file(store: &Store, path: &std::path::Path, options: ImportOptions) -> Result<PeopleImportReport> {
    import_file_with_progress(store, path, options, &mut Progress::none())
}

/// [`import_file`], reporting its progress and stopping when cancelled (nothing written).
pub fn import_file_with_progress(
    store: &Store,
    path: &std::path::Path,
    options: ImportOptions,
    progress: &mut Progress<'_>,
) -> Result<PeopleImportReport> {
    progress.phase(ProgressPhase::Reading, None)?;
    let bytes = crate::tabular::read_file(path)?;
    import_bytes_with_progress(store, &bytes, options, progress)
}

/// Imports people from the bytes of a CSV or XLSX file.
pub fn import_bytes(store: &Store, bytes: &[u8], options: ImportOptions) -> Result<PeopleImportReport> {
    import_bytes_with_progress(store, bytes, options, &mut Progress::none())
}

/// [`import_bytes`], reporting a row at a time; when cancelled it returns
/// `CoreError::Cancelled` and the transaction is rolled back.
pub fn import_bytes_with_progress(
    store: &Store,
    bytes: &[u8],
    options: ImportOptions,
    progress: &mut Progress<'_>,
) -> Result<PeopleImportReport> {
    let table = read_any(bytes)?;
    let layout = layout(&table.headers, options.columns.as_deref())?;
    let rows: Vec<&TableRow> = table.rows.iter().filter(|row| !row.is_blank()).collect();
    let mut report =
        PeopleImportReport { rows: rows.len() as u32, ignored_columns: layout.ignored.clone(), ..Default::default() };
    progress.phase(ProgressPhase::Importing, Some(rows.len() as u64))?;
    store.write_deciding(|conn| {
        for row in &rows {
            progress.tick()?;
            let line = row.line as u32;
            let cells = Cells { layout: &layout, row };
            conn.execute_batch("SAVEPOINT import_person")?;
            match import_row(conn, &cells) {
                Ok((outcome, person_id)) => {
                    conn.execute_batch("RELEASE import_person")?;
                    match outcome {
                        Outcome::Created => report.created += 1,
                        Outcome::Updated => report.updated += 1,
                        Outcome::Unchanged => report.unchanged += 1,
                    }
                    for pair in store::duplicates(conn, Some(&person_id))? {
                        let other = if pair.a.id == person_id { &pair.b } else { &pair.a };
                        let why = match pair.reason {
                            PersonDuplicateReason::SameEmail => format!("same email {}", pair.shared),
                            PersonDuplicateReason::SameNameSameOrganisation => format!("same name at {}", pair.shared),
                        };
                        report.possible_duplicates.push(ImportIssue {
                            line,
                            field: "family_name".into(),
                            message: format!("possible duplicate of \"{}\" ({why})", other.display_name),
                        });
                    }
                }
                Err(RowError::Fields(errors)) => {
                    conn.execute_batch("ROLLBACK TO import_person; RELEASE import_person")?;
                    report.skipped += 1;
                    report.issues.extend(errors.into_iter().map(|e| ImportIssue { line, field: e.field, message: e.message }));
                }
                Err(RowError::Fault(error)) => return Err(error),
            }
        }
        report.committed = !options.dry_run && (report.issues.is_empty() || options.skip_invalid);
        let commit = report.committed;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok((std::mem::take(&mut report), commit))
    })
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
            CoreError::Invalid(errors) => RowError::Fields(errors.into_iter().map(column_error).collect()),
            CoreError::Conflict(message) | CoreError::NotFound(message) => {
                RowError::Fields(vec![FieldError::new("organisation", message)])
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

/// Names a core field error by the import's column.
fn column_error(error: FieldError) -> FieldError {
    let field = match error.field.as_str() {
        f if f.starts_with("emails.") => "email",
        f if f.starts_with("phones.") => "phone",
        "organisation_id" => "organisation",
        other => other,
    };
    FieldError { field: field.to_string(), message: error.message }
}

fn parse_flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "oui" | "ja" | "si" | "sí" => Some(true),
        "no" | "n" | "false" | "0" | "non" | "nee" | "nein" => Some(false),
        _ => None,
    }
}

fn split_languages(text: &str) -> Vec<String> {
    text.split([';', ',']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// The organisation named by a cell: its name or short name, folded.
fn find_organisation(conn: &Connection, text: &str) -> Result<Option<(String, String)>> {
    let key = fold(&tidy(text));
    let by_name = conn
        .prepare_cached("SELECT id, name FROM organisations WHERE name_key = ?1")?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if by_name.is_some() {
        return Ok(by_name);
    }
    let mut stmt = conn.prepare_cached("SELECT id, name FROM organisations WHERE short_name_key = ?1 ORDER BY archived, name_key LIMIT 2")?;
    let found: Vec<(String, String)> =
        stmt.query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        _ => Err(CoreError::invalid(
            "organisation",
            format!("\"{text}\" is the short name of several organisations ({}, {}); use the full name", found[0].1, found[1].1),
        )),
    }
}

fn import_row(conn: &Connection, cells: &Cells<'_>) -> std::result::Result<(Outcome, String), RowError> {
    let mut errors: Vec<FieldError> = Vec::new();
    // Emails, each validated under its own column's name.
    let mut emails: Vec<LabelledEmail> = Vec::new();
    for (column, label) in
        [(Column::Email, EmailLabel::Work), (Column::EmailWork, EmailLabel::Work), (Column::EmailPersonal, EmailLabel::Personal)]
    {
        let Some(text) = cells.get(column) else { continue };
        for part in text.split([';', ',']).map(str::trim).filter(|s| !s.is_empty()) {
            match normalise_email(part) {
                Ok(email) => emails.push(LabelledEmail { label, email }),
                Err(message) => errors.push(FieldError::new(column.field(), message)),
            }
        }
    }
    let mut phones: Vec<LabelledPhone> = Vec::new();
    if let Some(phone) = cells.get(Column::Phone) {
        phones.push(LabelledPhone { label: PhoneLabel::Work, phone });
    }
    if let Some(phone) = cells.get(Column::Mobile) {
        phones.push(LabelledPhone { label: PhoneLabel::Mobile, phone });
    }
    let focal_point = match cells.get(Column::FocalPoint) {
        None => None,
        Some(text) => match parse_flag(&text) {
            Some(flag) => Some(flag),
            None => {
                errors.push(FieldError::new("focal_point", format!("\"{text}\" is not yes or no")));
                None
            }
        },
    };
    let lawful_basis = match cells.get(Column::LawfulBasis) {
        None => None,
        Some(text) => match LawfulBasis::parse(&text) {
            Ok(basis) => Some(basis),
            Err(message) => {
                errors.push(FieldError::new("lawful_basis", message));
                None
            }
        },
    };
    let sensitive = match cells.get(Column::Sensitive) {
        None => None,
        Some(text) => match parse_flag(&text) {
            Some(flag) => Some(flag),
            None => {
                errors.push(FieldError::new("sensitive", format!("\"{text}\" is not yes or no")));
                None
            }
        },
    };
    let organisation = match cells.get(Column::Organisation) {
        None => None,
        Some(text) => match find_organisation(conn, &text) {
            Ok(Some(found)) => Some(found),
            Ok(None) => {
                errors.push(FieldError::new("organisation", format!("no organisation named \"{text}\"")));
                None
            }
            Err(CoreError::Invalid(mut e)) => {
                errors.append(&mut e);
                None
            }
            Err(other) => return Err(RowError::Fault(other)),
        },
    };
    if organisation.is_none() && (cells.get(Column::JobTitle).is_some() || focal_point == Some(true)) && cells.get(Column::Organisation).is_none() {
        errors.push(FieldError::new("organisation", "a job title or focal point needs an organisation"));
    }
    // The person an email already belongs to.
    let mut existing = None;
    for entry in &emails {
        if let Some(id) = store::find_by_email(conn, &entry.email)? {
            existing = Some(id);
            break;
        }
    }
    let given = |column| cells.get(column);
    let mut stored = None;
    let input = match &existing {
        // Blank cells keep what is stored; emails, phones and languages are added to.
        Some(id) => {
            let person = store::get(conn, id)?;
            let mut all_emails = person.emails.clone();
            for entry in &emails {
                if !all_emails.iter().any(|e| email_key(&e.email) == email_key(&entry.email)) {
                    all_emails.push(entry.clone());
                }
            }
            let mut all_phones = person.phones.clone();
            for entry in &phones {
                let digits = |p: &str| p.chars().filter(char::is_ascii_digit).collect::<String>();
                if !all_phones.iter().any(|p| digits(&p.phone) == digits(&entry.phone)) {
                    all_phones.push(entry.clone());
                }
            }
            let mut languages = person.languages.clone();
            for code in given(Column::Languages).map(|l| split_languages(&l)).unwrap_or_default() {
                if !languages.iter().any(|l| l.eq_ignore_ascii_case(&code)) {
                    languages.push(code);
                }
            }
            let input = PersonInput {
                given_name: given(Column::GivenName).unwrap_or_else(|| person.given_name.clone()),
                family_name: given(Column::FamilyName).unwrap_or_else(|| person.family_name.clone()),
                display_name: given(Column::DisplayName).or_else(|| {
                    // A display name that was only the default follows a renamed person.
                    let default = tidy(&format!("{} {}", person.given_name, person.family_name));
                    (person.display_name != default).then(|| person.display_name.clone())
                }),
                honorific: given(Column::Honorific).or_else(|| person.honorific.clone()),
                country: given(Column::Country).or_else(|| person.country.clone()),
                languages,
                emails: all_emails,
                phones: all_phones,
                notes: given(Column::Notes).or_else(|| person.notes.clone()),
                // blank cells keep the stored basis, source, consent date and flag
                lawful_basis,
                source: given(Column::Source),
                consent_date: given(Column::ConsentDate),
                sensitive,
                sensitive_reason: None,
            };
            stored = Some(person);
            input
        }
        None => PersonInput {
            given_name: given(Column::GivenName).unwrap_or_default(),
            family_name: given(Column::FamilyName).unwrap_or_default(),
            display_name: given(Column::DisplayName),
            honorific: given(Column::Honorific),
            country: given(Column::Country),
            languages: given(Column::Languages).map(|l| split_languages(&l)).unwrap_or_default(),
            emails,
            phones,
            notes: given(Column::Notes),
            lawful_basis,
            source: given(Column::Source),
            consent_date: given(Column::ConsentDate),
            sensitive,
            sensitive_reason: None,
        },
    };
    let checked = match &stored {
        Some(person) => super::rules::resolve(&input, person),
        None => input.clone(),
    };
    if let Err(field_errors) = super::rules::validate(&checked) {
        let mut all: Vec<FieldError> = field_errors.into_iter().map(column_error).collect();
        // Email errors were already reported under their own columns.
        all.retain(|e| e.field != "email" || errors.iter().all(|o| !o.field.starts_with("email")));
        errors.splice(0..0, all);
    }
    if !errors.is_empty() {
        return Err(RowError::Fields(errors));
    }
    let (person_id, mut outcome) = match existing {
        Some(id) => {
            let (_, changed) = store::update(conn, &id, &input)?;
            (id, if changed { Outcome::Updated } else { Outcome::Unchanged })
        }
        None => (store::insert(conn, &input)?.id, Outcome::Created),
    };
    if let Some((organisation_id, _)) = organisation {
        let job_title = given(Column::JobTitle);
        let held = store::affiliations(conn, &person_id)?.into_iter().find(|a| a.current && a.organisation_id == organisation_id);
        let changed = match held {
            None => {
                let input = AffiliationInput {
                    organisation_id,
                    job_title,
                    starts_on: None,
                    ends_on: None,
                    focal_point: focal_point.unwrap_or(false),
                };
                store::add_affiliation(conn, &person_id, &input)?;
                true
            }
            Some(current) => {
                let input = AffiliationInput {
                    organisation_id,
                    job_title: job_title.or(current.job_title.clone()),
                    starts_on: current.starts_on.clone(),
                    ends_on: current.ends_on.clone(),
                    focal_point: focal_point.unwrap_or(current.focal_point),
                };
                store::update_affiliation(conn, &current.id, &input)?.1
            }
        };
        if changed && matches!(outcome, Outcome::Unchanged) {
            outcome = Outcome::Updated;
        }
    }
    Ok((outcome, person_id))
}
