//! Letter and signature SQL. Functions take the caller's connection (inside its transaction
//! for writes) and append to the audit log.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::model::*;
use super::publish::{ExportOptions, PublishedList, PublishedSignatory};
use super::rules::validate;
use crate::audit;
use crate::error::{CoreError, Result};
use crate::memberships::rules::{iso, optional_date};
use crate::store::{new_id, now, today};
use crate::text::tidy;

const LETTER: &str = "letter";
const SIGNATURE: &str = "signature";
const LETTER_COLUMNS: &str =
    "id, reference, title, kind, target, body, link, languages, status, deadline, published_on, created_at, updated_at";

fn letter_from(row: &Row<'_>) -> rusqlite::Result<Letter> {
    let languages: String = row.get(7)?;
    Ok(Letter {
        id: row.get(0)?,
        reference: row.get(1)?,
        title: row.get(2)?,
        kind: row.get(3)?,
        target: row.get(4)?,
        body: row.get(5)?,
        link: row.get(6)?,
        languages: serde_json::from_str(&languages).unwrap_or_default(),
        status: row.get(8)?,
        deadline: row.get(9)?,
        published_on: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

fn audit_value<T: serde::Serialize>(value: &T) -> serde_json::Value {
    let mut value = serde_json::to_value(value).expect("serialisable");
    if let Some(map) = value.as_object_mut() {
        map.remove("created_at");
        map.remove("updated_at");
    }
    value
}

/// One letter by id.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Letter> {
    conn.prepare_cached(&format!("SELECT {LETTER_COLUMNS} FROM letters WHERE id = ?1"))?
        .query_row([id], letter_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no letter with id {id}")))
}

/// One letter by its reference (case ignored).
pub(crate) fn by_reference(conn: &Connection, reference: &str) -> Result<Letter> {
    let wanted = reference.trim().to_lowercase();
    conn.prepare_cached(&format!("SELECT {LETTER_COLUMNS} FROM letters WHERE reference = ?1"))?
        .query_row([&wanted], letter_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no letter with reference \"{}\"", reference.trim())))
}

fn ensure_unique_reference(conn: &Connection, reference: &str, except: Option<&str>) -> Result<()> {
    let existing: Option<(String, String)> = conn
        .prepare_cached("SELECT id, title FROM letters WHERE reference = ?1")?
        .query_row([reference], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    match existing {
        Some((id, title)) if Some(id.as_str()) != except => {
            Err(CoreError::invalid("reference", format!("reference \"{reference}\" is already used by \"{title}\"")))
        }
        _ => Ok(()),
    }
}

/// Validates and inserts a letter.
pub(crate) fn insert(conn: &Connection, input: &LetterInput) -> Result<Letter> {
    let valid = validate(input).map_err(CoreError::Invalid)?;
    ensure_unique_reference(conn, &valid.reference, None)?;
    let stamp = now();
    let letter = Letter {
        id: new_id(),
        reference: valid.reference,
        title: valid.title,
        kind: valid.kind,
        target: valid.target,
        body: valid.body,
        link: valid.link,
        languages: valid.languages,
        status: valid.status,
        deadline: valid.deadline,
        published_on: valid.published_on,
        created_at: stamp.clone(),
        updated_at: stamp,
    };
    write_letter(conn, &letter, true)?;
    audit::append(conn, LETTER, &letter.id, "create", None, Some(&audit_value(&letter)))?;
    Ok(letter)
}

fn write_letter(conn: &Connection, letter: &Letter, insert: bool) -> Result<()> {
    let languages = serde_json::to_string(&letter.languages).expect("serialisable");
    if insert {
        conn.prepare_cached(
            "INSERT INTO letters (id, reference, title, kind, target, body, link, languages, status, deadline, published_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        )?
        .execute(params![
            letter.id, letter.reference, letter.title, letter.kind, letter.target, letter.body, letter.link, languages,
            letter.status, letter.deadline, letter.published_on, letter.created_at
        ])?;
    } else {
        conn.prepare_cached(
            "UPDATE letters SET reference = ?2, title = ?3, kind = ?4, target = ?5, body = ?6, link = ?7, languages = ?8,
             status = ?9, deadline = ?10, published_on = ?11, updated_at = ?12 WHERE id = ?1",
        )?
        .execute(params![
            letter.id, letter.reference, letter.title, letter.kind, letter.target, letter.body, letter.link, languages,
            letter.status, letter.deadline, letter.published_on, letter.updated_at
        ])?;
    }
    Ok(())
}

/// Validates and applies an edit; an edit that changes nothing writes nothing.
pub(crate) fn update(conn: &Connection, id: &str, input: &LetterInput) -> Result<Letter> {
    let current = get(conn, id)?;
    let valid = validate(input).map_err(CoreError::Invalid)?;
    ensure_unique_reference(conn, &valid.reference, Some(id))?;
    let mut next = Letter {
        reference: valid.reference,
        title: valid.title,
        kind: valid.kind,
        target: valid.target,
        body: valid.body,
        link: valid.link,
        languages: valid.languages,
        status: valid.status,
        deadline: valid.deadline,
        published_on: valid.published_on,
        ..current.clone()
    };
    let Some((before, after)) = audit::diff(&audit_value(&current), &audit_value(&next)) else {
        return Ok(current);
    };
    next.updated_at = now();
    write_letter(conn, &next, false)?;
    audit::append(conn, LETTER, id, "update", Some(&before), Some(&after))?;
    Ok(next)
}

const COUNTS_SQL: &str = "count(CASE WHEN s.invited_on IS NOT NULL OR s.state = 'invited' THEN 1 END),
    count(CASE WHEN s.state = 'signed' THEN 1 END),
    count(CASE WHEN s.state = 'declined' THEN 1 END),
    count(CASE WHEN s.state = 'withdrawn' THEN 1 END),
    count(CASE WHEN s.state = 'invited' THEN 1 END)";

fn counts_from(row: &Row<'_>, first: usize) -> rusqlite::Result<SignatureCounts> {
    Ok(SignatureCounts {
        invited: row.get(first)?,
        signed: row.get(first + 1)?,
        declined: row.get(first + 2)?,
        withdrawn: row.get(first + 3)?,
        silent: row.get(first + 4)?,
    })
}

/// The counts of one letter: one indexed aggregate.
pub(crate) fn counts(conn: &Connection, letter_id: &str) -> Result<SignatureCounts> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COUNTS_SQL} FROM signatures s WHERE s.letter_id = ?1"))?
        .query_row([letter_id], |row| counts_from(row, 0))?)
}

