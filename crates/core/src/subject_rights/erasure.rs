//! Erasure: a person removed everywhere in one transaction.
//!
//! Their own rows go (the person, emails, phones, languages, affiliations, list memberships,
//! event participation and speaking, seat terms held alone, the policy-maker row, committee
//! memberships, dossier roles, stances and vote positions). What belongs to others stays with
//! the person taken out: an organisation's signature keeps its state with the signer replaced
//! by [`ERASED`], a seat term held with an organisation keeps the organisation, an interaction
//! keeps its other participants (or none), a task loses its owner. The audit log is scrubbed:
//! entries about the person's record and its rows lose their values, other entries lose the
//! person (participants, ids) and every occurrence of their names, emails and phones; each
//! scrubbed entry carries `"_erased": true`, which the history refuses to undo. One tombstone
//! (`person`/`erase`) records the id, the counts and who erased, never a name.
//!
//! The preview is this same function inside a transaction that is rolled back, so its counts
//! are exactly what an erasure removes.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

use super::model::{ErasureCategory, ErasurePreview};
use super::sar::person;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::store::now;
use crate::text::tidy;

/// What replaces an erased signer's name and title, and personal data inside audit entries.
pub const ERASED: &str = "(erased)";

/// The key that marks an audit entry whose data was scrubbed by an erasure.
pub(crate) const ERASED_KEY: &str = "_erased";

/// How many examples a category lists.
const EXAMPLES: usize = 8;

const BACKUPS_NOTE: &str = "Backups made before the erasure still hold this person's data until rotation removes them \
(up to 7 daily, 4 weekly and 12 monthly backups); delete older backup files by hand if the request requires it sooner.";

fn token(id: &str) -> String {
    let tail: String = id.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
    format!("ERASE-{}", tail.to_uppercase())
}

fn same_name(a: &str, b: &str) -> bool {
    tidy(a).to_lowercase() == tidy(b).to_lowercase()
}

/// Refuses (field `confirm`) unless `confirm` is the person's display name or the token.
pub(super) fn check_confirmation(conn: &Connection, id: &str, confirm: &str) -> Result<()> {
    let name: String = conn
        .prepare_cached("SELECT display_name FROM people WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no person with id {id}")))?;
    if same_name(confirm, &name) || confirm.trim() == token(id) {
        return Ok(());
    }
    Err(CoreError::invalid(
        "confirm",
        if confirm.trim().is_empty() {
            format!("type the person's name, {name}, to confirm the erasure; nothing was erased")
        } else {
            format!("\"{}\" is not the person's name ({name}); nothing was erased", confirm.trim())
        },
    ))
}

struct Categories {
    removed: Vec<ErasureCategory>,
    anonymised: Vec<ErasureCategory>,
}

impl Categories {
    fn add(list: &mut Vec<ErasureCategory>, key: &str, count: usize, examples: Vec<String>) {
        if count > 0 {
            list.push(ErasureCategory {
                key: key.into(),
                count: count as u32,
                examples: examples.into_iter().take(EXAMPLES).collect(),
            });
        }
    }
    fn removed(&mut self, key: &str, count: usize, examples: Vec<String>) {
        Self::add(&mut self.removed, key, count, examples);
    }
    fn anonymised(&mut self, key: &str, count: usize, examples: Vec<String>) {
        Self::add(&mut self.anonymised, key, count, examples);
    }
}

