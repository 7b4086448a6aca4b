//! Organisation SQL. Functions take the caller's connection (inside its transaction for
//! writes) and append to the audit log.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::model::*;
use super::rules::{validate, ValidOrganisation};
use crate::audit;
use crate::error::{CoreError, Result};
use crate::memberships;
use crate::store::{new_id, now};
use crate::text::{fold, like_escape};

const ENTITY: &str = "organisation";
const COLUMNS: &str = "id, name, short_name, org_type, country, website, email, phone, notes, archived, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: row.get(0)?,
        name: row.get(1)?,
        short_name: row.get(2)?,
        org_type: row.get(3)?,
        country: row.get(4)?,
        website: row.get(5)?,
        email: row.get(6)?,
        phone: row.get(7)?,
        notes: row.get(8)?,
        archived: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

/// One organisation by id.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Organisation> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM organisations WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no organisation with id {id}")))
}

/// The organisation whose folded name equals `name_key`, if any.
pub(crate) fn find_by_name_key(conn: &Connection, name_key: &str) -> Result<Option<Organisation>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM organisations WHERE name_key = ?1"))?
        .query_row([name_key], from_row)
        .optional()?)
}

/// An organisation with its membership and history.
pub(crate) fn detail(conn: &Connection, id: &str) -> Result<OrganisationDetail> {
    Ok(OrganisationDetail {
        organisation: get(conn, id)?,
        membership: memberships::store::get(conn, id)?,
        history: memberships::store::history(conn, id)?,
    })
}

fn ensure_unique(conn: &Connection, valid: &ValidOrganisation, except_id: Option<&str>) -> Result<()> {
    if let Some(existing) = find_by_name_key(conn, &valid.name_key)? {
        if Some(existing.id.as_str()) != except_id {
            let archived = if existing.archived { " (archived)" } else { "" };
            return Err(CoreError::invalid("name", format!("name already used by \"{}\"{archived}", existing.name)));
        }
    }
    Ok(())
}

fn audit_value(org: &Organisation) -> serde_json::Value {
    let mut value = serde_json::to_value(org).expect("serialisable");
    if let Some(map) = value.as_object_mut() {
        map.remove("created_at");
        map.remove("updated_at");
    }
    value
}

/// Validates and inserts a new organisation.
pub(crate) fn insert(conn: &Connection, input: &OrganisationInput) -> Result<Organisation> {
    let valid = validate(input).map_err(CoreError::Invalid)?;
    ensure_unique(conn, &valid, None)?;
    let stamp = now();
    let org = Organisation {
        id: new_id(),
        name: valid.name.clone(),
        short_name: valid.short_name.clone(),
        org_type: valid.org_type,
        country: valid.country.clone(),
        website: valid.website.clone(),
        email: valid.email.clone(),
        phone: valid.phone.clone(),
        notes: valid.notes.clone(),
        archived: false,
        created_at: stamp.clone(),
        updated_at: stamp,
    };
    conn.prepare_cached(
        "INSERT INTO organisations (id, name, name_key, short_name, short_name_key, org_type, country, website, email, phone, notes, archived, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?13)",
    )?
    .execute(params![
        org.id,
        org.name,
        valid.name_key,
        org.short_name,
        org.short_name.as_deref().map(fold),
        org.org_type,
        org.country,
        org.website,
        org.email,
        org.phone,
        org.notes,
        org.created_at,
        org.updated_at
    ])?;
    audit::append(conn, ENTITY, &org.id, "create", None, Some(&audit_value(&org)))?;
    Ok(org)
}

/// Validates and applies an edit. Returns the organisation and whether anything changed;
/// an edit that changes nothing writes nothing.
pub(crate) fn update(conn: &Connection, id: &str, input: &OrganisationInput) -> Result<(Organisation, bool)> {
    let current = get(conn, id)?;
    let valid = validate(input).map_err(CoreError::Invalid)?;
    ensure_unique(conn, &valid, Some(id))?;
    let mut next = Organisation {
        name: valid.name.clone(),
        short_name: valid.short_name.clone(),
        org_type: valid.org_type,
        country: valid.country.clone(),
        website: valid.website.clone(),
        email: valid.email.clone(),
        phone: valid.phone.clone(),
        notes: valid.notes.clone(),
        ..current.clone()
    };
    let Some((before, after)) = audit::diff(&audit_value(&current), &audit_value(&next)) else {
        return Ok((current, false));
    };
    next.updated_at = now();
    conn.prepare_cached(
        "UPDATE organisations SET name = ?2, name_key = ?3, short_name = ?4, short_name_key = ?5, org_type = ?6, country = ?7,
         website = ?8, email = ?9, phone = ?10, notes = ?11, updated_at = ?12 WHERE id = ?1",
    )?
    .execute(params![
        id,
        next.name,
        valid.name_key,
        next.short_name,
        next.short_name.as_deref().map(fold),
        next.org_type,
        next.country,
        next.website,
        next.email,
        next.phone,
        next.notes,
        next.updated_at
    ])?;
    audit::append(conn, ENTITY, id, "update", Some(&before), Some(&after))?;
    Ok((next, true))
}

