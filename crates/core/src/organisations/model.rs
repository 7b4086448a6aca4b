//! Organisations as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;
use crate::memberships::{Membership, MembershipStatus, MembershipTier, NewMembership, StatusChange};

string_enum! {
    /// What kind of organisation it is.
    OrgType ("type") {
        /// A non-governmental organisation.
        Ngo => "ngo",
        /// A network or federation of organisations.
        Network => "network",
        /// A hotline or reporting point.
        Hotline => "hotline",
        /// A survivors' network.
        SurvivorNetwork => "survivor_network",
        /// A foundation.
        Foundation => "foundation",
        /// A research body.
        Research => "research",
        /// A company.
        Company => "company",
        /// A public body.
        PublicBody => "public_body",
        /// Anything else.
        Other => "other",
    }
}

impl Default for OrgType {
    fn default() -> Self {
        OrgType::Other
    }
}

/// An organisation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    /// UUIDv7.
    pub id: String,
    /// The name, as typed (spaces tidied).
    pub name: String,
    /// Short name or acronym.
    pub short_name: Option<String>,
    /// The kind of organisation.
    pub org_type: OrgType,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    /// A URL, with its scheme.
    pub website: Option<String>,
    /// A general email address.
    pub email: Option<String>,
    /// A general phone number.
    pub phone: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// Archived organisations are kept but hidden from lists by default.
    pub archived: bool,
    /// When it was created (UTC).
    pub created_at: String,
    /// When it last changed (UTC).
    pub updated_at: String,
}

/// What a person types to create or edit an organisation. The core validates and
/// normalises it (country names to codes, bare websites to https URLs).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationInput {
    /// Required.
    pub name: String,
    /// Optional short name or acronym.
    pub short_name: Option<String>,
    /// The kind of organisation.
    pub org_type: OrgType,
    /// A code in any case or an English name.
    pub country: String,
    /// A URL; `www.example.org` becomes `https://www.example.org`.
    pub website: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// A phone number.
    pub phone: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
}

/// An organisation to create, with its first membership if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewOrganisation {
    /// The organisation's fields.
    pub organisation: OrganisationInput,
    /// Its membership, if it is (becoming) a member.
    pub membership: Option<NewMembership>,
}

/// An organisation with its membership now and the whole status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationDetail {
    /// The organisation.
    pub organisation: Organisation,
    /// Its membership now, if any.
    pub membership: Option<Membership>,
    /// Every status change, oldest first.
    pub history: Vec<StatusChange>,
}

/// One line of the organisations list, and one record of the export. The JSON keys are the
/// CLI's stable contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationRow {
    /// UUIDv7.
    pub id: String,
    /// Name.
    pub name: String,
    /// Short name or acronym.
    pub short_name: Option<String>,
    /// ISO alpha-2.
    pub country: String,
    /// Organisation type.
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub org_type: OrgType,
    /// Website.
    pub website: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Membership status, if a membership exists.
    pub membership_status: Option<MembershipStatus>,
    /// Membership tier, if a membership exists.
    pub tier: Option<MembershipTier>,
    /// Joined date.
    pub joined_on: Option<String>,
    /// Archived flag.
    pub archived: bool,
}

/// Columns the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationSort {
    /// By folded name.
    #[default]
    Name,
    /// By short name.
    ShortName,
    /// By country code.
    Country,
    /// By type.
    Type,
    /// By membership status, in lifecycle order.
    MembershipStatus,
    /// By tier, closest first.
    Tier,
    /// By joined date.
    JoinedOn,
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    /// Ascending.
    #[default]
    Asc,
    /// Descending.
    Desc,
}

/// A view of the list: filters, sort and the page wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationQuery {
    /// Quick text filter on name and short name (case and accents ignored).
    pub text: Option<String>,
    /// Membership statuses to keep (none = all).
    pub statuses: Vec<MembershipStatus>,
    /// Tiers to keep (none = all).
    pub tiers: Vec<MembershipTier>,
    /// Types to keep (none = all).
    pub types: Vec<OrgType>,
    /// Country codes to keep (none = all).
    pub countries: Vec<String>,
    /// Whether archived organisations are listed.
    pub include_archived: bool,
    /// Sort column.
    pub sort: OrganisationSort,
    /// Sort direction.
    pub direction: SortDirection,
    /// First row wanted.
    pub offset: u32,
    /// Rows wanted (at most 1000).
    pub limit: u32,
}

impl Default for OrganisationQuery {
    fn default() -> Self {
        OrganisationQuery {
            text: None,
            statuses: vec![],
            tiers: vec![],
            types: vec![],
            countries: vec![],
            include_archived: false,
            sort: OrganisationSort::Name,
            direction: SortDirection::Asc,
            offset: 0,
            limit: 100,
        }
    }
}

/// One page of the list, with the total for the whole filtered view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationPage {
    /// The rows of this page.
    pub rows: Vec<OrganisationRow>,
    /// Rows in the whole filtered view.
    pub total: u32,
    /// The offset of the first row.
    pub offset: u32,
}