/// Rows of one query as (id, description).
fn rows(conn: &Connection, sql: &str, id: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let out = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

fn descriptions(rows: &[(String, String)]) -> Vec<String> {
    rows.iter().map(|(_, d)| d.clone()).collect()
}

fn exec(conn: &Connection, sql: &str, id: &str) -> Result<usize> {
    Ok(conn.prepare_cached(sql)?.execute([id])?)
}

/// What to take out of the audit log.
struct Scrub {
    id: String,
    /// Names, emails, phones: replaced by [`ERASED`] wherever they occur.
    tokens: Vec<String>,
    /// Records that were the person's own (their values all go).
    own: HashSet<String>,
    /// Their signatures (signer name and title go).
    signatures: HashSet<String>,
}

impl Scrub {
    fn text(&self, text: &mut String) -> bool {
        let mut changed = false;
        for token in &self.tokens {
            for variant in [token.clone(), token.to_lowercase()] {
                if text.contains(&variant) {
                    *text = text.replace(&variant, ERASED);
                    changed = true;
                }
            }
        }
        changed
    }

    fn refers(&self, item: &Value) -> bool {
        item.as_str() == Some(self.id.as_str())
            || item.get("person_id").and_then(Value::as_str) == Some(self.id.as_str())
    }

    /// Takes the person out of a value about someone else's record.
    fn partial(&self, value: &mut Value, signature: bool) -> bool {
        match value {
            Value::String(text) => self.text(text),
            Value::Array(items) => {
                let before = items.len();
                items.retain(|item| !self.refers(item));
                let mut changed = items.len() != before;
                for item in items.iter_mut() {
                    changed |= self.partial(item, signature);
                }
                changed
            }
            Value::Object(map) => {
                let mut changed = false;
                for (key, field) in map.iter_mut() {
                    if field.as_str() == Some(self.id.as_str()) {
                        *field = Value::Null;
                        changed = true;
                    } else if signature && matches!(key.as_str(), "signer_name" | "signer_title") && !field.is_null() {
                        if field.as_str() != Some(ERASED) {
                            *field = Value::String(ERASED.into());
                            changed = true;
                        }
                    } else {
                        changed |= self.partial(field, signature);
                    }
                }
                changed
            }
            _ => false,
        }
    }
}

/// Every value of the person's own entry goes; the field names stay (what kind of change it was).
fn emptied(value: Option<Value>) -> Option<Value> {
    let value = value?;
    let mut out = Map::new();
    if let Value::Object(map) = value {
        for key in map.keys().filter(|k| k.as_str() != ERASED_KEY) {
            out.insert(key.clone(), Value::Null);
        }
    }
    out.insert(ERASED_KEY.into(), Value::Bool(true));
    Some(Value::Object(out))
}

fn marked(mut value: Value) -> Value {
    if let Value::Object(map) = &mut value {
        map.insert(ERASED_KEY.into(), Value::Bool(true));
        value
    } else {
        json!({ ERASED_KEY: true, "value": value })
    }
}

/// Scrubs the audit log; returns how many entries changed.
fn scrub_audit(conn: &Connection, scrub: &Scrub, touched: &HashSet<String>) -> Result<usize> {
    let ids: Vec<&String> = scrub.own.iter().chain(scrub.signatures.iter()).chain(touched.iter()).collect();
    let mut needles: Vec<&str> = scrub.tokens.iter().map(String::as_str).collect();
    needles.push(&scrub.id);
    let candidates: Vec<(u32, String, Option<String>, Option<String>)> = conn
        .prepare(
            "SELECT a.seq, a.entity_id, a.before, a.after FROM audit_log a
             WHERE a.entity_id IN (SELECT value FROM json_each(?1))
                OR a.seq IN (SELECT seq FROM audit_links WHERE entity = 'person' AND entity_id = ?2)
                OR EXISTS (SELECT 1 FROM json_each(?3) t
                           WHERE instr(coalesce(a.before, '') || ' ' || coalesce(a.after, ''), t.value) > 0
                              OR instr(lower(coalesce(a.before, '') || ' ' || coalesce(a.after, '')), lower(t.value)) > 0)
             ORDER BY a.seq",
        )?
        .query_map(
            params![serde_json::to_string(&ids).expect("serialisable"), scrub.id, serde_json::to_string(&needles).expect("serialisable")],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str::<Value>(&s).ok());
    let mut update = conn.prepare_cached("UPDATE audit_log SET before = ?2, after = ?3 WHERE seq = ?1")?;
    let mut changed = 0;
    for (seq, entity_id, before, after) in candidates {
        let (before, after) = (parse(before), parse(after));
        let (new_before, new_after) = if scrub.own.contains(&entity_id) {
            (emptied(before.clone()), emptied(after.clone()))
        } else {
            let signature = scrub.signatures.contains(&entity_id);
            let side = |v: &Option<Value>| -> (Option<Value>, bool) {
                match v.clone() {
                    Some(mut value) => {
                        if scrub.partial(&mut value, signature) {
                            (Some(marked(value)), true)
                        } else {
                            (Some(value), false)
                        }
                    }
                    None => (None, false),
                }
            };
            let (b, bc) = side(&before);
            let (a, ac) = side(&after);
            if !bc && !ac {
                continue;
            }
            // both sides carry the mark, so the history knows the entry was scrubbed
            (b.map(|v| if bc { v } else { marked(v) }), a.map(|v| if ac { v } else { marked(v) }))
        };
        if new_before == before && new_after == after {
            continue;
        }
        update.execute(params![seq, new_before.map(|v| v.to_string()), new_after.map(|v| v.to_string())])?;
        changed += 1;
    }
    Ok(changed)
}

/// How many mentions the preview lists at most.
const MENTIONS: u32 = 30;

/// Records of others whose free text names the person (once their own rows are gone).
fn mentions(conn: &Connection, names: &[String]) -> Result<Vec<String>> {
    let mut names: Vec<&String> = names.iter().filter(|n| n.chars().count() >= 3).collect();
    names.dedup();
    let names = serde_json::to_string(&names).expect("serialisable");
    let mut stmt = conn.prepare_cached(
        "WITH n(name) AS (SELECT lower(value) FROM json_each(?1))
         SELECT 'interaction ' || occurred_on || ': ' || subject FROM interactions
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(subject || ' ' || coalesce(outcome, '')), n.name) > 0)
         UNION ALL SELECT 'task: ' || title FROM tasks
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(title || ' ' || coalesce(notes, '')), n.name) > 0)
         UNION ALL SELECT 'person: ' || display_name FROM people
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(coalesce(notes, '')), n.name) > 0)
         UNION ALL SELECT 'organisation: ' || name FROM organisations
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(coalesce(notes, '')), n.name) > 0)
         UNION ALL SELECT 'event: ' || title FROM events
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(coalesce(notes, '')), n.name) > 0)
         UNION ALL SELECT 'event session: ' || title FROM event_sessions
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(title || ' ' || coalesce(notes, '')), n.name) > 0)
         UNION ALL SELECT 'event participant notes: ' || e.title FROM event_participants p JOIN events e ON e.id = p.event_id
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(coalesce(p.notes, '')), n.name) > 0)
         UNION ALL SELECT 'letter: ' || title FROM letters
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(coalesce(body, '')), n.name) > 0)
         UNION ALL SELECT 'stance source: ' || d.reference FROM stances s JOIN dossiers d ON d.id = s.dossier_id
          WHERE EXISTS (SELECT 1 FROM n WHERE instr(lower(coalesce(s.source, '')), n.name) > 0)
         LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![names, MENTIONS], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Erases the person inside the caller's transaction and says what went.
