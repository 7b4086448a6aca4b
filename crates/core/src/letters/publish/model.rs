//! The published list and the export options, as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One organisation on a published signatory list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishedSignatory {
    /// The organisation's registered name.
    pub organisation: String,
    /// The name to publish: the signature's display name, else the registered name.
    pub display_name: String,
    /// ISO 3166-1 alpha-2 code of the organisation's country.
    pub country: String,
    /// The signer's name, present only when the signer consented to be named.
    pub signer_name: Option<String>,
    /// The signer's job title.
    pub signer_title: Option<String>,
    /// The date of signing, `YYYY-MM-DD`.
    pub signed_on: Option<String>,
    /// Whether the organisation is a steering-group member.
    pub steering: bool,
}

/// A letter's signatories, ready to be published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishedList {
    /// The letter's reference, such as `open-letter-2022`.
    pub reference: String,
    /// The letter's title, the heading of the text-like renderings.
    pub title: String,
    /// The organisations that signed and may be named, in any order.
    pub signatories: Vec<PublishedSignatory>,
    /// How many signed organisations asked not to be named (they are not in `signatories`).
    pub unnamed: u32,
}

/// The order of a published list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignatoryOrder {
    /// Alphabetical by published name, ignoring case and accents.
    Alpha,
    /// By English country name, then alphabetical.
    Country,
    /// Steering-group members first, then the others, each alphabetical.
    SteeringFirst,
}

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8 with BOM.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// A Word document.
    Docx,
    /// A PDF document.
    Pdf,
    /// Plain text.
    Txt,
    /// Markdown.
    Md,
    /// A JSON array.
    Json,
}

/// How to render a published list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportOptions {
    /// The file format.
    pub format: ExportFormat,
    /// The order of the entries.
    pub order: SignatoryOrder,
    /// Whether to group the entries under country headings; CSV and XLSX keep each country's
    /// rows together without headings, JSON ignores it.
    pub group_by_country: bool,
    /// Whether to include the signers' names and titles.
    pub with_signers: bool,
}
