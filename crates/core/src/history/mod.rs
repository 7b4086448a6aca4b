//! A record's history and undo, both read from the audit log.
//!
//! A record's history is its own entries plus the entries linked to it (`audit_links`,
//! written by `audit::append`): a signature shows in its letter's and its organisation's
//! history, an affiliation in its person's and its organisation's, a session or participant
//! in its event's, an interaction in each participant's.
//!
//! Undo restores the `before` of an update (or archive, restore, or an earlier undo) when the
//! record's fields still hold the entry's `after`; it removes a created record when no later
//! entry depends on it; a merge goes to [`organisations::undo_merge`]. The feature's own
//! store function does the work, so its validation and its audit entry apply; that entry is
//! then marked as the `undo` of the reversed one (`undo_of`).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::audit::{self, AuditEntry};
use crate::error::{CoreError, Result};
use crate::{events, interactions, letters, organisations, people, Store};

/// One entry of a record's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    /// The audit entry.
    pub entry: AuditEntry,
    /// The entry that undid this one, if any.
    pub undone_by: Option<u32>,
    /// Whether [`undo`] knows how to reverse this kind of entry (it may still refuse when a
    /// later change depends on it).
    pub undoable: bool,
}

/// A page of a record's history, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryPage {
    /// The entries of the page.
    pub entries: Vec<HistoryEntry>,
    /// Entries in the whole history.
    pub total: u32,
}

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UndoReport {
    /// The entry that was reversed.
    pub undone_seq: u32,
    /// The kind of record it was about.
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// What it had done (`update`, `create`, `merge`...).
    pub action: String,
    /// The new entry recording the undo.
    pub audit_seq: u32,
}

/// The most entries one page holds.
pub const MAX_PAGE: u32 = 200;

/// The entity kinds whose history is asked for by another name.
fn subject(entity: &str) -> &str {
    match entity {
        "policy_maker" => "person",
        other => other,
    }
}

fn supported(entity: &str, action: &str) -> bool {
    match action {
        "update" | "undo" => matches!(entity, "organisation" | "person" | "letter" | "event"),
        "archive" | "restore" => matches!(entity, "organisation" | "person"),
        "create" => matches!(entity, "organisation" | "person" | "letter" | "event" | "interaction"),
        "merge" => entity == "organisation",
        _ => false,
    }
}

/// The history of one record, newest first: `entity` is `organisation`, `person` (or
/// `policy_maker`), `letter`, `event`, `interaction`...
pub fn for_record(store: &Store, entity: &str, id: &str, offset: u32, limit: u32) -> Result<HistoryPage> {
    let entity = subject(entity);
    let limit = limit.clamp(1, MAX_PAGE);
    store.read(|conn| {
        let total: u32 = conn.prepare_cached(
            "SELECT count(*) FROM (SELECT seq FROM audit_log WHERE entity = ?1 AND entity_id = ?2
             UNION SELECT seq FROM audit_links WHERE entity = ?1 AND entity_id = ?2)",
        )?
        .query_row(params![entity, id], |r| r.get(0))?;
        let sql = format!(
            "WITH s AS (SELECT seq FROM audit_log WHERE entity = ?1 AND entity_id = ?2
                        UNION SELECT seq FROM audit_links WHERE entity = ?1 AND entity_id = ?2)
             SELECT {}, (SELECT max(u.seq) FROM audit_log u WHERE u.undo_of = a.seq),
                    (SELECT o.action FROM audit_log o WHERE o.seq = a.undo_of)
             FROM s JOIN audit_log a ON a.seq = s.seq ORDER BY a.seq DESC LIMIT ?3 OFFSET ?4",
            prefixed("a")
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let entries = stmt
            .query_map(params![entity, id, limit, offset], |row| {
                let entry = audit::from_row(row)?;
                let undone_by: Option<u32> = row.get(9)?;
                let reversed: Option<String> = row.get(10)?;
                // an undone create removed the record: it is not brought back from here
                let undoable = undone_by.is_none()
                    && !scrubbed(&entry)
                    && supported(&entry.entity, &entry.action)
                    && reversed.as_deref() != Some("create");
                Ok(HistoryEntry { entry, undone_by, undoable })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(HistoryPage { entries, total })
    })
}

/// Whether an erasure scrubbed the entry's personal data (see [`crate::subject_rights`]).
fn scrubbed(entry: &AuditEntry) -> bool {
    let marked = |v: &Option<Value>| v.as_ref().and_then(|v| v.get(crate::subject_rights::ERASED_KEY)).is_some();
    marked(&entry.before) || marked(&entry.after)
}

/// An erasure, and the entries it scrubbed, are never reversed: undo would bring the person back.
fn refuse_erased(target: &AuditEntry) -> Result<()> {
    if target.action == "erase" {
        return Err(CoreError::Conflict(format!(
            "{} erased a person; an erasure cannot be undone",
            describe(target)
        )));
    }
    if scrubbed(target) {
        return Err(CoreError::Conflict(format!(
            "{} held personal data of a person who was erased since; it was scrubbed and cannot be undone",
            describe(target)
        )));
    }
    Ok(())
}

fn prefixed(alias: &str) -> String {
    audit::COLUMNS.split(", ").map(|c| format!("{alias}.{c}")).collect::<Vec<_>>().join(", ")
}

fn entry(conn: &Connection, seq: u32) -> Result<AuditEntry> {
    conn.prepare_cached(&format!("SELECT {} FROM audit_log WHERE seq = ?1", audit::COLUMNS))?
        .query_row([seq], audit::from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no history entry {seq}")))
}

fn undone_by(conn: &Connection, seq: u32) -> Result<Option<AuditEntry>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {} FROM audit_log WHERE undo_of = ?1 ORDER BY seq DESC LIMIT 1", audit::COLUMNS))?
        .query_row([seq], audit::from_row)
        .optional()?)
}

