//! Engagement-log SQL. Functions take the caller's connection (inside its transaction for
//! writes) and append to the audit log. Lists are one page query plus one batched query per
//! page for participants and one for tasks: never a query per row.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde_json::{json, Value};

use super::model::*;
use super::rules::{optional_text, validate, validate_task, ValidInteraction, ValidTask};
use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::memberships::rules::iso;
use crate::store::{new_id, now, today};
use crate::text::{fold, like_escape};

const ENTITY: &str = "interaction";
const TASK_ENTITY: &str = "task";
/// Upper bound of one page.
pub const MAX_PAGE: u32 = 500;
const OPEN_TASKS_SHOWN: u32 = 50;

fn page_limit(limit: u32) -> u32 {
    if limit == 0 {
        100
    } else {
        limit.min(MAX_PAGE)
    }
}

fn today_iso() -> String {
    iso(today())
}

fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

// ---- reads ----

const INTERACTION_SELECT: &str = "SELECT i.id, i.kind, i.occurred_on, i.subject, i.outcome, i.dossier_id, d.reference,
        i.created_at, i.updated_at
   FROM interactions i LEFT JOIN dossiers d ON d.id = i.dossier_id";

fn interaction_from(r: &Row<'_>) -> rusqlite::Result<Interaction> {
    Ok(Interaction {
        id: r.get(0)?,
        kind: r.get(1)?,
        occurred_on: r.get(2)?,
        subject: r.get(3)?,
        outcome: r.get(4)?,
        dossier_id: r.get(5)?,
        dossier_reference: r.get(6)?,
        participants: Vec::new(),
        tasks: Vec::new(),
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

const TASK_SELECT: &str = "SELECT t.id, t.interaction_id, i.subject, t.title, t.owner_person_id, p.display_name, t.due_on,
        t.done, t.done_on, t.notes
   FROM tasks t LEFT JOIN interactions i ON i.id = t.interaction_id LEFT JOIN people p ON p.id = t.owner_person_id";

/// Open tasks first; overdue and due soon by date; undated last.
const TASK_ORDER: &str = "ORDER BY t.done, t.due_on IS NULL, t.due_on, t.created_at, t.id";

fn task_from(today: &str) -> impl Fn(&Row<'_>) -> rusqlite::Result<Task> + '_ {
    move |r| {
        let due_on: Option<String> = r.get(6)?;
        let done: bool = r.get(7)?;
        Ok(Task {
            id: r.get(0)?,
            interaction_id: r.get(1)?,
            interaction_subject: r.get(2)?,
            title: r.get(3)?,
            owner_person_id: r.get(4)?,
            owner_name: r.get(5)?,
            overdue: !done && due_on.as_deref().is_some_and(|d| d < today),
            due_on,
            done,
            done_on: r.get(8)?,
            notes: r.get(9)?,
        })
    }
}

/// Fills in the participants and tasks of interactions: two queries for the whole batch.
fn hydrate(conn: &Connection, mut rows: Vec<Interaction>) -> Result<Vec<Interaction>> {
    if rows.is_empty() {
        return Ok(rows);
    }
    let ids: Vec<SqlValue> = rows.iter().map(|r| SqlValue::Text(r.id.clone())).collect();
    let at: HashMap<String, usize> = rows.iter().enumerate().map(|(n, r)| (r.id.clone(), n)).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT ip.interaction_id, ip.person_id, ip.organisation_id, coalesce(p.display_name, o.name)
           FROM interaction_participants ip
           LEFT JOIN people p ON p.id = ip.person_id LEFT JOIN organisations o ON o.id = ip.organisation_id
          WHERE ip.interaction_id IN ({})
          ORDER BY ip.person_id IS NULL, coalesce(p.family_key, o.name_key)",
        marks(ids.len())
    ))?;
    let mut found = stmt.query(params_from_iter(ids.iter()))?;
    while let Some(r) = found.next()? {
        let id: String = r.get(0)?;
        if let Some(&n) = at.get(&id) {
            rows[n].participants.push(InteractionParticipant { person_id: r.get(1)?, organisation_id: r.get(2)?, name: r.get(3)? });
        }
    }
    let today = today_iso();
    let mut stmt =
        conn.prepare_cached(&format!("{TASK_SELECT} WHERE t.interaction_id IN ({}) {TASK_ORDER}", marks(ids.len())))?;
    let tasks = stmt.query_map(params_from_iter(ids.iter()), task_from(&today))?;
    for task in tasks {
        let task = task?;
        if let Some(n) = task.interaction_id.as_ref().and_then(|id| at.get(id)) {
            rows[*n].tasks.push(task);
        }
    }
    Ok(rows)
}

/// One interaction with its participants and tasks.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Interaction> {
    let base = conn
        .prepare_cached(&format!("{INTERACTION_SELECT} WHERE i.id = ?1"))?
        .query_row([id], interaction_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no interaction with id {id}")))?;
    Ok(hydrate(conn, vec![base])?.remove(0))
}

fn check_date(field: &str, value: Option<&str>) -> Result<Option<String>> {
    crate::memberships::rules::optional_date(field, value).map(|d| d.map(iso)).map_err(|e| CoreError::Invalid(vec![e]))
}

/// One page of the log, newest first.
pub(crate) fn list(conn: &Connection, query: &InteractionQuery) -> Result<InteractionPage> {
    let mut clauses: Vec<&str> = Vec::new();
    let mut values: Vec<SqlValue> = Vec::new();
    if let Some(kind) = query.kind {
        clauses.push("i.kind = ?");
        values.push(SqlValue::Text(kind.as_str().into()));
    }
    if let Some(from) = check_date("from", query.from.as_deref())? {
        clauses.push("i.occurred_on >= ?");
        values.push(SqlValue::Text(from));
    }
    if let Some(to) = check_date("to", query.to.as_deref())? {
        clauses.push("i.occurred_on <= ?");
        values.push(SqlValue::Text(to));
    }
    if let Some(person) = optional_text(query.person_id.as_deref()) {
        clauses.push("i.id IN (SELECT interaction_id FROM interaction_participants WHERE person_id = ?)");
        values.push(SqlValue::Text(person));
    }
    if let Some(org) = optional_text(query.organisation_id.as_deref()) {
        clauses.push("i.id IN (SELECT interaction_id FROM interaction_participants WHERE organisation_id = ?)");
        values.push(SqlValue::Text(org));
    }
    if let Some(text) = optional_text(query.text.as_deref()) {
        clauses.push("(i.subject LIKE ? ESCAPE '\\' OR coalesce(i.outcome, '') LIKE ? ESCAPE '\\')");
        let pattern = format!("%{}%", like_escape(&text));
        values.push(SqlValue::Text(pattern.clone()));
        values.push(SqlValue::Text(pattern));
    }
    let filter = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM interactions i {filter}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let sql = format!(
        "{INTERACTION_SELECT} {filter} ORDER BY i.occurred_on DESC, i.id DESC LIMIT {} OFFSET {}",
        page_limit(query.limit),
        query.offset
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values.iter()), interaction_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(InteractionPage { rows: hydrate(conn, rows)?, total, offset: query.offset })
}

/// People affiliated with an organisation today (`?1` the organisation, `?2` today).
const CURRENT_PEOPLE: &str = "SELECT person_id FROM affiliations WHERE organisation_id = ?1
    AND (ends_on IS NULL OR ends_on >= ?2) AND (starts_on IS NULL OR starts_on <= ?2)";

/// A person's or an organisation's interactions, newest first, with their open tasks.
pub(crate) fn timeline(conn: &Connection, query: &TimelineQuery) -> Result<TimelinePage> {
    let person = optional_text(query.person_id.as_deref());
    let org = optional_text(query.organisation_id.as_deref());
    let today = today_iso();
    let limit = page_limit(query.limit);
    let (hits, owners, subject) = match (&person, &org) {
        (Some(person), None) => {
            crate::people::store::get(conn, person)?;
            (
                "SELECT interaction_id FROM interaction_participants WHERE person_id = ?1".to_string(),
                "t.owner_person_id = ?1".to_string(),
                person.clone(),
            )
        }
        (None, Some(org)) => {
            crate::organisations::store::get(conn, org)?;
            (
                format!(
                    "SELECT interaction_id FROM interaction_participants WHERE organisation_id = ?1
                     UNION SELECT interaction_id FROM interaction_participants WHERE person_id IN ({CURRENT_PEOPLE})"
                ),
                format!("t.owner_person_id IN ({CURRENT_PEOPLE})"),
                org.clone(),
            )
        }
        _ => return Err(CoreError::invalid("timeline", "a timeline is of one person or one organisation")),
    };
    // ?2 (today) is only used by an organisation's queries; bind it in both for one shape.
    let bind = |sql: &str| sql.contains("?2");
    let count_sql = format!("SELECT count(*) FROM interactions i WHERE i.id IN ({hits})");
    let total: u32 = if bind(&count_sql) {
        conn.prepare_cached(&count_sql)?.query_row(params![subject, today], |r| r.get(0))?
    } else {
        conn.prepare_cached(&count_sql)?.query_row(params![subject], |r| r.get(0))?
    };
    let page_sql = format!(
        "{INTERACTION_SELECT} WHERE i.id IN ({hits}) ORDER BY i.occurred_on DESC, i.id DESC LIMIT {limit} OFFSET {}",
        query.offset
    );
    let mut stmt = conn.prepare_cached(&page_sql)?;
    let rows = if bind(&page_sql) {
        stmt.query_map(params![subject, today], interaction_from)?.collect::<rusqlite::Result<Vec<_>>>()?
    } else {
        stmt.query_map(params![subject], interaction_from)?.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let rows = hydrate(conn, rows)?;
    let tasks_sql = format!(
        "{TASK_SELECT} WHERE t.done = 0 AND (t.interaction_id IN ({hits}) OR {owners}) {TASK_ORDER} LIMIT {OPEN_TASKS_SHOWN}"
    );
    let mut stmt = conn.prepare_cached(&tasks_sql)?;
    let open_tasks = if bind(&tasks_sql) {
        stmt.query_map(params![subject, today], task_from(&today))?.collect::<rusqlite::Result<Vec<_>>>()?
    } else {
        stmt.query_map(params![subject], task_from(&today))?.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let entries = match &org {
        None => rows.into_iter().map(|interaction| TimelineEntry { interaction, via: Vec::new() }).collect(),
        Some(org) => {
            let members: HashSet<String> = conn
                .prepare_cached(CURRENT_PEOPLE)?
                .query_map(params![org, today], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            rows.into_iter()
                .map(|interaction| {
                    let direct = interaction.participants.iter().any(|p| p.organisation_id.as_deref() == Some(org.as_str()));
                    let via = if direct {
                        Vec::new()
                    } else {
                        interaction
                            .participants
                            .iter()
                            .filter(|p| p.person_id.as_ref().is_some_and(|id| members.contains(id)))
                            .map(|p| p.name.clone())
                            .collect()
                    };
                    TimelineEntry { interaction, via }
                })
                .collect()
        }
    };
    Ok(TimelinePage { rows: entries, total, offset: query.offset, open_tasks })
}

/// One task.
pub(crate) fn get_task(conn: &Connection, id: &str) -> Result<Task> {
    let today = today_iso();
    conn.prepare_cached(&format!("{TASK_SELECT} WHERE t.id = ?1"))?
        .query_row([id], task_from(&today))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no task with id {id}")))
}

/// One page of the task list.
pub(crate) fn tasks(conn: &Connection, query: &TaskQuery) -> Result<TaskPage> {
    let today = today_iso();
    let mut clauses: Vec<&str> = Vec::new();
    let mut values: Vec<SqlValue> = Vec::new();
    if let Some(owner) = optional_text(query.owner_person_id.as_deref()) {
        clauses.push("t.owner_person_id = ?");
        values.push(SqlValue::Text(owner));
    }
    if query.overdue {
        clauses.push("t.done = 0 AND t.due_on < ?");
        values.push(SqlValue::Text(today.clone()));
    } else if let Some(done) = query.done {
        clauses.push("t.done = ?");
        values.push(SqlValue::Integer(done.into()));
    }
    let filter = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM tasks t {filter}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let sql = format!("{TASK_SELECT} {filter} {TASK_ORDER} LIMIT {} OFFSET {}", page_limit(query.limit), query.offset);
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values.iter()), task_from(&today))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(TaskPage { rows, total, offset: query.offset, overdue: overdue_count(conn)? })
}

/// Open tasks due before today.
pub(crate) fn overdue_count(conn: &Connection) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM tasks WHERE done = 0 AND due_on < ?1")?
        .query_row([today_iso()], |r| r.get(0))?)
}

// ---- writes ----

fn person_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)")?.query_row([id], |r| r.get(0))?)
}

