//! Which records an audit entry belongs to besides its own: the ids named inside its JSON,
//! and the links of earlier entries about the same record. `migrations/0009_history.sql`
//! backfills older entries by the same rules.

use rusqlite::{params, Connection};
use serde_json::Value;

use crate::error::Result;

/// The record kind an id field points to.
fn kind_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "person_id" | "owner_person_id" => "person",
        "organisation_id" => "organisation",
        "event_id" => "event",
        "letter_id" => "letter",
        "interaction_id" => "interaction",
        "dossier_id" => "dossier",
        _ => return None,
    })
}

fn collect(value: Option<&Value>, out: &mut Vec<(&'static str, String)>) {
    let Some(Value::Object(map)) = value else { return };
    for (key, value) in map {
        match (kind_of(key), value) {
            (Some(kind), Value::String(id)) => out.push((kind, id.clone())),
            (None, Value::Array(items)) if matches!(key.as_str(), "participants" | "speakers" | "tasks") => {
                for item in items {
                    for field in ["person_id", "organisation_id", "owner_person_id"] {
                        if let (Some(kind), Some(Value::String(id))) = (kind_of(field), item.get(field)) {
                            out.push((kind, id.clone()));
                        }
                    }
                }
            }
            (None, Value::Array(items)) if key == "organisers" => {
                out.extend(items.iter().filter_map(Value::as_str).map(|id| ("organisation", id.to_string())));
            }
            _ => {}
        }
    }
}

/// Writes the links of entry `seq`.
pub(super) fn write(
    conn: &Connection,
    seq: u32,
    entity: &str,
    entity_id: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    let mut links = Vec::new();
    collect(before, &mut links);
    collect(after, &mut links);
    match entity {
        "membership" => links.push(("organisation", entity_id.to_string())),
        "policy_maker" => links.push(("person", entity_id.to_string())),
        _ => {}
    }
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO audit_links (entity, entity_id, seq) VALUES (?1, ?2, ?3)")?;
    for (kind, id) in links {
        if kind == entity && id == entity_id {
            continue;
        }
        insert.execute(params![kind, id, seq])?;
    }
    conn.prepare_cached(
        "INSERT OR IGNORE INTO audit_links (entity, entity_id, seq)
         SELECT DISTINCT l.entity, l.entity_id, ?1 FROM audit_log f JOIN audit_links l ON l.seq = f.seq
         WHERE f.entity = ?2 AND f.entity_id = ?3 AND f.seq < ?1",
    )?
    .execute(params![seq, entity, entity_id])?;
    Ok(())
}
