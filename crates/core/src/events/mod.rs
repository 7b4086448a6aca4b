//! Events: conferences, roundtables, webinars, press briefings and meetings, from first idea
//! to the attendance report: time zones, the programme and its speakers, participants with
//! capacity and the waitlist, check-in, checklist tasks, and the exports (participants,
//! badges, calendar files, the run sheet).

pub(crate) mod demo;
pub mod export;
pub(crate) mod lists;
mod model;
pub(crate) mod participants;
pub(crate) mod programme;
pub mod rules;
pub(crate) mod store;
pub(crate) mod tasks;

pub use export::{export, export_with};
pub use model::*;
pub use rules::{zone_label, DEFAULT_ZONE};

use crate::error::Result;
use crate::Store;

/// Creates an event.
pub fn create(store: &Store, input: EventInput) -> Result<EventDetail> {
    store.write(|conn| {
        let event = store::insert(conn, &input)?;
        store::detail(conn, &event.id)
    })
}

/// Edits an event. Relative task due dates follow a new start date, and added seats move
/// the waitlist up, in the same transaction.
pub fn update(store: &Store, id: &str, input: EventInput) -> Result<EventDetail> {
    store.write(|conn| {
        store::update(conn, id, &input)?;
        store::detail(conn, id)
    })
}

/// One event with its programme, counts and checklist.
pub fn get(store: &Store, id: &str) -> Result<EventDetail> {
    store.read(|conn| store::detail(conn, id))
}

/// The event with this reference (case ignored).
pub fn by_reference(store: &Store, reference: &str) -> Result<Event> {
    store.read(|conn| store::by_reference(conn, reference))
}

/// Events in start order, with participant counts and open and overdue tasks.
pub fn list(store: &Store, query: &EventQuery) -> Result<Vec<EventSummary>> {
    store.read(|conn| store::list(conn, query))
}

/// Adds a session (times in the event's zone); returns the programme with its problems.
pub fn session_add(store: &Store, event_id: &str, input: SessionInput) -> Result<Programme> {
    store.write(|conn| {
        let event = programme::add(conn, event_id, &input)?;
        programme::programme(conn, &event)
    })
}

/// Edits a session; returns the programme.
pub fn session_update(store: &Store, session_id: &str, input: SessionInput) -> Result<Programme> {
    store.write(|conn| {
        let event = programme::update(conn, session_id, &input)?;
        programme::programme(conn, &event)
    })
}

/// Deletes a session; returns the programme.
pub fn session_delete(store: &Store, session_id: &str) -> Result<Programme> {
    store.write(|conn| {
        let event = programme::delete(conn, session_id)?;
        programme::programme(conn, &event)
    })
}

/// The programme of an event.
pub fn programme(store: &Store, event_id: &str) -> Result<Programme> {
    store.read(|conn| programme::programme(conn, &store::get(conn, event_id)?))
}

/// A page of an event's participants, with the counts.
pub fn participants(store: &Store, event_id: &str, query: &ParticipantQuery) -> Result<ParticipantPage> {
    store.read(|conn| {
        store::get(conn, event_id)?;
        participants::page(conn, event_id, query)
    })
}

/// Invites a target (focal points, committee members, a saved list, people); people already
/// on the event are left as they are.
pub fn invite(store: &Store, event_id: &str, target: InviteTarget) -> Result<InviteOutcome> {
    store.write(|conn| participants::invite(conn, event_id, &target))
}

/// Changes a participant's state (registering when full waitlists; a freed seat promotes).
pub fn set_state(store: &Store, participant_id: &str, state: ParticipantState) -> Result<ParticipantChange> {
    store.write(|conn| participants::set_state(conn, participant_id, state))
}

/// Edits a participant's role, seat, badge organisation, needs and notes.
pub fn participant_update(store: &Store, participant_id: &str, input: ParticipantInput) -> Result<Participant> {
    store.write(|conn| participants::update(conn, participant_id, &input))
}

/// Removes a participant; returns whoever moved up from the waitlist into the seat.
pub fn participant_remove(store: &Store, participant_id: &str) -> Result<Option<Participant>> {
    store.write(|conn| participants::remove(conn, participant_id))
}

/// Checks a participant in (attended) or undoes it (registered).
pub fn check_in(store: &Store, participant_id: &str, checked_in: bool) -> Result<ParticipantChange> {
    store.write(|conn| participants::check_in(conn, participant_id, checked_in))
}

/// The attendance report.
pub fn attendance(store: &Store, event_id: &str) -> Result<Attendance> {
    store.read(|conn| participants::attendance(conn, event_id))
}

/// Preferred addresses of the participants in these states (empty = invited), deduplicated.
pub fn emails(store: &Store, event_id: &str, states: &[ParticipantState]) -> Result<Vec<String>> {
    store.read(|conn| participants::emails(conn, event_id, states))
}

/// Adds a checklist task; returns the checklist.
pub fn task_add(store: &Store, event_id: &str, input: EventTaskInput) -> Result<Vec<EventTask>> {
    store.write(|conn| {
        tasks::add(conn, event_id, &input)?;
        tasks::tasks(conn, event_id)
    })
}

/// Edits a checklist task; returns the checklist.
pub fn task_update(store: &Store, task_id: &str, input: EventTaskInput) -> Result<Vec<EventTask>> {
    store.write(|conn| {
        let event_id = tasks::update(conn, task_id, &input)?;
        tasks::tasks(conn, &event_id)
    })
}

/// Ticks or unticks a checklist task; returns the checklist.
pub fn task_set_done(store: &Store, task_id: &str, done: bool) -> Result<Vec<EventTask>> {
    store.write(|conn| {
        let event_id = tasks::set_done(conn, task_id, done)?;
        tasks::tasks(conn, &event_id)
    })
}

/// Copies the checklist of the event `from` into the event `into`; returns the checklist.
pub fn tasks_copy(store: &Store, into: &str, from: &str) -> Result<Vec<EventTask>> {
    store.write(|conn| {
        tasks::copy(conn, into, from)?;
        tasks::tasks(conn, into)
    })
}

/// Every saved list of people, by name.
pub fn person_lists(store: &Store) -> Result<Vec<PersonList>> {
    store.read(lists::list)
}

/// Saves a list of people under a name (unique ignoring case and accents).
pub fn person_list_create(store: &Store, name: &str, person_ids: &[String]) -> Result<PersonList> {
    store.write(|conn| lists::create(conn, name, person_ids))
}