/// "entry 12 (update by Ana Lopes, 2026-11-22 16:30 UTC)".
fn describe(e: &AuditEntry) -> String {
    let at = e.at.get(..16).map(|s| s.replace('T', " ")).unwrap_or_else(|| e.at.clone());
    let who = e.actor.as_deref().map(|a| format!(" by {a}")).unwrap_or_default();
    let what = if e.entity == "organisation" || e.entity == "person" { e.action.clone() } else { format!("{} {}", e.entity.replace('_', " "), e.action) };
    format!("entry {} ({what}{who}, {at} UTC)", e.seq)
}

/// Reverses the entry `seq`. Refuses, naming the later change, when something written
/// since depends on it.
pub fn undo(store: &Store, seq: u32) -> Result<UndoReport> {
    let target = store.read(|conn| {
        let target = entry(conn, seq)?;
        if let Some(by) = undone_by(conn, seq)? {
            return Err(CoreError::Conflict(format!("entry {seq} was already undone by {}", describe(&by))));
        }
        refuse_erased(&target)?;
        Ok(target)
    })?;
    match target.action.as_str() {
        "merge" if target.entity == "organisation" => {
            organisations::undo_merge(store, seq)?;
            let audit_seq = store.read(|conn| Ok(conn.query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))?))?;
            Ok(report(&target, audit_seq))
        }
        "unmerge" => Err(CoreError::Conflict("an undone merge is not undone again: merge the two organisations once more instead".into())),
        _ => store.write(|conn| {
            let audit_seq = undo_in(conn, &target)?;
            Ok(report(&target, audit_seq))
        }),
    }
}

/// Reverses the latest change that has not been undone yet (undos themselves, the profile and
/// settings are skipped, so repeating it steps back through the records' history).
pub fn undo_last(store: &Store) -> Result<UndoReport> {
    let seq = store.read(|conn| {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {} FROM audit_log a WHERE a.action NOT IN ('undo', 'unmerge') AND a.entity NOT IN ('profile', 'setting')
             AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.undo_of = a.seq) ORDER BY a.seq DESC LIMIT 2",
            prefixed("a")
        ))?;
        let latest: Vec<AuditEntry> = stmt.query_map([], audit::from_row)?.collect::<rusqlite::Result<_>>()?;
        let Some(last) = latest.first() else {
            return Err(CoreError::Conflict("there is nothing to undo".into()));
        };
        // A new organisation's membership is written with it: undoing "the last change"
        // means removing the organisation.
        if let [membership, org] = latest.as_slice() {
            if membership.entity == "membership" && membership.action == "create" && org.entity == "organisation"
                && org.action == "create" && org.entity_id == membership.entity_id
            {
                return Ok(org.seq);
            }
        }
        Ok(last.seq)
    })?;
    undo(store, seq)
}

