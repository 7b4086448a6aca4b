//! Seat SQL, inside the caller's transaction, audited.

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::memberships::rules::{iso, optional_date, required_date};
use crate::store::{new_id, now};
use crate::text::{fold, tidy};

fn ensure_body(conn: &Connection, name: &str, kind: BodyKind) -> Result<Body> {
    let name = tidy(name);
    if name.is_empty() {
        return Err(CoreError::invalid("body", "body is required"));
    }
    let key = fold(&name);
    if let Some(body) = conn
        .prepare_cached("SELECT id, name, kind FROM bodies WHERE name_key = ?1")?
        .query_row([&key], |r| Ok(Body { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)? }))
        .optional()?
    {
        return Ok(body);
    }
    let body = Body { id: new_id(), name, kind };
    let stamp = now();
    conn.prepare_cached("INSERT INTO bodies (id, name, name_key, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")?
        .execute(params![body.id, body.name, key, body.kind, stamp])?;
    audit::append(conn, "body", &body.id, "create", None, Some(&serde_json::to_value(&body).expect("serialisable")))?;
    Ok(body)
}

// Holders are optional on both sides: LEFT JOINs, one row per term.
const TERM_SELECT: &str = "SELECT t.id, b.id, b.name, b.kind, t.role, t.organisation_id, o.name, t.person_id, p.display_name,
        t.starts_on, t.ends_on
    FROM seat_terms t JOIN bodies b ON b.id = t.body_id
    LEFT JOIN organisations o ON o.id = t.organisation_id
    LEFT JOIN people p ON p.id = t.person_id";

