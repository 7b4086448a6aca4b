//! Merging two organisations that are one: the survivor takes the other's membership (when
//! it has none), its signatures, its seats, its people's affiliations, its interactions, the
//! events it organises or is on the badges of, and its blank fields; the merged one is removed. The audit
//! entry keeps everything needed to undo the merge.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

use super::model::{Organisation, OrganisationInput};
use super::store;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::memberships;
use crate::Store;

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MergeReport {
    /// The surviving organisation.
    pub kept: Organisation,
    /// The name of the organisation merged into it.
    pub merged_name: String,
    /// Whether the membership came over from the merged organisation.
    pub membership_moved: bool,
    /// Signatures moved to the survivor.
    pub signatures_moved: u32,
    /// Signatures of the merged organisation on letters the survivor had already answered;
    /// they are kept in the audit entry (and come back on undo).
    pub signatures_dropped: u32,
    /// The audit entry that records the merge (pass it to undo).
    pub audit_seq: u32,
}

const SIGNATURE_COLUMNS: &str = "id, letter_id, organisation_id, state, invited_on, signed_on, declined_on, withdrawn_on,
    withdrawal_reason, channel, publish_organisation, publish_signer, display_name, signer_name, signer_title, created_at, updated_at";

fn rows_as_json(conn: &Connection, sql: &str, id: &str) -> Result<Vec<Value>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    let rows = stmt.query_map([id], |row| {
        let mut object = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = match row.get_ref(i)? {
                rusqlite::types::ValueRef::Null => Value::Null,
                rusqlite::types::ValueRef::Integer(n) => json!(n),
                rusqlite::types::ValueRef::Real(f) => json!(f),
                rusqlite::types::ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                rusqlite::types::ValueRef::Blob(_) => Value::Null,
            };
            object.insert(name.clone(), value);
        }
        Ok(Value::Object(object))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn insert_json(conn: &Connection, table: &str, row: &Value) -> Result<()> {
    let object = row.as_object().ok_or_else(|| CoreError::Conflict("the audit entry is damaged".into()))?;
    let columns: Vec<&String> = object.keys().collect();
    let marks = vec!["?"; columns.len()].join(", ");
    let values: Vec<rusqlite::types::Value> = object
        .values()
        .map(|v| match v {
            Value::Null => rusqlite::types::Value::Null,
            Value::Number(n) if n.is_i64() => rusqlite::types::Value::Integer(n.as_i64().unwrap_or_default()),
            Value::Number(n) => rusqlite::types::Value::Real(n.as_f64().unwrap_or_default()),
            Value::String(s) => rusqlite::types::Value::Text(s.clone()),
            other => rusqlite::types::Value::Text(other.to_string()),
        })
        .collect();
    let names = columns.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
    conn.execute(&format!("INSERT INTO {table} ({names}) VALUES ({marks})"), rusqlite::params_from_iter(values))?;
    Ok(())
}

fn rank(state: &str) -> u8 {
    match state {
        "signed" => 4,
        "declined" => 3,
        "invited" => 2,
        _ => 1,
    }
}

/// Merges `drop_id` into `keep_id`, in one transaction.
pub fn merge(store: &Store, keep_id: &str, drop_id: &str) -> Result<MergeReport> {
    if keep_id == drop_id {
        return Err(CoreError::Conflict("an organisation cannot be merged with itself".into()));
    }
    store.write(|conn| {
        let keep = store::get(conn, keep_id)?;
        let dropped = store::get(conn, drop_id)?;
        let dropped_rows = rows_as_json(conn, "SELECT * FROM organisations WHERE id = ?1", drop_id)?;
        let keep_membership = memberships::store::get(conn, keep_id)?;
        let dropped_membership = rows_as_json(conn, "SELECT * FROM memberships WHERE organisation_id = ?1", drop_id)?;
        let dropped_history = rows_as_json(conn, "SELECT * FROM membership_status_changes WHERE organisation_id = ?1", drop_id)?;

        // Membership: moved over when the survivor has none; otherwise the survivor's stands.
        let membership_moved = keep_membership.is_none() && !dropped_membership.is_empty();
        if membership_moved {
            conn.execute("UPDATE memberships SET organisation_id = ?1 WHERE organisation_id = ?2", params![keep_id, drop_id])?;
            conn.execute("UPDATE membership_status_changes SET organisation_id = ?1 WHERE organisation_id = ?2", params![keep_id, drop_id])?;
        }

        // Signatures: moved, unless the survivor answered the same letter; the stronger answer wins.
        let theirs = rows_as_json(conn, &format!("SELECT {SIGNATURE_COLUMNS} FROM signatures WHERE organisation_id = ?1"), drop_id)?;
        let mut moved: Vec<String> = Vec::new();
        let mut removed: Vec<Value> = Vec::new();
        for signature in &theirs {
            let id = signature["id"].as_str().unwrap_or_default().to_string();
            let letter = signature["letter_id"].as_str().unwrap_or_default();
            let ours: Option<(String, String)> = conn
                .query_row("SELECT id, state FROM signatures WHERE organisation_id = ?1 AND letter_id = ?2", params![keep_id, letter], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match ours {
                None => moved.push(id),
                Some((our_id, our_state)) => {
                    if rank(signature["state"].as_str().unwrap_or_default()) > rank(&our_state) {
                        removed.extend(rows_as_json(conn, &format!("SELECT {SIGNATURE_COLUMNS} FROM signatures WHERE id = ?1"), &our_id)?);
                        conn.execute("DELETE FROM signatures WHERE id = ?1", [&our_id])?;
                        moved.push(id);
                    } else {
                        removed.push(signature.clone());
                        conn.execute("DELETE FROM signatures WHERE id = ?1", [&id])?;
                    }
                }
            }
        }
        for id in &moved {
            conn.execute("UPDATE signatures SET organisation_id = ?1 WHERE id = ?2", params![keep_id, id])?;
        }

        // Seats move with the organisation.
        let seats: Vec<String> = conn
            .prepare("SELECT id FROM seat_terms WHERE organisation_id = ?1")?
            .query_map([drop_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        conn.execute("UPDATE seat_terms SET organisation_id = ?1 WHERE organisation_id = ?2", params![keep_id, drop_id])?;

        // Affiliations, interactions, event organisers and badge organisations follow too; a
        // row the survivor already has (same interaction, same event) is dropped, and comes
        // back on undo.
        let moved_rows = move_references(conn, keep_id, drop_id)?;

        // Blank fields of the survivor are filled from the merged organisation.
        let filled = OrganisationInput {
            name: keep.name.clone(),
            short_name: keep.short_name.clone().or(dropped.short_name.clone()),
            org_type: keep.org_type,
            country: keep.country.clone(),
            website: keep.website.clone().or(dropped.website.clone()),
            email: keep.email.clone().or(dropped.email.clone()),
            phone: keep.phone.clone().or(dropped.phone.clone()),
            notes: keep.notes.clone().or(dropped.notes.clone()),
        };
        if !membership_moved {
            conn.execute("DELETE FROM membership_status_changes WHERE organisation_id = ?1", [drop_id])?;
            conn.execute("DELETE FROM memberships WHERE organisation_id = ?1", [drop_id])?;
        }
        conn.execute("DELETE FROM organisations WHERE id = ?1", [drop_id])?;
        let keep_before = rows_as_json(conn, "SELECT * FROM organisations WHERE id = ?1", keep_id)?;
        let (kept, _) = store::update(conn, keep_id, &filled)?;

        let before = json!({
            "kept": keep_before.first(),
            "dropped": dropped_rows.first(),
            "dropped_membership": dropped_membership.first(),
            "dropped_history": dropped_history,
            "removed_signatures": removed,
        });
        let after = json!({
            "kept_id": keep_id,
            "dropped_id": drop_id,
            "membership_moved": membership_moved,
            "moved_signatures": moved,
            "moved_seats": seats,
            "moved_affiliations": moved_rows.affiliations,
            "moved_interactions": moved_rows.interactions,
            "removed_interactions": moved_rows.removed_interactions,
            "moved_event_organisers": moved_rows.organised,
            "removed_event_organisers": moved_rows.removed_organised,
            "moved_event_participants": moved_rows.participants,
        });
        audit::append(conn, "organisation", keep_id, "merge", Some(&before), Some(&after))?;
        let audit_seq: u32 = conn.query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))?;
        Ok(MergeReport {
            kept,
            merged_name: dropped.name,
            membership_moved,
            signatures_moved: moved.len() as u32,
            signatures_dropped: removed.len() as u32,
            audit_seq,
        })
    })
}

/// Undoes a merge recorded at `audit_seq`, when nothing written since depends on it: the
/// merged organisation comes back with its membership and signatures.
pub fn undo_merge(store: &Store, audit_seq: u32) -> Result<Organisation> {
    store.write(|conn| {
        let entry: Option<(String, String, String, String)> = conn
            .query_row(
                "SELECT entity_id, action, before, after FROM audit_log WHERE seq = ?1 AND entity = 'organisation'",
                [audit_seq],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((keep_id, action, before, after)) = entry else {
            return Err(CoreError::NotFound(format!("no audit entry {audit_seq}")));
        };
        if action != "merge" {
            return Err(CoreError::Conflict(format!("audit entry {audit_seq} is a {action}, not a merge")));
        }
        let before: Value = serde_json::from_str(&before).map_err(|_| CoreError::Conflict("the audit entry is damaged".into()))?;
        let after: Value = serde_json::from_str(&after).map_err(|_| CoreError::Conflict("the audit entry is damaged".into()))?;
        let moved: Vec<String> = after["moved_signatures"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect();
        let moved_seats: Vec<String> = after["moved_seats"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect();

        // Anything later that touched the survivor, or the signatures and seats it took over,
        // depends on the merge.
        let mut later = conn.prepare("SELECT entity, entity_id, action, at FROM audit_log WHERE seq > ?1 ORDER BY seq")?;
        let later: Vec<(String, String, String, String)> =
            later.query_map([audit_seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
        for (entity, id, action, at) in &later {
            let depends = (id == &keep_id && (entity == "organisation" || entity == "membership"))
                || (entity == "signature" && moved.contains(id))
                || (entity == "seat_term" && moved_seats.contains(id))
                || (entity == "affiliation" && ids(&after, "moved_affiliations").contains(id))
                || (entity == "interaction" && (ids(&after, "moved_interactions").contains(id) || ids(&after, "removed_interactions").contains(id)))
                || (entity == "event" && (ids(&after, "moved_event_organisers").contains(id) || ids(&after, "removed_event_organisers").contains(id)))
                || (entity == "event_participant" && ids(&after, "moved_event_participants").contains(id));
            if depends {
                return Err(CoreError::Conflict(format!(
                    "the merge cannot be undone: a later change depends on it ({entity} {action} at {at}); undo that first"
                )));
            }
        }
        let dropped = &before["dropped"];
        let name_key = dropped["name_key"].as_str().unwrap_or_default();
        if let Some(clash) = store::find_by_name_key(conn, name_key)? {
            return Err(CoreError::Conflict(format!(
                "the merge cannot be undone: \"{}\" now uses the merged organisation's name",
                clash.name
            )));
        }
        let drop_id = dropped["id"].as_str().unwrap_or_default().to_string();
        let kept_row = before["kept"].as_object().cloned().unwrap_or_default();

        // Restore the survivor's own fields, then bring the merged organisation back.
        for (column, value) in &kept_row {
            if column == "id" {
                continue;
            }
            let value = match value {
                Value::Null => rusqlite::types::Value::Null,
                Value::Number(n) => rusqlite::types::Value::Integer(n.as_i64().unwrap_or_default()),
                Value::String(s) => rusqlite::types::Value::Text(s.clone()),
                other => rusqlite::types::Value::Text(other.to_string()),
            };
            conn.execute(&format!("UPDATE organisations SET {column} = ?1 WHERE id = ?2"), params![value, keep_id])?;
        }
        insert_json(conn, "organisations", dropped)?;
        if after["membership_moved"].as_bool() == Some(true) {
            conn.execute("UPDATE memberships SET organisation_id = ?1 WHERE organisation_id = ?2", params![drop_id, keep_id])?;
            conn.execute("UPDATE membership_status_changes SET organisation_id = ?1 WHERE organisation_id = ?2", params![drop_id, keep_id])?;
        } else {
            if let Some(membership) = before["dropped_membership"].as_object() {
                insert_json(conn, "memberships", &Value::Object(membership.clone()))?;
            }
            for change in before["dropped_history"].as_array().into_iter().flatten() {
                insert_json(conn, "membership_status_changes", change)?;
            }
        }
        for id in &moved {
            conn.execute("UPDATE signatures SET organisation_id = ?1 WHERE id = ?2", params![drop_id, id])?;
        }
        for id in after["moved_seats"].as_array().into_iter().flatten().filter_map(|v| v.as_str()) {
            conn.execute("UPDATE seat_terms SET organisation_id = ?1 WHERE id = ?2", params![drop_id, id])?;
        }
        for signature in before["removed_signatures"].as_array().into_iter().flatten() {
            insert_json(conn, "signatures", signature)?;
        }
        move_references_back(conn, &keep_id, &drop_id, &after)?;
        audit::append_entry(
            conn,
            "organisation",
            &keep_id,
            "unmerge",
            Some(&after),
            Some(&json!({"restored_id": drop_id, "merge_seq": audit_seq})),
            Some(audit_seq),
        )?;
        store::get(conn, &drop_id)
    })
}

/// The rows that referred to the merged organisation and now refer to the survivor.
struct MovedReferences {
    affiliations: Vec<String>,
    interactions: Vec<String>,
    removed_interactions: Vec<String>,
    organised: Vec<String>,
    removed_organised: Vec<String>,
    participants: Vec<String>,
}

fn column(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    Ok(conn.prepare(sql)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
}

fn move_references(conn: &Connection, keep_id: &str, drop_id: &str) -> Result<MovedReferences> {
    let affiliations = column(conn, "SELECT id FROM affiliations WHERE organisation_id = ?1 ORDER BY id", drop_id)?;
    conn.execute("UPDATE affiliations SET organisation_id = ?1 WHERE organisation_id = ?2", params![keep_id, drop_id])?;

    // The rows whose record (interaction, event) the survivor is on already, or not.
    let shared = |table: &str, key: &str, already: bool| -> Result<Vec<String>> {
        let sql = format!(
            "SELECT d.{key} FROM {table} d WHERE d.organisation_id = ?1
             AND {} EXISTS (SELECT 1 FROM {table} k WHERE k.{key} = d.{key} AND k.organisation_id = ?2) ORDER BY d.{key}",
            if already { "" } else { "NOT" }
        );
        Ok(conn.prepare(&sql)?.query_map(params![drop_id, keep_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
    };
    let removed_interactions = shared("interaction_participants", "interaction_id", true)?;
    let interactions = shared("interaction_participants", "interaction_id", false)?;
    let removed_organised = shared("event_organisers", "event_id", true)?;
    let organised = shared("event_organisers", "event_id", false)?;
    for id in &removed_interactions {
        conn.execute("DELETE FROM interaction_participants WHERE interaction_id = ?1 AND organisation_id = ?2", params![id, drop_id])?;
    }
    conn.execute("UPDATE interaction_participants SET organisation_id = ?1 WHERE organisation_id = ?2", params![keep_id, drop_id])?;
    for id in &removed_organised {
        conn.execute("DELETE FROM event_organisers WHERE event_id = ?1 AND organisation_id = ?2", params![id, drop_id])?;
    }
    conn.execute("UPDATE event_organisers SET organisation_id = ?1 WHERE organisation_id = ?2", params![keep_id, drop_id])?;

    let participants = column(conn, "SELECT id FROM event_participants WHERE organisation_id = ?1 ORDER BY id", drop_id)?;
    conn.execute("UPDATE event_participants SET organisation_id = ?1 WHERE organisation_id = ?2", params![keep_id, drop_id])?;
    Ok(MovedReferences { affiliations, interactions, removed_interactions, organised, removed_organised, participants })
}

fn ids(after: &Value, key: &str) -> Vec<String> {
    after[key].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect()
}

fn move_references_back(conn: &Connection, keep_id: &str, drop_id: &str, after: &Value) -> Result<()> {
    for id in ids(after, "moved_affiliations") {
        conn.execute("UPDATE affiliations SET organisation_id = ?1 WHERE id = ?2 AND organisation_id = ?3", params![drop_id, id, keep_id])?;
    }
    for id in ids(after, "moved_interactions") {
        conn.execute(
            "UPDATE interaction_participants SET organisation_id = ?1 WHERE interaction_id = ?2 AND organisation_id = ?3",
            params![drop_id, id, keep_id],
        )?;
    }
    for id in ids(after, "removed_interactions") {
        conn.execute("INSERT INTO interaction_participants (interaction_id, person_id, organisation_id) VALUES (?1, NULL, ?2)", params![id, drop_id])?;
    }
    for id in ids(after, "moved_event_organisers") {
        conn.execute("UPDATE event_organisers SET organisation_id = ?1 WHERE event_id = ?2 AND organisation_id = ?3", params![drop_id, id, keep_id])?;
    }
    for id in ids(after, "removed_event_organisers") {
        conn.execute("INSERT INTO event_organisers (event_id, organisation_id) VALUES (?1, ?2)", params![id, drop_id])?;
    }
    for id in ids(after, "moved_event_participants") {
        conn.execute("UPDATE event_participants SET organisation_id = ?1 WHERE id = ?2 AND organisation_id = ?3", params![drop_id, id, keep_id])?;
    }
    Ok(())
}
