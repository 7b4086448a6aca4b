//! Data-protection SQL over the caller's connection.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::store::{new_id, now};

/// The setting that holds the retention review's years.
pub(crate) const RETENTION_KEY: &str = "retention.years";
/// The review's years when the setting is absent.
pub const DEFAULT_RETENTION_YEARS: u32 = 3;
/// The range the setting accepts.
pub const RETENTION_YEARS: std::ops::RangeInclusive<u32> = 1..=20;

const PAGE_MAX: u32 = 1000;

/// Writes one export-log line (and its audit entry) in the caller's transaction.
pub(crate) fn insert_log(conn: &Connection, entry: &ExportEntry) -> Result<ExportLogRow> {
    let row = ExportLogRow {
        id: new_id(),
        exported_at: now(),
        exported_by: crate::profile::recorder(conn)?,
        kind: entry.kind.clone(),
        record_id: entry.record_id.clone(),
        record_title: entry.record_title.clone(),
        row_count: u32::try_from(entry.row_count).unwrap_or(u32::MAX),
        sensitive_included: entry.sensitive_included,
        sensitive_left_out: u32::try_from(entry.sensitive_left_out).unwrap_or(u32::MAX),
        file_name: entry.file_name.clone(),
    };
    conn.prepare_cached(
        "INSERT INTO export_log (id, exported_at, exported_by, kind, record_id, record_title, row_count,
                                 sensitive_included, sensitive_left_out, file_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        row.id,
        row.exported_at,
        row.exported_by,
        row.kind,
        row.record_id,
        row.record_title,
        row.row_count,
        row.sensitive_included,
        row.sensitive_left_out,
        row.file_name
    ])?;
    let mut value = serde_json::to_value(&row).expect("serialisable");
    if let Some(map) = value.as_object_mut() {
        map.remove("id");
        map.remove("exported_at");
    }
    audit::append(conn, "export", &row.id, "export", None, Some(&value))?;
    Ok(row)
}

