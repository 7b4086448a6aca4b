//! The coordinator's profile on this store: their name and initials, kept in `settings`
//! (`profile.name`, `profile.initials`). It says who recorded a stance.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit;
use crate::error::{CoreError, FieldError, Result};
use crate::text::tidy;
use crate::Store;

const NAME_KEY: &str = "profile.name";
const INITIALS_KEY: &str = "profile.initials";

/// Who uses this store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Profile {
    /// The coordinator's name, shown as "recorded by".
    pub name: Option<String>,
    /// Their initials, for compact views.
    pub initials: Option<String>,
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?)
}

fn put(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => conn
            .prepare_cached("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?
            .execute(params![key, value])?,
        None => conn.prepare_cached("DELETE FROM settings WHERE key = ?1")?.execute([key])?,
    };
    Ok(())
}

pub(crate) fn read(conn: &Connection) -> Result<Profile> {
    Ok(Profile { name: setting(conn, NAME_KEY)?, initials: setting(conn, INITIALS_KEY)? })
}

/// The name a record is signed with: the profile's name, else the operating system's user
/// name (`USER`, `USERNAME`), else "coordinator".
pub(crate) fn recorder(conn: &Connection) -> Result<String> {
    if let Some(name) = read(conn)?.name {
        return Ok(name);
    }
    Ok(["USER", "USERNAME"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .map(|v| tidy(&v))
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "coordinator".into()))
}

/// The profile as stored.
pub fn get(store: &Store) -> Result<Profile> {
    store.read(read)
}

/// The name that will sign new records (see [`Profile`]).
pub fn recorded_by(store: &Store) -> Result<String> {
    store.read(recorder)
}

/// Saves the profile; blank fields are cleared. Audited.
pub fn set(store: &Store, input: Profile) -> Result<Profile> {
    let clean = |v: Option<String>| v.map(|s| tidy(&s)).filter(|s| !s.is_empty());
    let next = Profile { name: clean(input.name), initials: clean(input.initials) };
    let mut errors = Vec::new();
    if next.name.as_ref().is_some_and(|n| n.chars().count() > 120) {
        errors.push(FieldError::new("name", "name is longer than 120 characters"));
    }
    if next.initials.as_ref().is_some_and(|n| n.chars().count() > 6) {
        errors.push(FieldError::new("initials", "initials are longer than 6 characters"));
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    store.write(|conn| {
        let current = read(conn)?;
        let value = |p: &Profile| serde_json::to_value(p).expect("serialisable");
        if let Some((before, after)) = audit::diff(&value(&current), &value(&next)) {
            put(conn, NAME_KEY, next.name.as_deref())?;
            put(conn, INITIALS_KEY, next.initials.as_deref())?;
            audit::append(conn, "profile", "profile", "update", Some(&before), Some(&after))?;
        }
        Ok(next)
    })
}
