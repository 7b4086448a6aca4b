//! Participants: inviting segments, the capacity and the waitlist, check-in, attendance and
//! addresses. Capacity counts registered and attended participants whose role takes a seat;
//! registering when full waitlists; a seat freed (a decline, a removal, a role that stops
//! counting, more capacity) moves the first on the waitlist up. Dietary and access needs are
//! sensitive: read only when asked for, and kept out of the audit log's values.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde_json::json;

use super::model::*;
use super::programme::first_affiliation;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::memberships::rules::iso;
use crate::memberships::MembershipStatus;
use crate::store::{new_id, now, today};
use crate::text::{fold, like_escape};

pub(crate) const PARTICIPANT: &str = "event_participant";

/// Rows per page when none is asked for, and at most.
const DEFAULT_PAGE: u32 = 100;
const MAX_PAGE: u32 = 500;

const SELECT: &str = "SELECT ep.id, ep.person_id, p.display_name, p.family_name, ep.organisation_id,
        COALESCE(o.name, pm.institution),
        (SELECT e.email FROM person_emails e WHERE e.person_id = ep.person_id ORDER BY e.position LIMIT 1),
        ep.role, ep.counts_for_capacity, ep.state, ep.invited_on, ep.registered_at, ep.waitlisted_at, ep.checked_in_at,
        pm.group_code, ep.dietary_needs, ep.access_needs, ep.notes, ep.event_id
    FROM event_participants ep
    JOIN people p ON p.id = ep.person_id
    LEFT JOIN organisations o ON o.id = ep.organisation_id
    LEFT JOIN policy_makers pm ON pm.person_id = ep.person_id";

fn participant_from(needs: bool) -> impl Fn(&Row<'_>) -> rusqlite::Result<Participant> {
    move |r| {
        Ok(Participant {
            id: r.get(0)?,
            person_id: r.get(1)?,
            display_name: r.get(2)?,
            family_name: r.get(3)?,
            organisation_id: r.get(4)?,
            organisation_name: r.get(5)?,
            email: r.get(6)?,
            role: r.get(7)?,
            counts_for_capacity: r.get(8)?,
            state: r.get(9)?,
            invited_on: r.get(10)?,
            registered_at: r.get(11)?,
            waitlisted_at: r.get(12)?,
            checked_in_at: r.get(13)?,
            group_code: r.get(14)?,
            dietary_needs: if needs { r.get(15)? } else { None },
            access_needs: if needs { r.get(16)? } else { None },
            notes: r.get(17)?,
        })
    }
}

/// One participant, with needs when asked for, and its event's id.
pub(crate) fn get(conn: &Connection, id: &str, needs: bool) -> Result<(Participant, String)> {
    let read = participant_from(needs);
    conn.prepare_cached(&format!("{SELECT} WHERE ep.id = ?1"))?
        .query_row([id], |r| Ok((read(r)?, r.get::<_, String>(18)?)))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no participant with id {id}")))
}

fn page_bounds(query: &ParticipantQuery) -> (u32, u32) {
    let limit = if query.limit == 0 { DEFAULT_PAGE } else { query.limit.min(MAX_PAGE) };
    (query.offset, limit)
}

fn filters(event_id: &str, states: &[ParticipantState], search: Option<&str>) -> (String, Vec<SqlValue>) {
    let mut values = vec![SqlValue::Text(event_id.into())];
    let mut sql = String::from("WHERE ep.event_id = ?1");
    if !states.is_empty() {
        let mut marks = Vec::new();
        for state in states {
            values.push(SqlValue::Text(state.as_str().into()));
            marks.push(format!("?{}", values.len()));
        }
        sql.push_str(&format!(" AND ep.state IN ({})", marks.join(", ")));
    }
    if let Some(text) = search.map(fold).filter(|s| !s.is_empty()) {
        values.push(SqlValue::Text(format!("%{}%", like_escape(&text))));
        let n = values.len();
        sql.push_str(&format!(
            " AND (p.name_key LIKE ?{n} ESCAPE '\\' OR p.family_key LIKE ?{n} ESCAPE '\\' OR o.name_key LIKE ?{n} ESCAPE '\\'
               OR o.short_name_key LIKE ?{n} ESCAPE '\\'
               OR EXISTS (SELECT 1 FROM person_emails e WHERE e.person_id = ep.person_id AND e.email_key LIKE ?{n} ESCAPE '\\'))"
        ));
    }
    (sql, values)
}

