//! Event SQL: the events themselves, their organisers, counts and list. Functions take the
//! caller's connection (inside its transaction for writes) and append to the audit log.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::model::*;
use super::rules::{local_date, stored_zone_label, utc_text, validate_event, ValidEvent};
use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::store::{new_id, now, today};
use crate::text::fold;

pub(crate) const EVENT: &str = "event";

const EVENT_COLUMNS: &str = "e.id, e.reference, e.title, e.kind, e.status, e.time_zone, e.starts_at, e.ends_at, e.starts_utc,
    e.ends_utc, e.venue_name, e.venue_address, e.venue_room, e.online_link, e.capacity, e.notes, e.created_at, e.updated_at";

fn event_from(row: &Row<'_>) -> rusqlite::Result<Event> {
    let time_zone: String = row.get(5)?;
    let starts_utc: String = row.get(8)?;
    Ok(Event {
        id: row.get(0)?,
        reference: row.get(1)?,
        title: row.get(2)?,
        kind: row.get(3)?,
        status: row.get(4)?,
        zone_label: stored_zone_label(&time_zone, &starts_utc),
        time_zone,
        starts_at: row.get(6)?,
        ends_at: row.get(7)?,
        starts_utc,
        ends_utc: row.get(9)?,
        venue_name: row.get(10)?,
        venue_address: row.get(11)?,
        venue_room: row.get(12)?,
        online_link: row.get(13)?,
        capacity: row.get(14)?,
        organisers: Vec::new(),
        notes: row.get(15)?,
        created_at: row.get(16)?,
        updated_at: row.get(17)?,
    })
}

/// The audited form of an event: its fields and organisers, no timestamps or derived labels.
pub(crate) fn audit_value(event: &Event) -> serde_json::Value {
    let mut value = serde_json::to_value(event).expect("serialisable");
    if let Some(map) = value.as_object_mut() {
        map.remove("created_at");
        map.remove("updated_at");
        map.remove("zone_label");
        let mut organisers: Vec<&str> = event.organisers.iter().map(|o| o.organisation_id.as_str()).collect();
        organisers.sort_unstable();
        map.insert("organisers".into(), serde_json::json!(organisers));
    }
    value
}

