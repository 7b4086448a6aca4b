//! The audit log: every write appends what changed, from what, to what, and when, inside
//! the same transaction as the change itself.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::error::Result;
use crate::store::now;

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
}

/// Appends an entry. `before` and `after` are written as given.
pub fn append(
    conn: &Connection,
    entity: &str,
    entity_id: &str,
    action: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, entity, entity_id, action, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![now(), entity, entity_id, action, before.map(Value::to_string), after.map(Value::to_string)])?;
    Ok(())
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

/// The entries about one record, oldest first.
pub fn for_entity(conn: &Connection, entity: &str, entity_id: &str) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, entity, entity_id, action, before, after FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![entity, entity_id], |row| {
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
        })
    })?;
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
