//! The programme: sessions in time order, their speakers, and the problems a coordinator
//! must see (overlapping sessions, a speaker in two places at once, a session outside the
//! event's hours).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::model::*;
use super::rules::{local_time, to_utc, validate_session, ValidSession};
use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::store::{new_id, now};

pub(crate) const SESSION: &str = "event_session";

/// SQL for a column of a person's first current affiliation (focal-point ones first, then
/// the latest started), joined organisation aliased `ao`.
pub(crate) fn first_affiliation(person: &str, column: &str) -> String {
    format!(
        "(SELECT {column} FROM affiliations a JOIN organisations ao ON ao.id = a.organisation_id
          WHERE a.person_id = {person} AND {current}
          ORDER BY a.focal_point DESC, a.starts_on DESC, a.created_at LIMIT 1)",
        current = crate::people::store::current("a")
    )
}

fn zone_of(event: &Event) -> Tz {
    event.time_zone.parse().unwrap_or(chrono_tz::Europe::Brussels)
}

/// The sessions of an event, in time order, with speakers (two queries for the whole
/// programme).
pub(crate) fn sessions(conn: &Connection, event_id: &str) -> Result<Vec<Session>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, kind, starts_at, ends_at, notes FROM event_sessions WHERE event_id = ?1 ORDER BY starts_at, ends_at, id",
    )?;
    let mut sessions: Vec<Session> = stmt
        .query_map([event_id], |r| {
            Ok(Session {
                id: r.get(0)?,
                title: r.get(1)?,
                kind: r.get(2)?,
                starts_at: r.get(3)?,
                ends_at: r.get(4)?,
                notes: r.get(5)?,
                speakers: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let sql = format!(
        "SELECT ss.session_id, p.id, p.display_name,
                COALESCE({org}, pm.institution), COALESCE({title}, pm.position_title), pm.group_code, ss.role, ss.state
         FROM session_speakers ss
         JOIN event_sessions s ON s.id = ss.session_id
         JOIN people p ON p.id = ss.person_id
         LEFT JOIN policy_makers pm ON pm.person_id = p.id
         WHERE s.event_id = ?1 ORDER BY ss.session_id, ss.position, p.family_key",
        org = first_affiliation("p.id", "ao.name"),
        title = first_affiliation("p.id", "a.job_title"),
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let speakers = stmt.query_map([event_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Speaker {
                person_id: r.get(1)?,
                display_name: r.get(2)?,
                organisation: r.get(3)?,
                title: r.get(4)?,
                group_code: r.get(5)?,
                role: r.get(6)?,
                state: r.get(7)?,
            },
        ))
    })?;
    for speaker in speakers {
        let (session_id, speaker) = speaker?;
        if let Some(session) = sessions.iter_mut().find(|s| s.id == session_id) {
            session.speakers.push(speaker);
        }
    }
    Ok(sessions)
}

fn instant(local: &str, tz: Tz) -> Option<DateTime<Utc>> {
    local_time("t", local).ok().and_then(|t| to_utc("t", t, tz).ok())
}

fn hours(session: &Session) -> String {
    let time = |t: &str| t.get(11..16).unwrap_or(t).to_string();
    format!("{}–{}", time(&session.starts_at), time(&session.ends_at))
}

/// The problems of a programme: overlaps, double bookings, sessions outside the event.
pub(crate) fn issues(event: &Event, sessions: &[Session]) -> Vec<ProgrammeIssue> {
    let tz = zone_of(event);
    let spans: Vec<Option<(DateTime<Utc>, DateTime<Utc>)>> =
        sessions.iter().map(|s| Some((instant(&s.starts_at, tz)?, instant(&s.ends_at, tz)?))).collect();
    let mut issues = Vec::new();
    if let (Some(start), Some(end)) = (instant(&event.starts_at, tz), instant(&event.ends_at, tz)) {
        for (session, span) in sessions.iter().zip(&spans) {
            if let Some((s, e)) = span {
                if *s < start || *e > end {
                    issues.push(ProgrammeIssue {
                        kind: ProgrammeIssueKind::OutsideEvent,
                        session_ids: vec![session.id.clone()],
                        person_id: None,
                        message: format!(
                            "\"{}\" ({}) runs outside the event ({} to {})",
                            session.title,
                            hours(session),
                            event.starts_at.replace('T', " "),
                            event.ends_at.replace('T', " ")
                        ),
                    });
                }
            }
        }
    }
    for i in 0..sessions.len() {
        for j in i + 1..sessions.len() {
            let (Some((a_start, a_end)), Some((b_start, b_end))) = (spans[i], spans[j]) else { continue };
            if !(a_start < b_end && b_start < a_end) {
                continue;
            }
            let (a, b) = (&sessions[i], &sessions[j]);
            issues.push(ProgrammeIssue {
                kind: ProgrammeIssueKind::Overlap,
                session_ids: vec![a.id.clone(), b.id.clone()],
                person_id: None,
                message: format!("\"{}\" ({}) overlaps \"{}\" ({})", a.title, hours(a), b.title, hours(b)),
            });
            for speaker in &a.speakers {
                if speaker.state == SpeakerState::Declined {
                    continue;
                }
                if b.speakers.iter().any(|s| s.person_id == speaker.person_id && s.state != SpeakerState::Declined) {
                    issues.push(ProgrammeIssue {
                        kind: ProgrammeIssueKind::DoubleBooked,
                        session_ids: vec![a.id.clone(), b.id.clone()],
                        person_id: Some(speaker.person_id.clone()),
                        message: format!(
                            "{} is booked in \"{}\" ({}) and \"{}\" ({}) at the same time",
                            speaker.display_name,
                            a.title,
                            hours(a),
                            b.title,
                            hours(b)
                        ),
                    });
                }
            }
        }
    }
    issues
}

/// The programme of an event: sessions in time order and their problems.
pub(crate) fn programme(conn: &Connection, event: &Event) -> Result<Programme> {
    let sessions = sessions(conn, &event.id)?;
    let issues = issues(event, &sessions);
    Ok(Programme { sessions, issues })
}

fn check_speakers(conn: &Connection, valid: &ValidSession) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)")?;
    let mut errors = Vec::new();
    for speaker in &valid.speakers {
        let found: bool = stmt.query_row([&speaker.person_id], |r| r.get(0))?;
        if !found {
            errors.push(FieldError::new("speakers", format!("no person with id {}", speaker.person_id)));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(errors))
    }
}

