//! The subject-access export and the erasure preview, as they cross the boundary.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::people::{LabelledEmail, LabelledPhone};

/// Everything held about one person, as given to them on a subject-access request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SubjectAccess {
    /// When the export was made, RFC 3339 UTC.
    pub generated_at: String,
    /// Identity, names and contact details.
    pub person: SarPerson,
    /// Lawful basis, source, consent date and the sensitive flag.
    pub data_protection: Option<SarDataProtection>,
    /// Affiliations to organisations, with their dates.
    pub affiliations: Vec<SarAffiliation>,
    /// Seats held personally in the coalition's bodies.
    pub seat_terms: Vec<SarSeatTerm>,
    /// The office, when the person is a policy-maker.
    pub policy_maker: Option<SarPolicyMaker>,
    /// Stances recorded about them, with evidence.
    pub stances: Vec<SarStance>,
    /// Their positions in roll-call votes.
    pub votes: Vec<SarVote>,
    /// Interactions they took part in (other participants only as organisation names and a count).
    pub interactions: Vec<SarInteraction>,
    /// Tasks assigned to them, or belonging to an interaction they took part in.
    pub tasks: Vec<SarTask>,
    /// Signatures they gave on behalf of an organisation.
    pub signatures: Vec<SarSignature>,
    /// Events they were invited to or took part in.
    pub events: Vec<SarEventParticipation>,
    /// Sessions they spoke at.
    pub speaking: Vec<SarSpeaking>,
    /// Saved lists they are on.
    pub lists: Vec<String>,
    /// The history of their record and its parts, oldest first.
    pub history: Vec<SarHistoryEntry>,
}

/// A person's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarPerson {
    /// The record's id.
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
    /// Emails.
    pub emails: Vec<LabelledEmail>,
    /// Phones.
    pub phones: Vec<LabelledPhone>,
    /// Notes.
    pub notes: Option<String>,
    /// Archived.
    pub archived: bool,
    /// When the record was created.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
}

/// Why and from where the data is held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarDataProtection {
    /// `consent`, `legitimate_interest` or `public_role`.
    pub lawful_basis: Option<String>,
    /// Where the data came from.
    pub source: Option<String>,
    /// When consent was given.
    pub consent_date: Option<String>,
    /// Whether the person is flagged as sensitive.
    pub sensitive: bool,
    /// Why.
    pub sensitive_reason: Option<String>,
}

/// An affiliation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarAffiliation {
    /// The organisation's name.
    pub organisation: String,
    /// Job title.
    pub job_title: Option<String>,
    /// Start date.
    pub starts_on: Option<String>,
    /// End date.
    pub ends_on: Option<String>,
    /// The coalition's main contact there.
    pub focal_point: bool,
}

/// A seat term held by the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarSeatTerm {
    /// The body (steering group...).
    pub body: String,
    /// The role (member, chair...).
    pub role: String,
    /// The organisation holding the seat with them, if any.
    pub organisation: Option<String>,
    /// Start date.
    pub starts_on: String,
    /// End date.
    pub ends_on: Option<String>,
}

/// A committee membership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarCommittee {
    /// Committee code (LIBE).
    pub code: String,
    /// Its name.
    pub name: String,
    /// Member, substitute, chair...
    pub role: String,
    /// Start date.
    pub starts_on: Option<String>,
    /// End date.
    pub ends_on: Option<String>,
}

/// A role on a dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarDossierRole {
    /// Procedure reference.
    pub dossier: String,
    /// Short title.
    pub title: String,
    /// Rapporteur or shadow rapporteur.
    pub role: String,
}

/// A policy-maker's office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarPolicyMaker {
    /// mep, commission, council...
    pub office: String,
    /// Where the office sits.
    pub institution: Option<String>,
    /// Position title.
    pub position_title: Option<String>,
    /// The Parliament's id.
    pub ep_id: Option<i64>,
    /// The Parliament's spelling of the name.
    pub official_name: Option<String>,
    /// Political group code.
    pub group_code: Option<String>,
    /// National party.
    pub national_party: Option<String>,
    /// current or outgoing.
    pub mep_status: Option<String>,
    /// Committee memberships.
    pub committees: Vec<SarCommittee>,
    /// Dossier roles.
    pub dossier_roles: Vec<SarDossierRole>,
}

/// A stance recorded about the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarStance {
    /// Procedure reference.
    pub dossier: String,
    /// Champion ... opposed, unknown.
    pub level: String,
    /// When it was stated.
    pub stated_on: String,
    /// vote, meeting, public statement...
    pub evidence: String,
    /// The source or a note.
    pub source: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When.
    pub recorded_at: String,
}