fn organisation_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ?1)")?.query_row([id], |r| r.get(0))?)
}

fn check_task_refs(conn: &Connection, prefix: &str, task: &ValidTask, errors: &mut Vec<FieldError>) -> Result<()> {
    if let Some(owner) = &task.owner_person_id {
        if !person_exists(conn, owner)? {
            errors.push(FieldError::new(format!("{prefix}owner_person_id"), format!("no person with id {owner}")));
        }
    }
    Ok(())
}

/// Checks that every referenced person, organisation and dossier exists.
fn check_refs(conn: &Connection, valid: &ValidInteraction, rows: &[usize]) -> Result<()> {
    let mut errors = Vec::new();
    if let Some(dossier) = &valid.dossier_id {
        let known: bool =
            conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM dossiers WHERE id = ?1)")?.query_row([dossier], |r| r.get(0))?;
        if !known {
            errors.push(FieldError::new("dossier_id", format!("no dossier with id {dossier}")));
        }
    }
    for id in &valid.person_ids {
        if !person_exists(conn, id)? {
            errors.push(FieldError::new("participants", format!("no person with id {id}")));
        }
    }
    for id in &valid.organisation_ids {
        if !organisation_exists(conn, id)? {
            errors.push(FieldError::new("participants", format!("no organisation with id {id}")));
        }
    }
    for (task, row) in valid.tasks.iter().zip(rows) {
        check_task_refs(conn, &format!("tasks.{row}."), task, &mut errors)?;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(errors))
    }
}

