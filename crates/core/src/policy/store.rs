//! Policy-maker SQL: the `policy_makers` row beside a person, committee memberships, the
//! list view and the detail. Functions take the caller's connection (inside its
//! transaction for writes) and append to the audit log.

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde_json::json;

use super::model::*;
use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::people::{self, PersonInput};
use crate::store::{new_id, now, today};
use crate::text::{fold, like_escape, tidy};

pub(crate) const ENTITY: &str = "policy_maker";
const MEMBERSHIP_ENTITY: &str = "committee_membership";

/// Upper bound of one page.
pub const MAX_PAGE: u32 = 1000;

/// The Parliament's profile page of an MEP.
pub fn profile_url(ep_id: i64) -> String {
    format!("https://www.europarl.europa.eu/meps/en/{ep_id}")
}

fn optional(value: Option<&str>) -> Option<String> {
    value.map(tidy).filter(|s| !s.is_empty())
}

fn person_input(input: &PolicyMakerInput) -> PersonInput {
    PersonInput {
        given_name: input.given_name.clone(),
        family_name: input.family_name.clone(),
        display_name: input.display_name.clone(),
        honorific: input.honorific.clone(),
        country: input.country.clone(),
        emails: input.emails.clone(),
        phones: input.phones.clone(),
        notes: input.notes.clone(),
        // a new policy-maker is held on their public role (an edit leaves the basis alone)
        lawful_basis: Some(crate::people::LawfulBasis::PublicRole),
        ..Default::default()
    }
}

/// The office fields of a policy-maker, checked.
struct ValidOffice {
    office: Office,
    institution: Option<String>,
    position_title: Option<String>,
    ep_id: Option<i64>,
    group_code: Option<GroupCode>,
    national_party: Option<String>,
}

