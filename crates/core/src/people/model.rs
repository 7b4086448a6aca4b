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

string_enum! {
    /// Why the coalition may hold a person's data (GDPR article 6).
    LawfulBasis ("lawful basis") {
        /// The person agreed, on a known date.
        Consent => "consent",
        /// The coalition's legitimate interest (staff of member organisations, experts).
        LegitimateInterest => "legitimate_interest",
        /// A public office: MEPs and other policy-makers.
        PublicRole => "public_role",
    }
}

impl Default for LawfulBasis {
    fn default() -> Self {
        LawfulBasis::LegitimateInterest
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
    /// Lawful basis. Absent: unchanged on an edit, legitimate interest for a new person.
    #[serde(default)]
    #[ts(optional)]
    pub lawful_basis: Option<LawfulBasis>,
    /// Where the data came from ("web form 2024-03", "EP site"). Absent: unchanged on an
    /// edit; empty clears it.
    #[serde(default)]
    #[ts(optional)]
    pub source: Option<String>,
    /// Date of consent, YYYY-MM-DD: required when the basis is consent, refused otherwise.
    /// Absent with the basis absent too: unchanged on an edit.
    #[serde(default)]
    #[ts(optional)]
    pub consent_date: Option<String>,
    /// Kept out of every export unless included on purpose. Absent: unchanged on an edit,
    /// not sensitive for a new person.
    #[serde(default)]
    #[ts(optional)]
    pub sensitive: Option<bool>,
    /// Why the person is sensitive (private: never exported, not in lists). Absent: unchanged
    /// on an edit; empty clears it; dropped when the flag is off.
    #[serde(default)]
    #[ts(optional)]
    pub sensitive_reason: Option<String>,
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
    /// Lawful basis for holding the data.
    pub lawful_basis: LawfulBasis,
    /// Where the data came from.
    pub source: Option<String>,
    /// Date of consent (when the basis is consent).
    pub consent_date: Option<String>,
    /// Kept out of exports unless included on purpose.
    pub sensitive: bool,
    /// Why (private).
    pub sensitive_reason: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

/// A person to create, with a first affiliation when created from an organisation's page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewPerson {
    /// The person's fields.
    pub person: PersonInput,
    /// A first affiliation, if any.
    #[serde(default)]
    pub affiliation: Option<AffiliationInput>,
}

/// What a coordinator types to add or edit an affiliation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AffiliationInput {
    /// The organisation (must exist).
    pub organisation_id: String,
    /// Job title, as typed.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Start date, YYYY-MM-DD.
    #[serde(default)]
    pub starts_on: Option<String>,
    /// End date, YYYY-MM-DD; none while current.
    #[serde(default)]
    pub ends_on: Option<String>,
    /// The coalition's main contact at that organisation.
    #[serde(default)]
    pub focal_point: bool,
}

/// A dated affiliation of a person to an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Affiliation {
    /// UUIDv7.
    pub id: String,
    /// The person.
    pub person_id: String,
    /// The organisation.
    pub organisation_id: String,
    /// The organisation's name.
    pub organisation_name: String,
    /// Job title.
    pub job_title: Option<String>,
    /// Start date.
    pub starts_on: Option<String>,
    /// End date.
    pub ends_on: Option<String>,
    /// Focal point flag.
    pub focal_point: bool,
    /// Whether it holds today (no end date, or an end date after today).
    pub current: bool,
}

/// Why two people may be the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonDuplicateReason {
    /// They share an email address.
    SameEmail,
    /// Same name (case and accents folded) with a current affiliation to the same organisation.
    SameNameSameOrganisation,
}

/// A short reference to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonRef {
    /// Id.
    pub id: String,
    /// Display name.
    pub display_name: String,
}

/// Two people that may be one, flagged for a coordinator (never merged silently).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonDuplicate {
    /// One person.
    pub a: PersonRef,
    /// The other.
    pub b: PersonRef,
    /// Why.
    pub reason: PersonDuplicateReason,
    /// The shared email, or the organisation's name.
    pub shared: String,
}

