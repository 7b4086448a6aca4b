//! Stances, the board and votes as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dossiers::{Dossier, DossierRole};
use crate::enums::string_enum;

string_enum! {
    /// Where a policy-maker stands on a dossier, from most to least favourable.
    StanceLevel ("stance level") {
        /// Pushes for the file.
        Champion => "champion",
        /// Supports it.
        Supportive => "supportive",
        /// Has not made up their mind.
        Undecided => "undecided",
        /// Has doubts.
        Sceptical => "sceptical",
        /// Against it.
        Opposed => "opposed",
        /// Not known.
        Unknown => "unknown",
    }
}

string_enum! {
    /// What a stance is based on.
    EvidenceKind ("evidence") {
        /// A roll-call vote.
        Vote => "vote",
        /// A meeting with the coalition.
        Meeting => "meeting",
        /// A speech, an interview, a press release.
        PublicStatement => "public_statement",
        /// A post on social media.
        SocialMedia => "social_media",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// How an MEP voted in a roll call.
    VotePosition ("position") {
        /// In favour.
        For => "for",
        /// Against.
        Against => "against",
        /// Abstained.
        Abstention => "abstention",
        /// Present on the list but did not vote.
        DidNotVote => "did_not_vote",
    }
}

/// A stance to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StanceInput {
    /// The policy-maker (a person id).
    pub person_id: String,
    /// The dossier.
    pub dossier_id: String,
    /// The level.
    pub level: StanceLevel,
    /// When it was stated (YYYY-MM-DD); today when empty; never in the future.
    #[serde(default)]
    pub stated_on: Option<String>,
    /// What it is based on (required).
    #[serde(default)]
    pub evidence: Option<EvidenceKind>,
    /// A link or a note on the source; required for public statements and social media.
    #[serde(default)]
    pub source: Option<String>,
    /// The vote it comes from, when the evidence is a vote.
    #[serde(default)]
    pub vote_id: Option<String>,
    /// Who recorded it; the coordinator's profile name when empty.
    #[serde(default)]
    pub recorded_by: Option<String>,
}

/// A recorded stance. Never rewritten: a change is a new stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Stance {
    /// UUIDv7.
    pub id: String,
    /// The policy-maker.
    pub person_id: String,
    /// The dossier.
    pub dossier_id: String,
    /// The level.
    pub level: StanceLevel,
    /// When it was stated.
    pub stated_on: String,
    /// What it is based on.
    pub evidence: EvidenceKind,
    /// A link or a note.
    pub source: Option<String>,
    /// The vote it comes from.
    pub vote_id: Option<String>,
    /// That vote's title.
    pub vote_title: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When it was recorded (UTC).
    pub recorded_at: String,
}

/// One policy-maker's stances on one dossier: the current one and every one, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DossierStances {
    /// The dossier.
    pub dossier: Dossier,
    /// The latest stance (by date stated, then time recorded).
    pub current: Stance,
    /// Every stance, the current one first.
    pub history: Vec<Stance>,
}

/// What the stance board shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BoardQuery {
    /// The dossier.
    pub dossier_id: String,
    /// Keep these political groups (codes); empty keeps all.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Keep these countries (alpha-2); empty keeps all.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Keep members of these committees; empty keeps all.
    #[serde(default)]
    pub committees: Vec<String>,
    /// Also show every current MEP of the lead committee, as unknown when they have no stance.
    #[serde(default)]
    pub include_committee: bool,
}

/// One policy-maker on the board, at their current stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BoardCard {
    /// The policy-maker (a person id).
    pub person_id: String,
    /// How they are shown.
    pub display_name: String,
    /// Political group code.
    pub group_code: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Their current committees (codes).
    pub committees: Vec<String>,
    /// Their roles on the dossier.
    pub roles: Vec<DossierRole>,
    /// The current level (unknown when no stance is recorded).
    pub level: StanceLevel,
    /// When the current stance was stated.
    pub stated_on: Option<String>,
    /// Its evidence.
    pub evidence: Option<EvidenceKind>,
}

