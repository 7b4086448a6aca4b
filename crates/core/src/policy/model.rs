//! Policy-makers, MEPs, committees and the Parliament list's sync plan, as they cross the
//! boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;
use crate::people::{LabelledEmail, LabelledPhone};
use crate::text::fold;

string_enum! {
    /// The office that makes a person a policy-maker.
    Office ("office") {
        /// A Member of the European Parliament.
        Mep => "mep",
        /// A European Commissioner or Commission official.
        Commission => "commission",
        /// A Council official or attaché.
        Council => "council",
        /// An attaché at a member state's Permanent Representation.
        PermRep => "perm_rep",
        /// A national minister.
        NationalMinister => "national_minister",
        /// A national official.
        NationalOfficial => "national_official",
        /// Any other office.
        Other => "other",
    }
}

string_enum! {
    /// Whether an MEP is on the Parliament's current list.
    MepStatus ("MEP status") {
        /// On the latest list.
        Current => "current",
        /// Missing from the latest list; kept with their history.
        Outgoing => "outgoing",
    }
}

string_enum! {
    /// A policy-maker's role on a committee.
    CommitteeRole ("committee role") {
        /// Full member.
        Member => "member",
        /// Substitute member.
        Substitute => "substitute",
        /// Chair.
        Chair => "chair",
        /// Vice-chair.
        ViceChair => "vice_chair",
    }
}

/// A political group of the European Parliament (2024-2029 term), by its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum GroupCode {
    /// Group of the European People's Party (Christian Democrats).
    #[serde(rename = "EPP")]
    Epp,
    /// Group of the Progressive Alliance of Socialists and Democrats.
    #[serde(rename = "S&D")]
    SD,
    /// Patriots for Europe.
    #[serde(rename = "PfE")]
    PfE,
    /// European Conservatives and Reformists.
    #[serde(rename = "ECR")]
    Ecr,
    /// Renew Europe.
    #[serde(rename = "Renew")]
    Renew,
    /// The Greens/European Free Alliance.
    #[serde(rename = "Greens/EFA")]
    GreensEfa,
    /// The Left (GUE/NGL).
    #[serde(rename = "The Left")]
    TheLeft,
    /// Europe of Sovereign Nations.
    #[serde(rename = "ESN")]
    Esn,
    /// Non-attached members.
    #[serde(rename = "NI")]
    Ni,
}

impl GroupCode {
    /// Every group, in the Parliament's seating order of size.
    pub const ALL: &'static [GroupCode] = &[
        GroupCode::Epp,
        GroupCode::SD,
        GroupCode::PfE,
        GroupCode::Ecr,
        GroupCode::Renew,
        GroupCode::GreensEfa,
        GroupCode::TheLeft,
        GroupCode::Esn,
        GroupCode::Ni,
    ];

    /// The code, as stored and exchanged (`S&D`, `Greens/EFA`...).
    pub fn as_str(self) -> &'static str {
        match self {
            GroupCode::Epp => "EPP",
            GroupCode::SD => "S&D",
            GroupCode::PfE => "PfE",
            GroupCode::Ecr => "ECR",
            GroupCode::Renew => "Renew",
            GroupCode::GreensEfa => "Greens/EFA",
            GroupCode::TheLeft => "The Left",
            GroupCode::Esn => "ESN",
            GroupCode::Ni => "NI",
        }
    }

    /// The group's full name, as the Parliament writes it in its list.
    pub fn full_name(self) -> &'static str {
        match self {
            GroupCode::Epp => "Group of the European People's Party (Christian Democrats)",
            GroupCode::SD => "Group of the Progressive Alliance of Socialists and Democrats in the European Parliament",
            GroupCode::PfE => "Patriots for Europe Group",
            GroupCode::Ecr => "European Conservatives and Reformists Group",
            GroupCode::Renew => "Renew Europe Group",
            GroupCode::GreensEfa => "Group of the Greens/European Free Alliance",
            GroupCode::TheLeft => "The Left group in the European Parliament - GUE/NGL",
            GroupCode::Esn => "Europe of Sovereign Nations Group",
            GroupCode::Ni => "Non-attached Members",
        }
    }

    /// Other spellings people and older lists use.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            GroupCode::Epp => &["EPP Group", "European People's Party"],
            GroupCode::SD => &["S&D Group", "Socialists and Democrats", "Progressive Alliance of Socialists and Democrats"],
            GroupCode::PfE => &["Patriots", "Patriots for Europe"],
            GroupCode::Ecr => &["ECR Group", "European Conservatives and Reformists"],
            GroupCode::Renew => &["Renew Europe", "RE"],
            GroupCode::GreensEfa => &["Greens", "Greens/European Free Alliance", "The Greens/European Free Alliance"],
            GroupCode::TheLeft => &["Left", "GUE/NGL", "The Left (GUE/NGL)", "The Left in the European Parliament"],
            GroupCode::Esn => &["Europe of Sovereign Nations"],
            GroupCode::Ni => &["Non-attached", "Non-inscrits", "Non-attached Member"],
        }
    }

    /// Reads a group from its code, its full name as the Parliament writes it, or a common
    /// short form; case, accents and spacing are ignored.
    pub fn parse(input: &str) -> Result<Self, String> {
        let wanted = fold(input);
        for &group in GroupCode::ALL {
            if fold(group.as_str()) == wanted
                || fold(group.full_name()) == wanted
                || group.aliases().iter().any(|alias| fold(alias) == wanted)
            {
                return Ok(group);
            }
        }
        let codes: Vec<&str> = GroupCode::ALL.iter().map(|g| g.as_str()).collect();
        Err(format!("unknown political group \"{}\" (expected one of: {})", input.trim(), codes.join(", ")))
    }
}