/// Archives or restores. Archiving twice is not an error and writes nothing.
pub(crate) fn set_archived(conn: &Connection, id: &str, archived: bool) -> Result<()> {
    let current = get(conn, id)?;
    if current.archived == archived {
        return Ok(());
    }
    conn.prepare_cached("UPDATE organisations SET archived = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, archived, now()])?;
    audit::append(
        conn,
        ENTITY,
        id,
        if archived { "archive" } else { "restore" },
        Some(&serde_json::json!({"archived": current.archived})),
        Some(&serde_json::json!({"archived": archived})),
    )?;
    Ok(())
}

/// The WHERE clause and its parameters for a list view.
fn filter_sql(query: &OrganisationQuery) -> (String, Vec<SqlValue>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<SqlValue> = Vec::new();
    if !query.include_archived {
        clauses.push("o.archived = 0".into());
    }
    let mut any_of = |column: &str, items: Vec<String>, clauses: &mut Vec<String>| {
        if items.is_empty() {
            return;
        }
        let marks = vec!["?"; items.len()].join(", ");
        clauses.push(format!("{column} IN ({marks})"));
        values.extend(items.into_iter().map(SqlValue::Text));
    };
    any_of("m.status", query.statuses.iter().map(|s| s.as_str().to_string()).collect(), &mut clauses);
    any_of("m.tier", query.tiers.iter().map(|t| t.as_str().to_string()).collect(), &mut clauses);
    any_of("o.org_type", query.types.iter().map(|t| t.as_str().to_string()).collect(), &mut clauses);
    any_of("o.country", query.countries.iter().map(|c| c.trim().to_ascii_uppercase()).collect(), &mut clauses);
    if let Some(text) = query.text.as_deref().map(fold).filter(|t| !t.is_empty()) {
        let pattern = format!("%{}%", like_escape(&text));
        clauses.push("(o.name_key LIKE ? ESCAPE '\\' OR o.short_name_key LIKE ? ESCAPE '\\')".into());
        values.push(SqlValue::Text(pattern.clone()));
        values.push(SqlValue::Text(pattern));
    }
    let sql = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    (sql, values)
}

fn order_sql(query: &OrganisationQuery) -> String {
    let dir = match query.direction {
        SortDirection::Asc => "ASC",
        SortDirection::Desc => "DESC",
    };
    let column = match query.sort {
        OrganisationSort::Name => return format!("ORDER BY o.name_key {dir}, o.id {dir}"),
        OrganisationSort::ShortName => "o.short_name_key",
        OrganisationSort::Country => "o.country",
        OrganisationSort::Type => "o.org_type",
        OrganisationSort::MembershipStatus => {
            "CASE m.status WHEN 'prospect' THEN 1 WHEN 'applied' THEN 2 WHEN 'active' THEN 3 WHEN 'suspended' THEN 4
             WHEN 'lapsed' THEN 5 WHEN 'withdrawn' THEN 6 END"
        }
        OrganisationSort::Tier => {
            "CASE m.tier WHEN 'full' THEN 1 WHEN 'associate' THEN 2 WHEN 'observer' THEN 3 WHEN 'supporter' THEN 4 END"
        }
        OrganisationSort::JoinedOn => "m.joined_on",
    };
    // Empty values sort last whichever the direction; ties fall back to the name.
    format!("ORDER BY ({column}) IS NULL, {column} {dir}, o.name_key ASC, o.id ASC")
}

const ROW_SELECT: &str = "SELECT o.id, o.name, o.short_name, o.country, o.org_type, o.website, o.email, o.phone,
        m.status, m.tier, m.joined_on, o.archived
   FROM organisations o LEFT JOIN memberships m ON m.organisation_id = o.id";

fn row_from(row: &Row<'_>) -> rusqlite::Result<OrganisationRow> {
    Ok(OrganisationRow {
        id: row.get(0)?,
        name: row.get(1)?,
        short_name: row.get(2)?,
        country: row.get(3)?,
        org_type: row.get(4)?,
        website: row.get(5)?,
        email: row.get(6)?,
        phone: row.get(7)?,
        membership_status: row.get(8)?,
        tier: row.get(9)?,
        joined_on: row.get(10)?,
        archived: row.get(11)?,
    })
}

/// Upper bound of one page.
pub const MAX_PAGE: u32 = 1000;

/// One page of the list and the total of the view: two indexed queries.
pub(crate) fn list(conn: &Connection, query: &OrganisationQuery) -> Result<OrganisationPage> {
    let (filter, values) = filter_sql(query);
    let total: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM organisations o LEFT JOIN memberships m ON m.organisation_id = o.id {filter}"
        ))?
        .query_row(params_from_iter(values.iter()), |row| row.get(0))?;
    let limit = query.limit.clamp(1, MAX_PAGE);
    let sql = format!("{ROW_SELECT} {filter} {} LIMIT {limit} OFFSET {}", order_sql(query), query.offset);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(values.iter()), row_from)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(OrganisationPage { rows, total, offset: query.offset })
}

/// Streams every row of a view (offset and limit ignored) to `each`, in the view's order.
pub(crate) fn for_each_row(
    conn: &Connection,
    query: &OrganisationQuery,
    mut each: impl FnMut(OrganisationRow) -> Result<()>,
) -> Result<u64> {
    let (filter, values) = filter_sql(query);
    let sql = format!("{ROW_SELECT} {filter} {}", order_sql(query));
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(values.iter()))?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        each(row_from(row)?)?;
        count += 1;
    }
    Ok(count)
}

/// Every organisation that is not archived, as matching candidates.
pub(crate) fn candidates(conn: &Connection) -> Result<Vec<crate::matching::Candidate>> {
    let mut stmt = conn.prepare("SELECT id, name, short_name FROM organisations WHERE archived = 0")?;
    let rows = stmt.query_map([], |row| {
        Ok(crate::matching::Candidate { id: row.get(0)?, name: row.get(1)?, short_name: row.get(2)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