fn organisers(conn: &Connection, event_id: &str) -> Result<Vec<EventOrganiser>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.name FROM event_organisers eo JOIN organisations o ON o.id = eo.organisation_id
         WHERE eo.event_id = ?1 ORDER BY o.name_key",
    )?;
    let rows = stmt.query_map([event_id], |r| Ok(EventOrganiser { organisation_id: r.get(0)?, name: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One event by id, with its organisers.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Event> {
    let mut event = conn
        .prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1"))?
        .query_row([id], event_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no event with id {id}")))?;
    event.organisers = organisers(conn, id)?;
    Ok(event)
}

/// One event by its reference (case ignored).
pub(crate) fn by_reference(conn: &Connection, reference: &str) -> Result<Event> {
    let wanted = reference.trim().to_lowercase();
    let id: Option<String> =
        conn.prepare_cached("SELECT id FROM events WHERE reference = ?1")?.query_row([&wanted], |r| r.get(0)).optional()?;
    match id {
        Some(id) => get(conn, &id),
        None => Err(CoreError::NotFound(format!("no event with reference \"{}\"", reference.trim()))),
    }
}

fn ensure_unique_reference(conn: &Connection, reference: &str, except: Option<&str>) -> Result<()> {
    let existing: Option<(String, String)> = conn
        .prepare_cached("SELECT id, title FROM events WHERE reference = ?1")?
        .query_row([reference], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    match existing {
        Some((id, title)) if Some(id.as_str()) != except => {
            Err(CoreError::invalid("reference", format!("reference \"{reference}\" is already used by \"{title}\"")))
        }
        _ => Ok(()),
    }
}

fn ensure_organisers_exist(conn: &Connection, ids: &[String]) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ?1)")?;
    let mut errors = Vec::new();
    for id in ids {
        let found: bool = stmt.query_row([id], |r| r.get(0))?;
        if !found {
            errors.push(FieldError::new("organiser_ids", format!("no organisation with id {id}")));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(errors))
    }
}

fn valid(conn: &Connection, input: &EventInput, except: Option<&str>) -> Result<ValidEvent> {
    let valid = validate_event(input).map_err(CoreError::Invalid)?;
    ensure_unique_reference(conn, &valid.reference, except)?;
    ensure_organisers_exist(conn, &valid.organiser_ids)?;
    Ok(valid)
}

fn write_event(conn: &Connection, id: &str, valid: &ValidEvent, stamp: &str, insert: bool) -> Result<()> {
    let sql = if insert {
        "INSERT INTO events (id, reference, title, kind, status, time_zone, starts_at, ends_at, starts_utc, ends_utc,
             venue_name, venue_address, venue_room, online_link, capacity, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)"
    } else {
        "UPDATE events SET reference = ?2, title = ?3, kind = ?4, status = ?5, time_zone = ?6, starts_at = ?7, ends_at = ?8,
             starts_utc = ?9, ends_utc = ?10, venue_name = ?11, venue_address = ?12, venue_room = ?13, online_link = ?14,
             capacity = ?15, notes = ?16, updated_at = ?17
         WHERE id = ?1"
    };
    conn.prepare_cached(sql)?.execute(params![
        id,
        valid.reference,
        valid.title,
        valid.kind,
        valid.status,
        valid.time_zone.name(),
        valid.times.starts_at,
        valid.times.ends_at,
        utc_text(valid.times.starts_utc),
        utc_text(valid.times.ends_utc),
        valid.venue_name,
        valid.venue_address,
        valid.venue_room,
        valid.online_link,
        valid.capacity,
        valid.notes,
        stamp
    ])?;
    conn.prepare_cached("DELETE FROM event_organisers WHERE event_id = ?1")?.execute([id])?;
    let mut organiser = conn.prepare_cached("INSERT INTO event_organisers (event_id, organisation_id) VALUES (?1, ?2)")?;
    for organisation_id in &valid.organiser_ids {
        organiser.execute([id, organisation_id])?;
    }
    Ok(())
}

/// Validates and inserts an event.
pub(crate) fn insert(conn: &Connection, input: &EventInput) -> Result<Event> {
    let valid = valid(conn, input, None)?;
    let id = new_id();
    write_event(conn, &id, &valid, &now(), true)?;
    let event = get(conn, &id)?;
    audit::append(conn, EVENT, &id, "create", None, Some(&audit_value(&event)))?;
    Ok(event)
}

/// Validates and applies an edit. When the start date moves, relative task due dates move
/// with it; when seats are added, the waitlist moves up. An edit that changes nothing writes
/// nothing.
pub(crate) fn update(conn: &Connection, id: &str, input: &EventInput) -> Result<Event> {
    let current = get(conn, id)?;
    let valid = valid(conn, input, Some(id))?;
    let planned = Event {
        reference: valid.reference.clone(),
        title: valid.title.clone(),
        kind: valid.kind,
        status: valid.status,
        time_zone: valid.time_zone.name().to_string(),
        starts_at: valid.times.starts_at.clone(),
        ends_at: valid.times.ends_at.clone(),
        starts_utc: utc_text(valid.times.starts_utc),
        ends_utc: utc_text(valid.times.ends_utc),
        venue_name: valid.venue_name.clone(),
        venue_address: valid.venue_address.clone(),
        venue_room: valid.venue_room.clone(),
        online_link: valid.online_link.clone(),
        capacity: valid.capacity,
        organisers: valid
            .organiser_ids
            .iter()
            .map(|id| EventOrganiser { organisation_id: id.clone(), name: String::new() })
            .collect(),
        notes: valid.notes.clone(),
        ..current.clone()
    };
    let Some((before, after)) = audit::diff(&audit_value(&current), &audit_value(&planned)) else { return Ok(current) };
    write_event(conn, id, &valid, &now(), false)?;
    let next = get(conn, id)?;
    audit::append(conn, EVENT, id, "update", Some(&before), Some(&after))?;
    if local_date(&current.starts_at) != local_date(&next.starts_at) {
        super::tasks::rederive(conn, &next)?;
    }
    let more_seats = match (current.capacity, next.capacity) {
        (_, None) => current.capacity.is_some(),
        (Some(was), Some(now)) => now > was,
        (None, Some(_)) => false,
    };
    if more_seats {
        super::participants::fill_free_seats(conn, id, None)?;
    }
    Ok(next)
}

pub(crate) const COUNTS_SQL: &str = "count(CASE WHEN p.state = 'invited' THEN 1 END),
    count(CASE WHEN p.state = 'registered' THEN 1 END),
    count(CASE WHEN p.state = 'waitlisted' THEN 1 END),
    count(CASE WHEN p.state = 'declined' THEN 1 END),
    count(CASE WHEN p.state = 'attended' THEN 1 END),
    count(CASE WHEN p.state = 'no_show' THEN 1 END),
    count(CASE WHEN p.state IN ('registered', 'attended') AND p.counts_for_capacity = 1 THEN 1 END)";

fn counts_from(row: &Row<'_>, first: usize, capacity: Option<u32>) -> rusqlite::Result<ParticipantCounts> {
    let n = |i: usize| -> rusqlite::Result<u32> { Ok(row.get::<_, Option<u32>>(first + i)?.unwrap_or(0)) };
    Ok(ParticipantCounts {
        invited: n(0)?,
        registered: n(1)?,
        waitlisted: n(2)?,
        declined: n(3)?,
        attended: n(4)?,
        no_show: n(5)?,
        seats_taken: n(6)?,
        capacity,
    })
}

/// The participant counts of one event: one indexed aggregate.
pub(crate) fn counts(conn: &Connection, event_id: &str) -> Result<ParticipantCounts> {
    let capacity: Option<u32> = conn
        .prepare_cached("SELECT capacity FROM events WHERE id = ?1")?
        .query_row([event_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no event with id {event_id}")))?;
    Ok(conn
        .prepare_cached(&format!("SELECT {COUNTS_SQL} FROM event_participants p WHERE p.event_id = ?1"))?
        .query_row([event_id], |row| counts_from(row, 0, capacity))?)
}

/// Events in start order with their counts and open/overdue tasks: one query with grouped
/// subqueries. The text filter (case and accents folded) is applied to the rows read.
pub(crate) fn list(conn: &Connection, query: &EventQuery) -> Result<Vec<EventSummary>> {
    let mut filters = Vec::new();
    let mut values: Vec<SqlValue> = vec![SqlValue::Text(crate::memberships::rules::iso(today()))];
    if let Some(from) = query.from.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        let date = crate::memberships::rules::optional_date("from", Some(from)).map_err(|e| CoreError::Invalid(vec![e]))?;
        values.push(SqlValue::Text(date.map(crate::memberships::rules::iso).unwrap_or_default()));
        filters.push(format!("substr(e.starts_at, 1, 10) >= ?{}", values.len()));
    }
    if let Some(to) = query.to.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        let date = crate::memberships::rules::optional_date("to", Some(to)).map_err(|e| CoreError::Invalid(vec![e]))?;
        values.push(SqlValue::Text(date.map(crate::memberships::rules::iso).unwrap_or_default()));
        filters.push(format!("substr(e.starts_at, 1, 10) <= ?{}", values.len()));
    }
    if !query.statuses.is_empty() {
        let mut marks = Vec::new();
        for status in &query.statuses {
            values.push(SqlValue::Text(status.as_str().into()));
            marks.push(format!("?{}", values.len()));
        }
        filters.push(format!("e.status IN ({})", marks.join(", ")));
    }
    let filter = if filters.is_empty() { String::new() } else { format!("WHERE {}", filters.join(" AND ")) };
    let sql = format!(
        "SELECT e.id, e.reference, e.title, e.kind, e.status, e.time_zone, e.starts_at, e.ends_at,
                COALESCE(e.venue_name, CASE WHEN e.online_link IS NOT NULL THEN 'Online' END), e.capacity,
                pc.invited, pc.registered, pc.waitlisted, pc.declined, pc.attended, pc.no_show, pc.seats,
                COALESCE(tc.open, 0), COALESCE(tc.overdue, 0)
         FROM events e
         LEFT JOIN (SELECT p.event_id,
                {counts}
                FROM event_participants p GROUP BY p.event_id) pc ON pc.event_id = e.id
         LEFT JOIN (SELECT t.event_id, count(CASE WHEN t.done = 0 THEN 1 END) AS open,
                count(CASE WHEN t.done = 0 AND t.due_on < ?1 THEN 1 END) AS overdue
                FROM tasks t WHERE t.event_id IS NOT NULL GROUP BY t.event_id) tc ON tc.event_id = e.id
         {filter}
         ORDER BY e.starts_utc, e.id",
        counts = COUNTS_SQL
            .split(",\n")
            .zip(["invited", "registered", "waitlisted", "declined", "attended", "no_show", "seats"])
            .map(|(expr, name)| format!("{} AS {name}", expr.trim()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(values.iter()), |row| {
        let capacity: Option<u32> = row.get(9)?;
        Ok(EventSummary {
            id: row.get(0)?,
            reference: row.get(1)?,
            title: row.get(2)?,
            kind: row.get(3)?,
            status: row.get(4)?,
            time_zone: row.get(5)?,
            starts_at: row.get(6)?,
            ends_at: row.get(7)?,
            venue_name: row.get(8)?,
            counts: counts_from(row, 10, capacity)?,
            open_tasks: row.get(17)?,
            overdue_tasks: row.get(18)?,
        })
    })?;
    let mut events: Vec<EventSummary> = rows.collect::<rusqlite::Result<_>>()?;
    if let Some(search) = query.search.as_deref().map(fold).filter(|s| !s.is_empty()) {
        events.retain(|e| fold(&e.title).contains(&search) || e.reference.contains(&search));
    }
    Ok(events)
}

/// An event with its programme, counts and checklist.
pub(crate) fn detail(conn: &Connection, id: &str) -> Result<EventDetail> {
    let event = get(conn, id)?;
    Ok(EventDetail {
        programme: super::programme::programme(conn, &event)?,
        counts: counts(conn, id)?,
        tasks: super::tasks::tasks(conn, id)?,
        event,
    })
}
