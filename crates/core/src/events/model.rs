//! Events as they cross the boundary. Local times are wall-clock times in the event's IANA
//! time zone, written `YYYY-MM-DDTHH:MM`; the UTC instants are derived by the core.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;
use crate::memberships::MembershipStatus;

string_enum! {
    /// What kind of event.
    EventKind ("event kind") {
        /// A conference.
        Conference => "conference",
        /// A roundtable.
        Roundtable => "roundtable",
        /// A webinar.
        Webinar => "webinar",
        /// A press briefing.
        PressBriefing => "press_briefing",
        /// A meeting.
        Meeting => "meeting",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// Where an event is in its life.
    EventStatus ("event status") {
        /// An idea.
        Idea => "idea",
        /// Being planned.
        Planning => "planning",
        /// Confirmed.
        Confirmed => "confirmed",
        /// It took place.
        Held => "held",
        /// Called off.
        Cancelled => "cancelled",
    }
}

string_enum! {
    /// What kind of session.
    SessionKind ("session kind") {
        /// A keynote.
        Keynote => "keynote",
        /// A panel.
        Panel => "panel",
        /// A break.
        Break => "break",
        /// Networking.
        Networking => "networking",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// A speaker's role in a session.
    SpeakerRole ("speaker role") {
        /// Gives a keynote.
        KeynoteSpeaker => "keynote_speaker",
        /// Sits on a panel.
        Panellist => "panellist",
        /// Moderates.
        Moderator => "moderator",
        /// Hosts.
        Host => "host",
    }
}

string_enum! {
    /// Where asking a speaker stands.
    SpeakerState ("speaker state") {
        /// Not asked yet.
        ToAsk => "to_ask",
        /// Asked, no answer yet.
        Asked => "asked",
        /// Confirmed.
        Confirmed => "confirmed",
        /// Declined.
        Declined => "declined",
    }
}

string_enum! {
    /// A participant's role at the event.
    ParticipantRole ("participant role") {
        /// A guest.
        Guest => "guest",
        /// A speaker.
        Speaker => "speaker",
        /// A policy-maker.
        PolicyMaker => "policy_maker",
        /// Press.
        Press => "press",
        /// Staff of the coalition or a member.
        Staff => "staff",
        /// Organiser.
        Organiser => "organiser",
    }
}

string_enum! {
    /// Where a participant stands.
    ParticipantState ("participant state") {
        /// Invited, no answer yet.
        Invited => "invited",
        /// Registered: has a seat.
        Registered => "registered",
        /// Registered while the event was full: waiting for a seat.
        Waitlisted => "waitlisted",
        /// Said no.
        Declined => "declined",
        /// Came (checked in).
        Attended => "attended",
        /// Registered but did not come.
        NoShow => "no_show",
    }
}

/// An organising organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventOrganiser {
    /// The organisation.
    pub organisation_id: String,
    /// Its name.
    pub name: String,
}

/// An event's own fields, as typed in a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventInput {
    /// Short unique reference for scripts, such as `eclag-hle-2023` (a-z, 0-9, -).
    pub reference: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: EventKind,
    /// Status.
    pub status: EventStatus,
    /// IANA time zone; `Europe/Brussels` when empty.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Local start, `YYYY-MM-DDTHH:MM` (a space instead of `T` is accepted).
    pub starts_at: String,
    /// Local end, after the start.
    pub ends_at: String,
    /// Venue name.
    #[serde(default)]
    pub venue_name: Option<String>,
    /// Venue address.
    #[serde(default)]
    pub venue_address: Option<String>,
    /// Room.
    #[serde(default)]
    pub venue_room: Option<String>,
    /// Online link (https).
    #[serde(default)]
    pub online_link: Option<String>,
    /// Seats, if limited.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// Organising organisations' ids.
    #[serde(default)]
    pub organiser_ids: Vec<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Event {
    /// UUIDv7.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: EventKind,
    /// Status.
    pub status: EventStatus,
    /// IANA time zone.
    pub time_zone: String,
    /// Local start, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    /// Local end.
    pub ends_at: String,
    /// The start as a UTC instant (RFC 3339).
    pub starts_utc: String,
    /// The end as a UTC instant.
    pub ends_utc: String,
    /// The zone's abbreviation or offset at the start, such as `CET` or `+01:00`.
    pub zone_label: String,
    /// Venue name.
    pub venue_name: Option<String>,
    /// Venue address.
    pub venue_address: Option<String>,
    /// Room.
    pub venue_room: Option<String>,
    /// Online link.
    pub online_link: Option<String>,
    /// Seats, if limited.
    pub capacity: Option<u32>,
    /// Organisers, by name.
    pub organisers: Vec<EventOrganiser>,
    /// Notes.
    pub notes: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

/// Counts of an event's participants.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ParticipantCounts {
    /// Invited, no answer yet.
    pub invited: u32,
    /// Registered (not yet checked in).
    pub registered: u32,
    /// On the waitlist.
    pub waitlisted: u32,
    /// Declined.
    pub declined: u32,
    /// Attended.
    pub attended: u32,
    /// No-shows.
    pub no_show: u32,
    /// Seats taken: registered or attended participants whose role counts.
    pub seats_taken: u32,
    /// The capacity, if limited.
    pub capacity: Option<u32>,
}

/// A row of the events list and the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventSummary {
    /// UUIDv7.
    pub id: String,
    /// Reference.
    pub reference: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: EventKind,
    /// Status.
    pub status: EventStatus,
    /// IANA time zone.
    pub time_zone: String,
    /// Local start.
    pub starts_at: String,
    /// Local end.
    pub ends_at: String,
    /// Venue name, or "Online".
    pub venue_name: Option<String>,
    /// Participant counts.
    pub counts: ParticipantCounts,
    /// Open checklist tasks.
    pub open_tasks: u32,
    /// Overdue checklist tasks.
    pub overdue_tasks: u32,
}