/// Every letter with its counts, newest first: one query.
pub(crate) fn list(conn: &Connection) -> Result<Vec<LetterSummary>> {
    let columns: String = LETTER_COLUMNS.split(", ").map(|c| format!("l.{c}")).collect::<Vec<_>>().join(", ");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {columns}, {COUNTS_SQL} FROM letters l LEFT JOIN signatures s ON s.letter_id = l.id
         GROUP BY l.id ORDER BY l.created_at DESC, l.id DESC"
    ))?;
    let rows = stmt.query_map([], |row| Ok(LetterSummary { letter: letter_from(row)?, counts: counts_from(row, 13)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const SIGNATURE_SELECT: &str = "SELECT s.id, s.letter_id, s.organisation_id, o.name, o.short_name, o.country, s.state,
    s.invited_on, s.signed_on, s.declined_on, s.withdrawn_on, s.withdrawal_reason, s.channel, s.publish_organisation,
    s.publish_signer, s.display_name, s.signer_name, s.signer_title, s.signer_person_id
    FROM signatures s JOIN organisations o ON o.id = s.organisation_id";

fn signature_from(row: &Row<'_>) -> rusqlite::Result<Signature> {
    Ok(Signature {
        id: row.get(0)?,
        letter_id: row.get(1)?,
        organisation_id: row.get(2)?,
        organisation_name: row.get(3)?,
        organisation_short_name: row.get(4)?,
        country: row.get(5)?,
        state: row.get(6)?,
        invited_on: row.get(7)?,
        signed_on: row.get(8)?,
        declined_on: row.get(9)?,
        withdrawn_on: row.get(10)?,
        withdrawal_reason: row.get(11)?,
        channel: row.get(12)?,
        publish_organisation: row.get(13)?,
        publish_signer: row.get(14)?,
        display_name: row.get(15)?,
        signer_name: row.get(16)?,
        signer_title: row.get(17)?,
        signer_person_id: row.get(18)?,
    })
}

/// Every signature of a letter, by organisation name.
pub(crate) fn signatures(conn: &Connection, letter_id: &str) -> Result<Vec<Signature>> {
    let mut stmt = conn.prepare_cached(&format!("{SIGNATURE_SELECT} WHERE s.letter_id = ?1 ORDER BY o.name_key"))?;
    let rows = stmt.query_map([letter_id], signature_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The signature of one organisation on one letter, if any.
pub(crate) fn signature_of(conn: &Connection, letter_id: &str, organisation_id: &str) -> Result<Option<Signature>> {
    Ok(conn
        .prepare_cached(&format!("{SIGNATURE_SELECT} WHERE s.letter_id = ?1 AND s.organisation_id = ?2"))?
        .query_row([letter_id, organisation_id], signature_from)
        .optional()?)
}

/// Whether a write created, changed or left a signature as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    Created,
    Updated,
    Unchanged,
}

/// A signer's name and title from the person on record: their display name, and their job
/// title in the affiliation to the organisation that was current on `date` (or the latest).
fn signer_defaults(conn: &Connection, person_id: &str, organisation_id: &str, date: &str) -> Result<(String, Option<String>)> {
    let name: Option<String> = conn
        .prepare_cached("SELECT display_name FROM people WHERE id = ?1")?
        .query_row([person_id], |r| r.get(0))
        .optional()?;
    let name = name.ok_or_else(|| CoreError::invalid("signer_person_id", format!("no person with id {person_id}")))?;
    let title: Option<String> = conn
        .prepare_cached(
            "SELECT job_title FROM affiliations
             WHERE person_id = ?1 AND organisation_id = ?2 AND job_title IS NOT NULL
             ORDER BY (coalesce(starts_on, '') <= ?3 AND coalesce(ends_on, '9999-12-31') >= ?3) DESC, coalesce(starts_on, '') DESC
             LIMIT 1",
        )?
        .query_row(params![person_id, organisation_id, date], |r| r.get(0))
        .optional()?;
    Ok((name, title))
}

/// The one person affiliated (now or before) with the organisation whose name folds like
/// `name`, so that a signer typed or imported by name is linked to the person on record.
fn affiliated_person_named(conn: &Connection, organisation_id: &str, name: &str) -> Result<Option<String>> {
    let key = crate::text::fold(name);
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT DISTINCT p.id FROM people p JOIN affiliations a ON a.person_id = p.id
             WHERE p.name_key = ?1 AND a.organisation_id = ?2 AND p.archived = 0 LIMIT 2",
        )?
        .query_map(params![key, organisation_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if ids.len() == 1 { ids.into_iter().next() } else { None })
}

fn clean(value: Option<&str>) -> Option<String> {
    value.map(tidy).filter(|v| !v.is_empty())
}

/// Records or changes one organisation's signature. The state's date is set (today when not
/// given); earlier states keep theirs, so the history of the signature stays readable.
pub(crate) fn set_signature(conn: &Connection, letter_id: &str, organisation_id: &str, input: &SignatureInput) -> Result<(Signature, Written)> {
    get(conn, letter_id)?;
    crate::organisations::store::get(conn, organisation_id)?;
    let date = optional_date("date", input.date.as_deref()).map_err(|e| CoreError::Invalid(vec![e]))?.unwrap_or_else(today);
    let current = signature_of(conn, letter_id, organisation_id)?;
    let mut next = current.clone().unwrap_or_else(|| Signature {
        id: new_id(),
        letter_id: letter_id.into(),
        organisation_id: organisation_id.into(),
        organisation_name: String::new(),
        organisation_short_name: None,
        country: String::new(),
        state: input.state,
        invited_on: None,
        signed_on: None,
        declined_on: None,
        withdrawn_on: None,
        withdrawal_reason: None,
        channel: None,
        publish_organisation: true,
        publish_signer: false,
        display_name: None,
        signer_name: None,
        signer_title: None,
        signer_person_id: None,
    });
    let state_changed = current.as_ref().map(|c| c.state != input.state).unwrap_or(true);
    next.state = input.state;
    if state_changed || input.date.is_some() {
        let day = Some(iso(date));
        match input.state {
            SignatureState::Invited => next.invited_on = day,
            SignatureState::Signed => next.signed_on = day,
            SignatureState::Declined => next.declined_on = day,
            SignatureState::Withdrawn => next.withdrawn_on = day,
        }
    }
    if input.state == SignatureState::Withdrawn {
        next.withdrawal_reason = clean(input.withdrawal_reason.as_deref()).or(next.withdrawal_reason);
    }
    next.channel = input.channel.or(next.channel);
    next.publish_organisation = input.publish_organisation;
    next.publish_signer = input.publish_signer;
    next.display_name = clean(input.display_name.as_deref());
    next.signer_name = clean(input.signer_name.as_deref());
    next.signer_title = clean(input.signer_title.as_deref());
    next.signer_person_id = input.signer_person_id.as_deref().map(str::trim).filter(|id| !id.is_empty()).map(str::to_string);
    if next.signer_person_id.is_none() {
        if let Some(name) = &next.signer_name {
            next.signer_person_id = affiliated_person_named(conn, organisation_id, name)?;
        }
    }
    if let Some(person_id) = &next.signer_person_id {
        let (name, title) = signer_defaults(conn, person_id, organisation_id, &iso(date))?;
        next.signer_name = next.signer_name.take().or(Some(name));
        next.signer_title = next.signer_title.take().or(title);
    }
    let stamp = now();
    let written = match &current {
        None => {
            conn.prepare_cached(
                "INSERT INTO signatures (id, letter_id, organisation_id, state, invited_on, signed_on, declined_on, withdrawn_on,
                 withdrawal_reason, channel, publish_organisation, publish_signer, display_name, signer_name, signer_title,
                 signer_person_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
            )?
            .execute(params![
                next.id, next.letter_id, next.organisation_id, next.state, next.invited_on, next.signed_on, next.declined_on,
                next.withdrawn_on, next.withdrawal_reason, next.channel, next.publish_organisation, next.publish_signer,
                next.display_name, next.signer_name, next.signer_title, next.signer_person_id, stamp
            ])?;
            audit::append(conn, SIGNATURE, &next.id, "create", None, Some(&audit_value(&next)))?;
            Written::Created
        }
        Some(current) => match audit::diff(&audit_value(current), &audit_value(&next)) {
            None => Written::Unchanged,
            Some((before, after)) => {
                conn.prepare_cached(
                    "UPDATE signatures SET state = ?2, invited_on = ?3, signed_on = ?4, declined_on = ?5, withdrawn_on = ?6,
                     withdrawal_reason = ?7, channel = ?8, publish_organisation = ?9, publish_signer = ?10, display_name = ?11,
                     signer_name = ?12, signer_title = ?13, signer_person_id = ?15, updated_at = ?14 WHERE id = ?1",
                )?
                .execute(params![
                    next.id, next.state, next.invited_on, next.signed_on, next.declined_on, next.withdrawn_on,
                    next.withdrawal_reason, next.channel, next.publish_organisation, next.publish_signer, next.display_name,
                    next.signer_name, next.signer_title, stamp, next.signer_person_id
                ])?;
                audit::append(conn, SIGNATURE, &next.id, "update", Some(&before), Some(&after))?;
                Written::Updated
            }
        },
    };
    let saved = signature_of(conn, letter_id, organisation_id)?.expect("just written");
    Ok((saved, written))
}

fn segment_filter(segment: &InviteSegment) -> (String, Vec<SqlValue>) {
    let mut clauses = vec!["o.archived = 0".to_string()];
    let mut values = Vec::new();
    if !segment.statuses.is_empty() {
        clauses.push(format!("m.status IN ({})", vec!["?"; segment.statuses.len()].join(", ")));
        values.extend(segment.statuses.iter().map(|s| SqlValue::Text(s.as_str().into())));
    }
    if !segment.countries.is_empty() {
        clauses.push(format!("o.country IN ({})", vec!["?"; segment.countries.len()].join(", ")));
        values.extend(segment.countries.iter().map(|c| SqlValue::Text(c.trim().to_ascii_uppercase())));
    }
    (clauses.join(" AND "), values)
}

/// Invites every organisation of a segment that has no signature on the letter yet.
/// Returns how many were invited.
pub(crate) fn invite(conn: &Connection, letter_id: &str, segment: &InviteSegment, on: Option<&str>) -> Result<u32> {
    get(conn, letter_id)?;
    let date = optional_date("date", on).map_err(|e| CoreError::Invalid(vec![e]))?.unwrap_or_else(today);
    let (filter, mut values) = segment_filter(segment);
    values.push(SqlValue::Text(letter_id.into()));
    let ids: Vec<String> = conn
        .prepare(&format!(
            "SELECT o.id FROM organisations o LEFT JOIN memberships m ON m.organisation_id = o.id
             WHERE {filter} AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.organisation_id = o.id AND s.letter_id = ?)
             ORDER BY o.name_key"
        ))?
        .query_map(params_from_iter(values.iter()), |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let input = SignatureInput { state: SignatureState::Invited, date: Some(iso(date)), ..Default::default() };
    for id in &ids {
        set_signature(conn, letter_id, id, &input)?;
    }
    Ok(ids.len() as u32)
}

/// Organisations of a segment that have not signed (or have withdrawn), with their addresses.
pub(crate) fn not_yet_signed(conn: &Connection, letter_id: &str, segment: &InviteSegment) -> Result<Vec<NotYetSigned>> {
    get(conn, letter_id)?;
    let (filter, mut values) = segment_filter(segment);
    values.insert(0, SqlValue::Text(letter_id.into()));
    let mut stmt = conn.prepare(&format!(
        "SELECT o.id, o.name, o.country, s.state, o.email
         FROM organisations o LEFT JOIN memberships m ON m.organisation_id = o.id
         LEFT JOIN signatures s ON s.organisation_id = o.id AND s.letter_id = ?
         WHERE {filter} AND (s.state IS NULL OR s.state <> 'signed')
         ORDER BY o.name_key"
    ))?;
    let rows = stmt.query_map(params_from_iter(values.iter()), |row| {
        let email: Option<String> = row.get(4)?;
        Ok((
            NotYetSigned {
                organisation_id: row.get(0)?,
                name: row.get(1)?,
                country: row.get(2)?,
                state: row.get(3)?,
                emails: Vec::new(),
                contacts: Vec::new(),
            },
            email,
        ))
    })?;
    let rows: Vec<(NotYetSigned, Option<String>)> = rows.collect::<rusqlite::Result<_>>()?;
    // Every current focal point with an email, in one query, preferred email first.
    let mut focal: std::collections::HashMap<String, Vec<NotSignedContact>> = std::collections::HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.organisation_id, p.id, p.display_name,
                (SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.position LIMIT 1) AS email
         FROM affiliations a JOIN people p ON p.id = a.person_id
         WHERE a.focal_point = 1 AND p.archived = 0 AND {}
         ORDER BY p.family_key",
        crate::people::store::current("a")
    ))?;
    let mut found = stmt.query([])?;
    while let Some(row) = found.next()? {
        let Some(email) = row.get::<_, Option<String>>(3)? else { continue };
        focal.entry(row.get(0)?).or_default().push(NotSignedContact { name: Some(row.get(2)?), person_id: Some(row.get(1)?), email });
    }
    Ok(rows
        .into_iter()
        .map(|(mut org, email)| {
            org.contacts = match focal.remove(&org.organisation_id) {
                Some(contacts) => contacts,
                None => email.into_iter().map(|email| NotSignedContact { name: None, person_id: None, email }).collect(),
            };
            org.emails = org.contacts.iter().map(|c| c.email.clone()).collect();
            org
        })
        .collect())
}

/// The published list of a letter: signed signatures whose organisation may be named; the
/// signer only where the signer consented. Also how many signers were shown without their name and title because
/// they are flagged sensitive (their organisation's signature stays on the list); with
/// `include_sensitive` (on purpose) they keep their name.
pub(crate) fn published_list_with(conn: &Connection, letter: &Letter, include_sensitive: bool) -> Result<(PublishedList, u64)> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT o.name, coalesce(s.display_name, o.name), o.country,
                CASE WHEN s.publish_signer = 1 AND NOT hidden THEN s.signer_name END,
                CASE WHEN s.publish_signer = 1 AND NOT hidden AND s.signer_name IS NOT NULL THEN s.signer_title END,
                s.signed_on, s.publish_organisation, {},
                s.publish_signer = 1 AND s.signer_name IS NOT NULL AND hidden
         FROM (SELECT s.*, (?2 = 0 AND EXISTS (SELECT 1 FROM people sp WHERE sp.id = s.signer_person_id AND sp.sensitive = 1)) AS hidden
               FROM signatures s WHERE s.letter_id = ?1 AND s.state = 'signed') s
         JOIN organisations o ON o.id = s.organisation_id",
        crate::seats::store::STEERING_TODAY
    ))?;
    let mut signatories = Vec::new();
    let mut unnamed = 0;
    let mut hidden = 0u64;
    let mut rows = stmt.query(rusqlite::params![&letter.id, include_sensitive])?;
    while let Some(row) = rows.next()? {
        if row.get::<_, bool>(8)? {
            hidden += 1;
        }
        let publish: bool = row.get(6)?;
        if !publish {
            unnamed += 1;
            continue;
        }
        signatories.push(PublishedSignatory {
            organisation: row.get(0)?,
            display_name: row.get(1)?,
            country: row.get(2)?,
            signer_name: row.get(3)?,
            signer_title: row.get(4)?,
            signed_on: row.get(5)?,
            steering: row.get(7)?,
        });
    }
    Ok((PublishedList { reference: letter.reference.clone(), title: letter.title.clone(), signatories, unnamed }, hidden))
}

