//! Seat SQL, inside the caller's transaction, audited.

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::memberships::rules::{check_order, iso, optional_date, required_date};
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

const TERM_SELECT: &str = "SELECT t.id, b.id, b.name, b.kind, t.role, t.organisation_id, o.name, t.starts_on, t.ends_on
    FROM seat_terms t JOIN bodies b ON b.id = t.body_id JOIN organisations o ON o.id = t.organisation_id";

fn term_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<SeatTerm> {
    Ok(SeatTerm {
        id: r.get(0)?,
        body: Body { id: r.get(1)?, name: r.get(2)?, kind: r.get(3)? },
        role: r.get(4)?,
        organisation_id: r.get(5)?,
        organisation_name: r.get(6)?,
        starts_on: r.get(7)?,
        ends_on: r.get(8)?,
    })
}

/// Records a term; a single-holder seat refuses an overlapping term, naming the holder.
pub(crate) fn add_term(conn: &Connection, input: &SeatTermInput) -> Result<SeatTerm> {
    crate::organisations::store::get(conn, &input.organisation_id)?;
    let starts = required_date("starts_on", &input.starts_on).map_err(|e| CoreError::Invalid(vec![e]))?;
    let ends = optional_date("ends_on", input.ends_on.as_deref()).map_err(|e| CoreError::Invalid(vec![e]))?;
    check_order(Some(starts), ends).map_err(|e| CoreError::invalid("ends_on", e.message.replace("left date", "end date").replace("joined date", "start date")))?;
    let body = ensure_body(conn, &input.body, input.kind)?;
    let (starts, ends) = (iso(starts), ends.map(iso));
    if input.role.single_holder() {
        let clash = conn
            .prepare_cached(&format!(
                "{TERM_SELECT} WHERE t.body_id = ?1 AND t.role = ?2 AND t.starts_on <= coalesce(?4, '9999-12-31')
                 AND coalesce(t.ends_on, '9999-12-31') >= ?3 LIMIT 1"
            ))?
            .query_row(params![body.id, input.role, starts, ends], term_from)
            .optional()?;
        if let Some(holder) = clash {
            let until = holder.ends_on.map(|e| format!(" until {e}")).unwrap_or_default();
            return Err(CoreError::invalid(
                "starts_on",
                format!("the {} seat of {} is held by \"{}\" from {}{until}", input.role, body.name, holder.organisation_name, holder.starts_on),
            ));
        }
    }
    let id = new_id();
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO seat_terms (id, body_id, role, organisation_id, starts_on, ends_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![id, body.id, input.role, input.organisation_id, starts, ends, stamp])?;
    let term = conn.prepare_cached(&format!("{TERM_SELECT} WHERE t.id = ?1"))?.query_row([&id], term_from)?;
    audit::append(conn, "seat_term", &id, "create", None, Some(&serde_json::to_value(&term).expect("serialisable")))?;
    Ok(term)
}

/// Terms covering a date, by body, role and organisation name.
pub(crate) fn held_on(conn: &Connection, date: &str) -> Result<Vec<SeatTerm>> {
    let day = required_date("date", date).map_err(|e| CoreError::Invalid(vec![e]))?;
    let mut stmt = conn.prepare_cached(&format!(
        "{TERM_SELECT} WHERE t.starts_on <= ?1 AND coalesce(t.ends_on, '9999-12-31') >= ?1 ORDER BY b.name_key, t.role, o.name_key"
    ))?;
    let rows = stmt.query_map([iso(day)], term_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// SQL that is true when organisation `o.id` sits in a steering group on date `?day`.
pub(crate) const STEERING_TODAY: &str = "EXISTS (SELECT 1 FROM seat_terms t JOIN bodies b ON b.id = t.body_id
    WHERE t.organisation_id = o.id AND b.kind = 'steering_group' AND t.starts_on <= date('now')
    AND coalesce(t.ends_on, '9999-12-31') >= date('now'))";