impl std::fmt::Display for GroupCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl rusqlite::types::ToSql for GroupCode {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
    }
}

impl rusqlite::types::FromSql for GroupCode {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        GroupCode::parse(text).map_err(|e| rusqlite::types::FromSqlError::Other(e.into()))
    }
}

/// A political group with its full name, for pickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PoliticalGroup {
    /// The code.
    pub code: GroupCode,
    /// The full name.
    pub name: String,
}

/// A parliamentary committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Committee {
    /// Four-letter code such as LIBE.
    pub code: String,
    /// Its name.
    pub name: String,
}

/// A policy-maker's seat on a committee, for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CommitteeMembership {
    /// UUIDv7.
    pub id: String,
    /// The policy-maker (a person's id).
    pub person_id: String,
    /// The committee's code.
    pub committee_code: String,
    /// The committee's name.
    pub committee_name: String,
    /// The role.
    pub role: CommitteeRole,
    /// From, YYYY-MM-DD.
    pub starts_on: Option<String>,
    /// Until, YYYY-MM-DD; none while it lasts.
    pub ends_on: Option<String>,
}

/// A new committee membership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CommitteeMembershipInput {
    /// The committee's code (any case).
    pub committee_code: String,
    /// The role.
    pub role: CommitteeRole,
    /// From, YYYY-MM-DD.
    #[serde(default)]
    pub starts_on: Option<String>,
}

/// A role of a policy-maker on a dossier (rapporteur, shadow rapporteur), read-only here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PolicyMakerDossierRole {
    /// The dossier's id.
    pub dossier_id: String,
    /// Its procedure reference, such as 2022/0155(COD).
    pub reference: String,
    /// Its short title.
    pub short_title: String,
    /// `rapporteur` or `shadow_rapporteur`.
    pub role: String,
}

/// What a coordinator types to create or edit a policy-maker (an official, a minister, or an
/// MEP typed by hand).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PolicyMakerInput {
    /// Given name(s).
    #[serde(default)]
    pub given_name: String,
    /// Family name, with its particles.
    pub family_name: String,
    /// How to show the person; given and family name when empty.
    #[serde(default)]
    pub display_name: Option<String>,
    /// "Dr", "Prof."...
    #[serde(default)]
    pub honorific: Option<String>,
    /// Country, alpha-2 or English name.
    #[serde(default)]
    pub country: Option<String>,
    /// The office.
    pub office: Office,
    /// Where the office sits: "European Commission", "DG HOME", "Permanent Representation of Belgium".
    #[serde(default)]
    pub institution: Option<String>,
    /// "European Commissioner for Home Affairs", "JHA counsellor"...
    #[serde(default)]
    pub position_title: Option<String>,
    /// MEPs only: the Parliament's id.
    #[serde(default)]
    pub ep_id: Option<i64>,
    /// MEPs only: the political group.
    #[serde(default)]
    pub group_code: Option<GroupCode>,
    /// MEPs only: the national party.
    #[serde(default)]
    pub national_party: Option<String>,
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

/// A policy-maker with everything the detail view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PolicyMaker {
    /// The person's id.
    pub id: String,
    /// Given name(s).
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Display name, in normal case.
    pub display_name: String,
    /// Honorific.
    pub honorific: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// The office.
    pub office: Office,
    /// Where the office sits.
    pub institution: Option<String>,
    /// Position title.
    pub position_title: Option<String>,
    /// MEPs: the Parliament's id.
    pub ep_id: Option<i64>,
    /// MEPs: the name as the Parliament writes it (family name in capitals).
    pub official_name: Option<String>,
    /// MEPs: the political group's code.
    pub group_code: Option<GroupCode>,
    /// MEPs: the political group's full name.
    pub group_name: Option<String>,
    /// MEPs: the national party.
    pub national_party: Option<String>,
    /// MEPs: current or outgoing.
    pub mep_status: Option<MepStatus>,
    /// MEPs: the profile page on the Parliament's site.
    pub profile_url: Option<String>,
    /// Emails, preferred first.
    pub emails: Vec<LabelledEmail>,
    /// Phones, preferred first.
    pub phones: Vec<LabelledPhone>,
    /// Notes.
    pub notes: Option<String>,
    /// Committee memberships, current first.
    pub committees: Vec<CommitteeMembership>,
    /// Dossier roles.
    pub dossier_roles: Vec<PolicyMakerDossierRole>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

