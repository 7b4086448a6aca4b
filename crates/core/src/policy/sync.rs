//! Syncing the store with the Parliament's list: new MEPs are added, changed ones updated
//! (one change per field), missing ones marked outgoing (never deleted), returning ones made
//! current again. The plan is the apply run in a transaction that is rolled back.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection};
use serde_json::{json, Map, Value};

use super::model::*;
use super::names::split_official_name;
use super::store::ENTITY;
use crate::audit;
use crate::error::Result;
use crate::people::{self, PersonInput};
use crate::progress::{Progress, ProgressPhase};
use crate::store::now;

struct Known {
    person_id: String,
    official_name: Option<String>,
    display_name: String,
    country: Option<String>,
    group: Option<GroupCode>,
    party: Option<String>,
    status: MepStatus,
}

fn known_meps(conn: &Connection) -> Result<HashMap<i64, Known>> {
    let mut stmt = conn.prepare(
        "SELECT pm.ep_id, pm.person_id, pm.official_name, p.display_name, p.country, pm.group_code, pm.national_party, pm.mep_status
         FROM policy_makers pm JOIN people p ON p.id = pm.person_id WHERE pm.ep_id IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Known {
                person_id: r.get(1)?,
                official_name: r.get(2)?,
                display_name: r.get(3)?,
                country: r.get(4)?,
                group: r.get(5)?,
                party: r.get(6)?,
                status: r.get(7)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn change(ep_id: i64, name: &str, kind: MepChangeKind, field: Option<&str>, from: Option<&str>, to: Option<&str>) -> MepChange {
    MepChange {
        ep_id,
        name: name.to_string(),
        kind,
        field: field.map(String::from),
        from: from.map(String::from),
        to: to.map(String::from),
    }
}

/// Applies the list to the store in the caller's transaction and reports what it did.
pub(crate) fn apply(conn: &Connection, records: &[MepRecord], progress: &mut Progress<'_>) -> Result<MepSyncReport> {
    let known = known_meps(conn)?;
    let mut report = MepSyncReport::default();
    let (mut added, mut updated, mut outgoing) = (Vec::new(), Vec::new(), Vec::new());
    let mut on_list: HashSet<i64> = HashSet::with_capacity(records.len());
    progress.phase(ProgressPhase::Importing, Some(records.len() as u64))?;
    for record in records {
        progress.tick()?;
        on_list.insert(record.ep_id);
        match known.get(&record.ep_id) {
            None => {
                add(conn, record)?;
                report.added += 1;
                added.push(change(record.ep_id, &record.full_name, MepChangeKind::Added, None, None, None));
            }
            Some(existing) => {
                let changes = update(conn, record, existing)?;
                if changes.is_empty() {
                    report.unchanged += 1;
                } else {
                    report.updated += 1;
                    updated.extend(changes);
                }
            }
        }
    }
    let mut leaving: Vec<(&i64, &Known)> =
        known.iter().filter(|(id, k)| k.status == MepStatus::Current && !on_list.contains(id)).collect();
    leaving.sort_by_key(|(id, _)| **id);
    for (ep_id, k) in leaving {
        conn.prepare_cached("UPDATE policy_makers SET mep_status = 'outgoing', updated_at = ?2 WHERE person_id = ?1")?
            .execute(params![k.person_id, now()])?;
        audit::append(
            conn,
            ENTITY,
            &k.person_id,
            "mep_outgoing",
            Some(&json!({"mep_status": "current"})),
            Some(&json!({"mep_status": "outgoing"})),
        )?;
        report.outgoing += 1;
        let name = k.official_name.clone().unwrap_or_else(|| k.display_name.clone());
        outgoing.push(change(*ep_id, &name, MepChangeKind::Outgoing, Some("status"), Some("current"), Some("outgoing")));
    }
    report.changes = added;
    report.changes.extend(updated);
    report.changes.extend(outgoing);
    Ok(report)
}

pub(super) fn add(conn: &Connection, record: &MepRecord) -> Result<()> {
    let split = split_official_name(&record.full_name);
    let person = people::store::insert(
        conn,
        &PersonInput {
            given_name: split.given_name,
            family_name: split.family_name,
            display_name: Some(split.display_name),
            country: Some(record.country.clone()),
            lawful_basis: Some(people::LawfulBasis::PublicRole),
            source: Some("European Parliament MEP list".into()),
            ..Default::default()
        },
    )?;
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO policy_makers (person_id, office, ep_id, official_name, group_code, national_party, mep_status, created_at, updated_at)
         VALUES (?1, 'mep', ?2, ?3, ?4, ?5, 'current', ?6, ?6)",
    )?
    .execute(params![person.id, record.ep_id, record.full_name, record.group, record.national_party, stamp])?;
    audit::append(
        conn,
        ENTITY,
        &person.id,
        "mep_added",
        None,
        Some(&json!({
            "office": "mep",
            "ep_id": record.ep_id,
            "official_name": record.full_name,
            "group_code": record.group,
            "national_party": record.national_party,
            "mep_status": "current",
        })),
    )?;
    Ok(())
}

fn update(conn: &Connection, record: &MepRecord, k: &Known) -> Result<Vec<MepChange>> {
    let mut changes = Vec::new();
    let (mut was, mut is) = (Map::new(), Map::new());
    let mut note = |field: &str, column: &str, from: Option<&str>, to: Option<&str>, changes: &mut Vec<MepChange>| {
        if from != to {
            changes.push(change(record.ep_id, &record.full_name, MepChangeKind::Updated, Some(field), from, to));
            was.insert(column.into(), from.map_or(Value::Null, |s| Value::String(s.into())));
            is.insert(column.into(), to.map_or(Value::Null, |s| Value::String(s.into())));
        }
    };
    note("name", "official_name", k.official_name.as_deref(), Some(&record.full_name), &mut changes);
    note("country", "country", k.country.as_deref(), Some(&record.country), &mut changes);
    note("group", "group_code", k.group.map(GroupCode::as_str), Some(record.group.as_str()), &mut changes);
    note("national_party", "national_party", k.party.as_deref(), record.national_party.as_deref(), &mut changes);
    note("status", "mep_status", Some(k.status.as_str()), Some("current"), &mut changes);
    if changes.is_empty() {
        return Ok(changes);
    }
    let stamp = now();
    conn.prepare_cached(
        "UPDATE policy_makers SET official_name = ?2, group_code = ?3, national_party = ?4, mep_status = 'current', updated_at = ?5
         WHERE person_id = ?1",
    )?
    .execute(params![k.person_id, record.full_name, record.group, record.national_party, stamp])?;
    let renamed = k.official_name.as_deref() != Some(record.full_name.as_str());
    if renamed {
        let split = split_official_name(&record.full_name);
        conn.prepare_cached(
            "UPDATE people SET given_name = ?2, family_name = ?3, display_name = ?4, family_key = ?5, name_key = ?6,
                 country = ?7, updated_at = ?8 WHERE id = ?1",
        )?
        .execute(params![
            k.person_id,
            split.given_name,
            split.family_name,
            split.display_name,
            people::rules::family_key(&split.given_name, &split.family_name),
            people::rules::name_key(&split.given_name, &split.family_name),
            record.country,
            stamp
        ])?;
    } else if k.country.as_deref() != Some(record.country.as_str()) {
        conn.prepare_cached("UPDATE people SET country = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![k.person_id, record.country, stamp])?;
    }
    audit::append(conn, ENTITY, &k.person_id, "mep_updated", Some(&Value::Object(was)), Some(&Value::Object(is)))?;
    Ok(changes)
}
