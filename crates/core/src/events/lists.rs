//! Saved lists of people ("press contacts", "LIBE staffers we know"), for inviting. A
//! list's name is unique ignoring case and accents.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::model::PersonList;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::store::{new_id, now};
use crate::text::{fold, tidy};

pub(crate) const LIST: &str = "person_list";

/// One list with its member count.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<PersonList> {
    conn.prepare_cached(
        "SELECT l.id, l.name, (SELECT count(*) FROM person_list_members m WHERE m.list_id = l.id) FROM person_lists l WHERE l.id = ?1",
    )?
    .query_row([id], |r| Ok(PersonList { id: r.get(0)?, name: r.get(1)?, members: r.get(2)? }))
    .optional()?
    .ok_or_else(|| CoreError::NotFound(format!("no saved list with id {id}")))
}

/// Every list by name, with member counts: one grouped query.
pub(crate) fn list(conn: &Connection) -> Result<Vec<PersonList>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.name, count(m.person_id) FROM person_lists l LEFT JOIN person_list_members m ON m.list_id = l.id
         GROUP BY l.id ORDER BY l.name_key",
    )?;
    let rows = stmt.query_map([], |r| Ok(PersonList { id: r.get(0)?, name: r.get(1)?, members: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Creates a list of these people (each must exist; repeats are dropped).
pub(crate) fn create(conn: &Connection, name: &str, person_ids: &[String]) -> Result<PersonList> {
    let name = tidy(name);
    if name.is_empty() {
        return Err(CoreError::invalid("name", "name is required"));
    }
    let key = fold(&name);
    let taken: Option<String> =
        conn.prepare_cached("SELECT name FROM person_lists WHERE name_key = ?1")?.query_row([&key], |r| r.get(0)).optional()?;
    if let Some(other) = taken {
        return Err(CoreError::invalid("name", format!("a list named \"{other}\" already exists")));
    }
    let mut exists = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)")?;
    let mut members: Vec<&String> = Vec::new();
    for id in person_ids {
        if members.contains(&id) {
            continue;
        }
        let found: bool = exists.query_row([id], |r| r.get(0))?;
        if !found {
            return Err(CoreError::invalid("person_ids", format!("no person with id {id}")));
        }
        members.push(id);
    }
    let id = new_id();
    conn.prepare_cached("INSERT INTO person_lists (id, name, name_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)")?
        .execute(params![id, name, key, now()])?;
    let mut insert = conn.prepare_cached("INSERT INTO person_list_members (list_id, person_id) VALUES (?1, ?2)")?;
    for person in &members {
        insert.execute([&id, *person])?;
    }
    audit::append(conn, LIST, &id, "create", None, Some(&json!({"name": name, "person_ids": members})))?;
    get(conn, &id)
}