fn report(target: &AuditEntry, audit_seq: u32) -> UndoReport {
    UndoReport {
        undone_seq: target.seq,
        entity: target.entity.clone(),
        entity_id: target.entity_id.clone(),
        action: target.action.clone(),
        audit_seq,
    }
}

fn last_seq(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| r.get(0))?)
}

fn undo_in(conn: &Connection, target: &AuditEntry) -> Result<u32> {
    if let Some(original) = target.undo_of {
        if entry(conn, original)?.action == "create" {
            return Err(CoreError::Conflict(format!(
                "{} removed a record; it cannot be brought back from the history",
                describe(target)
            )));
        }
    }
    if !supported(&target.entity, &target.action) {
        return Err(CoreError::Conflict(format!(
            "{} cannot be undone from the history; change the record itself instead",
            describe(target)
        )));
    }
    let mark = last_seq(conn)?;
    match target.action.as_str() {
        "create" => remove_created(conn, target)?,
        _ => restore_fields(conn, target)?,
    }
    // The feature's store wrote its own entries: they are the undo.
    let written: Vec<u32> = conn
        .prepare_cached("SELECT seq FROM audit_log WHERE seq > ?1 AND entity = ?2 AND entity_id = ?3 ORDER BY seq")?
        .query_map(params![mark, target.entity, target.entity_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match written.last() {
        Some(&last) => {
            conn.prepare_cached("UPDATE audit_log SET action = 'undo', undo_of = ?2 WHERE seq = ?1")?.execute(params![last, target.seq])?;
            Ok(last)
        }
        // Nothing to write (the record already holds the values): the undo is recorded anyway.
        None => audit::append_entry(conn, &target.entity, &target.entity_id, "undo", target.after.as_ref(), target.before.as_ref(), Some(target.seq)),
    }
}

/// The record's current fields, in the shape of its audit entries.
fn current(conn: &Connection, entity: &str, id: &str) -> Result<Value> {
    let value = match entity {
        "organisation" => serde_json::to_value(organisations::store::get(conn, id)?),
        "person" => Ok(people::store::audit_value(&people::store::get(conn, id)?)),
        "letter" => serde_json::to_value(letters::store::get(conn, id)?),
        "event" => Ok(events::store::audit_value(&events::store::get(conn, id)?)),
        _ => return Err(CoreError::Conflict(format!("a {entity} cannot be changed from the history"))),
    };
    value.map_err(|e| CoreError::Conflict(format!("cannot read the {entity}: {e}")))
}

/// Entries after `target` about the same record that changed any of `fields`.
fn later_changes(conn: &Connection, target: &AuditEntry, fields: &[&String]) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM audit_log WHERE entity = ?1 AND entity_id = ?2 AND seq > ?3 ORDER BY seq DESC",
        audit::COLUMNS
    ))?;
    let rows: Vec<AuditEntry> = stmt
        .query_map(params![target.entity, target.entity_id, target.seq], audit::from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter(|e| {
            let touched = |v: &Option<Value>| v.as_ref().and_then(Value::as_object).is_some_and(|m| fields.iter().any(|f| m.contains_key(f.as_str())));
            touched(&e.after) || touched(&e.before)
        })
        .collect())
}