/// The form rows the valid tasks came from (blank rows are skipped by validation).
fn task_rows(input: &InteractionInput) -> Vec<usize> {
    input
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            !(t.id.is_none()
                && t.title.trim().is_empty()
                && optional_text(t.due_on.as_deref()).is_none()
                && optional_text(t.owner_person_id.as_deref()).is_none())
        })
        .map(|(n, _)| n)
        .collect()
}

fn task_audit(task: &Task) -> Value {
    json!({
        "id": task.id,
        "interaction_id": task.interaction_id,
        "title": task.title,
        "owner_person_id": task.owner_person_id,
        "due_on": task.due_on,
        "done": task.done,
        "done_on": task.done_on,
        "notes": task.notes,
    })
}

/// The audited form of an interaction: every field, participants and tasks, no timestamps.
fn audit_value(i: &Interaction) -> Value {
    json!({
        "kind": i.kind,
        "occurred_on": i.occurred_on,
        "subject": i.subject,
        "outcome": i.outcome,
        "dossier_id": i.dossier_id,
        "participants": i.participants.iter().map(|p| json!({"person_id": p.person_id, "organisation_id": p.organisation_id, "name": p.name})).collect::<Vec<_>>(),
        "tasks": i.tasks.iter().map(task_audit).collect::<Vec<_>>(),
    })
}

