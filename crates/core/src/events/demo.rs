//! The demo event: ECLAG's first high-level event, Brussels, 20 March 2023 (DOMAIN notes):
//! keynotes by the MEPs Javier Zarzalejos and Hilde Vautmans, Ashton Kutcher (co-founder of
//! Thorn) and Mié Kohiyama, then a panel of Mié Kohiyama, Heidi De Pauw, Michael Tunks and
//! Cathal Delaney. Speakers are looked up by family name and skipped when absent (other demo
//! loaders create them); Ashton Kutcher is created when missing. Loading it twice adds nothing.

use rusqlite::{Connection, OptionalExtension};

use super::model::*;
use crate::error::Result;
use crate::people::{AffiliationInput, PersonInput};
use crate::text::fold;

const REFERENCE: &str = "eclag-hle-2023";

/// The steering group, who organised it.
const ORGANISERS: &[&str] = &[
    "Brave Movement",
    "ECPAT International",
    "Eurochild",
    "Missing Children Europe",
    "Internet Watch Foundation",
    "Terre des Hommes",
    "Thorn",
];

fn person_by_family(conn: &Connection, family: &str) -> Result<Option<String>> {
    let key = fold(family);
    Ok(conn
        .prepare_cached(
            "SELECT id FROM people WHERE family_key = ?1 OR family_key LIKE ?2 ESCAPE '\\'
             ORDER BY archived, created_at LIMIT 1",
        )?
        .query_row([key.clone(), format!("{} %", crate::text::like_escape(&key))], |r| r.get(0))
        .optional()?)
}

fn organisation(conn: &Connection, name: &str) -> Result<Option<String>> {
    Ok(crate::organisations::store::find_by_name_key(conn, &fold(name))?.map(|o| o.id))
}

fn kutcher(conn: &Connection) -> Result<String> {
    if let Some(id) = person_by_family(conn, "Kutcher")? {
        return Ok(id);
    }
    let person = crate::people::store::insert(
        conn,
        &PersonInput {
            given_name: "Ashton".into(),
            family_name: "Kutcher".into(),
            country: Some("US".into()),
            languages: vec!["en".into()],
            ..Default::default()
        },
    )?;
    if let Some(thorn) = organisation(conn, "Thorn")? {
        crate::people::store::add_affiliation(
            conn,
            &person.id,
            &AffiliationInput { organisation_id: thorn, job_title: Some("Co-founder".into()), ..Default::default() },
        )?;
    }
    Ok(person.id)
}

fn speakers(conn: &Connection, names: &[&str], role: SpeakerRole) -> Result<Vec<SpeakerInput>> {
    let mut out = Vec::new();
    for family in names {
        let id = if *family == "Kutcher" { Some(kutcher(conn)?) } else { person_by_family(conn, family)? };
        if let Some(person_id) = id {
            out.push(SpeakerInput { person_id, role, state: SpeakerState::Confirmed });
        }
    }
    Ok(out)
}

/// Adds the demo event unless its reference is taken; returns how many events were added.
pub(crate) fn load(conn: &Connection) -> Result<u32> {
    let present: bool =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM events WHERE reference = ?1)")?.query_row([REFERENCE], |r| r.get(0))?;
    if present {
        return Ok(0);
    }
    let mut organiser_ids = Vec::new();
    for name in ORGANISERS {
        organiser_ids.extend(organisation(conn, name)?);
    }
    let event = super::store::insert(
        conn,
        &EventInput {
            reference: REFERENCE.into(),
            title: "ECLAG high-level event".into(),
            kind: EventKind::Conference,
            status: EventStatus::Held,
            time_zone: Some(super::DEFAULT_ZONE.into()),
            starts_at: "2023-03-20T09:30".into(),
            ends_at: "2023-03-20T13:00".into(),
            venue_name: Some("Brussels".into()),
            venue_address: None,
            venue_room: None,
            online_link: None,
            capacity: Some(120),
            organiser_ids,
            notes: Some("ECLAG's first high-level event on the regulation to prevent and combat child sexual abuse.".into()),
        },
    )?;
    let keynotes = speakers(conn, &["Zarzalejos", "Vautmans", "Kutcher", "Kohiyama"], SpeakerRole::KeynoteSpeaker)?;
    let panel = speakers(conn, &["Kohiyama", "De Pauw", "Tunks", "Delaney"], SpeakerRole::Panellist)?;
    let sessions = [
        ("Opening keynotes", SessionKind::Keynote, "2023-03-20T09:30", "2023-03-20T11:00", keynotes.clone()),
        ("Coffee break", SessionKind::Break, "2023-03-20T11:00", "2023-03-20T11:15", Vec::new()),
        ("Panel: keeping children safe online", SessionKind::Panel, "2023-03-20T11:15", "2023-03-20T12:30", panel.clone()),
        ("Networking lunch", SessionKind::Networking, "2023-03-20T12:30", "2023-03-20T13:00", Vec::new()),
    ];
    for (title, kind, starts_at, ends_at, speakers) in sessions {
        let input = SessionInput { title: title.into(), kind, starts_at: starts_at.into(), ends_at: ends_at.into(), notes: None, speakers };
        super::programme::add(conn, &event.id, &input)?;
    }
    // The speakers took part; invite them and mark them as having attended.
    let mut person_ids: Vec<String> = Vec::new();
    for speaker in keynotes.iter().chain(&panel) {
        if !person_ids.contains(&speaker.person_id) {
            person_ids.push(speaker.person_id.clone());
        }
    }
    super::participants::invite(conn, &event.id, &InviteTarget::People { person_ids })?;
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM event_participants WHERE event_id = ?1")?
        .query_map([&event.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        super::participants::check_in(conn, &id, true)?;
    }
    let checklist = [
        ("Book the venue", -60),
        ("Send the invitations", -30),
        ("Confirm the speakers", -14),
        ("Print the badges", -2),
        ("Send thank-you notes", 3),
    ];
    for (title, offset) in checklist {
        let input = EventTaskInput { title: title.into(), owner_person_id: None, due_on: None, due_offset_days: Some(offset), notes: None };
        super::tasks::add(conn, &event.id, &input)?;
    }
    let task_ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM tasks WHERE event_id = ?1")?
        .query_map([&event.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in task_ids {
        super::tasks::set_done(conn, &id, true)?;
    }
    Ok(1)
}