pub(super) fn erase_in(conn: &Connection, id: &str) -> Result<ErasurePreview> {
    let p = person(conn, id)?;
    let mut cat = Categories { removed: Vec::new(), anonymised: Vec::new() };
    let mut own: HashSet<String> = HashSet::from([id.to_string()]);
    let mut touched: HashSet<String> = HashSet::new();

    let mut tokens: Vec<String> = vec![p.display_name.clone()];
    let full = tidy(&format!("{} {}", p.given_name, p.family_name));
    tokens.push(full);
    let official: Option<String> =
        conn.prepare_cached("SELECT official_name FROM policy_makers WHERE person_id = ?1")?.query_row([id], |r| r.get(0)).optional()?.flatten();
    tokens.extend(official);
    tokens.extend(p.emails.iter().map(|e| e.email.clone()));
    tokens.extend(p.phones.iter().map(|ph| ph.phone.clone()));
    // the subject-access export's file names carry the name as a slug
    tokens.push(super::sar::slug(&p.display_name));

    // Signatures they gave: linked to them, or carrying their name without a link.
    let signatures = rows(
        conn,
        "SELECT s.id, l.title || ' — ' || o.name FROM signatures s JOIN letters l ON l.id = s.letter_id
         JOIN organisations o ON o.id = s.organisation_id
         WHERE s.signer_person_id = ?1
            OR (s.signer_person_id IS NULL AND s.signer_name IS NOT NULL
                AND lower(trim(s.signer_name)) IN (SELECT lower(display_name) FROM people WHERE id = ?1
                                                   UNION SELECT lower(trim(given_name || ' ' || family_name)) FROM people WHERE id = ?1))
         ORDER BY l.title",
        id,
    )?;
    let signer_names: Vec<String> = {
        let mut stmt = conn.prepare_cached("SELECT signer_name FROM signatures WHERE id = ?1 AND signer_name IS NOT NULL")?;
        let mut names = Vec::new();
        for (sid, _) in &signatures {
            if let Some(n) = stmt.query_row([sid], |r| r.get::<_, String>(0)).optional()? {
                names.push(n);
            }
        }
        names
    };
    tokens.extend(signer_names.into_iter().filter(|n| n != ERASED));
    tokens.retain(|t| t.trim().chars().count() >= 3);
    tokens.sort_by_key(|t| std::cmp::Reverse(t.len()));
    tokens.dedup();

    // ---- gather what goes, then delete, children first ----
    let emails = p.emails.iter().map(|e| e.email.clone()).collect::<Vec<_>>();
    let phones = p.phones.iter().map(|e| e.phone.clone()).collect::<Vec<_>>();
    let affiliations = rows(
        conn,
        "SELECT a.id, o.name || coalesce(', ' || a.job_title, '') || coalesce(', ' || a.starts_on, '') || coalesce(' – ' || a.ends_on, '')
         FROM affiliations a JOIN organisations o ON o.id = a.organisation_id WHERE a.person_id = ?1 ORDER BY a.starts_on",
        id,
    )?;
    let seats_alone = rows(
        conn,
        "SELECT t.id, b.name || ', ' || t.role || ', ' || t.starts_on FROM seat_terms t JOIN bodies b ON b.id = t.body_id
         WHERE t.person_id = ?1 AND t.organisation_id IS NULL ORDER BY t.starts_on",
        id,
    )?;
    let seats_kept = rows(
        conn,
        "SELECT t.id, b.name || ', ' || t.role || ', ' || o.name FROM seat_terms t JOIN bodies b ON b.id = t.body_id
         JOIN organisations o ON o.id = t.organisation_id WHERE t.person_id = ?1 ORDER BY t.starts_on",
        id,
    )?;
    let office = rows(conn, "SELECT person_id, office || coalesce(', ' || group_code, '') FROM policy_makers WHERE person_id = ?1", id)?;
    let committees = rows(
        conn,
        "SELECT id, committee_code || ', ' || role FROM committee_memberships WHERE person_id = ?1 ORDER BY starts_on",
        id,
    )?;
    let dossier_roles = rows(
        conn,
        "SELECT r.id, d.reference || ', ' || r.role FROM dossier_roles r JOIN dossiers d ON d.id = r.dossier_id WHERE r.person_id = ?1",
        id,
    )?;
    let stances = rows(
        conn,
        "SELECT s.id, d.reference || ', ' || s.level || ', ' || s.stated_on FROM stances s JOIN dossiers d ON d.id = s.dossier_id
         WHERE s.person_id = ?1 ORDER BY s.stated_on",
        id,
    )?;
    let votes = rows(
        conn,
        "SELECT v.id, v.voted_on || ', ' || v.title || ': ' || p.position FROM vote_positions p JOIN votes v ON v.id = p.vote_id
         WHERE p.person_id = ?1 ORDER BY v.voted_on",
        id,
    )?;
    let interactions = rows(
        conn,
        "SELECT i.id, i.occurred_on || ', ' || i.subject FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
         WHERE ip.person_id = ?1 ORDER BY i.occurred_on",
        id,
    )?;
    let tasks = rows(conn, "SELECT id, title || coalesce(', due ' || due_on, '') FROM tasks WHERE owner_person_id = ?1 ORDER BY due_on", id)?;
    let participation = rows(
        conn,
        "SELECT p.id, e.title || ', ' || p.state FROM event_participants p JOIN events e ON e.id = p.event_id
         WHERE p.person_id = ?1 ORDER BY e.starts_utc",
        id,
    )?;
    let speaking = rows(
        conn,
        "SELECT s.id, e.title || ', ' || s.title || ', ' || sp.role FROM session_speakers sp JOIN event_sessions s ON s.id = sp.session_id
         JOIN events e ON e.id = s.event_id WHERE sp.person_id = ?1 ORDER BY s.starts_at",
        id,
    )?;
    let lists = rows(
        conn,
        "SELECT l.id, l.name FROM person_list_members m JOIN person_lists l ON l.id = m.list_id WHERE m.person_id = ?1 ORDER BY l.name_key",
        id,
    )?;

    for rows in [&affiliations, &seats_alone, &committees, &dossier_roles, &stances, &participation] {
        own.extend(rows.iter().map(|(rid, _)| rid.clone()));
    }
    for rows in [&seats_kept, &interactions, &tasks, &speaking, &lists, &votes] {
        touched.extend(rows.iter().map(|(rid, _)| rid.clone()));
    }

    let stamp = now();
    let events: Vec<String> = {
        let mut stmt = conn.prepare_cached("SELECT DISTINCT event_id FROM event_participants WHERE person_id = ?1")?;
        let rows = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        rows
    };
    exec(conn, "DELETE FROM session_speakers WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM event_participants WHERE person_id = ?1", id)?;
    // a seat they held goes to the first on the waitlist, as when a participant is removed
    let mut promoted = 0;
    for event in &events {
        promoted += crate::events::participants::fill_free_seats(conn, event, None)?.len();
    }
    exec(conn, "DELETE FROM interaction_participants WHERE person_id = ?1", id)?;
    conn.prepare_cached("UPDATE tasks SET owner_person_id = NULL, updated_at = ?2 WHERE owner_person_id = ?1")?.execute(params![id, stamp])?;
    exec(conn, "DELETE FROM seat_terms WHERE person_id = ?1 AND organisation_id IS NULL", id)?;
    conn.prepare_cached("UPDATE seat_terms SET person_id = NULL, updated_at = ?2 WHERE person_id = ?1")?.execute(params![id, stamp])?;
    {
        let mut anonymise = conn.prepare_cached(
            "UPDATE signatures SET signer_person_id = NULL,
                    signer_name = CASE WHEN signer_name IS NULL THEN NULL ELSE ?2 END,
                    signer_title = CASE WHEN signer_title IS NULL THEN NULL ELSE ?2 END,
                    publish_signer = 0, updated_at = ?3
             WHERE id = ?1",
        )?;
        for (sid, _) in &signatures {
            anonymise.execute(params![sid, ERASED, stamp])?;
        }
    }
    exec(conn, "DELETE FROM vote_positions WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM stances WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM dossier_roles WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM committee_memberships WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM policy_makers WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM person_list_members WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM affiliations WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM person_emails WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM person_phones WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM person_languages WHERE person_id = ?1", id)?;
    exec(conn, "DELETE FROM people WHERE id = ?1", id)?;

    let export_log = conn
        .prepare_cached("UPDATE export_log SET record_title = ?2, file_name = CASE WHEN file_name IS NULL THEN NULL ELSE ?2 END WHERE record_id = ?1")?
        .execute(params![id, ERASED])?;

    let scrub = Scrub { id: id.to_string(), tokens, own, signatures: signatures.iter().map(|(s, _)| s.clone()).collect() };
    let audit_entries = scrub_audit(conn, &scrub, &touched)?;
    // the person's history is gone with them
    exec(conn, "DELETE FROM audit_links WHERE entity = 'person' AND entity_id = ?1", id)?;

    cat.removed("person", 1, vec![p.display_name.clone()]);
    cat.removed("emails", emails.len(), emails);
    cat.removed("phones", phones.len(), phones);
    cat.removed("languages", p.languages.len(), p.languages.clone());
    cat.removed("affiliations", affiliations.len(), descriptions(&affiliations));
    cat.removed("seat_terms", seats_alone.len(), descriptions(&seats_alone));
    cat.removed("policy_maker", office.len(), descriptions(&office));
    cat.removed("committees", committees.len(), descriptions(&committees));
    cat.removed("dossier_roles", dossier_roles.len(), descriptions(&dossier_roles));
    cat.removed("stances", stances.len(), descriptions(&stances));
    cat.removed("vote_positions", votes.len(), descriptions(&votes));
    cat.removed("event_participation", participation.len(), descriptions(&participation));
    cat.removed("speaking", speaking.len(), descriptions(&speaking));
    cat.removed("lists", lists.len(), descriptions(&lists));
    cat.removed("interactions", interactions.len(), descriptions(&interactions));
    cat.anonymised("signatures", signatures.len(), descriptions(&signatures));
    cat.anonymised("seat_terms_kept", seats_kept.len(), descriptions(&seats_kept));
    cat.anonymised("tasks", tasks.len(), descriptions(&tasks));
    cat.anonymised("audit_entries", audit_entries, Vec::new());
    cat.anonymised("export_log", export_log, Vec::new());
    cat.anonymised("waitlist_promoted", promoted, Vec::new());

    let mentions = mentions(conn, &[p.display_name.clone(), tidy(&format!("{} {}", p.given_name, p.family_name))])?;

    let counts = |list: &[ErasureCategory]| -> Value {
        Value::Object(list.iter().map(|c| (c.key.clone(), json!(c.count))).collect())
    };
    let tombstone = json!({"erased": true, "removed": counts(&cat.removed), "anonymised": counts(&cat.anonymised)});
    let seq = audit::append_entry(conn, "person", id, "erase", None, Some(&tombstone), None)?;

    Ok(ErasurePreview {
        person_id: id.to_string(),
        display_name: p.display_name,
        confirm_token: token(id),
        removed: cat.removed,
        anonymised: cat.anonymised,
        mentions,
        tombstone_seq: Some(seq),
        backups_note: BACKUPS_NOTE.into(),
    })
}