fn write_participants(conn: &Connection, id: &str, valid: &ValidInteraction) -> Result<()> {
    conn.prepare_cached("DELETE FROM interaction_participants WHERE interaction_id = ?1")?.execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO interaction_participants (interaction_id, person_id, organisation_id) VALUES (?1, ?2, ?3)",
    )?;
    for person in &valid.person_ids {
        insert.execute(params![id, person, Option::<String>::None])?;
    }
    for org in &valid.organisation_ids {
        insert.execute(params![id, Option::<String>::None, org])?;
    }
    Ok(())
}

/// The day a task is done on: kept when it was done already, today when it becomes done.
fn done_on(task: &ValidTask, previous: Option<(bool, Option<String>)>) -> Option<String> {
    match (task.done, previous) {
        (false, _) => None,
        (true, Some((true, Some(day)))) => Some(day),
        (true, _) => Some(today_iso()),
    }
}

fn insert_task(conn: &Connection, interaction_id: Option<&str>, task: &ValidTask) -> Result<String> {
    let id = new_id();
    conn.prepare_cached(
        "INSERT INTO tasks (id, interaction_id, title, owner_person_id, due_on, done, done_on, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![id, interaction_id, task.title, task.owner_person_id, task.due_on.map(iso), task.done, done_on(task, None), task.notes, now()])?;
    Ok(id)
}

fn update_task_row(conn: &Connection, id: &str, task: &ValidTask, previous: (bool, Option<String>)) -> Result<()> {
    conn.prepare_cached(
        "UPDATE tasks SET title = ?2, owner_person_id = ?3, due_on = ?4, done = ?5, done_on = ?6, notes = ?7, updated_at = ?8
         WHERE id = ?1",
    )?
    .execute(params![id, task.title, task.owner_person_id, task.due_on.map(iso), task.done, done_on(task, Some(previous)), task.notes, now()])?;
    Ok(())
}

/// Validates and records an interaction with its participants and tasks.
pub(crate) fn insert(conn: &Connection, input: &InteractionInput) -> Result<Interaction> {
    let valid = validate(input).map_err(CoreError::Invalid)?;
    let rows = task_rows(input);
    if let Some((_, row)) = valid.tasks.iter().zip(&rows).find(|(t, _)| t.id.is_some()) {
        return Err(CoreError::invalid(format!("tasks.{row}.title"), "a new interaction has no tasks to edit yet"));
    }
    check_refs(conn, &valid, &rows)?;
    let id = new_id();
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO interactions (id, kind, occurred_on, subject, outcome, dossier_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![id, valid.kind, iso(valid.occurred_on), valid.subject, valid.outcome, valid.dossier_id, stamp])?;
    write_participants(conn, &id, &valid)?;
    for task in &valid.tasks {
        insert_task(conn, Some(&id), task)?;
    }
    let stored = get(conn, &id)?;
    audit::append(conn, ENTITY, &id, "create", None, Some(&audit_value(&stored)))?;
    Ok(stored)
}

/// Validates and applies an edit of an interaction, its participants and its tasks together.
/// An edit that changes nothing writes nothing.
pub(crate) fn update(conn: &Connection, id: &str, input: &InteractionInput) -> Result<Interaction> {
    let current = get(conn, id)?;
    let valid = validate(input).map_err(CoreError::Invalid)?;
    let rows = task_rows(input);
    let existing: HashMap<String, (bool, Option<String>)> =
        current.tasks.iter().map(|t| (t.id.clone(), (t.done, t.done_on.clone()))).collect();
    for (task, row) in valid.tasks.iter().zip(&rows) {
        if let Some(task_id) = &task.id {
            if !existing.contains_key(task_id) {
                return Err(CoreError::invalid(format!("tasks.{row}.title"), format!("task {task_id} is not a task of this interaction")));
            }
        }
    }
    check_refs(conn, &valid, &rows)?;
    conn.execute_batch("SAVEPOINT interaction_update")?;
    let result = (|| -> Result<Interaction> {
        conn.prepare_cached(
            "UPDATE interactions SET kind = ?2, occurred_on = ?3, subject = ?4, outcome = ?5, dossier_id = ?6, updated_at = ?7
             WHERE id = ?1",
        )?
        .execute(params![id, valid.kind, iso(valid.occurred_on), valid.subject, valid.outcome, valid.dossier_id, now()])?;
        write_participants(conn, id, &valid)?;
        let kept: HashSet<&str> = valid.tasks.iter().filter_map(|t| t.id.as_deref()).collect();
        for task_id in existing.keys().filter(|k| !kept.contains(k.as_str())) {
            conn.prepare_cached("DELETE FROM tasks WHERE id = ?1")?.execute([task_id])?;
        }
        for task in &valid.tasks {
            match &task.id {
                Some(task_id) => update_task_row(conn, task_id, task, existing[task_id].clone())?,
                None => {
                    insert_task(conn, Some(id), task)?;
                }
            }
        }
        get(conn, id)
    })();
    let next = match result {
        Ok(next) => next,
        Err(error) => {
            conn.execute_batch("ROLLBACK TO interaction_update; RELEASE interaction_update")?;
            return Err(error);
        }
    };
    match audit::diff(&audit_value(&current), &audit_value(&next)) {
        None => {
            conn.execute_batch("ROLLBACK TO interaction_update; RELEASE interaction_update")?;
            Ok(current)
        }
        Some((before, after)) => {
            conn.execute_batch("RELEASE interaction_update")?;
            audit::append(conn, ENTITY, id, "update", Some(&before), Some(&after))?;
            Ok(next)
        }
    }
}

/// Deletes an interaction with its participants and tasks; the audit log keeps all of it.
pub(crate) fn delete(conn: &Connection, id: &str) -> Result<()> {
    let current = get(conn, id)?;
    conn.prepare_cached("DELETE FROM tasks WHERE interaction_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM interaction_participants WHERE interaction_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM interactions WHERE id = ?1")?.execute([id])?;
    audit::append(conn, ENTITY, id, "delete", Some(&audit_value(&current)), None)?;
    Ok(())
}

fn valid_standalone(conn: &Connection, input: &TaskInput) -> Result<ValidTask> {
    let mut errors = Vec::new();
    let valid = validate_task("", input, &mut errors);
    if let Some(task) = &valid {
        check_task_refs(conn, "", task, &mut errors)?;
    }
    match valid {
        Some(task) if errors.is_empty() => Ok(task),
        _ => Err(CoreError::Invalid(errors)),
    }
}

/// Records a task of no interaction.
pub(crate) fn create_task(conn: &Connection, input: &TaskInput) -> Result<Task> {
    let valid = valid_standalone(conn, input)?;
    let id = insert_task(conn, None, &valid)?;
    let task = get_task(conn, &id)?;
    audit::append(conn, TASK_ENTITY, &id, "create", None, Some(&task_audit(&task)))?;
    Ok(task)
}

/// Edits a task (of an interaction or standalone); an edit that changes nothing writes nothing.
pub(crate) fn update_task(conn: &Connection, id: &str, input: &TaskInput) -> Result<Task> {
    let current = get_task(conn, id)?;
    let stamp: String = conn.prepare_cached("SELECT updated_at FROM tasks WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
    let valid = valid_standalone(conn, input)?;
    update_task_row(conn, id, &valid, (current.done, current.done_on.clone()))?;
    let next = get_task(conn, id)?;
    match audit::diff(&task_audit(&current), &task_audit(&next)) {
        Some((before, after)) => audit::append(conn, TASK_ENTITY, id, "update", Some(&before), Some(&after))?,
        None => {
            // Nothing changed: keep the stored timestamp too.
            conn.prepare_cached("UPDATE tasks SET updated_at = ?2 WHERE id = ?1")?.execute(params![id, stamp])?;
        }
    }
    Ok(next)
}

/// Marks a task done (today) or not done.
pub(crate) fn set_task_done(conn: &Connection, id: &str, done: bool) -> Result<Task> {
    let current = get_task(conn, id)?;
    if current.done == done {
        return Ok(current);
    }
    let done_on = done.then(today_iso);
    conn.prepare_cached("UPDATE tasks SET done = ?2, done_on = ?3, updated_at = ?4 WHERE id = ?1")?
        .execute(params![id, done, done_on, now()])?;
    audit::append(
        conn,
        TASK_ENTITY,
        id,
        if done { "done" } else { "reopen" },
        Some(&json!({"done": current.done, "done_on": current.done_on})),
        Some(&json!({"done": done, "done_on": done_on})),
    )?;
    get_task(conn, id)
}

/// Deletes a task.
pub(crate) fn delete_task(conn: &Connection, id: &str) -> Result<()> {
    let current = get_task(conn, id)?;
    conn.prepare_cached("DELETE FROM tasks WHERE id = ?1")?.execute([id])?;
    audit::append(conn, TASK_ENTITY, id, "delete", Some(&task_audit(&current)), None)?;
    Ok(())
}

// ---- pickers ----

/// People and organisations whose folded names start with `text`: people by family name or
/// whole name, organisations by name or short name. Each side is one indexed range query.
pub(crate) fn search_parties(conn: &Connection, text: &str, people_only: bool, limit: u32) -> Result<Vec<PartyHit>> {
    let key = fold(text);
    let upper = format!("{key}\u{10FFFF}");
    let limit = limit.clamp(1, 50);
    let today = today_iso();
    let people_sql = format!(
        "SELECT p.id, p.display_name,
                coalesce((SELECT o.name FROM affiliations a JOIN organisations o ON o.id = a.organisation_id
                           WHERE a.person_id = p.id AND (a.ends_on IS NULL OR a.ends_on >= ?3)
                           ORDER BY a.focal_point DESC, a.starts_on DESC LIMIT 1),
                         (SELECT coalesce(pm.group_code, pm.institution, pm.position_title) FROM policy_makers pm WHERE pm.person_id = p.id))
           FROM people p
          WHERE p.archived = 0 {}
          ORDER BY p.family_key, p.id LIMIT {limit}",
        if key.is_empty() {
            ""
        } else {
            "AND p.id IN (SELECT id FROM people WHERE name_key >= ?1 AND name_key < ?2
                          UNION SELECT id FROM people WHERE archived = 0 AND family_key >= ?1 AND family_key < ?2)"
        }
    );
    let mut hits: Vec<PartyHit> = conn
        .prepare_cached(&people_sql)?
        .query_map(params![key, upper, today], |r| {
            Ok(PartyHit { kind: PartyKind::Person, id: r.get(0)?, name: r.get(1)?, detail: r.get(2)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if !people_only {
        let org_sql = format!(
            "SELECT o.id, o.name, coalesce(o.short_name || ' · ', '') || o.country
               FROM organisations o
              WHERE o.archived = 0 {}
              ORDER BY o.name_key LIMIT {limit}",
            if key.is_empty() {
                "AND ?1 = ?1 AND ?2 = ?2"
            } else {
                "AND o.id IN (SELECT id FROM organisations WHERE archived = 0 AND name_key >= ?1 AND name_key < ?2
                              UNION SELECT id FROM organisations WHERE short_name_key >= ?1 AND short_name_key < ?2)"
            }
        );
        let orgs = conn
            .prepare_cached(&org_sql)?
            .query_map(params![key, upper], |r| {
                Ok(PartyHit { kind: PartyKind::Organisation, id: r.get(0)?, name: r.get(1)?, detail: r.get(2)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        hits.extend(orgs);
    }
    Ok(hits)
}

/// The person an id or a name (case and accents ignored) designates, for scripts.
pub(crate) fn resolve_person(conn: &Connection, text: &str) -> Result<String> {
    let text = text.trim();
    if person_exists(conn, text)? {
        return Ok(text.to_string());
    }
    let key = fold(text);
    let found: Vec<(String, String)> = conn
        .prepare_cached("SELECT id, display_name FROM people WHERE name_key = ?1 ORDER BY archived, family_key LIMIT 5")?
        .query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [(id, _)] => Ok(id.clone()),
        [] => Err(CoreError::invalid("person", format!("no person named \"{text}\""))),
        many => Err(CoreError::invalid(
            "person",
            format!(
                "\"{text}\" names several people; pass an id: {}",
                many.iter().map(|(id, name)| format!("{name} ({id})")).collect::<Vec<_>>().join("; ")
            ),
        )),
    }
}

/// Every dossier, by reference.
pub(crate) fn dossier_choices(conn: &Connection) -> Result<Vec<DossierChoice>> {
    let mut stmt = conn.prepare_cached("SELECT id, reference, short_title FROM dossiers ORDER BY reference")?;
    let rows = stmt.query_map([], |r| Ok(DossierChoice { id: r.get(0)?, reference: r.get(1)?, short_title: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
