//! People SQL. Functions take the caller's connection (inside its transaction for writes)
//! and append to the audit log.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::model::*;
use super::rules::{email_key, resolve, validate, validate_affiliation, ValidAffiliation, ValidPerson};
use crate::audit;
use crate::error::{CoreError, Result};
use crate::organisations::SortDirection;
use crate::store::{new_id, now};
use crate::text::{fold, like_escape};

pub(crate) const ENTITY: &str = "person";

/// One person by id, with emails, phones and languages.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Person> {
    let mut person = conn
        .prepare_cached(
            "SELECT id, given_name, family_name, display_name, honorific, country, notes, archived, created_at, updated_at,
                    lawful_basis, source, consent_date, sensitive, sensitive_reason
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
                lawful_basis: r.get(10)?,
                source: r.get(11)?,
                consent_date: r.get(12)?,
                sensitive: r.get(13)?,
                sensitive_reason: r.get(14)?,
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

/// The audited form of a person: every field but the timestamps. An empty source or
/// sensitive reason is written `""`, not `null`: in a `PersonInput` (which undo rebuilds from
/// these values) an absent text keeps the stored one, and `""` clears it.
pub(crate) fn audit_value(person: &Person) -> serde_json::Value {
    let mut value = serde_json::to_value(person).expect("serialisable");
    if let Some(map) = value.as_object_mut() {
        map.remove("created_at");
        map.remove("updated_at");
        for key in ["source", "sensitive_reason"] {
            if map.get(key).is_some_and(serde_json::Value::is_null) {
                map.insert(key.into(), serde_json::Value::String(String::new()));
            }
        }
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
        "INSERT INTO people (id, given_name, family_name, display_name, honorific, family_key, name_key, country, notes, archived, created_at, updated_at,
                             lawful_basis, source, consent_date, sensitive, sensitive_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?10, ?11, ?12, ?13, ?14, ?15)",
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
        stamp,
        valid.lawful_basis,
        valid.source,
        valid.consent_date,
        valid.sensitive,
        valid.sensitive_reason,
    ])?;
    write_contacts(conn, &id, &valid)?;
    let person = get(conn, &id)?;
    audit::append(conn, ENTITY, &id, "create", None, Some(&audit_value(&person)))?;
    Ok(person)
}

pub(crate) const AFFILIATION: &str = "affiliation";

/// SQL that is true when the affiliation aliased `a` holds today.
pub(crate) fn current(alias: &str) -> String {
    format!("({alias}.ends_on IS NULL OR {alias}.ends_on > date('now', 'localtime'))")
}

fn sorted_languages(mut valid: ValidPerson) -> ValidPerson {
    valid.languages.sort();
    valid
}

/// Validates and applies an edit. Returns whether anything changed; an edit that changes
/// nothing writes nothing.
pub(crate) fn update(conn: &Connection, id: &str, input: &PersonInput) -> Result<(Person, bool)> {
    let current = get(conn, id)?;
    let valid = sorted_languages(validate(&resolve(input, &current)).map_err(CoreError::Invalid)?);
    let next = Person {
        given_name: valid.given_name.clone(),
        family_name: valid.family_name.clone(),
        display_name: valid.display_name.clone(),
        honorific: valid.honorific.clone(),
        country: valid.country.clone(),
        languages: valid.languages.clone(),
        emails: valid.emails.clone(),
        phones: valid.phones.clone(),
        notes: valid.notes.clone(),
        lawful_basis: valid.lawful_basis,
        source: valid.source.clone(),
        consent_date: valid.consent_date.clone(),
        sensitive: valid.sensitive,
        sensitive_reason: valid.sensitive_reason.clone(),
        ..current.clone()
    };
    let Some((before, after)) = audit::diff(&audit_value(&current), &audit_value(&next)) else {
        return Ok((current, false));
    };
    conn.prepare_cached(
        "UPDATE people SET given_name = ?2, family_name = ?3, display_name = ?4, honorific = ?5, family_key = ?6,
         name_key = ?7, country = ?8, notes = ?9, updated_at = ?10, lawful_basis = ?11, source = ?12, consent_date = ?13,
         sensitive = ?14, sensitive_reason = ?15 WHERE id = ?1",
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
        now(),
        valid.lawful_basis,
        valid.source,
        valid.consent_date,
        valid.sensitive,
        valid.sensitive_reason,
    ])?;
    write_contacts(conn, id, &valid)?;
    audit::append(conn, ENTITY, id, "update", Some(&before), Some(&after))?;
    Ok((get(conn, id)?, true))
}