/// Which events to list. Dates are local dates of the events' starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventQuery {
    /// First day (inclusive), `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day (inclusive).
    #[serde(default)]
    pub to: Option<String>,
    /// Statuses (empty = all).
    #[serde(default)]
    pub statuses: Vec<EventStatus>,
    /// Text in the title or reference, case and accents ignored.
    #[serde(default)]
    pub search: Option<String>,
}

/// A speaker to put in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SpeakerInput {
    /// The person (a policy-maker is a person).
    pub person_id: String,
    /// Role.
    pub role: SpeakerRole,
    /// Confirmation state.
    pub state: SpeakerState,
}

/// A session's fields, as typed in a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionInput {
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: SessionKind,
    /// Local start, `YYYY-MM-DDTHH:MM`, in the event's zone.
    pub starts_at: String,
    /// Local end.
    pub ends_at: String,
    /// Notes for the run sheet.
    #[serde(default)]
    pub notes: Option<String>,
    /// Speakers, in stage order.
    #[serde(default)]
    pub speakers: Vec<SpeakerInput>,
}

/// A speaker of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Speaker {
    /// The person.
    pub person_id: String,
    /// Display name.
    pub display_name: String,
    /// Current organisation (first current affiliation), or a policy-maker's institution.
    pub organisation: Option<String>,
    /// Job title or policy-maker's position.
    pub title: Option<String>,
    /// A policy-maker's political group code, if an MEP.
    pub group_code: Option<String>,
    /// Role.
    pub role: SpeakerRole,
    /// Confirmation state.
    pub state: SpeakerState,
}

/// A session of the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    /// UUIDv7.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: SessionKind,
    /// Local start.
    pub starts_at: String,
    /// Local end.
    pub ends_at: String,
    /// Notes.
    pub notes: Option<String>,
    /// Speakers, in stage order.
    pub speakers: Vec<Speaker>,
}