/// The export choices remembered for a letter.
pub(crate) fn export_choices(conn: &Connection, letter_id: &str) -> Result<Option<ExportOptions>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT export_choices FROM letters WHERE id = ?1")?
        .query_row([letter_id], |row| row.get(0))
        .optional()?
        .flatten();
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Remembers the export choices for a letter (a preference: not audited).
pub(crate) fn remember_export_choices(conn: &Connection, letter_id: &str, choices: &ExportOptions) -> Result<()> {
    conn.prepare_cached("UPDATE letters SET export_choices = ?2 WHERE id = ?1")?
        .execute(params![letter_id, serde_json::to_string(choices).expect("serialisable")])?;
    Ok(())
}

/// A page of the signature matrix: three queries whatever its size.
pub(crate) fn matrix(conn: &Connection, query: &MatrixQuery) -> Result<SignatureMatrix> {
    let letters: Vec<MatrixLetter> = conn
        .prepare_cached("SELECT id, reference, title FROM letters ORDER BY created_at, id")?
        .query_map([], |row| Ok(MatrixLetter { id: row.get(0)?, reference: row.get(1)?, title: row.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let mut clauses = vec!["o.archived = 0".to_string()];
    let mut values: Vec<SqlValue> = Vec::new();
    if !query.statuses.is_empty() {
        clauses.push(format!("m.status IN ({})", vec!["?"; query.statuses.len()].join(", ")));
        values.extend(query.statuses.iter().map(|s| SqlValue::Text(s.as_str().into())));
    }
    if query.only_with_signatures {
        clauses.push("EXISTS (SELECT 1 FROM signatures s WHERE s.organisation_id = o.id)".into());
    }
    let filter = clauses.join(" AND ");
    let from = format!("FROM organisations o LEFT JOIN memberships m ON m.organisation_id = o.id WHERE {filter}");
    let total: u32 = conn.prepare(&format!("SELECT count(*) {from}"))?.query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let limit = query.limit.clamp(1, 1000);
    let mut rows: Vec<MatrixRow> = conn
        .prepare(&format!(
            "SELECT o.id, o.name, o.country, m.status {from} ORDER BY o.name_key LIMIT {limit} OFFSET {}",
            query.offset
        ))?
        .query_map(params_from_iter(values.iter()), |row| {
            Ok(MatrixRow {
                organisation_id: row.get(0)?,
                name: row.get(1)?,
                country: row.get(2)?,
                membership_status: row.get(3)?,
                cells: vec![None; letters.len()],
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if !rows.is_empty() && !letters.is_empty() {
        let row_of: std::collections::HashMap<&str, usize> =
            rows.iter().enumerate().map(|(i, r)| (r.organisation_id.as_str(), i)).collect();
        let column_of: std::collections::HashMap<&str, usize> =
            letters.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
        let ids: Vec<SqlValue> = rows.iter().map(|r| SqlValue::Text(r.organisation_id.clone())).collect();
        let mut stmt = conn.prepare(&format!(
            "SELECT organisation_id, letter_id, state FROM signatures WHERE organisation_id IN ({})",
            vec!["?"; ids.len()].join(", ")
        ))?;
        let cells: Vec<(String, String, SignatureState)> = stmt
            .query_map(params_from_iter(ids.iter()), |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut placed = Vec::with_capacity(cells.len());
        for (organisation, letter, state) in cells {
            if let (Some(&r), Some(&c)) = (row_of.get(organisation.as_str()), column_of.get(letter.as_str())) {
                placed.push((r, c, state));
            }
        }
        for (r, c, state) in placed {
            rows[r].cells[c] = Some(state);
        }
    }
    Ok(SignatureMatrix { letters, rows, total })
}
