//! Dashboard SQL: one statement per card, each over the indexes its feature already has.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::events::rules::stored_zone_label;
use crate::interactions::{DossierChoice, InteractionParticipant};
use crate::letters::SignatureCounts;
use crate::memberships::rules::iso;
use crate::memberships::MembershipStatus;
use crate::policy::GroupCode;
use crate::seats::{Body, SeatTerm};
use crate::stances::StanceLevel;

/// The settings key of the coordinator's main dossier.
pub(crate) const MAIN_DOSSIER_KEY: &str = "dashboard.main_dossier";
/// Months on the membership chart.
pub(crate) const MONTHS: u32 = 24;
const EVENTS_SHOWN: u32 = 5;
const TASKS_SHOWN: u32 = 5;
const LETTERS_SHOWN: u32 = 6;
const INTERACTIONS_SHOWN: u32 = 5;

/// Membership by status at the end of each of the last `MONTHS` months (the current month as
/// of `today`). Each status change is valid from its date until the organisation's next change
/// (`lead()` over the `membership_status_changes_org` order). A span adds one to its status in
/// the month it starts (or the chart's first month) and takes it away in the month it ends, so
/// the statement returns monthly deltas, one pass over the history whatever its size, and the
/// months are their running sums. Archived organisations are left out.
pub(crate) fn membership(conn: &Connection, today: NaiveDate) -> Result<Vec<MembershipMonth>> {
    let first = first_month(today);
    let mut months: Vec<MembershipMonth> = (0..MONTHS)
        .map(|n| MembershipMonth { month: (first + Months::new(n)).format("%Y-%m").to_string(), ..Default::default() })
        .collect();
    let mut stmt = conn.prepare_cached(
        "WITH spans AS (
             SELECT c.to_status AS status, c.effective_on AS valid_from,
                    lead(c.effective_on) OVER (PARTITION BY c.organisation_id
                        ORDER BY c.effective_on, c.recorded_at, c.id) AS valid_until
             FROM membership_status_changes c JOIN organisations o ON o.id = c.organisation_id
             WHERE o.archived = 0 AND c.effective_on <= ?1
         ),
         deltas AS (
             SELECT status, max(substr(valid_from, 1, 7), ?2) AS month, 1 AS d
             FROM spans WHERE valid_until IS NULL OR valid_until >= ?3
             UNION ALL
             SELECT status, substr(valid_until, 1, 7), -1 FROM spans WHERE valid_until >= ?3
         )
         SELECT month, status, sum(d) FROM deltas GROUP BY month, status",
    )?;
    let first_key = first.format("%Y-%m").to_string();
    let mut deltas: HashMap<(String, MembershipStatus), i64> = HashMap::new();
    let mut rows = stmt.query(params![iso(today), first_key, iso(first)])?;
    while let Some(row) = rows.next()? {
        deltas.insert((row.get(0)?, row.get(1)?), row.get(2)?);
    }
    let mut running: HashMap<MembershipStatus, i64> = HashMap::new();
    for month in &mut months {
        for status in MembershipStatus::ALL {
            let n = running.entry(*status).or_insert(0);
            *n += deltas.get(&(month.month.clone(), *status)).copied().unwrap_or(0);
            let n = u32::try_from(*n).unwrap_or(0);
            match status {
                MembershipStatus::Prospect => month.prospect = n,
                MembershipStatus::Applied => month.applied = n,
                MembershipStatus::Active => month.active = n,
                MembershipStatus::Suspended => month.suspended = n,
                MembershipStatus::Lapsed => month.lapsed = n,
                MembershipStatus::Withdrawn => month.withdrawn = n,
            }
        }
    }
    Ok(months)
}

/// The first day of the chart's first month.
fn first_month(today: NaiveDate) -> NaiveDate {
    let this_month = today.with_day(1).expect("day 1 exists");
    this_month - Months::new(MONTHS - 1)
}