string_enum! {
    /// A problem in a programme.
    ProgrammeIssueKind ("programme issue") {
        /// Two sessions overlap in time.
        Overlap => "overlap",
        /// A speaker is booked in two sessions at once.
        DoubleBooked => "double_booked",
        /// A session runs outside the event's start and end.
        OutsideEvent => "outside_event",
    }
}

/// A flagged problem: the sessions involved and, for a double booking, the speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgrammeIssue {
    /// Kind.
    pub kind: ProgrammeIssueKind,
    /// Sessions involved.
    pub session_ids: Vec<String>,
    /// The double-booked person.
    pub person_id: Option<String>,
    /// A sentence naming the sessions (and person).
    pub message: String,
}

/// The programme in time order, with its problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Programme {
    /// Sessions by start.
    pub sessions: Vec<Session>,
    /// Overlaps and double bookings.
    pub issues: Vec<ProgrammeIssue>,
}

/// A participant of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Participant {
    /// UUIDv7.
    pub id: String,
    /// The person.
    pub person_id: String,
    /// Display name.
    pub display_name: String,
    /// Family name, for sorting and badges.
    pub family_name: String,
    /// The organisation shown on the badge.
    pub organisation_id: Option<String>,
    /// Its name (or a policy-maker's institution).
    pub organisation_name: Option<String>,
    /// The person's preferred email.
    pub email: Option<String>,
    /// Role.
    pub role: ParticipantRole,
    /// Whether the participant takes a seat.
    pub counts_for_capacity: bool,
    /// State.
    pub state: ParticipantState,
    /// When invited (date).
    pub invited_on: Option<String>,
    /// When registered (RFC 3339).
    pub registered_at: Option<String>,
    /// When put on the waitlist (RFC 3339); the waitlist's order.
    pub waitlisted_at: Option<String>,
    /// When checked in (RFC 3339).
    pub checked_in_at: Option<String>,
    /// A policy-maker's political group code (MEPs).
    pub group_code: Option<String>,
    /// Dietary needs: sensitive, only filled when asked for.
    pub dietary_needs: Option<String>,
    /// Access needs: sensitive, only filled when asked for.
    pub access_needs: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// Which participants to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ParticipantQuery {
    /// States (empty = all).
    #[serde(default)]
    pub states: Vec<ParticipantState>,
    /// Text in the name, organisation or email, case and accents ignored (prefixes match).
    #[serde(default)]
    pub search: Option<String>,
    /// Fill in dietary and access needs.
    #[serde(default)]
    pub include_needs: bool,
    /// First row.
    #[serde(default)]
    pub offset: u32,
    /// Rows wanted (at most 500; 0 means 100).
    #[serde(default)]
    pub limit: u32,
}

/// A page of participants, with the event's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ParticipantPage {
    /// This page, waitlist in order, others by family name.
    pub rows: Vec<Participant>,
    /// Rows in the whole view.
    pub total: u32,
    /// The event's counts.
    pub counts: ParticipantCounts,
}

/// Whom to invite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InviteTarget {
    /// The current focal points of organisations whose membership is in these statuses.
    FocalPoints {
        /// Membership statuses (empty = active).
        statuses: Vec<MembershipStatus>,
    },
    /// Current MEPs sitting on a committee, optionally only some political groups.
    CommitteeMembers {
        /// Committee code, such as `LIBE`.
        committee: String,
        /// Group codes (empty = all).
        groups: Vec<String>,
    },
    /// The members of a saved list of people.
    SavedList {
        /// The list.
        list_id: String,
    },
    /// These people.
    People {
        /// Their ids.
        person_ids: Vec<String>,
    },
}

/// What inviting did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InviteOutcome {
    /// People invited now.
    pub invited: u32,
    /// People already on the list (left as they were).
    pub already: u32,
    /// The counts after.
    pub counts: ParticipantCounts,
}

/// A participant's change of state, and what it set in motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ParticipantChange {
    /// The participant after the change. Asking to register when the event is full puts
    /// the person on the waitlist instead: `state` says which.
    pub participant: Participant,
    /// The first on the waitlist, moved up to registered because a seat came free.
    pub promoted: Option<Participant>,
    /// The counts after.
    pub counts: ParticipantCounts,
}

