//! Membership records as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;

string_enum! {
    /// How closely an organisation is bound to the coalition.
    MembershipTier ("tier") {
        /// A full member, with a vote.
        Full => "full",
        /// An associate member.
        Associate => "associate",
        /// An observer.
        Observer => "observer",
        /// A supporter or partner.
        Supporter => "supporter",
    }
}

string_enum! {
    /// Where an organisation stands in the membership lifecycle.
    MembershipStatus ("membership status") {
        /// Being courted.
        Prospect => "prospect",
        /// Has applied.
        Applied => "applied",
        /// A member in good standing.
        Active => "active",
        /// Temporarily suspended.
        Suspended => "suspended",
        /// Let its membership lapse.
        Lapsed => "lapsed",
        /// Left the coalition.
        Withdrawn => "withdrawn",
    }
}

impl MembershipStatus {
    /// True for statuses that end a membership and so set its left date.
    pub fn ends_membership(self) -> bool {
        matches!(self, MembershipStatus::Lapsed | MembershipStatus::Withdrawn)
    }
}

/// An organisation's membership now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Membership {
    /// The member organisation.
    pub organisation_id: String,
    /// Its tier.
    pub tier: MembershipTier,
    /// Its status now.
    pub status: MembershipStatus,
    /// When it joined (YYYY-MM-DD).
    pub joined_on: Option<String>,
    /// When it left (YYYY-MM-DD).
    pub left_on: Option<String>,
}

/// One entry of the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    /// The entry's id.
    pub id: String,
    /// The status before, none for the first entry.
    pub from_status: Option<MembershipStatus>,
    /// The status after.
    pub to_status: MembershipStatus,
    /// The date the change took effect (YYYY-MM-DD).
    pub effective_on: String,
    /// Why, in the coordinator's words.
    pub note: Option<String>,
    /// When it was recorded (UTC).
    pub recorded_at: String,
}

/// A membership to start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewMembership {
    /// The first status.
    pub status: MembershipStatus,
    /// The tier.
    pub tier: MembershipTier,
    /// When it joined (YYYY-MM-DD), if known.
    pub joined_on: Option<String>,
}

/// A status change to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChangeInput {
    /// The new status.
    pub status: MembershipStatus,
    /// When it takes effect (YYYY-MM-DD).
    pub effective_on: String,
    /// Why.
    pub note: Option<String>,
}

/// Changes to a membership other than its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MembershipUpdate {
    /// The tier.
    pub tier: MembershipTier,
    /// Joined date (YYYY-MM-DD).
    pub joined_on: Option<String>,
    /// Left date (YYYY-MM-DD).
    pub left_on: Option<String>,
}