/// A person with affiliations, last contact and possible duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonDetail {
    /// The person.
    pub person: Person,
    /// Affiliations, current first, then the most recent.
    pub affiliations: Vec<Affiliation>,
    /// The latest interaction the person took part in, YYYY-MM-DD.
    pub last_contact: Option<String>,
    /// Whether the person holds an office (is a policy-maker).
    pub policy_maker: bool,
    /// Other people this one may duplicate.
    pub possible_duplicates: Vec<PersonDuplicate>,
}

/// One line of the people list, and one record of the export. The JSON keys are the CLI's
/// stable contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonRow {
    /// UUIDv7.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Honorific.
    pub honorific: Option<String>,
    /// Preferred email.
    pub email: Option<String>,
    /// Preferred phone.
    pub phone: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// The current organisation (the focal-point one first, then the latest).
    pub organisation_id: Option<String>,
    /// Its name.
    pub organisation: Option<String>,
    /// Job title there.
    pub job_title: Option<String>,
    /// Focal point at some current organisation.
    pub focal_point: bool,
    /// Latest interaction date.
    pub last_contact: Option<String>,
    /// Holds an office.
    pub policy_maker: bool,
    /// Archived.
    pub archived: bool,
    /// Lawful basis for holding the data.
    pub lawful_basis: LawfulBasis,
    /// Where the data came from.
    pub source: Option<String>,
    /// Date of consent.
    pub consent_date: Option<String>,
    /// Kept out of exports unless included on purpose (the reason is never listed).
    pub sensitive: bool,
}

/// Columns the people list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonSort {
    /// By family name then given name, accents ignored.
    #[default]
    FamilyName,
    /// By display name, accents ignored.
    DisplayName,
    /// By last contact.
    LastContact,
    /// By country.
    Country,
}

/// Which people the list shows with respect to offices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PolicyMakerFilter {
    /// Everyone.
    #[default]
    All,
    /// Policy-makers only.
    Only,
    /// Everyone but policy-makers.
    Exclude,
}

/// A view of the people list: filters, sort and the page wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PersonQuery {
    /// Text in a name or an email (case and accents ignored).
    pub text: Option<String>,
    /// People currently affiliated to this organisation.
    pub organisation_id: Option<String>,
    /// Countries (none = all).
    pub countries: Vec<String>,
    /// Languages spoken (any of; none = all).
    pub languages: Vec<String>,
    /// Only current focal points (at the organisation, when one is given).
    pub focal_points_only: bool,
    /// Policy-makers: all, only, or excluded.
    pub policy_makers: PolicyMakerFilter,
    /// Whether archived people are listed.
    pub include_archived: bool,
    /// Exports only: whether people flagged sensitive are included (on purpose, after a
    /// warning). Absent or false: they are left out of the file. The list always shows them.
    #[ts(optional)]
    pub include_sensitive: Option<bool>,
    /// Sort column.
    pub sort: PersonSort,
    /// Sort direction.
    pub direction: crate::organisations::SortDirection,
    /// First row wanted.
    pub offset: u32,
    /// Rows wanted (at most 1000).
    pub limit: u32,
}

impl Default for PersonQuery {
    fn default() -> Self {
        PersonQuery {
            text: None,
            organisation_id: None,
            countries: vec![],
            languages: vec![],
            focal_points_only: false,
            policy_makers: PolicyMakerFilter::All,
            include_archived: false,
            include_sensitive: None,
            sort: PersonSort::FamilyName,
            direction: crate::organisations::SortDirection::Asc,
            offset: 0,
            limit: 50,
        }
    }
}

/// One page of the people list, with the total for the whole filtered view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonPage {
    /// Rows of this page.
    pub rows: Vec<PersonRow>,
    /// Rows in the whole filtered view.
    pub total: u32,
    /// Offset of the first row.
    pub offset: u32,
}

/// A person at an organisation, for the organisation's detail view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationPerson {
    /// The affiliation.
    pub affiliation_id: String,
    /// The person.
    pub person_id: String,
    /// Display name.
    pub display_name: String,
    /// Preferred email.
    pub email: Option<String>,
    /// Job title.
    pub job_title: Option<String>,
    /// Start date.
    pub starts_on: Option<String>,
    /// End date.
    pub ends_on: Option<String>,
    /// Focal point.
    pub focal_point: bool,
    /// Current (not ended).
    pub current: bool,
}
