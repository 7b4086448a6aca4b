//! The home screen's cards as they cross the boundary: one field of [`Dashboard`] per card.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::events::EventStatus;
use crate::interactions::{DossierChoice, InteractionKind, InteractionParticipant};
use crate::letters::SignatureCounts;
use crate::policy::GroupCode;
use crate::seats::SeatTerm;

/// Organisations in each membership status at the end of one month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MembershipMonth {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Prospects.
    pub prospect: u32,
    /// Applied.
    pub applied: u32,
    /// Active members.
    pub active: u32,
    /// Suspended.
    pub suspended: u32,
    /// Lapsed.
    pub lapsed: u32,
    /// Withdrawn.
    pub withdrawn: u32,
}

/// An event that has not ended yet, with its seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UpcomingEvent {
    /// UUIDv7.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Status.
    pub status: EventStatus,
    /// IANA time zone.
    pub time_zone: String,
    /// Local start in the event's zone, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    /// Local end.
    pub ends_at: String,
    /// The zone's abbreviation at the start (`CET`, `CEST`, or an offset).
    pub zone_label: String,
    /// Venue name, or "Online".
    pub venue_name: Option<String>,
    /// Registered or attended participants.
    pub registered: u32,
    /// Seats taken (registered or attended, counting for capacity).
    pub seats_taken: u32,
    /// On the waitlist.
    pub waitlisted: u32,
    /// Seats, if limited.
    pub capacity: Option<u32>,
}

/// An open task past its due date: a follow-up, an event checklist item or a standalone task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OverdueTask {
    /// UUIDv7.
    pub id: String,
    /// What to do.
    pub title: String,
    /// When it was due.
    pub due_on: String,
    /// Who does it.
    pub owner_name: Option<String>,
    /// The interaction it follows up.
    pub interaction_id: Option<String>,
    /// That interaction's subject.
    pub interaction_subject: Option<String>,
    /// The event whose checklist it is on.
    pub event_id: Option<String>,
    /// That event's title.
    pub event_title: Option<String>,
}

/// Overdue tasks: how many, and the oldest few.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OverdueTasks {
    /// Open tasks due before today.
    pub total: u32,
    /// The most overdue first (at most 5).
    pub top: Vec<OverdueTask>,
}

/// A letter collecting signatures, with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CollectingLetter {
    /// UUIDv7.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Deadline, if any.
    pub deadline: Option<String>,
    /// Signature counts.
    pub counts: SignatureCounts,
}

/// Letters collecting signatures, by deadline (undated last).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CollectingLetters {
    /// Letters collecting signatures in all.
    pub total: u32,
    /// The first of them (at most 6).
    pub letters: Vec<CollectingLetter>,
}

/// Current stances of one political group's members on the main dossier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GroupStances {
    /// The group; `None` for policy-makers outside the Parliament's groups.
    pub group_code: Option<GroupCode>,
    /// Champions.
    pub champion: u32,
    /// Supportive.
    pub supportive: u32,
    /// Undecided.
    pub undecided: u32,
    /// Sceptical.
    pub sceptical: u32,
    /// Opposed.
    pub opposed: u32,
    /// Unknown.
    pub unknown: u32,
}

/// The stance breakdown on the main dossier, by political group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StanceBreakdown {
    /// The main dossier, if there is any dossier.
    pub dossier: Option<DossierChoice>,
    /// Whether the coordinator chose it (otherwise it is the dossier with the most stances,
    /// else the newest).
    pub chosen: bool,
    /// Every dossier, for the picker.
    pub dossiers: Vec<DossierChoice>,
    /// Groups in the Parliament's order, then those outside any group.
    pub groups: Vec<GroupStances>,
    /// Policy-makers with a current stance counted here.
    pub total: u32,
}

/// One of the latest interactions, with who took part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecentInteraction {
    /// UUIDv7.
    pub id: String,
    /// Its kind.
    pub kind: InteractionKind,
    /// The day it happened.
    pub occurred_on: String,
    /// What it was about.
    pub subject: String,
    /// The dossier's procedure reference.
    pub dossier_reference: Option<String>,
    /// People first, then organisations, by name.
    pub participants: Vec<InteractionParticipant>,
}

/// Everything the home screen shows, one field per card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    /// The day the figures are for (the coordinator's today).
    pub today: String,
    /// Membership by status at the end of each of the last 24 months, oldest first (the
    /// current month as of today).
    pub membership: Vec<MembershipMonth>,
    /// Who sits in a steering group today.
    pub steering: Vec<SeatTerm>,
    /// The next events that have not ended (at most 5), soonest first.
    pub upcoming_events: Vec<UpcomingEvent>,
    /// Overdue tasks.
    pub overdue: OverdueTasks,
    /// Letters collecting signatures.
    pub letters: CollectingLetters,
    /// Stances on the main dossier by political group.
    pub stances: StanceBreakdown,
    /// The latest interactions (at most 5), newest first.
    pub interactions: Vec<RecentInteraction>,
}