/// Terms in a steering group covering `today`: chairs first, then by holder.
pub(crate) fn steering(conn: &Connection, today: &str) -> Result<Vec<SeatTerm>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, b.id, b.name, b.kind, t.role, t.organisation_id, o.name, t.person_id, p.display_name,
                t.starts_on, t.ends_on
         FROM bodies b JOIN seat_terms t ON t.body_id = b.id
         LEFT JOIN organisations o ON o.id = t.organisation_id
         LEFT JOIN people p ON p.id = t.person_id
         WHERE b.kind = 'steering_group' AND t.starts_on <= ?1 AND coalesce(t.ends_on, '9999-12-31') >= ?1
         ORDER BY b.name_key,
                  CASE t.role WHEN 'chair' THEN 0 WHEN 'co_chair' THEN 1 WHEN 'vice_chair' THEN 2 WHEN 'member' THEN 3 ELSE 4 END,
                  coalesce(o.name_key, p.family_key), p.family_key",
    )?;
    let rows = stmt.query_map([today], |r| {
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
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Events not cancelled that have not ended at `now` (RFC 3339 UTC), soonest first, with their
/// participant counts from the `event_participants_state` index. The start is bounded below
/// (events last less than `?2` days) so the `events_starts` index gives a range.
pub(crate) fn upcoming_events(conn: &Connection, now: &str, earliest_start: &str) -> Result<Vec<UpcomingEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.reference, e.title, e.status, e.time_zone, e.starts_at, e.ends_at, e.starts_utc,
                coalesce(e.venue_name, CASE WHEN e.online_link IS NOT NULL THEN 'Online' END), e.capacity,
                (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND p.state IN ('registered', 'attended')),
                (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND p.state IN ('registered', 'attended')
                    AND p.counts_for_capacity = 1),
                (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND p.state = 'waitlisted')
         FROM events e
         WHERE e.starts_utc >= ?2 AND e.ends_utc >= ?1 AND e.status <> 'cancelled'
         ORDER BY e.starts_utc, e.id
         LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![now, earliest_start, EVENTS_SHOWN], |r| {
        let zone: String = r.get(4)?;
        let starts_utc: String = r.get(7)?;
        Ok(UpcomingEvent {
            id: r.get(0)?,
            reference: r.get(1)?,
            title: r.get(2)?,
            status: r.get(3)?,
            zone_label: stored_zone_label(&zone, &starts_utc),
            time_zone: zone,
            starts_at: r.get(5)?,
            ends_at: r.get(6)?,
            venue_name: r.get(8)?,
            capacity: r.get(9)?,
            registered: r.get(10)?,
            seats_taken: r.get(11)?,
            waitlisted: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Open tasks due before `today`, the most overdue first, and how many there are in all
/// (a window count over the `tasks_open_due` range).
pub(crate) fn overdue(conn: &Connection, today: &str) -> Result<OverdueTasks> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.title, t.due_on, p.display_name, t.interaction_id, i.subject, t.event_id, e.title,
                count(*) OVER ()
         FROM tasks t
         LEFT JOIN people p ON p.id = t.owner_person_id
         LEFT JOIN interactions i ON i.id = t.interaction_id
         LEFT JOIN events e ON e.id = t.event_id
         WHERE t.done = 0 AND t.due_on < ?1
         ORDER BY t.due_on, t.created_at, t.id
         LIMIT ?2",
    )?;
    let mut result = OverdueTasks::default();
    let mut rows = stmt.query(params![today, TASKS_SHOWN])?;
    while let Some(r) = rows.next()? {
        result.total = r.get(8)?;
        result.top.push(OverdueTask {
            id: r.get(0)?,
            title: r.get(1)?,
            due_on: r.get(2)?,
            owner_name: r.get(3)?,
            interaction_id: r.get(4)?,
            interaction_subject: r.get(5)?,
            event_id: r.get(6)?,
            event_title: r.get(7)?,
        });
    }
    Ok(result)
}

/// Letters collecting signatures, by deadline (undated last), with their counts: one grouped
/// query over `letters_status` and `signatures_letter_state`.
pub(crate) fn collecting_letters(conn: &Connection) -> Result<CollectingLetters> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.reference, l.title, l.deadline,
                count(CASE WHEN s.invited_on IS NOT NULL OR s.state = 'invited' THEN 1 END),
                count(CASE WHEN s.state = 'signed' THEN 1 END),
                count(CASE WHEN s.state = 'declined' THEN 1 END),
                count(CASE WHEN s.state = 'withdrawn' THEN 1 END),
                count(CASE WHEN s.state = 'invited' THEN 1 END),
                count(*) OVER ()
         FROM letters l LEFT JOIN signatures s ON s.letter_id = l.id
         WHERE l.status = 'collecting'
         GROUP BY l.id
         ORDER BY l.deadline IS NULL, l.deadline, l.created_at DESC, l.id
         LIMIT ?1",
    )?;
    let mut result = CollectingLetters::default();
    let mut rows = stmt.query([LETTERS_SHOWN])?;
    while let Some(r) = rows.next()? {
        result.total = r.get(9)?;
        result.letters.push(CollectingLetter {
            id: r.get(0)?,
            reference: r.get(1)?,
            title: r.get(2)?,
            deadline: r.get(3)?,
            counts: SignatureCounts {
                invited: r.get(4)?,
                signed: r.get(5)?,
                declined: r.get(6)?,
                withdrawn: r.get(7)?,
                silent: r.get(8)?,
            },
        });
    }
    Ok(result)
}

/// A dossier for the picker, with what picks the default main dossier.
struct DossierOption {
    choice: DossierChoice,
    /// Policy-makers with a stance on it.
    people: u32,
    created_at: String,
}

/// Every dossier with how many policy-makers have a stance on it, and the chosen main dossier
/// if it still exists.
fn dossier_options(conn: &Connection) -> Result<(Vec<DossierOption>, Option<String>)> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.reference, d.short_title,
                (SELECT count(DISTINCT s.person_id) FROM stances s WHERE s.dossier_id = d.id), d.created_at
         FROM dossiers d ORDER BY d.reference",
    )?;
    let options = stmt
        .query_map([], |r| {
            Ok(DossierOption {
                choice: DossierChoice { id: r.get(0)?, reference: r.get(1)?, short_title: r.get(2)? },
                people: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let chosen: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([MAIN_DOSSIER_KEY], |r| r.get(0))
        .optional()?;
    let chosen = chosen.filter(|id| options.iter().any(|o| o.choice.id == *id));
    Ok((options, chosen))
}

/// The main dossier's current stances (the latest per policy-maker, as on the board) counted
/// by political group and level. Outgoing MEPs are left out: they no longer vote.
pub(crate) fn stances(conn: &Connection) -> Result<StanceBreakdown> {
    let (options, chosen) = dossier_options(conn)?;
    // Default: the most stances, then the newest dossier (ids are UUIDv7: creation order).
    let fallback = options
        .iter()
        .max_by(|a, b| a.people.cmp(&b.people).then_with(|| a.created_at.cmp(&b.created_at)).then_with(|| a.choice.id.cmp(&b.choice.id)))
        .map(|o| o.choice.id.clone());
    let main_id = chosen.clone().or(fallback);
    let dossier = main_id.as_ref().and_then(|id| options.iter().find(|o| o.choice.id == *id)).map(|o| o.choice.clone());
    let mut breakdown = StanceBreakdown {
        dossier,
        chosen: chosen.is_some(),
        dossiers: options.into_iter().map(|o| o.choice).collect(),
        ..Default::default()
    };
    let Some(main_id) = main_id else { return Ok(breakdown) };
    let mut stmt = conn.prepare_cached(&format!(
        "WITH {}
         SELECT pm.group_code, cur.level, count(*)
         FROM cur JOIN policy_makers pm ON pm.person_id = cur.person_id
         WHERE cur.rn = 1 AND coalesce(pm.mep_status, 'current') = 'current'
         GROUP BY pm.group_code, cur.level",
        crate::stances::store::CURRENT_CTE
    ))?;
    let mut by_group: HashMap<Option<GroupCode>, GroupStances> = HashMap::new();
    let mut rows = stmt.query([&main_id])?;
    while let Some(r) = rows.next()? {
        let group: Option<GroupCode> = r.get(0)?;
        let level: StanceLevel = r.get(1)?;
        let n: u32 = r.get(2)?;
        let entry = by_group.entry(group).or_insert_with(|| GroupStances { group_code: group, ..Default::default() });
        match level {
            StanceLevel::Champion => entry.champion += n,
            StanceLevel::Supportive => entry.supportive += n,
            StanceLevel::Undecided => entry.undecided += n,
            StanceLevel::Sceptical => entry.sceptical += n,
            StanceLevel::Opposed => entry.opposed += n,
            StanceLevel::Unknown => entry.unknown += n,
        }
        breakdown.total += n;
    }
    let order = |g: &Option<GroupCode>| g.map(|g| GroupCode::ALL.iter().position(|x| *x == g).unwrap_or(usize::MAX - 1)).unwrap_or(usize::MAX);
    let mut groups: Vec<GroupStances> = by_group.into_values().collect();
    groups.sort_by_key(|g| order(&g.group_code));
    breakdown.groups = groups;
    Ok(breakdown)
}

/// Chooses the main dossier (`None` goes back to the default). Audited.
pub(crate) fn set_main_dossier(conn: &Connection, dossier_id: Option<&str>) -> Result<()> {
    let wanted = dossier_id.map(str::trim).filter(|s| !s.is_empty());
    if let Some(id) = wanted {
        let exists: bool = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM dossiers WHERE id = ?1)")?.query_row([id], |r| r.get(0))?;
        if !exists {
            return Err(CoreError::invalid("dossier_id", format!("no dossier with id {id}")));
        }
    }
    let current: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([MAIN_DOSSIER_KEY], |r| r.get(0))
        .optional()?;
    if current.as_deref() == wanted {
        return Ok(());
    }
    match wanted {
        Some(id) => conn
            .prepare_cached("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
            .execute(params![MAIN_DOSSIER_KEY, id])?,
        None => conn.prepare_cached("DELETE FROM settings WHERE key = ?1")?.execute([MAIN_DOSSIER_KEY])?,
    };
    audit::append(
        conn,
        "setting",
        MAIN_DOSSIER_KEY,
        "update",
        Some(&serde_json::json!({ "value": current })),
        Some(&serde_json::json!({ "value": wanted })),
    )?;
    Ok(())
}

/// The latest interactions with their participants: the `interactions_occurred` index read
/// backwards, participants gathered by a correlated JSON subquery (one statement).
pub(crate) fn recent_interactions(conn: &Connection) -> Result<Vec<RecentInteraction>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.kind, i.occurred_on, i.subject, d.reference,
                (SELECT json_group_array(json_object('person_id', x.person_id, 'organisation_id', x.organisation_id, 'name', x.name))
                 FROM (SELECT ip.person_id, ip.organisation_id, coalesce(p.display_name, o.name) AS name
                       FROM interaction_participants ip
                       LEFT JOIN people p ON p.id = ip.person_id
                       LEFT JOIN organisations o ON o.id = ip.organisation_id
                       WHERE ip.interaction_id = i.id
                       ORDER BY ip.person_id IS NULL, coalesce(p.family_key, o.name_key)) x)
         FROM interactions i LEFT JOIN dossiers d ON d.id = i.dossier_id
         ORDER BY i.occurred_on DESC, i.id DESC
         LIMIT ?1",
    )?;
    let rows = stmt.query_map([INTERACTIONS_SHOWN], |r| {
        let json: String = r.get(5)?;
        let participants: Vec<InteractionParticipant> = serde_json::from_str(&json)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, Box::new(e)))?;
        Ok(RecentInteraction {
            id: r.get(0)?,
            kind: r.get(1)?,
            occurred_on: r.get(2)?,
            subject: r.get(3)?,
            dossier_reference: r.get(4)?,
            participants,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