/// A participant's editable details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ParticipantInput {
    /// Role.
    pub role: ParticipantRole,
    /// Whether the participant takes a seat.
    pub counts_for_capacity: bool,
    /// The organisation shown on the badge.
    #[serde(default)]
    pub organisation_id: Option<String>,
    /// Dietary needs.
    #[serde(default)]
    pub dietary_needs: Option<String>,
    /// Access needs.
    #[serde(default)]
    pub access_needs: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// Policy-makers who attended, by political group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GroupAttendance {
    /// Group code, or none for policy-makers who are not MEPs.
    pub group_code: Option<String>,
    /// How many came.
    pub attended: u32,
}

/// The attendance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attendance {
    /// Everyone ever invited (all states).
    pub invited: u32,
    /// Everyone who registered (registered, attended or no-show).
    pub registered: u32,
    /// Attended.
    pub attended: u32,
    /// No-shows.
    pub no_shows: u32,
    /// Policy-makers who came, by group.
    pub policy_makers: Vec<GroupAttendance>,
}

/// A checklist task of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventTask {
    /// UUIDv7.
    pub id: String,
    /// What to do.
    pub title: String,
    /// Owner.
    pub owner_person_id: Option<String>,
    /// Owner's display name.
    pub owner_name: Option<String>,
    /// Due date (derived from the offset when relative).
    pub due_on: Option<String>,
    /// Days relative to the event's start date (-10 = 10 days before), when relative.
    pub due_offset_days: Option<i32>,
    /// Done.
    pub done: bool,
    /// When done.
    pub done_on: Option<String>,
    /// Not done and due before today.
    pub overdue: bool,
    /// Notes.
    pub notes: Option<String>,
}

/// A checklist task as typed. Give a due date, or an offset in days from the event's start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventTaskInput {
    /// What to do.
    pub title: String,
    /// Owner.
    #[serde(default)]
    pub owner_person_id: Option<String>,
    /// Fixed due date.
    #[serde(default)]
    pub due_on: Option<String>,
    /// Relative due date, in days from the event's start (negative = before).
    #[serde(default)]
    pub due_offset_days: Option<i32>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// One event with everything its detail view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventDetail {
    /// The event.
    pub event: Event,
    /// The programme.
    pub programme: Programme,
    /// Participant counts.
    pub counts: ParticipantCounts,
    /// The checklist.
    pub tasks: Vec<EventTask>,
}

string_enum! {
    /// What to export from an event.
    EventExportKind ("event export") {
        /// The participant list (CSV or XLSX).
        Participants => "participants",
        /// Name badges (PDF, A4).
        Badges => "badges",
        /// Calendar file for the event, or for one speaker's sessions (ICS).
        Ics => "ics",
        /// The run sheet (DOCX or PDF).
        Runsheet => "runsheet",
    }
}

string_enum! {
    /// A file format of an event export.
    EventExportFormat ("format") {
        /// CSV.
        Csv => "csv",
        /// Excel workbook.
        Xlsx => "xlsx",
        /// PDF.
        Pdf => "pdf",
        /// Word document.
        Docx => "docx",
        /// iCalendar.
        Ics => "ics",
    }
}

/// An export to make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventExportOptions {
    /// What.
    pub what: EventExportKind,
    /// Format (must suit `what`).
    pub format: EventExportFormat,
    /// Participants: only these states (empty = registered and attended); badges too.
    #[serde(default)]
    pub states: Vec<ParticipantState>,
    /// Participants: include dietary and access needs (sensitive; off unless asked).
    #[serde(default)]
    pub include_needs: bool,
    /// ICS: only this speaker's sessions (one event per session).
    #[serde(default)]
    pub speaker_person_id: Option<String>,
}

/// A saved list of people, for inviting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonList {
    /// UUIDv7.
    pub id: String,
    /// Name.
    pub name: String,
    /// How many people.
    pub members: u32,
}