/// A page of the log, newest first (the `export_log_at` index, read backwards).
pub(crate) fn log_page(conn: &Connection, query: PageQuery) -> Result<ExportLogPage> {
    let total: u32 = conn.prepare_cached("SELECT count(*) FROM export_log")?.query_row([], |r| r.get(0))?;
    let limit = query.limit.clamp(1, PAGE_MAX);
    let rows = conn
        .prepare_cached(
            "SELECT id, exported_at, exported_by, kind, record_id, record_title, row_count, sensitive_included,
                    sensitive_left_out, file_name
             FROM export_log ORDER BY exported_at DESC, id DESC LIMIT ?1 OFFSET ?2",
        )?
        .query_map(params![limit, query.offset], |r| {
            Ok(ExportLogRow {
                id: r.get(0)?,
                exported_at: r.get(1)?,
                exported_by: r.get(2)?,
                kind: r.get(3)?,
                record_id: r.get(4)?,
                record_title: r.get(5)?,
                row_count: r.get(6)?,
                sensitive_included: r.get(7)?,
                sensitive_left_out: r.get(8)?,
                file_name: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ExportLogPage { rows, total, offset: query.offset })
}

/// The ids of every sensitive person (the partial `people_sensitive` index: a short list).
pub(crate) fn sensitive_ids(conn: &Connection) -> Result<HashSet<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM people WHERE sensitive = 1")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// A page of the sensitive people, by family name.
pub(crate) fn sensitive_page(conn: &Connection, query: PageQuery) -> Result<SensitivePage> {
    let total: u32 = conn.prepare_cached("SELECT count(*) FROM people WHERE sensitive = 1")?.query_row([], |r| r.get(0))?;
    let limit = query.limit.clamp(1, PAGE_MAX);
    let rows = conn
        .prepare_cached(
            "SELECT id, display_name, country, lawful_basis, sensitive_reason, archived FROM people
             WHERE sensitive = 1 ORDER BY family_key, id LIMIT ?1 OFFSET ?2",
        )?
        .query_map(params![limit, query.offset], |r| {
            Ok(SensitivePerson {
                id: r.get(0)?,
                display_name: r.get(1)?,
                country: r.get(2)?,
                lawful_basis: r.get(3)?,
                sensitive_reason: r.get(4)?,
                archived: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(SensitivePage { rows, total, offset: query.offset })
}

/// How many sensitive people an export of this scope would leave out.
pub(crate) fn sensitive_count(conn: &Connection, scope: &SensitiveScope) -> Result<u32> {
    let (sql, arg): (&str, Option<&str>) = match scope {
        SensitiveScope::People => ("SELECT count(*) FROM people WHERE sensitive = 1", None),
        SensitiveScope::Letter { letter_id } => (
            "SELECT count(*) FROM signatures s JOIN people p ON p.id = s.signer_person_id
             WHERE s.letter_id = ?1 AND p.sensitive = 1",
            Some(letter_id),
        ),
        SensitiveScope::Event { event_id } => (
            "SELECT count(*) FROM people p WHERE p.sensitive = 1 AND (
                 EXISTS (SELECT 1 FROM event_participants ep WHERE ep.person_id = p.id AND ep.event_id = ?1)
              OR EXISTS (SELECT 1 FROM session_speakers ss JOIN event_sessions es ON es.id = ss.session_id
                         WHERE ss.person_id = p.id AND es.event_id = ?1))",
            Some(event_id),
        ),
        SensitiveScope::Interactions => (
            "SELECT count(*) FROM people p WHERE p.sensitive = 1
             AND EXISTS (SELECT 1 FROM interaction_participants ip WHERE ip.person_id = p.id)",
            None,
        ),
        SensitiveScope::Dossier { dossier_id } => (
            "SELECT count(*) FROM people p WHERE p.sensitive = 1
             AND EXISTS (SELECT 1 FROM stances s WHERE s.person_id = p.id AND s.dossier_id = ?1)",
            Some(dossier_id),
        ),
    };
    let mut stmt = conn.prepare_cached(sql)?;
    Ok(match arg {
        Some(id) => stmt.query_row([id], |r| r.get(0))?,
        None => stmt.query_row([], |r| r.get(0))?,
    })
}

/// The retention review's years: the setting, else the default.
pub(crate) fn retention_years(conn: &Connection) -> Result<u32> {
    let text: Option<String> =
        conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?.query_row([RETENTION_KEY], |r| r.get(0)).optional()?;
    Ok(text.and_then(|t| t.parse().ok()).filter(|y| RETENTION_YEARS.contains(y)).unwrap_or(DEFAULT_RETENTION_YEARS))
}

/// Refuses years outside 1–20.
pub(crate) fn check_years(years: u32) -> Result<u32> {
    if RETENTION_YEARS.contains(&years) {
        Ok(years)
    } else {
        Err(CoreError::invalid("years", format!("years must be between 1 and 20 (not {years})")))
    }
}

/// Saves the years; audited. Saving the same value writes nothing.
pub(crate) fn set_retention_years(conn: &Connection, years: u32) -> Result<u32> {
    let years = check_years(years)?;
    let current = retention_years(conn)?;
    let stored: bool =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1)")?.query_row([RETENTION_KEY], |r| r.get(0))?;
    if stored && current == years {
        return Ok(years);
    }
    conn.prepare_cached("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
        .execute(params![RETENTION_KEY, years.to_string()])?;
    audit::append(
        conn,
        "settings",
        RETENTION_KEY,
        "update",
        Some(&serde_json::json!({ "retention_years": current })),
        Some(&serde_json::json!({ "retention_years": years })),
    )?;
    Ok(years)
}

/// A person's latest activity as one SQL expression over `p`: each part is an indexed
/// lookup by person (interaction participants, signers, event participants, session
/// speakers, affiliations, the audit log), with the record's own timestamps.
pub(crate) const LAST_ACTIVITY: &str = "max(
    coalesce((SELECT max(i.occurred_on) FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
              WHERE ip.person_id = p.id), ''),
    coalesce((SELECT max(coalesce(s.signed_on, s.withdrawn_on, s.declined_on, s.invited_on, substr(s.created_at, 1, 10)))
              FROM signatures s WHERE s.signer_person_id = p.id), ''),
    coalesce((SELECT max(substr(e.starts_at, 1, 10)) FROM event_participants ep JOIN events e ON e.id = ep.event_id
              WHERE ep.person_id = p.id), ''),
    coalesce((SELECT max(substr(e.starts_at, 1, 10)) FROM session_speakers ss JOIN event_sessions es ON es.id = ss.session_id
              JOIN events e ON e.id = es.event_id WHERE ss.person_id = p.id), ''),
    coalesce((SELECT max(max(coalesce(a.starts_on, ''), coalesce(a.ends_on, ''))) FROM affiliations a WHERE a.person_id = p.id), ''),
    coalesce((SELECT substr(max(l.at), 1, 10) FROM audit_log l WHERE l.entity = 'person' AND l.entity_id = p.id), ''),
    substr(p.created_at, 1, 10),
    substr(p.updated_at, 1, 10))";

/// People not archived whose latest activity is before `cutoff`, the longest inactive first,
/// one page and the total: one statement.
pub(crate) fn retention_page(conn: &Connection, cutoff: &str, query: &RetentionQuery, years: u32) -> Result<RetentionPage> {
    let limit = query.limit.clamp(1, PAGE_MAX);
    let sql = format!(
        "WITH activity AS (
             SELECT p.id, p.display_name, p.country, p.lawful_basis, p.family_key, p.sensitive,
                    (p.lawful_basis = 'public_role' OR EXISTS (SELECT 1 FROM policy_makers pm WHERE pm.person_id = p.id)) AS public_role,
                    {LAST_ACTIVITY} AS last_activity
             FROM people p WHERE p.archived = 0)
         SELECT id, display_name, country, lawful_basis, public_role, sensitive, last_activity, count(*) OVER ()
         FROM activity
         WHERE last_activity < ?1 AND (?2 = 0 OR public_role = 0)
         ORDER BY last_activity, family_key, id
         LIMIT ?3 OFFSET ?4"
    );
    let mut total = 0;
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params![cutoff, query.exclude_public_role, limit, query.offset], |r| {
            Ok((
                RetentionRow {
                    id: r.get(0)?,
                    display_name: r.get(1)?,
                    country: r.get(2)?,
                    lawful_basis: r.get(3)?,
                    public_role: r.get(4)?,
                    sensitive: r.get(5)?,
                    last_activity: r.get(6)?,
                },
                r.get::<_, u32>(7)?,
            ))
        })?
        .map(|row| {
            row.map(|(row, count)| {
                total = count;
                row
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.is_empty() && query.offset > 0 {
        // Past the end: the total still counts the whole view.
        let count_sql = format!(
            "SELECT count(*) FROM (SELECT {LAST_ACTIVITY} AS last_activity,
                    (p.lawful_basis = 'public_role' OR EXISTS (SELECT 1 FROM policy_makers pm WHERE pm.person_id = p.id)) AS public_role
                 FROM people p WHERE p.archived = 0) WHERE last_activity < ?1 AND (?2 = 0 OR public_role = 0)"
        );
        total = conn.prepare_cached(&count_sql)?.query_row(params![cutoff, query.exclude_public_role], |r| r.get(0))?;
    }
    Ok(RetentionPage { rows, total, offset: query.offset, years, cutoff: cutoff.to_string() })
}
