//! What a search finds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;

string_enum! {
    /// The kind of record a search hit is.
    SearchKind ("search kind") {
        /// A member or partner organisation.
        Organisation => "organisation",
        /// A person who is not a policy-maker.
        Person => "person",
        /// A person with an office (MEP, Commission, Council...).
        PolicyMaker => "policy_maker",
        /// An event.
        Event => "event",
        /// A letter or statement collecting signatures.
        Letter => "letter",
        /// A meeting, call, email, letter or hearing in the engagement log.
        Interaction => "interaction",
        /// A legislative file.
        Dossier => "dossier",
    }
}

/// One record found by a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    /// What the record is; it decides which page opens it.
    pub kind: SearchKind,
    /// The record's id (for an organisation, person, event, letter, interaction or dossier).
    pub id: String,
    /// Its name, title or subject, as stored.
    pub title: String,
    /// A line that tells similar hits apart (short name and country, email, office and group,
    /// date and venue, reference...).
    pub subtitle: Option<String>,
}
