//! People SQL. Functions take the caller's connection (inside its transaction for writes)
//! and append to the audit log.

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use super::rules::{email_key, validate, ValidPerson};
use crate::audit;
use crate::error::{CoreError, Result};
use crate::store::{new_id, now};

pub(crate) const ENTITY: &str = "person";

/// One person by id, with emails, phones and languages.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Person> {
    let mut person = conn
        .prepare_cached(
            "SELECT id, given_name, family_name, display_name, honorific, country, notes, archived, created_at, updated_at
             FROM people WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Person {
                id: r.get(0)?,
                given_name: r.get(1)?,
                family_name: r.get(2)?,
                display_name: r.get(3)?,
                honorific: r.get(4)?,
                country: r.get(5)?,
                languages: Vec::new(),
                emails: Vec::new(),
                phones: Vec::new(),
                notes: r.get(6)?,
                archived: r.get(7)?,
                created_at: r.get(8)?,
                updated_at: r.get(9)?,
            })
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no person with id {id}")))?;
    person.languages = conn
        .prepare_cached("SELECT language FROM person_languages WHERE person_id = ?1 ORDER BY language")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    person.emails = conn
        .prepare_cached("SELECT label, email FROM person_emails WHERE person_id = ?1 ORDER BY position")?
        .query_map([id], |r| Ok(LabelledEmail { label: r.get(0)?, email: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    person.phones = conn
        .prepare_cached("SELECT label, phone FROM person_phones WHERE person_id = ?1 ORDER BY position")?
        .query_map([id], |r| Ok(LabelledPhone { label: r.get(0)?, phone: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(person)
}

/// The audited form of a person: every field but the timestamps.
pub(crate) fn audit_value(person: &Person) -> serde_json::Value {
    let mut value = serde_json::to_value(person).expect("serialisable");
    if let Some(map) = value.as_object_mut() {
        map.remove("created_at");
        map.remove("updated_at");
    }
    value
}

/// Replaces a person's languages, emails and phones with the validated ones.
pub(crate) fn write_contacts(conn: &Connection, id: &str, valid: &ValidPerson) -> Result<()> {
    conn.prepare_cached("DELETE FROM person_languages WHERE person_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM person_emails WHERE person_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM person_phones WHERE person_id = ?1")?.execute([id])?;
    let mut language = conn.prepare_cached("INSERT OR IGNORE INTO person_languages (person_id, language) VALUES (?1, ?2)")?;
    for code in &valid.languages {
        language.execute(params![id, code])?;
    }
    let mut email = conn.prepare_cached(
        "INSERT INTO person_emails (id, person_id, label, email, email_key, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (n, entry) in valid.emails.iter().enumerate() {
        email.execute(params![new_id(), id, entry.label, entry.email, email_key(&entry.email), n as i64])?;
    }
    let mut phone =
        conn.prepare_cached("INSERT INTO person_phones (id, person_id, label, phone, position) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (n, entry) in valid.phones.iter().enumerate() {
        phone.execute(params![new_id(), id, entry.label, entry.phone, n as i64])?;
    }
    Ok(())
}

/// Validates and inserts a new person.
pub(crate) fn insert(conn: &Connection, input: &PersonInput) -> Result<Person> {
    let valid = validate(input).map_err(CoreError::Invalid)?;
    let id = new_id();
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO people (id, given_name, family_name, display_name, honorific, family_key, name_key, country, notes, archived, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?10)",
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
        valid.notes,
        stamp
    ])?;
    write_contacts(conn, &id, &valid)?;
    let person = get(conn, &id)?;
    audit::append(conn, ENTITY, &id, "create", None, Some(&audit_value(&person)))?;
    Ok(person)
}