/// The waitlist in its order after everyone else by family name.
const ORDER: &str = "ORDER BY ep.state = 'waitlisted', CASE WHEN ep.state = 'waitlisted' THEN ep.waitlisted_at END, p.family_key, ep.id";

/// A page of an event's participants, with the event's counts.
pub(crate) fn page(conn: &Connection, event_id: &str, query: &ParticipantQuery) -> Result<ParticipantPage> {
    let counts = super::store::counts(conn, event_id)?;
    let (filter, mut values) = filters(event_id, &query.states, query.search.as_deref());
    let total: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM event_participants ep JOIN people p ON p.id = ep.person_id
             LEFT JOIN organisations o ON o.id = ep.organisation_id {filter}"
        ))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let (offset, limit) = page_bounds(query);
    values.push(SqlValue::Integer(i64::from(limit)));
    values.push(SqlValue::Integer(i64::from(offset)));
    let sql = format!("{SELECT} {filter} {ORDER} LIMIT ?{} OFFSET ?{}", values.len() - 1, values.len());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(values.iter()), participant_from(query.include_needs))?;
    Ok(ParticipantPage { rows: rows.collect::<rusqlite::Result<_>>()?, total, counts })
}

/// Every participant of an event in these states (empty = all), by family name (the
/// waitlist last, in order): for exports and badges.
pub(crate) fn all(conn: &Connection, event_id: &str, states: &[ParticipantState], include_needs: bool) -> Result<Vec<Participant>> {
    let (filter, values) = filters(event_id, states, None);
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {filter} {ORDER}"))?;
    let rows = stmt.query_map(params_from_iter(values.iter()), participant_from(include_needs))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn holds_seat(state: ParticipantState, counts: bool) -> bool {
    counts && matches!(state, ParticipantState::Registered | ParticipantState::Attended)
}

/// Whether one more seat can be taken now.
fn has_room(conn: &Connection, event_id: &str) -> Result<bool> {
    let counts = super::store::counts(conn, event_id)?;
    Ok(counts.capacity.is_none_or(|capacity| counts.seats_taken < capacity))
}

/// Moves the first on the waitlist (by the time they were put on it) up while there are
/// free seats; returns the ids moved up, in order.
pub(crate) fn fill_free_seats(conn: &Connection, event_id: &str, except: Option<&str>) -> Result<Vec<String>> {
    let mut promoted = Vec::new();
    loop {
        if !has_room(conn, event_id)? {
            break;
        }
        let next: Option<String> = conn
            .prepare_cached(
                "SELECT id FROM event_participants WHERE event_id = ?1 AND state = 'waitlisted' AND id IS NOT ?2
                 ORDER BY waitlisted_at, id LIMIT 1",
            )?
            .query_row(params![event_id, except], |r| r.get(0))
            .optional()?;
        let Some(id) = next else { break };
        let stamp = now();
        conn.prepare_cached(
            "UPDATE event_participants SET state = 'registered', registered_at = COALESCE(registered_at, ?2),
             waitlisted_at = NULL, updated_at = ?2 WHERE id = ?1",
        )?
        .execute([&id, &stamp])?;
        audit::append(
            conn,
            PARTICIPANT,
            &id,
            "promote",
            Some(&json!({"state": "waitlisted"})),
            Some(&json!({"state": "registered", "reason": "a seat came free"})),
        )?;
        promoted.push(id);
    }
    Ok(promoted)
}

struct Current {
    event_id: String,
    state: ParticipantState,
    counts: bool,
}

fn current(conn: &Connection, id: &str) -> Result<Current> {
    conn.prepare_cached("SELECT event_id, state, counts_for_capacity FROM event_participants WHERE id = ?1")?
        .query_row([id], |r| Ok(Current { event_id: r.get(0)?, state: r.get(1)?, counts: r.get(2)? }))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no participant with id {id}")))
}

/// Writes a state with its timestamps (registered, waitlisted, checked in, invited).
fn write_state(conn: &Connection, id: &str, from: ParticipantState, to: ParticipantState) -> Result<()> {
    let stamp = now();
    let keep_waitlist_time = from == ParticipantState::Waitlisted && to == ParticipantState::Waitlisted;
    conn.prepare_cached(
        "UPDATE event_participants SET state = ?2,
            invited_on = CASE WHEN ?2 = 'invited' THEN COALESCE(invited_on, ?4) ELSE invited_on END,
            registered_at = CASE WHEN ?2 IN ('registered', 'attended') THEN COALESCE(registered_at, ?3) ELSE registered_at END,
            waitlisted_at = CASE WHEN ?2 = 'waitlisted' THEN (CASE WHEN ?5 THEN waitlisted_at ELSE ?3 END) ELSE NULL END,
            checked_in_at = CASE WHEN ?2 = 'attended' THEN COALESCE(checked_in_at, ?3) ELSE NULL END,
            updated_at = ?3
         WHERE id = ?1",
    )?
    .execute(params![id, to, stamp, iso(today()), keep_waitlist_time])?;
    Ok(())
}

fn change(conn: &Connection, id: &str, event_id: &str, promoted: Option<String>) -> Result<ParticipantChange> {
    Ok(ParticipantChange {
        participant: get(conn, id, false)?.0,
        promoted: promoted.map(|p| get(conn, &p, false).map(|(p, _)| p)).transpose()?,
        counts: super::store::counts(conn, event_id)?,
    })
}

/// Changes a participant's state. Registering when every seat is taken waitlists instead;
/// a seat given up (declined, back to invited, waitlisted by hand) moves the first on the
/// waitlist up. A no-show frees no seat: it is recorded after the event.
pub(crate) fn set_state(conn: &Connection, id: &str, wanted: ParticipantState) -> Result<ParticipantChange> {
    let cur = current(conn, id)?;
    let mut to = wanted;
    if wanted == ParticipantState::Registered
        && cur.state != ParticipantState::Registered
        && !holds_seat(cur.state, cur.counts)
        && cur.counts
        && !has_room(conn, &cur.event_id)?
    {
        to = ParticipantState::Waitlisted;
    }
    if to == cur.state {
        return change(conn, id, &cur.event_id, None);
    }
    write_state(conn, id, cur.state, to)?;
    let mut after = json!({"state": to});
    if to != wanted {
        after["asked"] = json!(wanted);
        after["reason"] = json!("the event is full");
    }
    audit::append(conn, PARTICIPANT, id, "state", Some(&json!({"state": cur.state})), Some(&after))?;
    let freed = holds_seat(cur.state, cur.counts) && !holds_seat(to, cur.counts) && to != ParticipantState::NoShow;
    let promoted = if freed { fill_free_seats(conn, &cur.event_id, Some(id))?.into_iter().next() } else { None };
    change(conn, id, &cur.event_id, promoted)
}

/// Checks a participant in (attended, whatever the state before: walk-ins too) or undoes a
/// check-in (back to registered).
pub(crate) fn check_in(conn: &Connection, id: &str, checked_in: bool) -> Result<ParticipantChange> {
    let cur = current(conn, id)?;
    let to = match (checked_in, cur.state) {
        (true, _) => ParticipantState::Attended,
        (false, ParticipantState::Attended) => ParticipantState::Registered,
        (false, state) => state,
    };
    if to != cur.state {
        write_state(conn, id, cur.state, to)?;
        let action = if checked_in { "check_in" } else { "undo_check_in" };
        audit::append(conn, PARTICIPANT, id, action, Some(&json!({"state": cur.state})), Some(&json!({"state": to})))?;
    }
    change(conn, id, &cur.event_id, None)
}

fn audited(participant: &Participant, dietary: &Option<String>, access: &Option<String>) -> serde_json::Value {
    // Needs are sensitive: the log says that they changed, never what they are.
    json!({
        "role": participant.role,
        "counts_for_capacity": participant.counts_for_capacity,
        "organisation_id": participant.organisation_id,
        "notes": participant.notes,
        "dietary_needs": dietary.as_ref().map(|d| format!("(hidden, {} characters)", d.chars().count())),
        "access_needs": access.as_ref().map(|a| format!("(hidden, {} characters)", a.chars().count())),
    })
}

fn clean(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

/// Edits a participant's role, seat, badge organisation, needs and notes. A role that stops
/// taking a seat frees it (the waitlist moves up); one that starts needing a seat when none
/// is left goes on the waitlist; a waitlisted participant who no longer needs a seat is
/// registered.
pub(crate) fn update(conn: &Connection, id: &str, input: &ParticipantInput) -> Result<Participant> {
    let (before, event_id) = get(conn, id, true)?;
    let organisation_id = clean(input.organisation_id.as_deref());
    if let Some(org) = &organisation_id {
        crate::organisations::store::get(conn, org)
            .map_err(|_| CoreError::invalid("organisation_id", format!("no organisation with id {org}")))?;
    }
    let dietary = clean(input.dietary_needs.as_deref());
    let access = clean(input.access_needs.as_deref());
    let next = Participant {
        role: input.role,
        counts_for_capacity: input.counts_for_capacity,
        organisation_id: organisation_id.clone(),
        notes: clean(input.notes.as_deref()),
        ..before.clone()
    };
    let was = audited(&before, &before.dietary_needs, &before.access_needs);
    let will = audited(&next, &dietary, &access);
    let needs_changed = before.dietary_needs != dietary || before.access_needs != access;
    let diff = audit::diff(&was, &will);
    if diff.is_none() && !needs_changed {
        return Ok(get(conn, id, false)?.0);
    }
    conn.prepare_cached(
        "UPDATE event_participants SET role = ?2, counts_for_capacity = ?3, organisation_id = ?4, dietary_needs = ?5,
            access_needs = ?6, notes = ?7, updated_at = ?8 WHERE id = ?1",
    )?
    .execute(params![id, input.role, input.counts_for_capacity, organisation_id, dietary, access, next.notes, now()])?;
    let (was, will) = diff.unwrap_or_else(|| {
        (json!({"needs": "(hidden)"}), json!({"needs": "(changed, hidden)"}))
    });
    audit::append(conn, PARTICIPANT, id, "update", Some(&was), Some(&will))?;
    if before.counts_for_capacity != input.counts_for_capacity {
        let state = before.state;
        if !input.counts_for_capacity {
            if holds_seat(state, true) {
                fill_free_seats(conn, &event_id, Some(id))?;
            } else if state == ParticipantState::Waitlisted {
                write_state(conn, id, state, ParticipantState::Registered)?;
                audit::append(
                    conn,
                    PARTICIPANT,
                    id,
                    "state",
                    Some(&json!({"state": state})),
                    Some(&json!({"state": "registered", "reason": "takes no seat"})),
                )?;
            }
        } else if state == ParticipantState::Registered {
            let counts = super::store::counts(conn, &event_id)?;
            if counts.capacity.is_some_and(|capacity| counts.seats_taken > capacity) {
                write_state(conn, id, state, ParticipantState::Waitlisted)?;
                audit::append(
                    conn,
                    PARTICIPANT,
                    id,
                    "state",
                    Some(&json!({"state": state})),
                    Some(&json!({"state": "waitlisted", "reason": "the event is full"})),
                )?;
            }
        }
    }
    Ok(get(conn, id, false)?.0)
}

/// Removes a participant from the event (a mistake, a duplicate); a seat they held moves the
/// waitlist up. Returns the participant moved up, if any.
pub(crate) fn remove(conn: &Connection, id: &str) -> Result<Option<Participant>> {
    let (before, event_id) = get(conn, id, false)?;
    conn.prepare_cached("DELETE FROM event_participants WHERE id = ?1")?.execute([id])?;
    audit::append(
        conn,
        PARTICIPANT,
        id,
        "remove",
        Some(&json!({"event_id": event_id, "person_id": before.person_id, "state": before.state, "role": before.role})),
        None,
    )?;
    if holds_seat(before.state, before.counts_for_capacity) {
        if let Some(first) = fill_free_seats(conn, &event_id, None)?.into_iter().next() {
            return Ok(Some(get(conn, &first, false)?.0));
        }
    }
    Ok(None)
}

/// The people of an invite target, each with the organisation to show (None: their first
/// current affiliation).
fn target_people(conn: &Connection, target: &InviteTarget) -> Result<Vec<(String, Option<String>)>> {
    let today = iso(today());
    match target {
        InviteTarget::FocalPoints { statuses } => {
            let statuses: Vec<MembershipStatus> = if statuses.is_empty() { vec![MembershipStatus::Active] } else { statuses.clone() };
            let mut values: Vec<SqlValue> = Vec::new();
            let marks: Vec<String> = statuses
                .iter()
                .map(|s| {
                    values.push(SqlValue::Text(s.as_str().into()));
                    format!("?{}", values.len())
                })
                .collect();
            let sql = format!(
                "SELECT a.person_id, a.organisation_id FROM affiliations a
                 JOIN memberships m ON m.organisation_id = a.organisation_id
                 JOIN organisations o ON o.id = a.organisation_id
                 JOIN people p ON p.id = a.person_id
                 WHERE a.focal_point = 1 AND {current} AND o.archived = 0 AND p.archived = 0 AND m.status IN ({marks})
                 ORDER BY o.name_key, p.family_key",
                current = crate::people::store::current("a"),
                marks = marks.join(", ")
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(values.iter()), |r| Ok((r.get(0)?, Some(r.get(1)?))))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        }
        InviteTarget::CommitteeMembers { committee, groups } => {
            let code = committee.trim().to_uppercase();
            let known: bool =
                conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM committees WHERE code = ?1)")?.query_row([&code], |r| r.get(0))?;
            if !known {
                return Err(CoreError::invalid("committee", format!("unknown committee \"{}\"", committee.trim())));
            }
            let mut values: Vec<SqlValue> = vec![SqlValue::Text(code), SqlValue::Text(today)];
            let mut group_filter = String::new();
            let groups: Vec<String> = groups.iter().map(|g| g.trim().to_lowercase()).filter(|g| !g.is_empty()).collect();
            if !groups.is_empty() {
                let marks: Vec<String> = groups
                    .iter()
                    .map(|g| {
                        values.push(SqlValue::Text(g.clone()));
                        format!("?{}", values.len())
                    })
                    .collect();
                group_filter = format!(" AND lower(pm.group_code) IN ({})", marks.join(", "));
            }
            let sql = format!(
                "SELECT DISTINCT pm.person_id, p.family_key FROM policy_makers pm
                 JOIN committee_memberships cm ON cm.person_id = pm.person_id
                 JOIN people p ON p.id = pm.person_id
                 WHERE pm.mep_status = 'current' AND p.archived = 0 AND cm.committee_code = ?1
                   AND (cm.starts_on IS NULL OR cm.starts_on <= ?2) AND (cm.ends_on IS NULL OR cm.ends_on > ?2){group_filter}
                 ORDER BY p.family_key"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(values.iter()), |r| Ok((r.get(0)?, None)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        }
        InviteTarget::SavedList { list_id } => {
            super::lists::get(conn, list_id)?;
            let mut stmt = conn.prepare_cached(
                "SELECT m.person_id FROM person_list_members m JOIN people p ON p.id = m.person_id
                 WHERE m.list_id = ?1 AND p.archived = 0 ORDER BY p.family_key",
            )?;
            let rows = stmt.query_map([list_id], |r| Ok((r.get(0)?, None)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        }
        InviteTarget::People { person_ids } => {
            let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)")?;
            let mut people = Vec::new();
            for id in person_ids {
                let found: bool = stmt.query_row([id], |r| r.get(0))?;
                if !found {
                    return Err(CoreError::invalid("person_ids", format!("no person with id {id}")));
                }
                people.push((id.clone(), None));
            }
            Ok(people)
        }
    }
}

/// Invites a target. People already on the event are left as they are; the role is
/// guessed (speaker for the event's speakers, policy_maker for policy-makers, else guest);
/// the organisation is the focal point's organisation or the first current affiliation.
pub(crate) fn invite(conn: &Connection, event_id: &str, target: &InviteTarget) -> Result<InviteOutcome> {
    super::store::get(conn, event_id)?;
    let people = target_people(conn, target)?;
    let mut seen = std::collections::HashSet::new();
    let mut exists = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM event_participants WHERE event_id = ?1 AND person_id = ?2)")?;
    let sql = format!(
        "INSERT INTO event_participants (id, event_id, person_id, organisation_id, role, counts_for_capacity, state, invited_on,
            created_at, updated_at)
         SELECT ?1, ?2, p.id, COALESCE(?4, {org}),
            CASE WHEN EXISTS (SELECT 1 FROM session_speakers ss JOIN event_sessions s ON s.id = ss.session_id
                              WHERE s.event_id = ?2 AND ss.person_id = p.id) THEN 'speaker'
                 WHEN EXISTS (SELECT 1 FROM policy_makers pm WHERE pm.person_id = p.id) THEN 'policy_maker'
                 ELSE 'guest' END,
            1, 'invited', ?5, ?6, ?6
         FROM people p WHERE p.id = ?3",
        org = first_affiliation("p.id", "a.organisation_id")
    );
    let mut insert = conn.prepare_cached(&sql)?;
    let (mut invited, mut already) = (0, 0);
    let date = iso(today());
    for (person_id, organisation_id) in people {
        if !seen.insert(person_id.clone()) {
            continue;
        }
        let present: bool = exists.query_row([event_id, &person_id], |r| r.get(0))?;
        if present {
            already += 1;
            continue;
        }
        let id = new_id();
        insert.execute(params![id, event_id, person_id, organisation_id, date, now()])?;
        audit::append(
            conn,
            PARTICIPANT,
            &id,
            "invite",
            None,
            Some(&json!({"event_id": event_id, "person_id": person_id, "state": "invited"})),
        )?;
        invited += 1;
    }
    Ok(InviteOutcome { invited, already, counts: super::store::counts(conn, event_id)? })
}

/// The attendance report of an event: one aggregate and one grouped query.
pub(crate) fn attendance(conn: &Connection, event_id: &str) -> Result<Attendance> {
    super::store::get(conn, event_id)?;
    let (invited, registered, attended, no_shows) = conn
        .prepare_cached(
            "SELECT count(*), count(CASE WHEN state IN ('registered', 'attended', 'no_show') THEN 1 END),
                    count(CASE WHEN state = 'attended' THEN 1 END), count(CASE WHEN state = 'no_show' THEN 1 END)
             FROM event_participants WHERE event_id = ?1",
        )?
        .query_row([event_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let mut stmt = conn.prepare_cached(
        "SELECT pm.group_code, count(*) FROM event_participants ep JOIN policy_makers pm ON pm.person_id = ep.person_id
         WHERE ep.event_id = ?1 AND ep.state = 'attended'
         GROUP BY pm.group_code ORDER BY count(*) DESC, pm.group_code IS NULL, pm.group_code",
    )?;
    let policy_makers = stmt
        .query_map([event_id], |r| Ok(GroupAttendance { group_code: r.get(0)?, attended: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Attendance { invited, registered, attended, no_shows, policy_makers })
}

/// The preferred addresses of the participants in these states (empty = invited), one per
/// address, by family name.
pub(crate) fn emails(conn: &Connection, event_id: &str, states: &[ParticipantState]) -> Result<Vec<String>> {
    super::store::get(conn, event_id)?;
    let states = if states.is_empty() { vec![ParticipantState::Invited] } else { states.to_vec() };
    let (filter, values) = filters(event_id, &states, None);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT (SELECT e.email FROM person_emails e WHERE e.person_id = ep.person_id ORDER BY e.position LIMIT 1)
         FROM event_participants ep JOIN people p ON p.id = ep.person_id LEFT JOIN organisations o ON o.id = ep.organisation_id
         {filter} ORDER BY p.family_key, ep.id"
    ))?;
    let found = stmt.query_map(params_from_iter(values.iter()), |r| r.get::<_, Option<String>>(0))?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for email in found {
        if let Some(email) = email? {
            let email = email.trim().to_string();
            if !email.is_empty() && seen.insert(email.to_lowercase()) {
                out.push(email);
            }
        }
    }
    Ok(out)
}
