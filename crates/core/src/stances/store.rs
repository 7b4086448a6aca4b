//! Stance SQL. Stances are only ever inserted: the current one is the latest by
//! (stated_on, recorded_at), found with one window query, never by rewriting rows.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::*;
use super::rules::validate;
use crate::audit;
use crate::dossiers;
use crate::error::{CoreError, FieldError, Result};
use crate::memberships::rules::iso;
use crate::store::{new_id, now, today};

const STANCE: &str = "stance";

/// The latest stance of each policy-maker on dossier `?1`: rows with `rn = 1`.
pub(crate) const CURRENT_CTE: &str = "cur AS (
    SELECT s.*, row_number() OVER (PARTITION BY s.person_id ORDER BY s.stated_on DESC, s.recorded_at DESC, s.id DESC) AS rn
    FROM stances s WHERE s.dossier_id = ?1)";

const STANCE_SELECT: &str = "SELECT s.id, s.person_id, s.dossier_id, s.level, s.stated_on, s.evidence, s.source, s.vote_id,
    v.title, s.recorded_by, s.recorded_at FROM stances s LEFT JOIN votes v ON v.id = s.vote_id";

fn stance_from(row: &Row<'_>) -> rusqlite::Result<Stance> {
    Ok(Stance {
        id: row.get(0)?,
        person_id: row.get(1)?,
        dossier_id: row.get(2)?,
        level: row.get(3)?,
        stated_on: row.get(4)?,
        evidence: row.get(5)?,
        source: row.get(6)?,
        vote_id: row.get(7)?,
        vote_title: row.get(8)?,
        recorded_by: row.get(9)?,
        recorded_at: row.get(10)?,
    })
}

/// One stance by id.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Stance> {
    conn.prepare_cached(&format!("{STANCE_SELECT} WHERE s.id = ?1"))?
        .query_row([id], stance_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no stance with id {id}")))
}

/// The display name of a policy-maker, or None when the person holds no office.
pub(crate) fn policy_maker_name(conn: &Connection, person_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT p.display_name FROM policy_makers pm JOIN people p ON p.id = pm.person_id WHERE pm.person_id = ?1")?
        .query_row([person_id], |r| r.get(0))
        .optional()?)
}

/// The person id of the MEP with this EP id.
pub(crate) fn person_by_ep_id(conn: &Connection, ep_id: i64) -> Result<String> {
    conn.prepare_cached("SELECT person_id FROM policy_makers WHERE ep_id = ?1")?
        .query_row([ep_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no MEP with EP id {ep_id}")))
}

/// Validates and records a stance. Audited.
pub(crate) fn insert(conn: &Connection, input: &StanceInput) -> Result<Stance> {
    let checked = validate(input);
    let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
    let name = policy_maker_name(conn, &input.person_id)?;
    if name.is_none() {
        errors.insert(0, FieldError::new("person_id", format!("no policy-maker with id {}", input.person_id)));
    }
    let dossier = match dossiers::store::get(conn, &input.dossier_id) {
        Ok(d) => Some(d),
        Err(CoreError::NotFound(_)) => {
            errors.insert(0, FieldError::new("dossier_id", format!("no dossier with id {}", input.dossier_id)));
            None
        }
        Err(e) => return Err(e),
    };
    let vote_id = input.vote_id.as_deref().map(str::trim).filter(|v| !v.is_empty());
    if let Some(vote_id) = vote_id {
        let on: Option<String> =
            conn.prepare_cached("SELECT dossier_id FROM votes WHERE id = ?1")?.query_row([vote_id], |r| r.get(0)).optional()?;
        match on {
            None => errors.push(FieldError::new("vote_id", format!("no vote with id {vote_id}"))),
            Some(d) if d != input.dossier_id => errors.push(FieldError::new("vote_id", "the vote is on another dossier")),
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let valid = checked.map_err(CoreError::Invalid)?;
    let recorded_by = match valid.recorded_by {
        Some(name) => name,
        None => crate::profile::recorder(conn)?,
    };
    let id = new_id();
    conn.prepare_cached(
        "INSERT INTO stances (id, person_id, dossier_id, level, stated_on, evidence, source, vote_id, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        id, input.person_id, input.dossier_id, valid.level, valid.stated_on, valid.evidence, valid.source, vote_id, recorded_by, now()
    ])?;
    let stance = get(conn, &id)?;
    let after = serde_json::json!({
        "policy_maker": name, "person_id": stance.person_id, "dossier": dossier.map(|d| d.reference),
        "level": stance.level, "stated_on": stance.stated_on, "evidence": stance.evidence, "source": stance.source,
        "vote_id": stance.vote_id, "recorded_by": stance.recorded_by,
    });
    audit::append(conn, STANCE, &id, "create", None, Some(&after))?;
    Ok(stance)
}

/// Every stance of one policy-maker, grouped by dossier (newest reference first), each
/// group newest first: one query.
pub(crate) fn for_person(conn: &Connection, person_id: &str) -> Result<Vec<DossierStances>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} , d.id, d.reference, d.short_title, d.lead_committee, d.created_at, d.updated_at
         FROM stances s LEFT JOIN votes v ON v.id = s.vote_id JOIN dossiers d ON d.id = s.dossier_id
         WHERE s.person_id = ?1 ORDER BY d.reference DESC, s.dossier_id, s.stated_on DESC, s.recorded_at DESC, s.id DESC",
        STANCE_SELECT.split(" FROM ").next().expect("select list")
    ))?;
    let rows = stmt.query_map([person_id], |r| {
        let dossier = crate::dossiers::Dossier {
            id: r.get(11)?,
            reference: r.get(12)?,
            short_title: r.get(13)?,
            lead_committee: r.get(14)?,
            created_at: r.get(15)?,
            updated_at: r.get(16)?,
        };
        Ok((dossier, stance_from(r)?))
    })?;
    let mut out: Vec<DossierStances> = Vec::new();
    for row in rows {
        let (dossier, stance) = row?;
        match out.last_mut() {
            Some(group) if group.dossier.id == dossier.id => group.history.push(stance),
            _ => out.push(DossierStances { dossier, current: stance.clone(), history: vec![stance] }),
        }
    }
    Ok(out)
}

