//! People as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;

string_enum! {
    /// What an email address is for.
    EmailLabel ("email label") {
        /// At work.
        Work => "work",
        /// Private.
        Personal => "personal",
        /// An assistant's address (common for MEPs).
        Assistant => "assistant",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// What a phone number is for.
    PhoneLabel ("phone label") {
        /// At work.
        Work => "work",
        /// Mobile.
        Mobile => "mobile",
        /// At home.
        Home => "home",
        /// An assistant's line.
        Assistant => "assistant",
        /// Anything else.
        Other => "other",
    }
}

/// An email address with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LabelledEmail {
    /// What it is for.
    pub label: EmailLabel,
    /// The address.
    pub email: String,
}

/// A phone number with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LabelledPhone {
    /// What it is for.
    pub label: PhoneLabel,
    /// The number, as typed.
    pub phone: String,
}

/// A person's own fields, as typed in a form or an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonInput {
    /// Given name(s), kept as typed ("Mié").
    #[serde(default)]
    pub given_name: String,
    /// Family name with its particles, kept as typed ("De Pauw", "von der Leyen").
    pub family_name: String,
    /// How to show the person; given and family name when empty.
    #[serde(default)]
    pub display_name: Option<String>,
    /// "Dr", "Prof."...
    #[serde(default)]
    pub honorific: Option<String>,
    /// Country, ISO 3166-1 alpha-2 (or a name that resolves to one).
    #[serde(default)]
    pub country: Option<String>,
    /// ISO 639-1 language codes.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Emails, first is preferred.
    #[serde(default)]
    pub emails: Vec<LabelledEmail>,
    /// Phones, first is preferred.
    #[serde(default)]
    pub phones: Vec<LabelledPhone>,
    /// Free notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A stored person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    /// UUIDv7.
    pub id: String,
    /// Given name(s).
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Display name.
    pub display_name: String,
    /// Honorific.
    pub honorific: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Emails, preferred first.
    pub emails: Vec<LabelledEmail>,
    /// Phones, preferred first.
    pub phones: Vec<LabelledPhone>,
    /// Notes.
    pub notes: Option<String>,
    /// Archived people are hidden from lists.
    pub archived: bool,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}
