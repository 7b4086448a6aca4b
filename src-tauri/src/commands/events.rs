//! Commands for events: the programme, participants, tasks, saved lists and exports.
//! One-line wrappers over coalition-core, like every command.

use coalition_core::events::{
    self, Attendance, EventDetail, EventExportOptions, EventInput, EventQuery, EventSummary, EventTask, EventTaskInput,
    InviteOutcome, InviteTarget, Participant, ParticipantChange, ParticipantInput, ParticipantPage, ParticipantQuery,
    ParticipantState, PersonList, Programme, SessionInput,
};
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn events_list(desk: State<'_, Desk>, query: EventQuery) -> Reply<Vec<EventSummary>> {
    events::list(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_get(desk: State<'_, Desk>, id: String) -> Reply<EventDetail> {
    events::get(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_create(desk: State<'_, Desk>, input: EventInput) -> Reply<EventDetail> {
    events::create(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_update(desk: State<'_, Desk>, id: String, input: EventInput) -> Reply<EventDetail> {
    events::update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn session_add(desk: State<'_, Desk>, id: String, input: SessionInput) -> Reply<Programme> {
    events::session_add(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn session_update(desk: State<'_, Desk>, id: String, input: SessionInput) -> Reply<Programme> {
    events::session_update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn session_delete(desk: State<'_, Desk>, id: String) -> Reply<Programme> {
    events::session_delete(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn participants_list(desk: State<'_, Desk>, id: String, query: ParticipantQuery) -> Reply<ParticipantPage> {
    events::participants(desk.store()?, &id, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn participants_invite(desk: State<'_, Desk>, id: String, target: InviteTarget) -> Reply<InviteOutcome> {
    events::invite(desk.store()?, &id, target).map_err(Into::into)
}

#[tauri::command(async)]
pub fn participant_set_state(desk: State<'_, Desk>, id: String, state: ParticipantState) -> Reply<ParticipantChange> {
    events::set_state(desk.store()?, &id, state).map_err(Into::into)
}

#[tauri::command(async)]
pub fn participant_update(desk: State<'_, Desk>, id: String, input: ParticipantInput) -> Reply<Participant> {
    events::participant_update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn participant_check_in(desk: State<'_, Desk>, id: String, checked_in: bool) -> Reply<ParticipantChange> {
    events::check_in(desk.store()?, &id, checked_in).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_attendance(desk: State<'_, Desk>, id: String) -> Reply<Attendance> {
    events::attendance(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_task_add(desk: State<'_, Desk>, id: String, input: EventTaskInput) -> Reply<Vec<EventTask>> {
    events::task_add(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_task_update(desk: State<'_, Desk>, id: String, input: EventTaskInput) -> Reply<Vec<EventTask>> {
    events::task_update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_task_set_done(desk: State<'_, Desk>, id: String, done: bool) -> Reply<Vec<EventTask>> {
    events::task_set_done(desk.store()?, &id, done).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_tasks_copy(desk: State<'_, Desk>, id: String, from: String) -> Reply<Vec<EventTask>> {
    events::tasks_copy(desk.store()?, &id, &from).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_emails(desk: State<'_, Desk>, id: String, states: Vec<ParticipantState>) -> Reply<Vec<String>> {
    events::emails(desk.store()?, &id, &states).map_err(Into::into)
}

#[tauri::command(async)]
pub fn person_lists_list(desk: State<'_, Desk>) -> Reply<Vec<PersonList>> {
    events::person_lists(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn person_list_create(desk: State<'_, Desk>, name: String, person_ids: Vec<String>) -> Reply<PersonList> {
    events::person_list_create(desk.store()?, &name, &person_ids).map_err(Into::into)
}

#[tauri::command(async)]
pub fn event_export(desk: State<'_, Desk>, id: String, options: EventExportOptions, path: String, include_sensitive: Option<bool>) -> Reply<u32> {
    events::export_with(desk.store()?, &id, &options, path.as_ref(), include_sensitive.unwrap_or(false)).map_err(Into::into)
}
