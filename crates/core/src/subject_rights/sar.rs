//! Gathering a subject-access export: one query per category, all keyed on the person's id
//! through the indexes that the features already keep (`*_person`).

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::model::*;
use crate::data_protection::{self, ExportEntry};
use crate::error::{CoreError, Result};
use crate::store::now;
use crate::tabular::write_atomically;
use crate::text::fold;
use crate::Store;

/// The child-row kinds of audit entries that belong to a person's own history.
pub(super) const OWN_KINDS: &[&str] =
    &["person", "policy_maker", "affiliation", "committee_membership", "dossier_role", "stance", "event_participant"];

fn list<T>(conn: &Connection, sql: &str, id: &str, map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], map)?.collect::<rusqlite::Result<Vec<T>>>()?;
    Ok(rows)
}

/// "Ana María Lopes" → "AML".
fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().find(|c| c.is_alphabetic())).flat_map(char::to_uppercase).collect()
}

pub(super) fn person(conn: &Connection, id: &str) -> Result<SarPerson> {
    Ok(person_and_protection(conn, id)?.0)
}

/// The person's record as the people store reads it, split into the SAR's identity part and
/// its data-protection part.
fn person_and_protection(conn: &Connection, id: &str) -> Result<(SarPerson, SarDataProtection)> {
    let p = crate::people::store::get(conn, id)?;
    let protection = SarDataProtection {
        lawful_basis: Some(p.lawful_basis.as_str().to_string()),
        source: p.source,
        consent_date: p.consent_date,
        sensitive: p.sensitive,
        sensitive_reason: p.sensitive_reason,
    };
    let person = SarPerson {
        id: p.id,
        given_name: p.given_name,
        family_name: p.family_name,
        display_name: p.display_name,
        honorific: p.honorific,
        country: p.country,
        languages: p.languages,
        emails: p.emails,
        phones: p.phones,
        notes: p.notes,
        archived: p.archived,
        created_at: p.created_at,
        updated_at: p.updated_at,
    };
    Ok((person, protection))
}

