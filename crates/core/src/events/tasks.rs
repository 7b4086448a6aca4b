//! An event's checklist, in the shared `tasks` table (so event tasks also appear in the
//! global task list). A due date is fixed, or relative to the event's start date ("10 days
//! before" = -10): relative dates are re-derived whenever the event's start date moves.
//!
//! Copying a checklist from another event: relative dates stay relative (and are derived
//! from the target's start); fixed dates are shifted by the days between the two events'
//! start dates, so "the Friday before" stays the Friday before; every copy starts not done;
//! a task whose title (case and accents ignored) is already on the target is skipped, so
//! copying twice adds nothing.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::model::*;
use super::rules::{due_from, local_date, validate_task, ValidTask};
use crate::audit;
use crate::error::{CoreError, Result};
use crate::memberships::rules::iso;
use crate::store::{new_id, now, today};
use crate::text::fold;

pub(crate) const TASK: &str = "task";

/// The checklist of an event, by due date (undated last).
pub(crate) fn tasks(conn: &Connection, event_id: &str) -> Result<Vec<EventTask>> {
    let today = iso(today());
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.title, t.owner_person_id, p.display_name, t.due_on, t.due_offset_days, t.done, t.done_on, t.notes
         FROM tasks t LEFT JOIN people p ON p.id = t.owner_person_id
         WHERE t.event_id = ?1 ORDER BY t.due_on IS NULL, t.due_on, t.created_at, t.id",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        let due_on: Option<String> = r.get(4)?;
        let done: bool = r.get(6)?;
        Ok(EventTask {
            id: r.get(0)?,
            title: r.get(1)?,
            owner_person_id: r.get(2)?,
            owner_name: r.get(3)?,
            overdue: !done && due_on.as_deref().is_some_and(|d| d < today.as_str()),
            due_on,
            due_offset_days: r.get(5)?,
            done,
            done_on: r.get(7)?,
            notes: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn start_date(event: &Event) -> NaiveDate {
    local_date(&event.starts_at).unwrap_or_else(today)
}

fn due_on(event: &Event, valid: &ValidTask) -> Option<String> {
    match valid.due_offset_days {
        Some(offset) => Some(due_from(start_date(event), offset)),
        None => valid.due_on.map(iso),
    }
}

fn check_owner(conn: &Connection, owner: Option<&str>) -> Result<()> {
    if let Some(owner) = owner {
        let found: bool =
            conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)")?.query_row([owner], |r| r.get(0))?;
        if !found {
            return Err(CoreError::invalid("owner_person_id", format!("no person with id {owner}")));
        }
    }
    Ok(())
}

struct Stored {
    event_id: String,
    value: serde_json::Value,
}

fn stored(conn: &Connection, id: &str) -> Result<Stored> {
    conn.prepare_cached(
        "SELECT event_id, title, owner_person_id, due_on, due_offset_days, done, done_on, notes FROM tasks
         WHERE id = ?1 AND event_id IS NOT NULL",
    )?
    .query_row([id], |r| {
        Ok(Stored {
            event_id: r.get(0)?,
            value: json!({
                "title": r.get::<_, String>(1)?,
                "owner_person_id": r.get::<_, Option<String>>(2)?,
                "due_on": r.get::<_, Option<String>>(3)?,
                "due_offset_days": r.get::<_, Option<i32>>(4)?,
                "done": r.get::<_, bool>(5)?,
                "done_on": r.get::<_, Option<String>>(6)?,
                "notes": r.get::<_, Option<String>>(7)?,
            }),
        })
    })
    .optional()?
    .ok_or_else(|| CoreError::NotFound(format!("no event task with id {id}")))
}

/// Adds a task to an event's checklist.
pub(crate) fn add(conn: &Connection, event_id: &str, input: &EventTaskInput) -> Result<()> {
    let event = super::store::get(conn, event_id)?;
    let valid = validate_task(input).map_err(CoreError::Invalid)?;
    check_owner(conn, valid.owner_person_id.as_deref())?;
    let id = new_id();
    let due = due_on(&event, &valid);
    conn.prepare_cached(
        "INSERT INTO tasks (id, event_id, title, owner_person_id, due_on, due_offset_days, done, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?8)",
    )?
    .execute(params![id, event_id, valid.title, valid.owner_person_id, due, valid.due_offset_days, valid.notes, now()])?;
    audit::append(
        conn,
        TASK,
        &id,
        "create",
        None,
        Some(&json!({
            "event_id": event_id, "title": valid.title, "owner_person_id": valid.owner_person_id, "due_on": due,
            "due_offset_days": valid.due_offset_days, "notes": valid.notes,
        })),
    )?;
    Ok(())
}

/// Edits an event task; returns its event's id.
pub(crate) fn update(conn: &Connection, id: &str, input: &EventTaskInput) -> Result<String> {
    let current = stored(conn, id)?;
    let event = super::store::get(conn, &current.event_id)?;
    let valid = validate_task(input).map_err(CoreError::Invalid)?;
    check_owner(conn, valid.owner_person_id.as_deref())?;
    let due = due_on(&event, &valid);
    let mut next = current.value.clone();
    next["title"] = json!(valid.title);
    next["owner_person_id"] = json!(valid.owner_person_id);
    next["due_on"] = json!(due);
    next["due_offset_days"] = json!(valid.due_offset_days);
    next["notes"] = json!(valid.notes);
    let Some((before, after)) = audit::diff(&current.value, &next) else { return Ok(current.event_id) };
    conn.prepare_cached(
        "UPDATE tasks SET title = ?2, owner_person_id = ?3, due_on = ?4, due_offset_days = ?5, notes = ?6, updated_at = ?7
         WHERE id = ?1",
    )?
    .execute(params![id, valid.title, valid.owner_person_id, due, valid.due_offset_days, valid.notes, now()])?;
    audit::append(conn, TASK, id, "update", Some(&before), Some(&after))?;
    Ok(current.event_id)
}

/// Ticks or unticks an event task; returns its event's id.
pub(crate) fn set_done(conn: &Connection, id: &str, done: bool) -> Result<String> {
    let current = stored(conn, id)?;
    if current.value["done"] == json!(done) {
        return Ok(current.event_id);
    }
    let done_on = done.then(|| iso(today()));
    conn.prepare_cached("UPDATE tasks SET done = ?2, done_on = ?3, updated_at = ?4 WHERE id = ?1")?
        .execute(params![id, done, done_on, now()])?;
    audit::append(
        conn,
        TASK,
        id,
        "update",
        Some(&json!({"done": !done, "done_on": current.value["done_on"]})),
        Some(&json!({"done": done, "done_on": done_on})),
    )?;
    Ok(current.event_id)
}

/// Re-derives the relative due dates of an event's tasks from its (new) start date.
pub(crate) fn rederive(conn: &Connection, event: &Event) -> Result<u32> {
    let start = start_date(event);
    let relative: Vec<(String, i32, Option<String>)> = conn
        .prepare_cached("SELECT id, due_offset_days, due_on FROM tasks WHERE event_id = ?1 AND due_offset_days IS NOT NULL")?
        .query_map([&event.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut moved = 0;
    for (id, offset, was) in relative {
        let due = due_from(start, offset);
        if was.as_deref() == Some(due.as_str()) {
            continue;
        }
        conn.prepare_cached("UPDATE tasks SET due_on = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![id, due, now()])?;
        audit::append(
            conn,
            TASK,
            &id,
            "rederive",
            Some(&json!({"due_on": was})),
            Some(&json!({"due_on": due, "reason": "the event moved"})),
        )?;
        moved += 1;
    }
    Ok(moved)
}

/// Copies the checklist of `from` into the event `into` (see the module's notes). Returns
/// the number of tasks copied.
pub(crate) fn copy(conn: &Connection, into: &str, from: &str) -> Result<u32> {
    if into == from {
        return Err(CoreError::invalid("from", "a checklist cannot be copied onto its own event"));
    }
    let target = super::store::get(conn, into)?;
    let source = super::store::get(conn, from)?;
    let shift = start_date(&target) - start_date(&source);
    let existing: std::collections::HashSet<String> = tasks(conn, into)?.iter().map(|t| fold(&t.title)).collect();
    let mut copied = 0;
    for task in tasks(conn, from)? {
        if existing.contains(&fold(&task.title)) {
            continue;
        }
        let due_offset_days = task.due_offset_days;
        let due_on = match due_offset_days {
            Some(offset) => Some(due_from(start_date(&target), offset)),
            None => task.due_on.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).map(|d| iso(d + shift)),
        };
        let id = new_id();
        conn.prepare_cached(
            "INSERT INTO tasks (id, event_id, title, owner_person_id, due_on, due_offset_days, done, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?8)",
        )?
        .execute(params![id, into, task.title, task.owner_person_id, due_on, due_offset_days, task.notes, now()])?;
        audit::append(
            conn,
            TASK,
            &id,
            "create",
            None,
            Some(&json!({
                "event_id": into, "title": task.title, "owner_person_id": task.owner_person_id, "due_on": due_on,
                "due_offset_days": due_offset_days, "notes": task.notes, "copied_from": task.id,
            })),
        )?;
        copied += 1;
    }
    Ok(copied)
}