fn term_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<SeatTerm> {
    Ok(SeatTerm {
        id: r.get(0)?,
        body: Body { id: r.get(1)?, name: r.get(2)?, kind: r.get(3)? },
        role: r.get(4)?,
        organisation_id: r.get(5)?,
        organisation_name: r.get(6)?,
        person_id: r.get(7)?,
        person_name: r.get(8)?,
        starts_on: r.get(9)?,
        ends_on: r.get(10)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<SeatTerm> {
    conn.prepare_cached(&format!("{TERM_SELECT} WHERE t.id = ?1"))?
        .query_row([id], term_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no seat term with id {id}")))
}

fn blank_to_none(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|s| !s.is_empty())
}

/// The first other term of a single-holder seat that overlaps `[starts, ends]`.
fn clash(conn: &Connection, body_id: &str, role: SeatRole, starts: &str, ends: Option<&str>, except: Option<&str>) -> Result<Option<SeatTerm>> {
    Ok(conn
        .prepare_cached(&format!(
            "{TERM_SELECT} WHERE t.body_id = ?1 AND t.role = ?2 AND t.starts_on <= coalesce(?4, '9999-12-31')
             AND coalesce(t.ends_on, '9999-12-31') >= ?3 AND t.id IS NOT coalesce(?5, '') ORDER BY t.starts_on LIMIT 1"
        ))?
        .query_row(params![body_id, role, starts, ends, except], term_from)
        .optional()?)
}

fn clash_message(role: SeatRole, body: &Body, holder: &SeatTerm) -> String {
    let until = holder.ends_on.as_ref().map(|e| format!(" until {e}")).unwrap_or_default();
    format!("the {role} seat of {} is held by {} from {}{until}", body.name, holder.holder(), holder.starts_on)
}

/// Records a term; a single-holder seat refuses an overlapping term, naming the holder.
pub(crate) fn add_term(conn: &Connection, input: &SeatTermInput) -> Result<SeatTerm> {
    let mut errors: Vec<FieldError> = Vec::new();
    let organisation_id = blank_to_none(input.organisation_id.as_deref());
    let person_id = blank_to_none(input.person_id.as_deref());
    if organisation_id.is_none() && person_id.is_none() {
        errors.push(FieldError::new("organisation_id", "a seat is held by an organisation, a person, or both"));
    }
    if let Some(id) = organisation_id {
        if let Err(CoreError::NotFound(message)) = crate::organisations::store::get(conn, id) {
            errors.push(FieldError::new("organisation_id", message));
        }
    }
    if let Some(id) = person_id {
        if let Err(CoreError::NotFound(message)) = crate::people::store::get(conn, id) {
            errors.push(FieldError::new("person_id", message));
        }
    }
    let starts = required_date("starts_on", &input.starts_on).map_err(|e| errors.push(e)).ok();
    let ends = optional_date("ends_on", input.ends_on.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    if let (Some(s), Some(e)) = (starts, ends) {
        if e < s {
            errors.push(FieldError::new("ends_on", format!("end date {e} is before the start date {s}")));
        }
    }
    if tidy(&input.body).is_empty() {
        errors.insert(0, FieldError::new("body", "body is required"));
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let body = ensure_body(conn, &input.body, input.kind)?;
    let (starts, ends) = (iso(starts.expect("checked")), ends.map(iso));
    if input.role.single_holder() {
        if let Some(holder) = clash(conn, &body.id, input.role, &starts, ends.as_deref(), None)? {
            return Err(CoreError::invalid("starts_on", clash_message(input.role, &body, &holder)));
        }
    }
    let id = new_id();
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO seat_terms (id, body_id, role, organisation_id, person_id, starts_on, ends_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![id, body.id, input.role, organisation_id, person_id, starts, ends, stamp])?;
    let term = get(conn, &id)?;
    audit::append(conn, "seat_term", &id, "create", None, Some(&serde_json::to_value(&term).expect("serialisable")))?;
    Ok(term)
}

/// Ends a term on a day (its last day), or clears the end with `None`.
pub(crate) fn end_term(conn: &Connection, id: &str, ends_on: Option<&str>) -> Result<SeatTerm> {
    let term = get(conn, id)?;
    let ends = optional_date("ends_on", ends_on).map_err(|e| CoreError::Invalid(vec![e]))?.map(iso);
    if let Some(end) = &ends {
        if *end < term.starts_on {
            return Err(CoreError::invalid("ends_on", format!("end date {end} is before the start date {}", term.starts_on)));
        }
    }
    if ends == term.ends_on {
        return Ok(term);
    }
    if term.role.single_holder() {
        if let Some(holder) = clash(conn, &term.body.id, term.role, &term.starts_on, ends.as_deref(), Some(id))? {
            return Err(CoreError::invalid("ends_on", clash_message(term.role, &term.body, &holder)));
        }
    }
    conn.prepare_cached("UPDATE seat_terms SET ends_on = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![id, ends, now()])?;
    audit::append(
        conn,
        "seat_term",
        id,
        "end",
        Some(&serde_json::json!({"ends_on": term.ends_on})),
        Some(&serde_json::json!({"ends_on": ends})),
    )?;
    get(conn, id)
}

/// Terms covering a date, by body, role and holder.
pub(crate) fn held_on(conn: &Connection, date: &str) -> Result<Vec<SeatTerm>> {
    let day = required_date("date", date).map_err(|e| CoreError::Invalid(vec![e]))?;
    let mut stmt = conn.prepare_cached(&format!(
        "{TERM_SELECT} WHERE t.starts_on <= ?1 AND coalesce(t.ends_on, '9999-12-31') >= ?1
         ORDER BY b.name_key, t.role, coalesce(o.name_key, p.family_key), p.family_key"
    ))?;
    let rows = stmt.query_map([iso(day)], term_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every term ever recorded, by body, role and start.
pub(crate) fn all_terms(conn: &Connection) -> Result<Vec<SeatTerm>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{TERM_SELECT} ORDER BY b.name_key, t.role, t.starts_on, coalesce(o.name_key, p.family_key)"
    ))?;
    let rows = stmt.query_map([], term_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every body, by name (the suggestions of the "Add term" form).
pub(crate) fn bodies(conn: &Connection) -> Result<Vec<Body>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, kind FROM bodies ORDER BY name_key")?;
    let rows = stmt.query_map([], |r| Ok(Body { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// SQL that is true when organisation `o.id` sits in a steering group on date `?day`.
pub(crate) const STEERING_TODAY: &str = "EXISTS (SELECT 1 FROM seat_terms t JOIN bodies b ON b.id = t.body_id
    WHERE t.organisation_id = o.id AND b.kind = 'steering_group' AND t.starts_on <= date('now')
    AND coalesce(t.ends_on, '9999-12-31') >= date('now'))";
