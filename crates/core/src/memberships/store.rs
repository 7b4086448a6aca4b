//! Membership SQL. Every function runs inside the caller's transaction and appends to the
//! audit log.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::model::*;
use super::rules::{check_order, iso, optional_date, required_date};
use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::store::{new_id, now, today};
use crate::text::tidy;

const ENTITY: &str = "membership";

/// The membership of one organisation, if it has one.
pub(crate) fn get(conn: &Connection, organisation_id: &str) -> Result<Option<Membership>> {
    Ok(conn
        .prepare_cached(
            "SELECT organisation_id, tier, status, joined_on, left_on FROM memberships WHERE organisation_id = ?1",
        )?
        .query_row([organisation_id], |row| {
            Ok(Membership {
                organisation_id: row.get(0)?,
                tier: row.get(1)?,
                status: row.get(2)?,
                joined_on: row.get(3)?,
                left_on: row.get(4)?,
            })
        })
        .optional()?)
}

/// The status history of one organisation, oldest first.
pub(crate) fn history(conn: &Connection, organisation_id: &str) -> Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_status, to_status, effective_on, note, recorded_at FROM membership_status_changes
         WHERE organisation_id = ?1 ORDER BY effective_on, recorded_at, id",
    )?;
    let rows = stmt.query_map([organisation_id], |row| {
        Ok(StatusChange {
            id: row.get(0)?,
            from_status: row.get(1)?,
            to_status: row.get(2)?,
            effective_on: row.get(3)?,
            note: row.get(4)?,
            recorded_at: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn require_organisation(conn: &Connection, organisation_id: &str) -> Result<()> {
    let found: Option<i64> = conn
        .prepare_cached("SELECT 1 FROM organisations WHERE id = ?1")?
        .query_row([organisation_id], |row| row.get(0))
        .optional()?;
    found.map(|_| ()).ok_or_else(|| CoreError::NotFound(format!("no organisation with id {organisation_id}")))
}

fn clean_note(note: Option<&str>) -> Option<String> {
    note.map(tidy_multiline).filter(|s| !s.is_empty())
}

fn tidy_multiline(text: &str) -> String {
    text.lines().map(tidy).collect::<Vec<_>>().join("\n").trim().to_string()
}

fn record_change(
    conn: &Connection,
    organisation_id: &str,
    from: Option<MembershipStatus>,
    to: MembershipStatus,
    effective_on: &str,
    note: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO membership_status_changes (id, organisation_id, from_status, to_status, effective_on, note, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![new_id(), organisation_id, from, to, effective_on, note, now()])?;
    Ok(())
}

/// Starts a membership. `note` goes on the first history entry.
pub(crate) fn start(conn: &Connection, organisation_id: &str, input: &NewMembership, note: Option<&str>) -> Result<Membership> {
    require_organisation(conn, organisation_id)?;
    if get(conn, organisation_id)?.is_some() {
        return Err(CoreError::Conflict("this organisation already has a membership; change its status instead".into()));
    }
    let joined = optional_date("joined_on", input.joined_on.as_deref()).map_err(|e| CoreError::Invalid(vec![e]))?;
    let effective = joined.unwrap_or_else(today);
    let left = input.status.ends_membership().then_some(effective);
    let membership = Membership {
        organisation_id: organisation_id.to_string(),
        tier: input.tier,
        status: input.status,
        joined_on: joined.map(iso),
        left_on: left.map(iso),
    };
    conn.prepare_cached(
        "INSERT INTO memberships (organisation_id, tier, status, joined_on, left_on, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![organisation_id, membership.tier, membership.status, membership.joined_on, membership.left_on, now()])?;
    let note = clean_note(note).unwrap_or_else(|| "Membership recorded".into());
    record_change(conn, organisation_id, None, input.status, &iso(effective), Some(&note))?;
    audit::append(conn, ENTITY, organisation_id, "create", None, Some(&serde_json::to_value(&membership).expect("serialisable")))?;
    Ok(membership)
}

/// Records a status change and its side effects on the joined and left dates.
pub(crate) fn change_status(conn: &Connection, organisation_id: &str, input: &StatusChangeInput) -> Result<Membership> {
    require_organisation(conn, organisation_id)?;
    let current = get(conn, organisation_id)?
        .ok_or_else(|| CoreError::Conflict("this organisation has no membership yet; add one first".into()))?;
    let effective = required_date("effective_on", &input.effective_on).map_err(|e| CoreError::Invalid(vec![e]))?;
    if current.status == input.status {
        return Err(CoreError::invalid("status", format!("status is already {}", input.status)));
    }
    let last: Option<String> = conn
        .prepare_cached("SELECT max(effective_on) FROM membership_status_changes WHERE organisation_id = ?1")?
        .query_row([organisation_id], |row| row.get(0))?;
    if let Some(last) = last.filter(|last| iso(effective) < *last) {
        return Err(CoreError::invalid(
            "effective_on",
            format!("effective date {} is before the last status change ({last})", iso(effective)),
        ));
    }
    let mut next = current.clone();
    next.status = input.status;
    if input.status == MembershipStatus::Active {
        if next.joined_on.is_none() {
            next.joined_on = Some(iso(effective));
        }
        next.left_on = None;
    } else if input.status.ends_membership() {
        next.left_on = Some(iso(effective));
    }
    conn.prepare_cached("UPDATE memberships SET status = ?2, joined_on = ?3, left_on = ?4, updated_at = ?5 WHERE organisation_id = ?1")?
        .execute(params![organisation_id, next.status, next.joined_on, next.left_on, now()])?;
    let note = clean_note(input.note.as_deref());
    record_change(conn, organisation_id, Some(current.status), input.status, &iso(effective), note.as_deref())?;
    audit::append(
        conn,
        ENTITY,
        organisation_id,
        "status_change",
        Some(&json!({"status": current.status, "joined_on": current.joined_on, "left_on": current.left_on})),
        Some(&json!({"status": next.status, "joined_on": next.joined_on, "left_on": next.left_on,
                     "effective_on": iso(effective), "note": note})),
    )?;
    Ok(next)
}

/// Changes tier and dates. Returns whether anything changed.
pub(crate) fn update(conn: &Connection, organisation_id: &str, input: &MembershipUpdate) -> Result<bool> {
    require_organisation(conn, organisation_id)?;
    let current = get(conn, organisation_id)?
        .ok_or_else(|| CoreError::Conflict("this organisation has no membership yet; add one first".into()))?;
    let mut errors: Vec<FieldError> = Vec::new();
    let joined = optional_date("joined_on", input.joined_on.as_deref()).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let left = optional_date("left_on", input.left_on.as_deref()).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    if errors.is_empty() {
        if let Err(e) = check_order(joined, left) {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let next = Membership { tier: input.tier, joined_on: joined.map(iso), left_on: left.map(iso), ..current.clone() };
    let Some((before, after)) = audit::diff(
        &serde_json::to_value(&current).expect("serialisable"),
        &serde_json::to_value(&next).expect("serialisable"),
    ) else {
        return Ok(false);
    };
    conn.prepare_cached("UPDATE memberships SET tier = ?2, joined_on = ?3, left_on = ?4, updated_at = ?5 WHERE organisation_id = ?1")?
        .execute(params![organisation_id, next.tier, next.joined_on, next.left_on, now()])?;
    audit::append(conn, ENTITY, organisation_id, "update", Some(&before), Some(&after))?;
    Ok(true)
}
