//! The audit log: every write appends what changed, from what, to what, and when, inside
//! the same transaction as the change itself.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::error::Result;
use crate::store::now;

mod links;

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    /// Order of the entry in the log.
    pub seq: u32,
    /// When, in UTC.
    pub at: String,
    /// The kind of record (`organisation`, `membership`...).
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// What was done (`create`, `update`, `archive`, `restore`, `status_change`...).
    pub action: String,
    /// The changed fields before, when there was a before.
    #[ts(type = "unknown")]
    pub before: Option<Value>,
    /// The changed fields after, when there is an after.
    #[ts(type = "unknown")]
    pub after: Option<Value>,
    /// Who made the change: the coordinator's profile name (else the OS user) at the time;
    /// `None` for entries written before the store recorded it.
    pub actor: Option<String>,
    /// For an `undo` entry, the entry it reversed.
    pub undo_of: Option<u32>,
}

/// Appends an entry. `before` and `after` are written as given; the actor comes from the
/// profile (see [`crate::profile`]), and the entry is linked to the records named inside it.
pub fn append(
    conn: &Connection,
    entity: &str,
    entity_id: &str,
    action: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    append_entry(conn, entity, entity_id, action, before, after, None).map(|_| ())
}

/// Like [`append`], returning the new entry's `seq`; `undo_of` marks an undo.
pub(crate) fn append_entry(
    conn: &Connection,
    entity: &str,
    entity_id: &str,
    action: &str,
    before: Option<&Value>,
    after: Option<&Value>,
    undo_of: Option<u32>,
) -> Result<u32> {
    let actor = crate::profile::recorder(conn)?;
    conn.prepare_cached(
        "INSERT INTO audit_log (at, entity, entity_id, action, before, after, actor, undo_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![now(), entity, entity_id, action, before.map(Value::to_string), after.map(Value::to_string), actor, undo_of])?;
    let seq = conn.last_insert_rowid() as u32;
    links::write(conn, seq, entity, entity_id, before, after)?;
    Ok(seq)
}

/// Keeps only the fields that differ between two JSON objects: `(before, after)`.
/// Returns `None` when nothing changed.
pub fn diff(before: &Value, after: &Value) -> Option<(Value, Value)> {
    let (Value::Object(old), Value::Object(new)) = (before, after) else {
        return (before != after).then(|| (before.clone(), after.clone()));
    };
    let mut was = Map::new();
    let mut now = Map::new();
    for (key, value) in new {
        let previous = old.get(key).unwrap_or(&Value::Null);
        if previous != value {
            was.insert(key.clone(), previous.clone());
            now.insert(key.clone(), value.clone());
        }
    }
    for (key, value) in old {
        if !new.contains_key(key) {
            was.insert(key.clone(), value.clone());
            now.insert(key.clone(), Value::Null);
        }
    }
    (!now.is_empty()).then(|| (Value::Object(was), Value::Object(now)))
}

/// The columns [`from_row`] reads, in its order.
pub(crate) const COLUMNS: &str = "seq, at, entity, entity_id, action, before, after, actor, undo_of";

/// An entry from a row selected with [`COLUMNS`].
pub(crate) fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let before: Option<String> = row.get(5)?;
    let after: Option<String> = row.get(6)?;
    Ok(AuditEntry {
        seq: row.get(0)?,
        at: row.get(1)?,
        entity: row.get(2)?,
        entity_id: row.get(3)?,
        action: row.get(4)?,
        before: before.and_then(|s| serde_json::from_str(&s).ok()),
        after: after.and_then(|s| serde_json::from_str(&s).ok()),
        actor: row.get(7)?,
        undo_of: row.get(8)?,
    })
}

/// The entries about one record, oldest first.
pub fn for_entity(conn: &Connection, entity: &str, entity_id: &str) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq"
    ))?;
    let rows = stmt.query_map(params![entity, entity_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_keeps_only_changed_fields() {
        let (was, now) = diff(&json!({"a": 1, "b": "x"}), &json!({"a": 1, "b": "y"})).unwrap();
        assert_eq!(was, json!({"b": "x"}));
        assert_eq!(now, json!({"b": "y"}));
        assert!(diff(&json!({"a": 1}), &json!({"a": 1})).is_none());
    }
}