/// A vote position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarVote {
    /// Procedure reference.
    pub dossier: String,
    /// The vote's title.
    pub title: String,
    /// Its date.
    pub voted_on: String,
    /// for, against, abstention, did_not_vote.
    pub position: String,
}

/// An interaction the person took part in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarInteraction {
    /// Date.
    pub occurred_on: String,
    /// meeting, call...
    pub kind: String,
    /// Subject.
    pub subject: String,
    /// Outcome.
    pub outcome: Option<String>,
    /// Organisations that took part.
    pub organisations: Vec<String>,
    /// How many other people took part (their names are their own data).
    pub other_people: u32,
}

/// A task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarTask {
    /// Title.
    pub title: String,
    /// `assigned` (they own it) or `linked` (an interaction of theirs).
    pub relation: String,
    /// Due date.
    pub due_on: Option<String>,
    /// Done.
    pub done: bool,
    /// When done.
    pub done_on: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// A signature given by the person for an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarSignature {
    /// The letter's title.
    pub letter: String,
    /// The organisation.
    pub organisation: String,
    /// Their name as recorded on the signature.
    pub signer_name: Option<String>,
    /// Their title as recorded.
    pub signer_title: Option<String>,
    /// invited, signed, declined, withdrawn.
    pub state: String,
    /// When signed.
    pub signed_on: Option<String>,
}

/// Taking part in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarEventParticipation {
    /// The event.
    pub event: String,
    /// When it starts (local time).
    pub starts_at: String,
    /// guest, speaker...
    pub role: String,
    /// invited, registered, attended...
    pub status: String,
    /// The organisation on the badge.
    pub organisation: Option<String>,
    /// When they registered.
    pub registered_at: Option<String>,
    /// When they checked in.
    pub checked_in_at: Option<String>,
    /// Dietary needs.
    pub dietary_needs: Option<String>,
    /// Access needs.
    pub access_needs: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// Speaking at a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarSpeaking {
    /// The event.
    pub event: String,
    /// The session.
    pub session: String,
    /// When it starts (local time).
    pub starts_at: String,
    /// keynote_speaker, panellist, moderator, host.
    pub role: String,
    /// to_ask, asked, confirmed, declined.
    pub state: String,
}

/// One change to their record or its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SarHistoryEntry {
    /// When, UTC.
    pub at: String,
    /// What kind of record (person, affiliation, stance...).
    pub entity: String,
    /// create, update...
    pub action: String,
    /// Fields before.
    #[ts(type = "unknown")]
    pub before: Option<Value>,
    /// Fields after.
    #[ts(type = "unknown")]
    pub after: Option<Value>,
    /// The initials of the coordinator who made the change.
    pub actor_initials: Option<String>,
}

/// One kind of data an erasure removes or anonymises, with how many and a few examples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErasureCategory {
    /// `person`, `emails`, `phones`, `languages`, `affiliations`, `seat_terms`, `policy_maker`,
    /// `committees`, `dossier_roles`, `stances`, `vote_positions`, `interactions`, `tasks`,
    /// `event_participation`, `speaking`, `lists`, `signatures`, `seat_terms_kept`,
    /// `audit_entries`, `export_log`, `waitlist_promoted` (others moved up into a seat they held).
    pub key: String,
    /// How many.
    pub count: u32,
    /// Short descriptions of the first few ("Child Focus, CEO, 2021-01-01 –").
    pub examples: Vec<String>,
}

/// What an erasure removes and what stays anonymised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErasurePreview {
    /// The person's id.
    pub person_id: String,
    /// Their display name (what the coordinator types to confirm).
    pub display_name: String,
    /// Accepted instead of the name as confirmation (`ERASE-` and the id's last 6 characters).
    pub confirm_token: String,
    /// Removed, per category (categories with nothing are left out).
    pub removed: Vec<ErasureCategory>,
    /// Kept with the person taken out (signatures, seat terms held with an organisation,
    /// interactions, tasks, scrubbed audit entries).
    pub anonymised: Vec<ErasureCategory>,
    /// Other records whose free text (notes, subjects, outcomes, task titles, letter bodies)
    /// mentions the person by name: not changed by the erasure, for the coordinator to review.
    pub mentions: Vec<String>,
    /// The audit entry that records the erasure (no personal data), once erased.
    pub tombstone_seq: Option<u32>,
    /// Backups made before the erasure still hold the person until rotation removes them.
    pub backups_note: String,
}