/// One line of the policy-makers list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PolicyMakerRow {
    /// The person's id.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Family name.
    pub family_name: String,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Office.
    pub office: Office,
    /// Institution.
    pub institution: Option<String>,
    /// Position title.
    pub position_title: Option<String>,
    /// MEPs: the Parliament's id.
    pub ep_id: Option<i64>,
    /// MEPs: group code.
    pub group_code: Option<GroupCode>,
    /// MEPs: national party.
    pub national_party: Option<String>,
    /// MEPs: current or outgoing.
    pub mep_status: Option<MepStatus>,
    /// Codes of the committees the policy-maker sits on now, alphabetical.
    pub committees: Vec<String>,
}

/// A view of the policy-makers list: filters and the page wanted. Always sorted by family name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PolicyMakerQuery {
    /// Text in the name (case and accents ignored).
    #[serde(default)]
    pub text: Option<String>,
    /// Offices to keep (none = all).
    #[serde(default)]
    pub offices: Vec<Office>,
    /// Groups to keep (none = all).
    #[serde(default)]
    pub groups: Vec<GroupCode>,
    /// Country codes to keep (none = all).
    #[serde(default)]
    pub countries: Vec<String>,
    /// Keep members of this committee now (any role).
    #[serde(default)]
    pub committee: Option<String>,
    /// MEP statuses to keep (none = all; non-MEPs are left out when given).
    #[serde(default)]
    pub statuses: Vec<MepStatus>,
    /// First row wanted.
    #[serde(default)]
    pub offset: u32,
    /// Rows wanted (at most 1000; 0 means 100).
    #[serde(default)]
    pub limit: u32,
}

/// One page of the list and the total of the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PolicyMakerPage {
    /// Rows of this page.
    pub rows: Vec<PolicyMakerRow>,
    /// Rows in the whole filtered view.
    pub total: u32,
    /// Offset of the first row.
    pub offset: u32,
}

/// One MEP in the CLI's `meps list --format json`: the keys are a stable contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MepListing {
    /// The Parliament's id.
    pub ep_id: i64,
    /// The name as the Parliament writes it.
    pub full_name: String,
    /// Display name in normal case.
    pub display_name: String,
    /// Family name in normal case.
    pub family_name: String,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Group code.
    pub group: Option<GroupCode>,
    /// Group's full name.
    pub group_name: Option<String>,
    /// National party.
    pub national_party: Option<String>,
    /// current or outgoing.
    pub status: MepStatus,
}

/// One MEP as read from the Parliament's XML list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MepRecord {
    /// The Parliament's id.
    pub ep_id: i64,
    /// The name as written, family name in capitals.
    pub full_name: String,
    /// Country, alpha-2.
    pub country: String,
    /// Political group.
    pub group: GroupCode,
    /// National party, if given.
    pub national_party: Option<String>,
}

string_enum! {
    /// What a sync does to one MEP.
    MepChangeKind ("change kind") {
        /// New on the list.
        Added => "added",
        /// A field changed (or an outgoing MEP came back).
        Updated => "updated",
        /// Missing from the list: marked outgoing.
        Outgoing => "outgoing",
    }
}

/// One change of a sync plan: an added or outgoing MEP, or one changed field of an MEP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MepChange {
    /// The Parliament's id.
    pub ep_id: i64,
    /// The MEP's name as the Parliament writes it (the stored one for outgoing MEPs).
    pub name: String,
    /// Added, updated or outgoing.
    pub kind: MepChangeKind,
    /// Updates: the field that changed: `name`, `country`, `group`, `national_party` or `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// Updates: the value before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub from: Option<String>,
    /// Updates: the value after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub to: Option<String>,
}

/// What syncing a Parliament list does (a plan) or did: counts of MEPs and every change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MepSyncReport {
    /// MEPs new to the store.
    pub added: u32,
    /// MEPs with at least one changed field.
    pub updated: u32,
    /// Current MEPs missing from the list, now outgoing.
    pub outgoing: u32,
    /// MEPs on the list that did not change.
    pub unchanged: u32,
    /// Every change, added first, then updated, then outgoing.
    pub changes: Vec<MepChange>,
    /// Whether it was written (false for a preview or dry run).
    pub committed: bool,
}

/// Progress of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FetchProgress {
    /// Bytes received so far.
    pub received: u64,
    /// Bytes expected, when the server says.
    pub total: Option<u64>,
}

/// A downloaded Parliament list, kept in a file until it is applied, and its plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MepFetch {
    /// Where the downloaded XML was saved; apply it with the import of this path.
    pub path: String,
    /// What applying it would do.
    pub plan: MepSyncReport,
}
