//! The engagement log: meetings, calls, emails, letters and hearings with their
//! participants and outcome, each record's timeline, and follow-up tasks.

mod export;
mod model;
pub(crate) mod rules;
pub(crate) mod store;

pub use model::{
    DossierChoice, Interaction, InteractionInput, InteractionKind, InteractionPage, InteractionQuery, InteractionParticipant, PartyHit,
    PartyKind, Task, TaskInput, TaskPage, TaskQuery, TimelineEntry, TimelinePage, TimelineQuery,
};
pub use export::{
    export_csv, export_csv_file, export_csv_file_with, export_csv_file_with_progress, export_csv_with, export_csv_with_progress,
    log_entry as export_log_entry, CSV_COLUMNS,
};
pub use store::MAX_PAGE;

use crate::error::Result;
use crate::Store;

/// Records an interaction with its participants and follow-up tasks, in one transaction.
pub fn create(store: &Store, input: InteractionInput) -> Result<Interaction> {
    store.write(|conn| store::insert(conn, &input))
}

/// Edits an interaction, its participants and its tasks together, in one transaction.
pub fn update(store: &Store, id: &str, input: InteractionInput) -> Result<Interaction> {
    store.write(|conn| store::update(conn, id, &input))
}

/// Deletes an interaction with its tasks (the audit log keeps what it was).
pub fn delete(store: &Store, id: &str) -> Result<()> {
    store.write(|conn| store::delete(conn, id))
}

/// One interaction.
pub fn get(store: &Store, id: &str) -> Result<Interaction> {
    store.read(|conn| store::get(conn, id))
}

/// One page of the log, newest first.
pub fn list(store: &Store, query: &InteractionQuery) -> Result<InteractionPage> {
    store.read(|conn| store::list(conn, query))
}

/// A person's or an organisation's timeline, newest first, with their open tasks.
pub fn timeline(store: &Store, query: &TimelineQuery) -> Result<TimelinePage> {
    store.read(|conn| store::timeline(conn, query))
}

/// One page of the task list: open first, overdue first, then by due date, undated last.
pub fn tasks(store: &Store, query: &TaskQuery) -> Result<TaskPage> {
    store.read(|conn| store::tasks(conn, query))
}

/// Records a task of no interaction.
pub fn create_task(store: &Store, input: TaskInput) -> Result<Task> {
    store.write(|conn| store::create_task(conn, &input))
}

/// Edits a task.
pub fn update_task(store: &Store, id: &str, input: TaskInput) -> Result<Task> {
    store.write(|conn| store::update_task(conn, id, &input))
}

/// Marks a task done (today) or open again.
pub fn set_task_done(store: &Store, id: &str, done: bool) -> Result<Task> {
    store.write(|conn| store::set_task_done(conn, id, done))
}

/// Deletes a task.
pub fn delete_task(store: &Store, id: &str) -> Result<()> {
    store.write(|conn| store::delete_task(conn, id))
}

/// Open tasks due before today (the badge on the Engagement entry).
pub fn overdue_count(store: &Store) -> Result<u32> {
    store.read(store::overdue_count)
}

/// Suggestions for the participant and owner pickers: names starting with `text`.
pub fn search_parties(store: &Store, text: &str, people_only: bool, limit: u32) -> Result<Vec<PartyHit>> {
    store.read(|conn| store::search_parties(conn, text, people_only, limit))
}

/// The person an id or a full name designates (case and accents ignored), for scripts.
pub fn resolve_person(store: &Store, text: &str) -> Result<String> {
    store.read(|conn| store::resolve_person(conn, text))
}

/// Every dossier, to pick one for an interaction.
pub fn dossier_choices(store: &Store) -> Result<Vec<DossierChoice>> {
    store.read(store::dossier_choices)
}