fn session_value(event_id: &str, kind: SessionKind, valid: &ValidSession) -> serde_json::Value {
    json!({
        "event_id": event_id,
        "title": valid.title,
        "kind": kind,
        "starts_at": valid.times.starts_at,
        "ends_at": valid.times.ends_at,
        "notes": valid.notes,
        "speakers": valid.speakers,
    })
}

fn stored_value(conn: &Connection, id: &str) -> Result<(String, serde_json::Value)> {
    let row = conn
        .prepare_cached("SELECT event_id, title, kind, starts_at, ends_at, notes FROM event_sessions WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, SessionKind>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no session with id {id}")))?;
    let speakers: Vec<SpeakerInput> = conn
        .prepare_cached("SELECT person_id, role, state FROM session_speakers WHERE session_id = ?1 ORDER BY position")?
        .query_map([id], |r| Ok(SpeakerInput { person_id: r.get(0)?, role: r.get(1)?, state: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let (event_id, title, kind, starts_at, ends_at, notes) = row;
    let value = json!({
        "event_id": event_id, "title": title, "kind": kind, "starts_at": starts_at, "ends_at": ends_at,
        "notes": notes, "speakers": speakers,
    });
    Ok((event_id, value))
}

fn write_speakers(conn: &Connection, session_id: &str, valid: &ValidSession) -> Result<()> {
    conn.prepare_cached("DELETE FROM session_speakers WHERE session_id = ?1")?.execute([session_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO session_speakers (session_id, person_id, role, state, position) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, speaker) in valid.speakers.iter().enumerate() {
        insert.execute(params![session_id, speaker.person_id, speaker.role, speaker.state, position as i64])?;
    }
    Ok(())
}

/// Adds a session to an event (times in the event's zone); returns the event.
pub(crate) fn add(conn: &Connection, event_id: &str, input: &SessionInput) -> Result<Event> {
    let event = super::store::get(conn, event_id)?;
    let valid = validate_session(input, zone_of(&event)).map_err(CoreError::Invalid)?;
    check_speakers(conn, &valid)?;
    let id = new_id();
    conn.prepare_cached(
        "INSERT INTO event_sessions (id, event_id, title, kind, starts_at, ends_at, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![id, event_id, valid.title, input.kind, valid.times.starts_at, valid.times.ends_at, valid.notes, now()])?;
    write_speakers(conn, &id, &valid)?;
    audit::append(conn, SESSION, &id, "create", None, Some(&session_value(event_id, input.kind, &valid)))?;
    Ok(event)
}

/// Edits a session; returns its event. An edit that changes nothing writes nothing.
pub(crate) fn update(conn: &Connection, id: &str, input: &SessionInput) -> Result<Event> {
    let (event_id, before) = stored_value(conn, id)?;
    let event = super::store::get(conn, &event_id)?;
    let valid = validate_session(input, zone_of(&event)).map_err(CoreError::Invalid)?;
    check_speakers(conn, &valid)?;
    let after = session_value(&event_id, input.kind, &valid);
    let Some((was, now_value)) = audit::diff(&before, &after) else { return Ok(event) };
    conn.prepare_cached(
        "UPDATE event_sessions SET title = ?2, kind = ?3, starts_at = ?4, ends_at = ?5, notes = ?6, updated_at = ?7 WHERE id = ?1",
    )?
    .execute(params![id, valid.title, input.kind, valid.times.starts_at, valid.times.ends_at, valid.notes, now()])?;
    write_speakers(conn, id, &valid)?;
    audit::append(conn, SESSION, id, "update", Some(&was), Some(&now_value))?;
    Ok(event)
}

/// Deletes a session and its speakers; returns its event.
pub(crate) fn delete(conn: &Connection, id: &str) -> Result<Event> {
    let (event_id, before) = stored_value(conn, id)?;
    conn.prepare_cached("DELETE FROM event_sessions WHERE id = ?1")?.execute([id])?;
    audit::append(conn, SESSION, id, "delete", Some(&before), None)?;
    super::store::get(conn, &event_id)
}
