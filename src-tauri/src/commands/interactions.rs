//! Commands for the engagement log (interactions, timelines and follow-up tasks) and for
//! recording seat terms. One-line wrappers over coalition-core, like every command.

use coalition_core::interactions::{
    self, DossierChoice, Interaction, InteractionInput, InteractionPage, InteractionQuery, PartyHit, Task, TaskInput,
    TaskPage, TaskQuery, TimelinePage, TimelineQuery,
};
use coalition_core::seats::{self, Body, SeatTerm, SeatTermInput};
use tauri::State;

use super::Reply;
use crate::Desk;

#[tauri::command(async)]
pub fn interactions_list(desk: State<'_, Desk>, query: InteractionQuery) -> Reply<InteractionPage> {
    interactions::list(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn interaction_get(desk: State<'_, Desk>, id: String) -> Reply<Interaction> {
    interactions::get(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn interaction_create(desk: State<'_, Desk>, input: InteractionInput) -> Reply<Interaction> {
    interactions::create(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn interaction_update(desk: State<'_, Desk>, id: String, input: InteractionInput) -> Reply<Interaction> {
    interactions::update(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn interaction_delete(desk: State<'_, Desk>, id: String) -> Reply<()> {
    interactions::delete(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn timeline_get(desk: State<'_, Desk>, query: TimelineQuery) -> Reply<TimelinePage> {
    interactions::timeline(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn tasks_list(desk: State<'_, Desk>, query: TaskQuery) -> Reply<TaskPage> {
    interactions::tasks(desk.store()?, &query).map_err(Into::into)
}

#[tauri::command(async)]
pub fn task_create(desk: State<'_, Desk>, input: TaskInput) -> Reply<Task> {
    interactions::create_task(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn task_update(desk: State<'_, Desk>, id: String, input: TaskInput) -> Reply<Task> {
    interactions::update_task(desk.store()?, &id, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn task_set_done(desk: State<'_, Desk>, id: String, done: bool) -> Reply<Task> {
    interactions::set_task_done(desk.store()?, &id, done).map_err(Into::into)
}

#[tauri::command(async)]
pub fn task_delete(desk: State<'_, Desk>, id: String) -> Reply<()> {
    interactions::delete_task(desk.store()?, &id).map_err(Into::into)
}

#[tauri::command(async)]
pub fn tasks_overdue_count(desk: State<'_, Desk>) -> Reply<u32> {
    interactions::overdue_count(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn parties_search(desk: State<'_, Desk>, text: String, people_only: bool, limit: u32) -> Reply<Vec<PartyHit>> {
    interactions::search_parties(desk.store()?, &text, people_only, limit).map_err(Into::into)
}

#[tauri::command(async)]
pub fn dossier_choices(desk: State<'_, Desk>) -> Reply<Vec<DossierChoice>> {
    interactions::dossier_choices(desk.store()?).map_err(Into::into)
}

#[tauri::command(async)]
pub fn seat_term_add(desk: State<'_, Desk>, input: SeatTermInput) -> Reply<SeatTerm> {
    seats::add_term(desk.store()?, input).map_err(Into::into)
}

#[tauri::command(async)]
pub fn seat_term_end(desk: State<'_, Desk>, id: String, ends_on: Option<String>) -> Reply<SeatTerm> {
    seats::end_term(desk.store()?, &id, ends_on.as_deref()).map_err(Into::into)
}

#[tauri::command(async)]
pub fn seat_bodies(desk: State<'_, Desk>) -> Reply<Vec<Body>> {
    seats::bodies(desk.store()?).map_err(Into::into)
}