/// Archives or restores. Doing it twice writes nothing.
pub(crate) fn set_archived(conn: &Connection, id: &str, archived: bool) -> Result<()> {
    let current = get(conn, id)?;
    if current.archived == archived {
        return Ok(());
    }
    conn.prepare_cached("UPDATE people SET archived = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![id, archived, now()])?;
    audit::append(
        conn,
        ENTITY,
        id,
        if archived { "archive" } else { "restore" },
        Some(&serde_json::json!({"archived": current.archived})),
        Some(&serde_json::json!({"archived": archived})),
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Affiliations

fn affiliation_select() -> String {
    format!(
        "SELECT a.id, a.person_id, a.organisation_id, o.name, a.job_title, a.starts_on, a.ends_on, a.focal_point, {}
         FROM affiliations a JOIN organisations o ON o.id = a.organisation_id",
        current("a")
    )
}

fn affiliation_from(r: &Row<'_>) -> rusqlite::Result<Affiliation> {
    Ok(Affiliation {
        id: r.get(0)?,
        person_id: r.get(1)?,
        organisation_id: r.get(2)?,
        organisation_name: r.get(3)?,
        job_title: r.get(4)?,
        starts_on: r.get(5)?,
        ends_on: r.get(6)?,
        focal_point: r.get(7)?,
        current: r.get(8)?,
    })
}

/// One affiliation.
pub(crate) fn get_affiliation(conn: &Connection, id: &str) -> Result<Affiliation> {
    conn.prepare_cached(&format!("{} WHERE a.id = ?1", affiliation_select()))?
        .query_row([id], affiliation_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no affiliation with id {id}")))
}

/// A person's affiliations: current first, then by end and start date, latest first.
pub(crate) fn affiliations(conn: &Connection, person_id: &str) -> Result<Vec<Affiliation>> {
    let sql = format!(
        "{} WHERE a.person_id = ?1 ORDER BY {} DESC, coalesce(a.ends_on, '9999-12-31') DESC, a.starts_on DESC, o.name_key",
        affiliation_select(),
        current("a")
    );
    Ok(conn.prepare_cached(&sql)?.query_map([person_id], affiliation_from)?.collect::<rusqlite::Result<_>>()?)
}

fn affiliation_audit(a: &Affiliation) -> serde_json::Value {
    serde_json::json!({
        "person_id": a.person_id,
        "organisation_id": a.organisation_id,
        "organisation": a.organisation_name,
        "job_title": a.job_title,
        "starts_on": a.starts_on,
        "ends_on": a.ends_on,
        "focal_point": a.focal_point,
    })
}

fn check_affiliation(conn: &Connection, input: &AffiliationInput) -> Result<ValidAffiliation> {
    let valid = validate_affiliation(input).map_err(CoreError::Invalid)?;
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ?1)")?
        .query_row([&valid.organisation_id], |r| r.get(0))?;
    if !exists {
        return Err(CoreError::invalid("organisation_id", format!("no organisation with id {}", valid.organisation_id)));
    }
    Ok(valid)
}

/// Adds an affiliation to a person.
pub(crate) fn add_affiliation(conn: &Connection, person_id: &str, input: &AffiliationInput) -> Result<Affiliation> {
    get(conn, person_id)?;
    let valid = check_affiliation(conn, input)?;
    let id = new_id();
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO affiliations (id, person_id, organisation_id, job_title, starts_on, ends_on, focal_point, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![id, person_id, valid.organisation_id, valid.job_title, valid.starts_on, valid.ends_on, valid.focal_point, stamp])?;
    let added = get_affiliation(conn, &id)?;
    audit::append(conn, AFFILIATION, &id, "create", None, Some(&affiliation_audit(&added)))?;
    Ok(added)
}

/// Edits an affiliation. Returns whether anything changed.
pub(crate) fn update_affiliation(conn: &Connection, id: &str, input: &AffiliationInput) -> Result<(Affiliation, bool)> {
    let current = get_affiliation(conn, id)?;
    let valid = check_affiliation(conn, input)?;
    let unchanged = current.organisation_id == valid.organisation_id
        && current.job_title == valid.job_title
        && current.starts_on == valid.starts_on
        && current.ends_on == valid.ends_on
        && current.focal_point == valid.focal_point;
    if unchanged {
        return Ok((current, false));
    }
    conn.prepare_cached(
        "UPDATE affiliations SET organisation_id = ?2, job_title = ?3, starts_on = ?4, ends_on = ?5, focal_point = ?6, updated_at = ?7
         WHERE id = ?1",
    )?
    .execute(params![id, valid.organisation_id, valid.job_title, valid.starts_on, valid.ends_on, valid.focal_point, now()])?;
    let next = get_affiliation(conn, id)?;
    if let Some((before, after)) = audit::diff(&affiliation_audit(&current), &affiliation_audit(&next)) {
        audit::append(conn, AFFILIATION, id, "update", Some(&before), Some(&after))?;
    }
    Ok((next, true))
}

/// Ends an affiliation on a date (today when none): history is kept.
pub(crate) fn end_affiliation(conn: &Connection, id: &str, on: Option<&str>) -> Result<Affiliation> {
    let current = get_affiliation(conn, id)?;
    let on = match on.map(str::trim).filter(|s| !s.is_empty()) {
        Some(date) => date.to_string(),
        None => crate::store::today().format("%Y-%m-%d").to_string(),
    };
    let input = AffiliationInput {
        organisation_id: current.organisation_id.clone(),
        job_title: current.job_title.clone(),
        starts_on: current.starts_on.clone(),
        ends_on: Some(on),
        focal_point: current.focal_point,
    };
    let valid = validate_affiliation(&input).map_err(CoreError::Invalid)?;
    if current.ends_on == valid.ends_on {
        return Ok(current);
    }
    conn.prepare_cached("UPDATE affiliations SET ends_on = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![id, valid.ends_on, now()])?;
    audit::append(
        conn,
        AFFILIATION,
        id,
        "end",
        Some(&serde_json::json!({"ends_on": current.ends_on})),
        Some(&serde_json::json!({"ends_on": valid.ends_on})),
    )?;
    get_affiliation(conn, id)
}

/// Deletes an affiliation entered by mistake (ending one keeps it instead).
pub(crate) fn delete_affiliation(conn: &Connection, id: &str) -> Result<String> {
    let current = get_affiliation(conn, id)?;
    conn.prepare_cached("DELETE FROM affiliations WHERE id = ?1")?.execute([id])?;
    audit::append(conn, AFFILIATION, id, "delete", Some(&affiliation_audit(&current)), None)?;
    Ok(current.person_id)
}

/// An organisation's people, current and former: current first, focal points first, then by
/// family name.
pub(crate) fn organisation_people(conn: &Connection, organisation_id: &str) -> Result<Vec<OrganisationPerson>> {
    let sql = format!(
        "SELECT a.id, p.id, p.display_name,
                (SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.position LIMIT 1),
                a.job_title, a.starts_on, a.ends_on, a.focal_point, {cur}
         FROM affiliations a JOIN people p ON p.id = a.person_id
         WHERE a.organisation_id = ?1 AND p.archived = 0
         ORDER BY {cur} DESC, a.focal_point DESC, p.family_key, a.starts_on DESC",
        cur = current("a")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([organisation_id], |r| {
        Ok(OrganisationPerson {
            affiliation_id: r.get(0)?,
            person_id: r.get(1)?,
            display_name: r.get(2)?,
            email: r.get(3)?,
            job_title: r.get(4)?,
            starts_on: r.get(5)?,
            ends_on: r.get(6)?,
            focal_point: r.get(7)?,
            current: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---------------------------------------------------------------------------------------
// Detail, duplicates

/// The latest interaction a person took part in.
pub(crate) fn last_contact(conn: &Connection, person_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT max(i.occurred_on) FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
             WHERE ip.person_id = ?1",
        )?
        .query_row([person_id], |r| r.get(0))?)
}

/// A person with affiliations, last contact, office and possible duplicates.
pub(crate) fn detail(conn: &Connection, id: &str) -> Result<PersonDetail> {
    let person = get(conn, id)?;
    let policy_maker: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM policy_makers WHERE person_id = ?1)")?
        .query_row([id], |r| r.get(0))?;
    Ok(PersonDetail {
        affiliations: affiliations(conn, id)?,
        last_contact: last_contact(conn, id)?,
        policy_maker,
        possible_duplicates: duplicates(conn, Some(id))?,
        person,
    })
}

fn duplicate_from(r: &Row<'_>) -> rusqlite::Result<PersonDuplicate> {
    let reason: String = r.get(4)?;
    Ok(PersonDuplicate {
        a: PersonRef { id: r.get(0)?, display_name: r.get(1)? },
        b: PersonRef { id: r.get(2)?, display_name: r.get(3)? },
        reason: if reason == "same_email" { PersonDuplicateReason::SameEmail } else { PersonDuplicateReason::SameNameSameOrganisation },
        shared: r.get(5)?,
    })
}

/// Possible duplicates among people not archived: a shared email, or the same folded name
/// with a current affiliation to the same organisation (CROSS JOIN keeps SQLite on the name
/// index first: starting from an organisation's staff is quadratic). With `person`, only the pairs with
/// that person (who is then `a`), found from their own emails and name through the indexes.
pub(crate) fn duplicates(conn: &Connection, person: Option<&str>) -> Result<Vec<PersonDuplicate>> {
    let ca = current("aa");
    let cb = current("ab");
    if let Some(id) = person {
        let sql = format!(
            "SELECT me.id, me.display_name, p.id, p.display_name, 'same_email', min(eb.email)
             FROM people me JOIN person_emails ea ON ea.person_id = me.id
             JOIN person_emails eb ON eb.email_key = ea.email_key AND eb.person_id <> me.id
             JOIN people p ON p.id = eb.person_id
             WHERE me.id = ?1 AND p.archived = 0
             GROUP BY p.id
             UNION ALL
             SELECT me.id, me.display_name, p.id, p.display_name, 'same_name_same_organisation', min(o.name)
             FROM people me CROSS JOIN people p ON p.name_key = me.name_key AND p.id <> me.id
             CROSS JOIN affiliations aa ON aa.person_id = me.id AND {ca}
             CROSS JOIN affiliations ab ON ab.person_id = p.id AND ab.organisation_id = aa.organisation_id AND {cb}
             JOIN organisations o ON o.id = aa.organisation_id
             WHERE me.id = ?1 AND p.archived = 0
             GROUP BY p.id
             ORDER BY 4"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let pairs = stmt.query_map([id], duplicate_from)?.collect::<rusqlite::Result<Vec<_>>>()?;
        return Ok(pairs);
    }
    let sql = format!(
        "SELECT pa.id, pa.display_name, pb.id, pb.display_name, 'same_email', min(ea.email)
         FROM person_emails ea JOIN person_emails eb ON eb.email_key = ea.email_key AND eb.person_id > ea.person_id
         JOIN people pa ON pa.id = ea.person_id JOIN people pb ON pb.id = eb.person_id
         WHERE pa.archived = 0 AND pb.archived = 0
         GROUP BY pa.id, pb.id
         UNION ALL
         SELECT pa.id, pa.display_name, pb.id, pb.display_name, 'same_name_same_organisation', min(o.name)
         FROM people pa CROSS JOIN people pb ON pb.name_key = pa.name_key AND pb.id > pa.id
         CROSS JOIN affiliations aa ON aa.person_id = pa.id AND {ca}
         CROSS JOIN affiliations ab ON ab.person_id = pb.id AND ab.organisation_id = aa.organisation_id AND {cb}
         JOIN organisations o ON o.id = aa.organisation_id
         WHERE pa.archived = 0 AND pb.archived = 0
         GROUP BY pa.id, pb.id
         ORDER BY 2, 4"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let pairs = stmt.query_map([], duplicate_from)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(pairs)
}

// ---------------------------------------------------------------------------------------
// The list

/// How a view's filters are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Every matching person (the count, an export): the language filter is read once from
    /// its own index as an `IN` list.
    Whole,
    /// A page among many matches: the language filter as a check per person, so that
    /// walking the sort's index stops at the page's end instead of first listing every match.
    Page,
}

fn filter_sql(query: &PersonQuery, reading: Reading) -> (String, Vec<SqlValue>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<SqlValue> = Vec::new();
    let organisation = query.organisation_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if !query.include_archived {
        // An organisation's people or the focal points are few: the page is read from them
        // (by id) and sorted, rather than by walking the whole list's index checking each
        // person against them; `+` keeps the `archived` indexes out of that choice.
        let selective = organisation.is_some() || query.focal_points_only;
        clauses.push(if selective { "+p.archived = 0" } else { "p.archived = 0" }.into());
    }
    let countries: Vec<String> =
        query.countries.iter().map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()).collect();
    if !countries.is_empty() {
        clauses.push(format!("p.country IN ({})", vec!["?"; countries.len()].join(", ")));
        values.extend(countries.into_iter().map(SqlValue::Text));
    }
    let languages: Vec<String> =
        query.languages.iter().map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()).collect();
    if !languages.is_empty() {
        let list = vec!["?"; languages.len()].join(", ");
        clauses.push(match reading {
            Reading::Whole => format!("p.id IN (SELECT l.person_id FROM person_languages l WHERE l.language IN ({list}))"),
            Reading::Page => format!("EXISTS (SELECT 1 FROM person_languages l WHERE l.person_id = p.id AND l.language IN ({list}))"),
        });
        values.extend(languages.into_iter().map(SqlValue::Text));
    }
    if organisation.is_some() || query.focal_points_only {
        let mut clause = format!("p.id IN (SELECT f.person_id FROM affiliations f WHERE {}", current("f"));
        if let Some(org) = organisation {
            clause.push_str(" AND f.organisation_id = ?");
            values.push(SqlValue::Text(org.to_string()));
        }
        if query.focal_points_only {
            clause.push_str(" AND f.focal_point = 1");
        }
        clause.push(')');
        clauses.push(clause);
    }
    match query.policy_makers {
        PolicyMakerFilter::All => {}
        PolicyMakerFilter::Only => clauses.push("EXISTS (SELECT 1 FROM policy_makers pm WHERE pm.person_id = p.id)".into()),
        PolicyMakerFilter::Exclude => {
            clauses.push("NOT EXISTS (SELECT 1 FROM policy_makers pm WHERE pm.person_id = p.id)".into())
        }
    }
    if let Some(text) = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let folded = format!("%{}%", like_escape(&fold(text)));
        let email = format!("%{}%", like_escape(&email_key(text)));
        // Always a list: the people a text matches are bunched along the name sorts ("müller"
        // sits among the M's), so a check per person would walk half the index for a page.
        clauses.push(
            "(p.name_key LIKE ? ESCAPE '\\' OR p.family_key LIKE ? ESCAPE '\\'
              OR p.id IN (SELECT s.person_id FROM person_emails s WHERE s.email_key LIKE ? ESCAPE '\\'))"
                .into(),
        );
        values.push(SqlValue::Text(folded.clone()));
        values.push(SqlValue::Text(folded));
        values.push(SqlValue::Text(email));
    }
    let sql = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    (sql, values)
}

/// The latest interaction a person took part in, kept by triggers (migration 0013).
const LAST_CONTACT: &str = "p.last_contact_on";

fn order_sql(query: &PersonQuery) -> String {
    let dir = match query.direction {
        SortDirection::Asc => "ASC",
        SortDirection::Desc => "DESC",
    };
    match query.sort {
        PersonSort::FamilyName => format!("ORDER BY p.family_key {dir}, p.id {dir}"),
        PersonSort::DisplayName => format!("ORDER BY p.name_key {dir}, p.id {dir}"),
        // Empty values last whichever the direction; ties by family name. Both read from an
        // index on these very terms (one per direction, migration 0013).
        PersonSort::LastContact => format!("ORDER BY {LAST_CONTACT} IS NULL, {LAST_CONTACT} {dir}, p.family_key ASC, p.id ASC"),
        PersonSort::Country => format!("ORDER BY p.country IS NULL, p.country {dir}, p.family_key ASC, p.id ASC"),
    }
}

fn row_select() -> String {
    format!(
        "SELECT p.id, p.display_name, p.given_name, p.family_name, p.honorific,
            (SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.position LIMIT 1),
            (SELECT ph.phone FROM person_phones ph WHERE ph.person_id = p.id ORDER BY ph.position LIMIT 1),
            p.country,
            (SELECT group_concat(language, ';') FROM (SELECT l.language FROM person_languages l WHERE l.person_id = p.id ORDER BY l.language)),
            a.organisation_id, o.name, a.job_title,
            EXISTS (SELECT 1 FROM affiliations f WHERE f.person_id = p.id AND f.focal_point = 1 AND {cf}),
            {LAST_CONTACT},
            EXISTS (SELECT 1 FROM policy_makers pm WHERE pm.person_id = p.id),
            p.archived, p.lawful_basis, p.source, p.consent_date, p.sensitive
         FROM people p
         LEFT JOIN affiliations a ON a.id = (SELECT c.id FROM affiliations c WHERE c.person_id = p.id AND {cc}
                                             ORDER BY c.focal_point DESC, c.starts_on DESC, c.created_at DESC LIMIT 1)
         LEFT JOIN organisations o ON o.id = a.organisation_id",
        cf = current("f"),
        cc = current("c"),
    )
}

fn row_from(r: &Row<'_>) -> rusqlite::Result<PersonRow> {
    let languages: Option<String> = r.get(8)?;
    Ok(PersonRow {
        id: r.get(0)?,
        display_name: r.get(1)?,
        given_name: r.get(2)?,
        family_name: r.get(3)?,
        honorific: r.get(4)?,
        email: r.get(5)?,
        phone: r.get(6)?,
        country: r.get(7)?,
        languages: languages.map(|l| l.split(';').map(str::to_string).collect()).unwrap_or_default(),
        organisation_id: r.get(9)?,
        organisation: r.get(10)?,
        job_title: r.get(11)?,
        focal_point: r.get(12)?,
        last_contact: r.get(13)?,
        policy_maker: r.get(14)?,
        archived: r.get(15)?,
        lawful_basis: r.get(16)?,
        source: r.get(17)?,
        consent_date: r.get(18)?,
        sensitive: r.get(19)?,
    })
}

/// Upper bound of one page.
pub const MAX_PAGE: u32 = 1000;

/// One page of the list: the total, the page's ids (indexed filter and sort), then the rows
/// of those ids in one query.
pub(crate) fn list(conn: &Connection, query: &PersonQuery) -> Result<PersonPage> {
    let (filter, values) = filter_sql(query, Reading::Whole);
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM people p {filter}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let limit = query.limit.clamp(1, MAX_PAGE);
    // Checking each person along the sort's index pays when the page ends well before the
    // matches run out; otherwise the matches are listed once (the same rows either way).
    let reading = if (u64::from(query.offset) + u64::from(limit)) * 4 <= u64::from(total) { Reading::Page } else { Reading::Whole };
    let (filter, values) = filter_sql(query, reading);
    let ids: Vec<String> = conn
        .prepare_cached(&format!("SELECT p.id FROM people p {filter} {} LIMIT {limit} OFFSET {}", order_sql(query), query.offset))?
        .query_map(params_from_iter(values.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if ids.is_empty() {
        return Ok(PersonPage { rows: vec![], total, offset: query.offset });
    }
    let sql = format!("{} WHERE p.id IN ({})", row_select(), vec!["?"; ids.len()].join(", "));
    let mut by_id: std::collections::HashMap<String, PersonRow> = conn
        .prepare(&sql)?
        .query_map(params_from_iter(ids.iter()), row_from)?
        .map(|row| row.map(|row| (row.id.clone(), row)))
        .collect::<rusqlite::Result<_>>()?;
    let rows = ids.iter().filter_map(|id| by_id.remove(id)).collect();
    Ok(PersonPage { rows, total, offset: query.offset })
}

/// Streams every row of a view (offset and limit ignored), in the view's order. People
/// flagged sensitive are left out unless the query includes them (`include_sensitive`).
pub(crate) fn for_each_row(conn: &Connection, query: &PersonQuery, mut each: impl FnMut(PersonRow) -> Result<()>) -> Result<u64> {
    let (mut filter, values) = filter_sql(query, Reading::Whole);
    if query.include_sensitive != Some(true) {
        filter = if filter.is_empty() { "WHERE p.sensitive = 0".into() } else { format!("{filter} AND p.sensitive = 0") };
    }
    let sql = format!("{} {filter} {}", row_select(), order_sql(query));
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(values.iter()))?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        each(row_from(row)?)?;
        count += 1;
    }
    Ok(count)
}

/// How many people of a view (archived ones as the view says) are flagged sensitive.
pub(crate) fn count_sensitive(conn: &Connection, query: &PersonQuery) -> Result<u64> {
    let (filter, values) = filter_sql(query, Reading::Whole);
    let filter = if filter.is_empty() { "WHERE p.sensitive = 1".into() } else { format!("{filter} AND p.sensitive = 1") };
    Ok(conn
        .prepare_cached(&format!("SELECT count(*) FROM people p {filter}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))? as u64)
}

/// The person an email belongs to, if any (the oldest when several share it).
pub(crate) fn find_by_email(conn: &Connection, email: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT p.id FROM person_emails e JOIN people p ON p.id = e.person_id WHERE e.email_key = ?1
             ORDER BY p.archived, p.created_at LIMIT 1",
        )?
        .query_row([email_key(email)], |r| r.get(0))
        .optional()?)
}
