//! Dossier SQL. Functions take the caller's connection (inside its transaction for writes)
//! and append to the audit log.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::*;
use super::rules::{procedure_reference, validate, ValidDossier};
use crate::audit;
use crate::error::{CoreError, Result};
use crate::store::{new_id, now};

const DOSSIER: &str = "dossier";
const ROLE: &str = "dossier_role";
const COLUMNS: &str = "id, reference, short_title, lead_committee, created_at, updated_at";

fn dossier_from(row: &Row<'_>) -> rusqlite::Result<Dossier> {
    Ok(Dossier {
        id: row.get(0)?,
        reference: row.get(1)?,
        short_title: row.get(2)?,
        lead_committee: row.get(3)?,
        created_at: row.get(4)?,
        updated_at: row.get(5)?,
    })
}

fn audit_value(dossier: &Dossier) -> serde_json::Value {
    serde_json::json!({
        "reference": dossier.reference, "short_title": dossier.short_title, "lead_committee": dossier.lead_committee,
    })
}

/// One dossier by id.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Dossier> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM dossiers WHERE id = ?1"))?
        .query_row([id], dossier_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no dossier with id {id}")))
}

/// One dossier by its procedure reference (spacing and case forgiven).
pub(crate) fn by_reference(conn: &Connection, reference: &str) -> Result<Dossier> {
    let wanted = procedure_reference(reference).map_err(|e| CoreError::Invalid(vec![e]))?;
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM dossiers WHERE reference = ?1"))?
        .query_row([&wanted], dossier_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no dossier with reference {wanted}")))
}

/// Every dossier, newest reference first.
pub(crate) fn list(conn: &Connection) -> Result<Vec<Dossier>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM dossiers ORDER BY reference DESC"))?;
    let rows = stmt.query_map([], dossier_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The committees a dossier can be led by.
pub(crate) fn committees(conn: &Connection) -> Result<Vec<LeadCommittee>> {
    let mut stmt = conn.prepare_cached("SELECT code, name FROM committees ORDER BY code")?;
    let rows = stmt.query_map([], |r| Ok(LeadCommittee { code: r.get(0)?, name: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn check(conn: &Connection, valid: &ValidDossier, except: Option<&str>) -> Result<()> {
    if let Some(code) = &valid.lead_committee {
        let known: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM committees WHERE code = ?1)")?
            .query_row([code], |r| r.get(0))?;
        if !known {
            return Err(CoreError::invalid("lead_committee", format!("unknown committee \"{code}\" (use a code such as LIBE)")));
        }
    }
    let existing: Option<(String, String)> = conn
        .prepare_cached("SELECT id, short_title FROM dossiers WHERE reference = ?1")?
        .query_row([&valid.reference], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match existing {
        Some((id, title)) if Some(id.as_str()) != except => Err(CoreError::invalid(
            "reference",
            format!("reference {} is already used by \"{title}\"", valid.reference),
        )),
        _ => Ok(()),
    }
}

/// Validates and inserts a dossier.
pub(crate) fn insert(conn: &Connection, input: &DossierInput) -> Result<Dossier> {
    let valid = validate(input).map_err(CoreError::Invalid)?;
    check(conn, &valid, None)?;
    let stamp = now();
    let dossier = Dossier {
        id: new_id(),
        reference: valid.reference,
        short_title: valid.short_title,
        lead_committee: valid.lead_committee,
        created_at: stamp.clone(),
        updated_at: stamp,
    };
    conn.prepare_cached(
        "INSERT INTO dossiers (id, reference, short_title, lead_committee, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![dossier.id, dossier.reference, dossier.short_title, dossier.lead_committee, dossier.created_at])?;
    audit::append(conn, DOSSIER, &dossier.id, "create", None, Some(&audit_value(&dossier)))?;
    Ok(dossier)
}

/// Validates and applies an edit; an edit that changes nothing writes nothing.
pub(crate) fn update(conn: &Connection, id: &str, input: &DossierInput) -> Result<Dossier> {
    let current = get(conn, id)?;
    let valid = validate(input).map_err(CoreError::Invalid)?;
    check(conn, &valid, Some(id))?;
    let mut next = Dossier {
        reference: valid.reference,
        short_title: valid.short_title,
        lead_committee: valid.lead_committee,
        ..current.clone()
    };
    let Some((before, after)) = audit::diff(&audit_value(&current), &audit_value(&next)) else {
        return Ok(current);
    };
    next.updated_at = now();
    conn.prepare_cached("UPDATE dossiers SET reference = ?2, short_title = ?3, lead_committee = ?4, updated_at = ?5 WHERE id = ?1")?
        .execute(params![id, next.reference, next.short_title, next.lead_committee, next.updated_at])?;
    audit::append(conn, DOSSIER, id, "update", Some(&before), Some(&after))?;
    Ok(next)
}

/// The dossier's role holders: rapporteur first, then shadows, by family name.
pub(crate) fn roles(conn: &Connection, dossier_id: &str) -> Result<Vec<DossierRoleHolder>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.person_id, p.display_name, pm.group_code, p.country, r.role
         FROM dossier_roles r JOIN people p ON p.id = r.person_id JOIN policy_makers pm ON pm.person_id = r.person_id
         WHERE r.dossier_id = ?1 ORDER BY r.role = 'shadow_rapporteur', p.family_key, p.id",
    )?;
    let rows = stmt.query_map([dossier_id], |r| {
        Ok(DossierRoleHolder {
            id: r.get(0)?,
            person_id: r.get(1)?,
            display_name: r.get(2)?,
            group_code: r.get(3)?,
            country: r.get(4)?,
            role: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Gives a policy-maker a role on a dossier; giving it twice changes nothing.
pub(crate) fn add_role(conn: &Connection, dossier_id: &str, person_id: &str, role: DossierRole) -> Result<bool> {
    let dossier = get(conn, dossier_id)?;
    let name: Option<String> = conn
        .prepare_cached("SELECT p.display_name FROM policy_makers pm JOIN people p ON p.id = pm.person_id WHERE pm.person_id = ?1")?
        .query_row([person_id], |r| r.get(0))
        .optional()?;
    let Some(name) = name else {
        return Err(CoreError::invalid("person_id", format!("no policy-maker with id {person_id}")));
    };
    let id = new_id();
    let added = conn
        .prepare_cached(
            "INSERT INTO dossier_roles (id, dossier_id, person_id, role, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (dossier_id, person_id, role) DO NOTHING",
        )?
        .execute(params![id, dossier_id, person_id, role, now()])?;
    if added > 0 {
        let after = serde_json::json!({"dossier": dossier.reference, "person_id": person_id, "name": name, "role": role});
        audit::append(conn, ROLE, &id, "create", None, Some(&after))?;
    }
    Ok(added > 0)
}

/// Removes a role (by the role's id). Returns the dossier it was on.
pub(crate) fn remove_role(conn: &Connection, role_id: &str) -> Result<String> {
    let found: Option<(String, String, String)> = conn
        .prepare_cached("SELECT dossier_id, person_id, role FROM dossier_roles WHERE id = ?1")?
        .query_row([role_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((dossier_id, person_id, role)) = found else {
        return Err(CoreError::NotFound(format!("no dossier role with id {role_id}")));
    };
    conn.prepare_cached("DELETE FROM dossier_roles WHERE id = ?1")?.execute([role_id])?;
    let before = serde_json::json!({"dossier_id": dossier_id, "person_id": person_id, "role": role});
    audit::append(conn, ROLE, role_id, "delete", Some(&before), None)?;
    Ok(dossier_id)
}

/// The demo dossier: the CSA regulation, led by LIBE, with Javier Zarzalejos as rapporteur
/// when he is in the store as a policy-maker. Loading it twice adds nothing.
pub(crate) fn load_demo(conn: &Connection) -> Result<()> {
    let input = DossierInput {
        reference: "2022/0155(COD)".into(),
        short_title: "Regulation to prevent and combat child sexual abuse".into(),
        lead_committee: Some("LIBE".into()),
    };
    let dossier = match by_reference(conn, &input.reference) {
        Ok(d) => d,
        Err(CoreError::NotFound(_)) => insert(conn, &input)?,
        Err(e) => return Err(e),
    };
    let rapporteur: Option<String> = conn
        .prepare_cached(
            "SELECT pm.person_id FROM policy_makers pm JOIN people p ON p.id = pm.person_id
             WHERE pm.office = 'mep' AND p.family_key LIKE 'zarzalejos%' AND p.given_name LIKE 'Javier%' ORDER BY p.id LIMIT 1",
        )?
        .query_row([], |r| r.get(0))
        .optional()?;
    if let Some(person_id) = rapporteur {
        add_role(conn, &dossier.id, &person_id, DossierRole::Rapporteur)?;
    }
    Ok(())
}