fn split(list: Option<String>) -> Vec<String> {
    list.map(|l| l.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect()).unwrap_or_default()
}

/// The board: each relevant policy-maker's current stance in one query. Relevant: anyone
/// with a stance or a role on the dossier, plus (when asked) every current MEP who is a
/// member of the lead committee.
pub(crate) fn board(conn: &Connection, query: &BoardQuery) -> Result<StanceBoard> {
    let dossier = dossiers::store::get(conn, &query.dossier_id)?;
    let on = iso(today());
    let mut stmt = conn.prepare_cached(&format!(
        "WITH {CURRENT_CTE},
         who AS (
            SELECT person_id FROM cur WHERE rn = 1
            UNION SELECT person_id FROM dossier_roles WHERE dossier_id = ?1
            UNION SELECT cm.person_id FROM committee_memberships cm JOIN policy_makers pm ON pm.person_id = cm.person_id
                  WHERE ?2 AND cm.committee_code = (SELECT lead_committee FROM dossiers WHERE id = ?1)
                    AND cm.role <> 'substitute' AND (cm.ends_on IS NULL OR cm.ends_on >= ?3)
                    AND (cm.starts_on IS NULL OR cm.starts_on <= ?3) AND pm.office = 'mep' AND pm.mep_status = 'current')
         SELECT p.id, p.display_name, pm.group_code, p.country,
            (SELECT group_concat(code, ',') FROM (SELECT DISTINCT committee_code AS code FROM committee_memberships
                WHERE person_id = p.id AND (ends_on IS NULL OR ends_on >= ?3) AND (starts_on IS NULL OR starts_on <= ?3) ORDER BY code)),
            (SELECT group_concat(role, ',') FROM (SELECT role FROM dossier_roles WHERE dossier_id = ?1 AND person_id = p.id ORDER BY role)),
            coalesce(c.level, 'unknown'), c.stated_on, c.evidence
         FROM who JOIN people p ON p.id = who.person_id JOIN policy_makers pm ON pm.person_id = who.person_id
         LEFT JOIN cur c ON c.person_id = who.person_id AND c.rn = 1
         ORDER BY p.family_key, p.id"
    ))?;
    let all: Vec<BoardCard> = stmt
        .query_map(params![query.dossier_id, query.include_committee, on], |r| {
            Ok(BoardCard {
                person_id: r.get(0)?,
                display_name: r.get(1)?,
                group_code: r.get(2)?,
                country: r.get(3)?,
                committees: split(r.get(4)?),
                roles: split(r.get(5)?).iter().filter_map(|s| crate::dossiers::DossierRole::parse(s).ok()).collect(),
                level: r.get(6)?,
                stated_on: r.get(7)?,
                evidence: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let groups: BTreeSet<String> = all.iter().filter_map(|c| c.group_code.clone()).collect();
    let countries: BTreeSet<String> = all.iter().filter_map(|c| c.country.clone()).collect();
    let committees: BTreeSet<String> = all.iter().flat_map(|c| c.committees.iter().cloned()).collect();
    let upper = |v: &[String]| v.iter().map(|s| s.trim().to_uppercase()).collect::<Vec<_>>();
    let (want_countries, want_committees) = (upper(&query.countries), upper(&query.committees));
    let want_groups: Vec<String> = query.groups.iter().map(|g| g.trim().to_lowercase()).collect();
    let cards = all
        .into_iter()
        .filter(|c| {
            want_groups.is_empty() || c.group_code.as_ref().is_some_and(|g| want_groups.contains(&g.to_lowercase()))
        })
        .filter(|c| want_countries.is_empty() || c.country.as_ref().is_some_and(|k| want_countries.contains(k)))
        .filter(|c| want_committees.is_empty() || c.committees.iter().any(|k| want_committees.contains(k)))
        .collect();
    Ok(StanceBoard {
        dossier,
        cards,
        groups: groups.into_iter().collect(),
        countries: countries.into_iter().collect(),
        committees: committees.into_iter().collect(),
    })
}

/// The current stance of everyone with a stance on the dossier, by family name.
pub(crate) fn current_rows(conn: &Connection, dossier_id: &str) -> Result<Vec<StanceExportRow>> {
    current_rows_with(conn, dossier_id, true)
}

/// [`current_rows`], leaving out people flagged sensitive unless `include_sensitive`.
pub(crate) fn current_rows_with(conn: &Connection, dossier_id: &str, include_sensitive: bool) -> Result<Vec<StanceExportRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "WITH {CURRENT_CTE}
         SELECT pm.ep_id, p.display_name, pm.group_code, p.country, c.level, c.stated_on, c.evidence, c.source, c.recorded_by
         FROM cur c JOIN people p ON p.id = c.person_id JOIN policy_makers pm ON pm.person_id = c.person_id
         WHERE c.rn = 1 AND (?2 = 1 OR p.sensitive = 0) ORDER BY p.family_key, p.id"
    ))?;
    let rows = stmt.query_map(rusqlite::params![dossier_id, include_sensitive], |r| {
        Ok(StanceExportRow {
            ep_id: r.get(0)?,
            name: r.get(1)?,
            group: r.get(2)?,
            country: r.get(3)?,
            level: r.get(4)?,
            stated_on: r.get(5)?,
            evidence: r.get(6)?,
            source: r.get(7)?,
            recorded_by: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
