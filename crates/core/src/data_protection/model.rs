//! Data-protection types as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::people::LawfulBasis;

/// What an export wrote, for the export log (never the data itself).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportEntry {
    /// What was exported and how: `people.csv`, `letter.signatories.xlsx`, `event.badges.pdf`...
    pub kind: String,
    /// The letter, event or dossier exported, when the export is of one record.
    #[serde(default)]
    pub record_id: Option<String>,
    /// Its reference or title.
    #[serde(default)]
    pub record_title: Option<String>,
    /// Rows, signatories, badges or calendar events written.
    pub row_count: u64,
    /// Whether sensitive people were included on purpose.
    #[serde(default)]
    pub sensitive_included: bool,
    /// Sensitive people left out (in signatory lists: shown without their name).
    #[serde(default)]
    pub sensitive_left_out: u64,
    /// The file's name (not its folder); none for standard output.
    #[serde(default)]
    pub file_name: Option<String>,
}

impl ExportEntry {
    /// An entry of a kind and a row count.
    pub fn new(kind: impl Into<String>, row_count: u64) -> Self {
        ExportEntry { kind: kind.into(), row_count, ..Default::default() }
    }

    /// The record exported.
    pub fn record(mut self, id: impl Into<String>, title: impl Into<String>) -> Self {
        self.record_id = Some(id.into());
        self.record_title = Some(title.into());
        self
    }

    /// Whether sensitive people were included, and how many were left out otherwise.
    pub fn sensitive(mut self, included: bool, left_out: u64) -> Self {
        self.sensitive_included = included;
        self.sensitive_left_out = if included { 0 } else { left_out };
        self
    }

    /// The file written (its name only is kept).
    pub fn file(mut self, path: &std::path::Path) -> Self {
        self.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        self
    }
}

/// One line of the export log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportLogRow {
    /// UUIDv7.
    pub id: String,
    /// RFC 3339.
    pub exported_at: String,
    /// The coordinator (profile name, else the OS user).
    pub exported_by: String,
    /// What was exported and how (`people.csv`...).
    pub kind: String,
    /// The record exported.
    pub record_id: Option<String>,
    /// Its reference or title.
    pub record_title: Option<String>,
    /// Rows written.
    pub row_count: u32,
    /// Whether sensitive people were included on purpose.
    pub sensitive_included: bool,
    /// Sensitive people left out.
    pub sensitive_left_out: u32,
    /// The file's name.
    pub file_name: Option<String>,
}

/// A page wanted of a data-protection list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PageQuery {
    /// First row wanted.
    pub offset: u32,
    /// Rows wanted (at most 1000).
    pub limit: u32,
}

impl Default for PageQuery {
    fn default() -> Self {
        PageQuery { offset: 0, limit: 100 }
    }
}

/// A page of the export log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportLogPage {
    /// Rows of this page.
    pub rows: Vec<ExportLogRow>,
    /// Entries in the whole log.
    pub total: u32,
    /// Offset of the first row.
    pub offset: u32,
}

/// A person flagged sensitive, for the "Sensitive people" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SensitivePerson {
    /// The person.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Lawful basis.
    pub lawful_basis: LawfulBasis,
    /// Why flagged (private; shown only here and in the person's form).
    pub sensitive_reason: Option<String>,
    /// Archived.
    pub archived: bool,
}

/// A page of sensitive people, by family name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SensitivePage {
    /// Rows of this page.
    pub rows: Vec<SensitivePerson>,
    /// Sensitive people in all.
    pub total: u32,
    /// Offset of the first row.
    pub offset: u32,
}

/// Which export the "Include sensitive people (N)" count is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum SensitiveScope {
    /// The people export (everyone not archived, or archived too).
    People,
    /// A letter's signatory list: signers on record who are sensitive.
    Letter {
        /// The letter.
        letter_id: String,
    },
    /// An event's participants and speakers.
    Event {
        /// The event.
        event_id: String,
    },
    /// The engagement log's participants.
    Interactions,
    /// A dossier's stances.
    Dossier {
        /// The dossier.
        dossier_id: String,
    },
}

/// The retention review's view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RetentionQuery {
    /// Years without activity; the `retention.years` setting when absent.
    #[ts(optional)]
    pub years: Option<u32>,
    /// Leave out people holding a public role (policy-makers).
    pub exclude_public_role: bool,
    /// First row wanted.
    pub offset: u32,
    /// Rows wanted (at most 1000).
    pub limit: u32,
}

impl Default for RetentionQuery {
    fn default() -> Self {
        RetentionQuery { years: None, exclude_public_role: false, offset: 0, limit: 100 }
    }
}

/// A person with no activity since the cutoff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionRow {
    /// The person.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Lawful basis.
    pub lawful_basis: LawfulBasis,
    /// Holds a public role (a policy-maker, or public_role as basis): shown flagged.
    pub public_role: bool,
    /// Flagged sensitive.
    pub sensitive: bool,
    /// The latest activity, YYYY-MM-DD: interactions, signatures, events (participant or
    /// speaker), affiliation start or end, the record's creation and changes.
    pub last_activity: String,
}

/// A page of the retention review, the longest inactive first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionPage {
    /// Rows of this page.
    pub rows: Vec<RetentionRow>,
    /// People inactive since the cutoff.
    pub total: u32,
    /// Offset of the first row.
    pub offset: u32,
    /// The years used.
    pub years: u32,
    /// No activity on or after this date, YYYY-MM-DD.
    pub cutoff: String,
}