fn policy_maker(conn: &Connection, id: &str) -> Result<Option<SarPolicyMaker>> {
    let office = conn
        .prepare_cached(
            "SELECT office, institution, position_title, ep_id, official_name, group_code, national_party, mep_status
             FROM policy_makers WHERE person_id = ?1",
        )?
        .query_row([id], |r| {
            Ok(SarPolicyMaker {
                office: r.get(0)?,
                institution: r.get(1)?,
                position_title: r.get(2)?,
                ep_id: r.get(3)?,
                official_name: r.get(4)?,
                group_code: r.get(5)?,
                national_party: r.get(6)?,
                mep_status: r.get(7)?,
                committees: Vec::new(),
                dossier_roles: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut office) = office else { return Ok(None) };
    office.committees = list(
        conn,
        "SELECT m.committee_code, c.name, m.role, m.starts_on, m.ends_on FROM committee_memberships m
         JOIN committees c ON c.code = m.committee_code WHERE m.person_id = ?1 ORDER BY m.starts_on, m.committee_code",
        id,
        |r| Ok(SarCommittee { code: r.get(0)?, name: r.get(1)?, role: r.get(2)?, starts_on: r.get(3)?, ends_on: r.get(4)? }),
    )?;
    office.dossier_roles = list(
        conn,
        "SELECT d.reference, d.short_title, r.role FROM dossier_roles r JOIN dossiers d ON d.id = r.dossier_id
         WHERE r.person_id = ?1 ORDER BY d.reference, r.role",
        id,
        |r| Ok(SarDossierRole { dossier: r.get(0)?, title: r.get(1)?, role: r.get(2)? }),
    )?;
    Ok(Some(office))
}

fn history(conn: &Connection, id: &str) -> Result<Vec<SarHistoryEntry>> {
    let kinds = serde_json::to_string(OWN_KINDS).expect("serialisable");
    let mut stmt = conn.prepare_cached(
        "SELECT a.at, a.entity, a.action, a.before, a.after, a.actor FROM audit_log a
         WHERE (a.entity_id = ?1 AND a.entity IN (SELECT value FROM json_each(?2)))
            OR (a.seq IN (SELECT seq FROM audit_links WHERE entity = 'person' AND entity_id = ?1)
                AND a.entity IN (SELECT value FROM json_each(?2)))
         ORDER BY a.seq",
    )?;
    let rows = stmt
        .query_map(params![id, kinds], |r| {
            let before: Option<String> = r.get(3)?;
            let after: Option<String> = r.get(4)?;
            let actor: Option<String> = r.get(5)?;
            Ok(SarHistoryEntry {
                at: r.get(0)?,
                entity: r.get(1)?,
                action: r.get(2)?,
                before: before.and_then(|s| serde_json::from_str::<Value>(&s).ok()),
                after: after.and_then(|s| serde_json::from_str::<Value>(&s).ok()),
                actor_initials: actor.map(|a| initials(&a)).filter(|i| !i.is_empty()),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(super) fn gather(conn: &Connection, id: &str) -> Result<SubjectAccess> {
    let (person, data_protection) = person_and_protection(conn, id)?;
    let affiliations = list(
        conn,
        "SELECT o.name, a.job_title, a.starts_on, a.ends_on, a.focal_point FROM affiliations a
         JOIN organisations o ON o.id = a.organisation_id WHERE a.person_id = ?1 ORDER BY a.starts_on, o.name",
        id,
        |r| {
            Ok(SarAffiliation { organisation: r.get(0)?, job_title: r.get(1)?, starts_on: r.get(2)?, ends_on: r.get(3)?, focal_point: r.get(4)? })
        },
    )?;
    let seat_terms = list(
        conn,
        "SELECT b.name, t.role, o.name, t.starts_on, t.ends_on FROM seat_terms t JOIN bodies b ON b.id = t.body_id
         LEFT JOIN organisations o ON o.id = t.organisation_id WHERE t.person_id = ?1 ORDER BY t.starts_on",
        id,
        |r| Ok(SarSeatTerm { body: r.get(0)?, role: r.get(1)?, organisation: r.get(2)?, starts_on: r.get(3)?, ends_on: r.get(4)? }),
    )?;
    let stances = list(
        conn,
        "SELECT d.reference, s.level, s.stated_on, s.evidence, s.source, s.recorded_by, s.recorded_at FROM stances s
         JOIN dossiers d ON d.id = s.dossier_id WHERE s.person_id = ?1 ORDER BY s.stated_on, s.recorded_at",
        id,
        |r| {
            Ok(SarStance {
                dossier: r.get(0)?,
                level: r.get(1)?,
                stated_on: r.get(2)?,
                evidence: r.get(3)?,
                source: r.get(4)?,
                recorded_by: r.get(5)?,
                recorded_at: r.get(6)?,
            })
        },
    )?;
    let votes = list(
        conn,
        "SELECT d.reference, v.title, v.voted_on, p.position FROM vote_positions p JOIN votes v ON v.id = p.vote_id
         JOIN dossiers d ON d.id = v.dossier_id WHERE p.person_id = ?1 ORDER BY v.voted_on, v.title",
        id,
        |r| Ok(SarVote { dossier: r.get(0)?, title: r.get(1)?, voted_on: r.get(2)?, position: r.get(3)? }),
    )?;
    let interactions = list(
        conn,
        "SELECT i.occurred_on, i.kind, i.subject, i.outcome,
                (SELECT json_group_array(o.name) FROM interaction_participants op JOIN organisations o ON o.id = op.organisation_id
                 WHERE op.interaction_id = i.id),
                (SELECT count(*) FROM interaction_participants pp WHERE pp.interaction_id = i.id
                 AND pp.person_id IS NOT NULL AND pp.person_id <> ?1)
         FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
         WHERE ip.person_id = ?1 ORDER BY i.occurred_on, i.id",
        id,
        |r| {
            let organisations: String = r.get(4)?;
            Ok(SarInteraction {
                occurred_on: r.get(0)?,
                kind: r.get(1)?,
                subject: r.get(2)?,
                outcome: r.get(3)?,
                organisations: serde_json::from_str(&organisations).unwrap_or_default(),
                other_people: r.get(5)?,
            })
        },
    )?;
    let tasks = list(
        conn,
        "SELECT t.title, CASE WHEN t.owner_person_id = ?1 THEN 'assigned' ELSE 'linked' END, t.due_on, t.done, t.done_on, t.notes
         FROM tasks t WHERE t.owner_person_id = ?1
            OR t.interaction_id IN (SELECT interaction_id FROM interaction_participants WHERE person_id = ?1)
         ORDER BY t.due_on IS NULL, t.due_on, t.title",
        id,
        |r| Ok(SarTask { title: r.get(0)?, relation: r.get(1)?, due_on: r.get(2)?, done: r.get(3)?, done_on: r.get(4)?, notes: r.get(5)? }),
    )?;
    let signatures = list(
        conn,
        "SELECT l.title, o.name, s.signer_name, s.signer_title, s.state, s.signed_on FROM signatures s
         JOIN letters l ON l.id = s.letter_id JOIN organisations o ON o.id = s.organisation_id
         WHERE s.signer_person_id = ?1 ORDER BY s.signed_on, l.title",
        id,
        |r| {
            Ok(SarSignature {
                letter: r.get(0)?,
                organisation: r.get(1)?,
                signer_name: r.get(2)?,
                signer_title: r.get(3)?,
                state: r.get(4)?,
                signed_on: r.get(5)?,
            })
        },
    )?;
    let events = list(
        conn,
        "SELECT e.title, e.starts_at, p.role, p.state, o.name, p.registered_at, p.checked_in_at, p.dietary_needs, p.access_needs, p.notes
         FROM event_participants p JOIN events e ON e.id = p.event_id LEFT JOIN organisations o ON o.id = p.organisation_id
         WHERE p.person_id = ?1 ORDER BY e.starts_utc",
        id,
        |r| {
            Ok(SarEventParticipation {
                event: r.get(0)?,
                starts_at: r.get(1)?,
                role: r.get(2)?,
                status: r.get(3)?,
                organisation: r.get(4)?,
                registered_at: r.get(5)?,
                checked_in_at: r.get(6)?,
                dietary_needs: r.get(7)?,
                access_needs: r.get(8)?,
                notes: r.get(9)?,
            })
        },
    )?;
    let speaking = list(
        conn,
        "SELECT e.title, s.title, s.starts_at, sp.role, sp.state FROM session_speakers sp
         JOIN event_sessions s ON s.id = sp.session_id JOIN events e ON e.id = s.event_id
         WHERE sp.person_id = ?1 ORDER BY s.starts_at",
        id,
        |r| Ok(SarSpeaking { event: r.get(0)?, session: r.get(1)?, starts_at: r.get(2)?, role: r.get(3)?, state: r.get(4)? }),
    )?;
    let lists = list(
        conn,
        "SELECT l.name FROM person_list_members m JOIN person_lists l ON l.id = m.list_id WHERE m.person_id = ?1 ORDER BY l.name_key",
        id,
        |r| r.get(0),
    )?;
    Ok(SubjectAccess {
        generated_at: now(),
        data_protection: Some(data_protection),
        policy_maker: policy_maker(conn, id)?,
        history: history(conn, id)?,
        person,
        affiliations,
        seat_terms,
        stances,
        votes,
        interactions,
        tasks,
        signatures,
        events,
        speaking,
        lists,
    })
}

/// "Mié Kohiyama" → "mie-kohiyama".
pub(super) fn slug(name: &str) -> String {
    let slug = deunicode::deunicode(&fold(name))
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "person".into()
    } else {
        slug
    }
}

pub(super) fn write(store: &Store, id: &str, dir: &Path) -> Result<Vec<PathBuf>> {
    let access = store.read(|conn| gather(conn, id))?;
    if !dir.is_dir() {
        return Err(CoreError::invalid("out", format!("{} is not a folder", dir.display())));
    }
    let date = access.generated_at.get(..10).unwrap_or("today").to_string();
    let base = format!("{}-subject-access-{date}", slug(&access.person.display_name));
    let json_path = dir.join(format!("{base}.json"));
    let pdf_path = dir.join(format!("{base}.pdf"));
    let pdf = super::sar_pdf::render(&access)?;
    write_atomically(&json_path, |out| {
        serde_json::to_writer_pretty(&mut *out, &access).map_err(|e| CoreError::BadFile(format!("cannot write the JSON: {e}")))?;
        out.write_all(b"\n").map_err(|source| CoreError::Io { context: format!("cannot write {}", json_path.display()), source })
    })?;
    write_atomically(&pdf_path, |out| {
        out.write_all(&pdf).map_err(|source| CoreError::Io { context: format!("cannot write {}", pdf_path.display()), source })
    })?;
    record_export(store, &access, &pdf_path)?;
    Ok(vec![json_path, pdf_path])
}

/// Records the export in the export log (what, when and by whom; never the data).
fn record_export(store: &Store, access: &SubjectAccess, pdf: &Path) -> Result<()> {
    let sensitive = access.data_protection.as_ref().is_some_and(|d| d.sensitive);
    let entry = ExportEntry::new("person.subject_access", 1)
        .record(access.person.id.clone(), access.person.display_name.clone())
        .sensitive(sensitive, 0)
        .file(pdf);
    data_protection::record_export(store, &entry).map(|_| ())
}
