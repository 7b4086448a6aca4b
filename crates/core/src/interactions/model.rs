//! Interactions, participants, tasks and timelines as they cross the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;

string_enum! {
    /// What kind of contact an interaction was.
    InteractionKind ("interaction kind") {
        /// A meeting in person or online.
        Meeting => "meeting",
        /// A phone or video call.
        Call => "call",
        /// An email exchange.
        Email => "email",
        /// A letter sent or received.
        Letter => "letter",
        /// A hearing (a parliamentary committee, a consultation).
        Hearing => "hearing",
    }
}

/// A follow-up task to record or edit: part of an interaction, or standalone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaskInput {
    /// The task being edited; `None` for a new one.
    #[serde(default)]
    pub id: Option<String>,
    /// What to do.
    pub title: String,
    /// Who does it (a person).
    #[serde(default)]
    pub owner_person_id: Option<String>,
    /// When it is due (YYYY-MM-DD).
    #[serde(default)]
    pub due_on: Option<String>,
    /// Whether it is done; it is done today when it becomes done.
    #[serde(default)]
    pub done: bool,
    /// Free notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A stored task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Task {
    /// UUIDv7.
    pub id: String,
    /// The interaction it follows up, if any.
    pub interaction_id: Option<String>,
    /// That interaction's subject.
    pub interaction_subject: Option<String>,
    /// What to do.
    pub title: String,
    /// Who does it.
    pub owner_person_id: Option<String>,
    /// Their display name.
    pub owner_name: Option<String>,
    /// When it is due.
    pub due_on: Option<String>,
    /// Done or not.
    pub done: bool,
    /// The day it was done.
    pub done_on: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// Open and due before today.
    pub overdue: bool,
}

/// An interaction to record or edit, with its participants and follow-up tasks (edited
/// together: tasks with an id are kept and updated, others created, missing ones deleted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InteractionInput {
    /// Meeting, call, email, letter or hearing.
    pub kind: InteractionKind,
    /// The day it happened (YYYY-MM-DD).
    pub occurred_on: String,
    /// What it was about.
    pub subject: String,
    /// What came out of it.
    #[serde(default)]
    pub outcome: Option<String>,
    /// The legislative file it was about.
    #[serde(default)]
    pub dossier_id: Option<String>,
    /// People who took part (policy-makers are people).
    #[serde(default)]
    pub person_ids: Vec<String>,
    /// Organisations that took part.
    #[serde(default)]
    pub organisation_ids: Vec<String>,
    /// Follow-up tasks.
    #[serde(default)]
    pub tasks: Vec<TaskInput>,
}

/// Someone who took part: a person or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InteractionParticipant {
    /// The person, when a person took part.
    pub person_id: Option<String>,
    /// The organisation, when an organisation took part.
    pub organisation_id: Option<String>,
    /// Display name of the person, or the organisation's name.
    pub name: String,
}

/// A stored interaction with its participants and tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Interaction {
    /// UUIDv7.
    pub id: String,
    /// Its kind.
    pub kind: InteractionKind,
    /// The day it happened.
    pub occurred_on: String,
    /// What it was about.
    pub subject: String,
    /// What came out of it.
    pub outcome: Option<String>,
    /// The dossier it was about.
    pub dossier_id: Option<String>,
    /// That dossier's procedure reference ("2022/0155(COD)").
    pub dossier_reference: Option<String>,
    /// People first, then organisations, by name.
    pub participants: Vec<InteractionParticipant>,
    /// Follow-up tasks, by due date.
    pub tasks: Vec<Task>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339.
    pub updated_at: String,
}

/// A view of the engagement log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InteractionQuery {
    /// Only this kind.
    #[serde(default)]
    pub kind: Option<InteractionKind>,
    /// From this day on (inclusive).
    #[serde(default)]
    pub from: Option<String>,
    /// Up to this day (inclusive).
    #[serde(default)]
    pub to: Option<String>,
    /// Only those this person took part in.
    #[serde(default)]
    pub person_id: Option<String>,
    /// Only those this organisation took part in.
    #[serde(default)]
    pub organisation_id: Option<String>,
    /// Text in the subject or the outcome (case ignored).
    #[serde(default)]
    pub text: Option<String>,
    /// First row wanted.
    #[serde(default)]
    pub offset: u32,
    /// Rows wanted (at most 500; 0 means 100).
    #[serde(default)]
    pub limit: u32,
}

/// One page of the engagement log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InteractionPage {
    /// The interactions of this page.
    pub rows: Vec<Interaction>,
    /// Interactions in the whole filtered view.
    pub total: u32,
    /// The offset of the first row.
    pub offset: u32,
}

/// Whose timeline: a person (policy-makers are people) or an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineQuery {
    /// A person's timeline.
    #[serde(default)]
    pub person_id: Option<String>,
    /// An organisation's timeline: its own interactions and those of its current people.
    #[serde(default)]
    pub organisation_id: Option<String>,
    /// First row wanted.
    #[serde(default)]
    pub offset: u32,
    /// Rows wanted (at most 500; 0 means 100).
    #[serde(default)]
    pub limit: u32,
}

/// One interaction on a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEntry {
    /// The interaction.
    pub interaction: Interaction,
    /// On an organisation's timeline, when the organisation itself did not take part: the
    /// names of its current people who did ("via Heidi De Pauw").
    pub via: Vec<String>,
}

/// A page of a timeline, newest first, with the record's open tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelinePage {
    /// The entries of this page.
    pub rows: Vec<TimelineEntry>,
    /// Entries on the whole timeline.
    pub total: u32,
    /// The offset of the first row.
    pub offset: u32,
    /// Open tasks of the timeline's interactions, or owned by the person (or the
    /// organisation's current people), overdue first (at most 50).
    pub open_tasks: Vec<Task>,
}

/// A view of the task list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaskQuery {
    /// Only this owner's tasks.
    #[serde(default)]
    pub owner_person_id: Option<String>,
    /// Only open (`false`) or done (`true`) tasks; `None` for both.
    #[serde(default)]
    pub done: Option<bool>,
    /// Only open tasks due before today.
    #[serde(default)]
    pub overdue: bool,
    /// First row wanted.
    #[serde(default)]
    pub offset: u32,
    /// Rows wanted (at most 500; 0 means 100).
    #[serde(default)]
    pub limit: u32,
}

/// A page of the task list: open tasks first, overdue first, then by due date, undated last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaskPage {
    /// The tasks of this page.
    pub rows: Vec<Task>,
    /// Tasks in the whole filtered view.
    pub total: u32,
    /// The offset of the first row.
    pub offset: u32,
    /// Open tasks overdue, whatever the filters.
    pub overdue: u32,
}

string_enum! {
    /// What a picker suggestion is.
    PartyKind ("party kind") {
        /// A person (policy-makers included).
        Person => "person",
        /// An organisation.
        Organisation => "organisation",
    }
}

/// A suggestion for the participant and owner pickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartyHit {
    /// Person or organisation.
    pub kind: PartyKind,
    /// Its id.
    pub id: String,
    /// Display name, or the organisation's name.
    pub name: String,
    /// A hint to tell namesakes apart: a person's current organisation or office, an
    /// organisation's short name and country.
    pub detail: Option<String>,
}

/// A dossier to pick for an interaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DossierChoice {
    /// Its id.
    pub id: String,
    /// The procedure reference.
    pub reference: String,
    /// Its short title.
    pub short_title: String,
}