/// The board of a dossier: cards by family name, and the values the filters can take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StanceBoard {
    /// The dossier.
    pub dossier: Dossier,
    /// The cards, by family name.
    pub cards: Vec<BoardCard>,
    /// Group codes on the unfiltered board.
    pub groups: Vec<String>,
    /// Countries on the unfiltered board.
    pub countries: Vec<String>,
    /// Committees on the unfiltered board.
    pub committees: Vec<String>,
}

/// A current stance as exported (`stances export`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StanceExportRow {
    /// The Parliament's id, for MEPs.
    pub ep_id: Option<i64>,
    /// Display name.
    pub name: String,
    /// Political group code.
    pub group: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// Current level.
    pub level: StanceLevel,
    /// When it was stated.
    pub stated_on: String,
    /// Its evidence.
    pub evidence: EvidenceKind,
    /// Source link or note.
    pub source: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
}

/// The vote being imported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VoteInput {
    /// The dossier voted on.
    pub dossier_id: String,
    /// The date of the vote (YYYY-MM-DD).
    pub voted_on: String,
    /// What was voted, such as "LIBE report, final vote".
    pub title: String,
}

/// A stored roll-call vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Vote {
    /// UUIDv7.
    pub id: String,
    /// The dossier.
    pub dossier_id: String,
    /// The date.
    pub voted_on: String,
    /// The title.
    pub title: String,
    /// When it was imported (UTC).
    pub created_at: String,
}

/// Counts of each position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PositionCounts {
    /// For.
    #[serde(rename = "for")]
    pub for_: u32,
    /// Against.
    pub against: u32,
    /// Abstentions.
    pub abstention: u32,
    /// Did not vote.
    pub did_not_vote: u32,
}

impl PositionCounts {
    pub(crate) fn add(&mut self, position: VotePosition) {
        match position {
            VotePosition::For => self.for_ += 1,
            VotePosition::Against => self.against += 1,
            VotePosition::Abstention => self.abstention += 1,
            VotePosition::DidNotVote => self.did_not_vote += 1,
        }
    }

    /// Every position counted.
    pub fn total(&self) -> u32 {
        self.for_ + self.against + self.abstention + self.did_not_vote
    }
}

/// The counts of one political group or country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VoteBreakdown {
    /// The group code or the country (alpha-2); "" when not known.
    pub key: String,
    /// Its counts.
    pub counts: PositionCounts,
}

/// A stance the vote suggests, for the coordinator to accept or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StanceProposal {
    /// The MEP (a person id).
    pub person_id: String,
    /// Display name.
    pub display_name: String,
    /// Political group code.
    pub group_code: Option<String>,
    /// Country, alpha-2.
    pub country: Option<String>,
    /// How they voted.
    pub position: VotePosition,
    /// Their current level on the dossier, if any.
    pub current: Option<StanceLevel>,
    /// The level the vote suggests.
    pub proposed: StanceLevel,
}

/// A vote with its counts, breakdowns and the stance updates it still suggests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VoteResult {
    /// The vote.
    pub vote: Vote,
    /// The dossier's reference.
    pub dossier_reference: String,
    /// Counts by position.
    pub counts: PositionCounts,
    /// Counts by political group, by group code.
    pub by_group: Vec<VoteBreakdown>,
    /// Counts by country, by code.
    pub by_country: Vec<VoteBreakdown>,
    /// Stance updates not yet accepted, by family name.
    pub proposals: Vec<StanceProposal>,
}

/// A row of the file that names no known MEP: listed, never guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnmatchedRow {
    /// The line in the file.
    pub line: u32,
    /// The MEP as written (id or name).
    pub mep: String,
    /// Why it did not match.
    pub reason: String,
}

/// What a vote import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VoteImportReport {
    /// Data rows read (blank rows excluded).
    pub rows: u32,
    /// Rows matched to an MEP and stored.
    pub matched: u32,
    /// Rows that matched no MEP.
    pub unmatched: Vec<UnmatchedRow>,
    /// The stored vote, its breakdown and proposals.
    pub result: VoteResult,
}