fn validate_office(conn: &Connection, input: &PolicyMakerInput, except: Option<&str>) -> Result<ValidOffice, Vec<FieldError>> {
    let mut errors = Vec::new();
    let is_mep = input.office == Office::Mep;
    if is_mep {
        match input.ep_id {
            None => errors.push(FieldError::new("ep_id", "an MEP needs the Parliament's id")),
            Some(id) if id <= 0 => errors.push(FieldError::new("ep_id", "the Parliament's id is a positive number")),
            Some(id) => {
                let holder: Option<(String, String)> = conn
                    .query_row(
                        "SELECT p.id, p.display_name FROM policy_makers pm JOIN people p ON p.id = pm.person_id WHERE pm.ep_id = ?1",
                        [id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()
                    .unwrap_or(None);
                if let Some((holder_id, name)) = holder {
                    if Some(holder_id.as_str()) != except {
                        errors.push(FieldError::new("ep_id", format!("the Parliament's id {id} already belongs to {name}")));
                    }
                }
            }
        }
    } else {
        if input.ep_id.is_some() {
            errors.push(FieldError::new("ep_id", "only MEPs have a Parliament id"));
        }
        if input.group_code.is_some() {
            errors.push(FieldError::new("group_code", "only MEPs sit in a political group"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidOffice {
        office: input.office,
        institution: optional(input.institution.as_deref()),
        position_title: optional(input.position_title.as_deref()),
        ep_id: if is_mep { input.ep_id } else { None },
        group_code: if is_mep { input.group_code } else { None },
        national_party: optional(input.national_party.as_deref()),
    })
}

/// Validates both halves (person and office) and reports every failing field.
fn validate_all(
    conn: &Connection,
    input: &PolicyMakerInput,
    except: Option<&str>,
) -> Result<(crate::people::rules::ValidPerson, ValidOffice)> {
    let mut person_fields = person_input(input);
    if let Some(id) = except {
        // The form has no languages: an edit keeps the person's.
        person_fields.languages = people::store::get(conn, id)?.languages;
    }
    let person = people::rules::validate(&person_fields);
    let office = validate_office(conn, input, except);
    match (person, office) {
        (Ok(p), Ok(o)) => Ok((p, o)),
        (p, o) => {
            let mut errors = p.err().unwrap_or_default();
            errors.extend(o.err().unwrap_or_default());
            Err(CoreError::Invalid(errors))
        }
    }
}

fn office_value(conn: &Connection, id: &str) -> Result<serde_json::Value> {
    let value = conn
        .prepare_cached(
            "SELECT office, institution, position_title, ep_id, official_name, group_code, national_party, mep_status
             FROM policy_makers WHERE person_id = ?1",
        )?
        .query_row([id], |r| {
            Ok(json!({
                "office": r.get::<_, String>(0)?,
                "institution": r.get::<_, Option<String>>(1)?,
                "position_title": r.get::<_, Option<String>>(2)?,
                "ep_id": r.get::<_, Option<i64>>(3)?,
                "official_name": r.get::<_, Option<String>>(4)?,
                "group_code": r.get::<_, Option<String>>(5)?,
                "national_party": r.get::<_, Option<String>>(6)?,
                "mep_status": r.get::<_, Option<String>>(7)?,
            }))
        })
        .optional()?;
    value.ok_or_else(|| CoreError::NotFound(format!("no policy-maker with id {id}")))
}

/// Creates a person and their office, in the caller's transaction.
pub(crate) fn insert(conn: &Connection, input: &PolicyMakerInput) -> Result<String> {
    let (_, office) = validate_all(conn, input, None)?;
    let person = people::store::insert(conn, &person_input(input))?;
    insert_office(conn, &person.id, &office, None)?;
    Ok(person.id)
}

/// Gives an existing person (not yet a policy-maker) an office.
pub(crate) fn add_office(conn: &Connection, id: &str, input: &PolicyMakerInput) -> Result<()> {
    let (_, office) = validate_all(conn, input, Some(id))?;
    insert_office(conn, id, &office, None)
}

fn insert_office(conn: &Connection, id: &str, office: &ValidOffice, official_name: Option<&str>) -> Result<()> {
    let stamp = now();
    let status = office.ep_id.map(|_| MepStatus::Current);
    conn.prepare_cached(
        "INSERT INTO policy_makers (person_id, office, institution, position_title, ep_id, official_name, group_code,
             national_party, mep_status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        id,
        office.office,
        office.institution,
        office.position_title,
        office.ep_id,
        official_name,
        office.group_code,
        office.national_party,
        status,
        stamp
    ])?;
    audit::append(conn, ENTITY, id, "create", None, Some(&office_value(conn, id)?))?;
    Ok(())
}

/// Writes a person's name, country and contacts from validated input; audits the change.
fn update_person(conn: &Connection, id: &str, valid: &crate::people::rules::ValidPerson) -> Result<()> {
    let before = people::store::get(conn, id)?;
    conn.prepare_cached(
        "UPDATE people SET given_name = ?2, family_name = ?3, display_name = ?4, honorific = ?5, family_key = ?6,
             name_key = ?7, country = ?8, notes = ?9 WHERE id = ?1",
    )?
    .execute(params![
        id,
        valid.given_name,
        valid.family_name,
        valid.display_name,
        valid.honorific,
        valid.family_key,
        valid.name_key,
        valid.country,
        valid.notes
    ])?;
    people::store::write_contacts(conn, id, valid)?;
    let after = people::store::get(conn, id)?;
    if let Some((was, is)) = audit::diff(&people::store::audit_value(&before), &people::store::audit_value(&after)) {
        conn.prepare_cached("UPDATE people SET updated_at = ?2 WHERE id = ?1")?.execute(params![id, now()])?;
        audit::append(conn, people::store::ENTITY, id, "update", Some(&was), Some(&is))?;
    }
    Ok(())
}

/// Edits a policy-maker's person and office. MEP fields that come from the Parliament's list
/// (official name, status) are kept while the office stays `mep`.
pub(crate) fn update(conn: &Connection, id: &str, input: &PolicyMakerInput) -> Result<()> {
    let before = office_value(conn, id)?;
    let (person, office) = validate_all(conn, input, Some(id))?;
    update_person(conn, id, &person)?;
    let was_mep = before["office"] == "mep";
    let status = match (office.ep_id, was_mep) {
        (Some(_), true) => before["mep_status"].as_str().and_then(|s| MepStatus::parse(s).ok()).or(Some(MepStatus::Current)),
        (Some(_), false) => Some(MepStatus::Current),
        (None, _) => None,
    };
    let official_name: Option<String> = if office.ep_id.is_some() { before["official_name"].as_str().map(String::from) } else { None };
    conn.prepare_cached(
        "UPDATE policy_makers SET office = ?2, institution = ?3, position_title = ?4, ep_id = ?5, official_name = ?6,
             group_code = ?7, national_party = ?8, mep_status = ?9 WHERE person_id = ?1",
    )?
    .execute(params![
        id,
        office.office,
        office.institution,
        office.position_title,
        office.ep_id,
        official_name,
        office.group_code,
        office.national_party,
        status
    ])?;
    let after = office_value(conn, id)?;
    if let Some((was, is)) = audit::diff(&before, &after) {
        conn.prepare_cached("UPDATE policy_makers SET updated_at = ?2 WHERE person_id = ?1")?.execute(params![id, now()])?;
        audit::append(conn, ENTITY, id, "update", Some(&was), Some(&is))?;
    }
    Ok(())
}

/// One policy-maker with committees, dossier roles and contacts.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<PolicyMaker> {
    let person = people::store::get(conn, id)?;
    let office = conn
        .prepare_cached(
            "SELECT office, institution, position_title, ep_id, official_name, group_code, national_party, mep_status,
                    created_at, updated_at
             FROM policy_makers WHERE person_id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, Office>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<GroupCode>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<MepStatus>>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
            ))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("{} is not a policy-maker", person.display_name)))?;
    let (office, institution, position_title, ep_id, official_name, group_code, national_party, mep_status, created_at, updated_at) =
        office;
    let dossier_roles = conn
        .prepare_cached(
            "SELECT d.id, d.reference, d.short_title, r.role FROM dossier_roles r JOIN dossiers d ON d.id = r.dossier_id
             WHERE r.person_id = ?1 ORDER BY d.reference, r.role",
        )?
        .query_map([id], |r| {
            Ok(PolicyMakerDossierRole { dossier_id: r.get(0)?, reference: r.get(1)?, short_title: r.get(2)?, role: r.get(3)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PolicyMaker {
        id: person.id,
        given_name: person.given_name,
        family_name: person.family_name,
        display_name: person.display_name,
        honorific: person.honorific,
        country: person.country,
        office,
        institution,
        position_title,
        ep_id,
        official_name,
        group_name: group_code.map(|g| g.full_name().to_string()),
        group_code,
        national_party,
        mep_status,
        profile_url: ep_id.map(profile_url),
        emails: person.emails,
        phones: person.phones,
        notes: person.notes,
        committees: memberships(conn, id)?,
        dossier_roles,
        created_at,
        updated_at,
    })
}

// ---- committees ------------------------------------------------------------------------

/// Every committee, by code.
pub(crate) fn committees(conn: &Connection) -> Result<Vec<Committee>> {
    Ok(conn
        .prepare_cached("SELECT code, name FROM committees ORDER BY code")?
        .query_map([], |r| Ok(Committee { code: r.get(0)?, name: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?)
}

const MEMBERSHIP_SELECT: &str = "SELECT m.id, m.person_id, m.committee_code, c.name, m.role, m.starts_on, m.ends_on
    FROM committee_memberships m JOIN committees c ON c.code = m.committee_code";

fn membership_from(r: &Row<'_>) -> rusqlite::Result<CommitteeMembership> {
    Ok(CommitteeMembership {
        id: r.get(0)?,
        person_id: r.get(1)?,
        committee_code: r.get(2)?,
        committee_name: r.get(3)?,
        role: r.get(4)?,
        starts_on: r.get(5)?,
        ends_on: r.get(6)?,
    })
}

/// A policy-maker's committee memberships: current first, by committee, then ended ones.
pub(crate) fn memberships(conn: &Connection, person_id: &str) -> Result<Vec<CommitteeMembership>> {
    Ok(conn
        .prepare_cached(&format!(
            "{MEMBERSHIP_SELECT} WHERE m.person_id = ?1 ORDER BY m.ends_on IS NOT NULL, m.committee_code, m.starts_on"
        ))?
        .query_map([person_id], membership_from)?
        .collect::<rusqlite::Result<_>>()?)
}

fn membership(conn: &Connection, id: &str) -> Result<CommitteeMembership> {
    conn.prepare_cached(&format!("{MEMBERSHIP_SELECT} WHERE m.id = ?1"))?
        .query_row([id], membership_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no committee membership with id {id}")))
}

fn date_field(field: &str, value: Option<&str>) -> Result<Option<String>> {
    let Some(text) = value.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|d| Some(d.format("%Y-%m-%d").to_string()))
        .map_err(|_| CoreError::invalid(field, format!("\"{text}\" is not a date (YYYY-MM-DD)")))
}

/// Adds a committee membership. The same policy-maker cannot hold the same committee twice at once.
pub(crate) fn add_membership(conn: &Connection, person_id: &str, input: &CommitteeMembershipInput) -> Result<CommitteeMembership> {
    office_value(conn, person_id)?;
    let code = input.committee_code.trim().to_uppercase();
    if code.is_empty() {
        return Err(CoreError::invalid("committee_code", "choose a committee"));
    }
    let known: Option<String> =
        conn.prepare_cached("SELECT name FROM committees WHERE code = ?1")?.query_row([&code], |r| r.get(0)).optional()?;
    if known.is_none() {
        return Err(CoreError::invalid("committee_code", format!("unknown committee \"{code}\"")));
    }
    let starts_on = date_field("starts_on", input.starts_on.as_deref())?;
    let open: Option<String> = conn
        .prepare_cached("SELECT role FROM committee_memberships WHERE person_id = ?1 AND committee_code = ?2 AND ends_on IS NULL")?
        .query_row(params![person_id, code], |r| r.get(0))
        .optional()?;
    if let Some(role) = open {
        return Err(CoreError::Conflict(format!(
            "already on {code} as {}; end that membership first",
            role.replace('_', "-")
        )));
    }
    let id = new_id();
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO committee_memberships (id, person_id, committee_code, role, starts_on, ends_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?6)",
    )?
    .execute(params![id, person_id, code, input.role, starts_on, stamp])?;
    let created = membership(conn, &id)?;
    audit::append(
        conn,
        MEMBERSHIP_ENTITY,
        &id,
        "create",
        None,
        Some(&json!({"person_id": person_id, "committee_code": code, "role": input.role, "starts_on": created.starts_on})),
    )?;
    Ok(created)
}

/// Ends a committee membership on a date (today when none is given).
pub(crate) fn end_membership(conn: &Connection, id: &str, ends_on: Option<&str>) -> Result<CommitteeMembership> {
    let current = membership(conn, id)?;
    if let Some(ended) = &current.ends_on {
        return Err(CoreError::Conflict(format!("this membership of {} already ended on {ended}", current.committee_code)));
    }
    let ends_on = date_field("ends_on", ends_on)?.unwrap_or_else(|| today().format("%Y-%m-%d").to_string());
    if let Some(start) = &current.starts_on {
        if ends_on < *start {
            return Err(CoreError::invalid("ends_on", format!("the end ({ends_on}) is before the start ({start})")));
        }
    }
    conn.prepare_cached("UPDATE committee_memberships SET ends_on = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, ends_on, now()])?;
    audit::append(conn, MEMBERSHIP_ENTITY, id, "end", Some(&json!({"ends_on": null})), Some(&json!({"ends_on": ends_on})))?;
    membership(conn, id)
}

// ---- list ------------------------------------------------------------------------------

fn filter_sql(query: &PolicyMakerQuery, today: &str) -> (String, Vec<SqlValue>) {
    let mut clauses: Vec<String> = vec!["p.archived = 0".into()];
    let mut values: Vec<SqlValue> = Vec::new();
    let any_of = |column: &str, items: Vec<String>, clauses: &mut Vec<String>, values: &mut Vec<SqlValue>| {
        if items.is_empty() {
            return;
        }
        clauses.push(format!("{column} IN ({})", vec!["?"; items.len()].join(", ")));
        values.extend(items.into_iter().map(SqlValue::Text));
    };
    any_of("pm.office", query.offices.iter().map(|o| o.as_str().to_string()).collect(), &mut clauses, &mut values);
    any_of("pm.group_code", query.groups.iter().map(|g| g.as_str().to_string()).collect(), &mut clauses, &mut values);
    any_of(
        "p.country",
        query.countries.iter().map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()).collect(),
        &mut clauses,
        &mut values,
    );
    any_of("pm.mep_status", query.statuses.iter().map(|s| s.as_str().to_string()).collect(), &mut clauses, &mut values);
    if let Some(code) = query.committee.as_deref().map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty()) {
        clauses.push(
            "EXISTS (SELECT 1 FROM committee_memberships cm WHERE cm.committee_code = ? AND cm.person_id = p.id
                 AND (cm.ends_on IS NULL OR cm.ends_on >= ?) AND (cm.starts_on IS NULL OR cm.starts_on <= ?))"
                .into(),
        );
        values.push(SqlValue::Text(code));
        values.push(SqlValue::Text(today.to_string()));
        values.push(SqlValue::Text(today.to_string()));
    }
    if let Some(text) = query.text.as_deref().map(fold).filter(|t| !t.is_empty()) {
        let pattern = format!("%{}%", like_escape(&text));
        clauses.push("(p.name_key LIKE ? ESCAPE '\\' OR p.family_key LIKE ? ESCAPE '\\')".into());
        values.push(SqlValue::Text(pattern.clone()));
        values.push(SqlValue::Text(pattern));
    }
    (format!("WHERE {}", clauses.join(" AND ")), values)
}

const ROW_SELECT: &str = "SELECT p.id, p.display_name, p.family_name, p.country, pm.office, pm.institution, pm.position_title,
        pm.ep_id, pm.group_code, pm.national_party, pm.mep_status,
        (SELECT group_concat(code, ',') FROM (SELECT DISTINCT cm.committee_code AS code FROM committee_memberships cm
            WHERE cm.person_id = p.id AND (cm.ends_on IS NULL OR cm.ends_on >= ?1) AND (cm.starts_on IS NULL OR cm.starts_on <= ?1)
            ORDER BY cm.committee_code))
   FROM policy_makers pm JOIN people p ON p.id = pm.person_id";

fn row_from(r: &Row<'_>) -> rusqlite::Result<PolicyMakerRow> {
    let committees: Option<String> = r.get(11)?;
    Ok(PolicyMakerRow {
        id: r.get(0)?,
        display_name: r.get(1)?,
        family_name: r.get(2)?,
        country: r.get(3)?,
        office: r.get(4)?,
        institution: r.get(5)?,
        position_title: r.get(6)?,
        ep_id: r.get(7)?,
        group_code: r.get(8)?,
        national_party: r.get(9)?,
        mep_status: r.get(10)?,
        committees: committees.map(|c| c.split(',').map(String::from).collect()).unwrap_or_default(),
    })
}

/// One page of the list, sorted by family name, and the total of the view: two indexed queries.
pub(crate) fn list(conn: &Connection, query: &PolicyMakerQuery) -> Result<PolicyMakerPage> {
    let today = today().format("%Y-%m-%d").to_string();
    let (filter, values) = filter_sql(query, &today);
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM policy_makers pm JOIN people p ON p.id = pm.person_id {filter}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let limit = if query.limit == 0 { 100 } else { query.limit.min(MAX_PAGE) };
    // ?1 is today's date for the committee column; the filter's values follow it.
    let filter = renumber(&filter, 2);
    let sql = format!("{ROW_SELECT} {filter} ORDER BY p.family_key, p.id LIMIT {limit} OFFSET {}", query.offset);
    let mut all = vec![SqlValue::Text(today)];
    all.extend(values);
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(all.iter()), row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PolicyMakerPage { rows, total, offset: query.offset })
}

/// Numbers the anonymous `?` placeholders of `sql` from `first` on.
fn renumber(sql: &str, first: usize) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = first;
    for c in sql.chars() {
        if c == '?' {
            out.push_str(&format!("?{n}"));
            n += 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// Every MEP for the CLI's listing, by family name.
pub(crate) fn meps(conn: &Connection, groups: &[GroupCode], countries: &[String], statuses: &[MepStatus]) -> Result<Vec<MepListing>> {
    let query = PolicyMakerQuery {
        offices: vec![Office::Mep],
        groups: groups.to_vec(),
        countries: countries.to_vec(),
        statuses: statuses.to_vec(),
        ..Default::default()
    };
    let (filter, values) = filter_sql(&query, &today().format("%Y-%m-%d").to_string());
    let sql = format!(
        "SELECT pm.ep_id, pm.official_name, p.display_name, p.family_name, p.country, pm.group_code, pm.national_party, pm.mep_status
         FROM policy_makers pm JOIN people p ON p.id = pm.person_id {filter} ORDER BY p.family_key, p.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
        let group: Option<GroupCode> = r.get(5)?;
        let display: String = r.get(2)?;
        Ok(MepListing {
            ep_id: r.get(0)?,
            full_name: r.get::<_, Option<String>>(1)?.unwrap_or_else(|| display.clone()),
            display_name: display,
            family_name: r.get(3)?,
            country: r.get(4)?,
            group,
            group_name: group.map(|g| g.full_name().to_string()),
            national_party: r.get(6)?,
            status: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