fn restore_fields(conn: &Connection, target: &AuditEntry) -> Result<()> {
    let (Some(Value::Object(before)), Some(Value::Object(after))) = (&target.before, &target.after) else {
        return Err(CoreError::Conflict(format!("{} has no fields to restore", describe(target))));
    };
    let now = current(conn, &target.entity, &target.entity_id)?;
    let changed: Vec<&String> = after.keys().filter(|k| now.get(k.as_str()).unwrap_or(&Value::Null) != &after[k.as_str()]).collect();
    if !changed.is_empty() {
        let later = later_changes(conn, target, &changed)?;
        let names = changed.iter().map(|f| f.replace('_', " ")).collect::<Vec<_>>().join(", ");
        let why = match later.first() {
            Some(e) => format!("{names} changed again in {}", describe(e)),
            None => format!("{names} no longer hold the values it wrote"),
        };
        return Err(CoreError::Conflict(format!("{} cannot be undone: {why}; undo that first", describe(target))));
    }
    if before.keys().all(|k| k == "archived") && before.contains_key("archived") {
        let archived = before["archived"].as_bool().unwrap_or(false);
        return match target.entity.as_str() {
            "organisation" => organisations::store::set_archived(conn, &target.entity_id, archived),
            "person" => people::store::set_archived(conn, &target.entity_id, archived),
            other => Err(CoreError::Conflict(format!("a {other} is not archived"))),
        };
    }
    let mut fields: Map<String, Value> = now.as_object().cloned().unwrap_or_default();
    for (key, value) in before {
        fields.insert(key.clone(), value.clone());
    }
    let id = target.entity_id.as_str();
    let damaged = |e: serde_json::Error| CoreError::Conflict(format!("{} cannot be undone: {e}", describe(target)));
    match target.entity.as_str() {
        "organisation" => {
            let input: organisations::OrganisationInput = serde_json::from_value(Value::Object(fields)).map_err(damaged)?;
            organisations::store::update(conn, id, &input)?;
        }
        "person" => {
            let input: people::PersonInput = serde_json::from_value(Value::Object(fields)).map_err(damaged)?;
            people::store::update(conn, id, &input)?;
        }
        "letter" => {
            let input: letters::LetterInput = serde_json::from_value(Value::Object(fields)).map_err(damaged)?;
            letters::store::update(conn, id, &input)?;
        }
        "event" => {
            if let Some(organisers) = fields.remove("organisers") {
                fields.insert("organiser_ids".into(), organisers);
            }
            let input: events::EventInput = serde_json::from_value(Value::Object(fields)).map_err(damaged)?;
            events::store::update(conn, id, &input)?;
        }
        other => return Err(CoreError::Conflict(format!("a {other} cannot be changed from the history"))),
    }
    Ok(())
}

fn remove_created(conn: &Connection, target: &AuditEntry) -> Result<()> {
    let (entity, id) = (target.entity.as_str(), target.entity_id.as_str());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM audit_log a
         WHERE a.seq > ?3 AND a.action NOT IN ('undo', 'unmerge')
           AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.undo_of = a.seq)
           AND ((a.entity = ?1 AND a.entity_id = ?2) OR a.seq IN (SELECT seq FROM audit_links WHERE entity = ?1 AND entity_id = ?2))
           AND NOT (?1 = 'organisation' AND a.entity = 'membership' AND a.entity_id = ?2 AND a.action = 'create')
         ORDER BY a.seq LIMIT 3",
        prefixed("a")
    ))?;
    let later: Vec<AuditEntry> = stmt.query_map(params![entity, id, target.seq], audit::from_row)?.collect::<rusqlite::Result<_>>()?;
    if !later.is_empty() {
        let names = later.iter().map(describe).collect::<Vec<_>>().join("; ");
        return Err(CoreError::Conflict(format!(
            "{} cannot be undone: later changes depend on it: {names}",
            describe(target)
        )));
    }
    if entity == "interaction" {
        return interactions::store::delete(conn, id);
    }
    let table = match entity {
        "organisation" => "organisations",
        "person" => "people",
        "letter" => "letters",
        "event" => "events",
        other => return Err(CoreError::Conflict(format!("a {other} cannot be removed from the history"))),
    };
    let removed = conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id]).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => CoreError::Conflict(format!(
            "{} cannot be undone: other records still refer to this {entity}",
            describe(target)
        )),
        other => other.into(),
    })?;
    if removed == 0 {
        return Err(CoreError::NotFound(format!("the {entity} of {} is already gone", describe(target))));
    }
    audit::append(conn, entity, id, "delete", target.after.as_ref(), None)?;
    Ok(())
}
