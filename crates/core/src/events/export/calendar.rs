//! Calendar files (RFC 5545, through the `icalendar` crate): one VEVENT for the event, or one
//! for each session a speaker is on stage in.
//!
//! Times are written as UTC instants (`DTSTART:20230320T083000Z`), converted from the local
//! wall-clock times in the event's IANA zone, so that every calendar shows them right
//! whatever its own zone and across daylight-saving changes; the local times and the zone
//! are repeated in the description for people. The crate writes CRLF line endings and folds
//! lines at 75 octets.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike};

use super::{clean, hm, local_to_utc, venue_line, when_line, zone};
use crate::error::{CoreError, Result};
use crate::events::{Event, EventStatus, Session, Speaker, SpeakerRole, SpeakerState};

/// The product identifier written in every calendar file.
pub const PRODID: &str = "-//Coalition Desk//Events//EN";

/// The domain part of UIDs, so that a re-export updates the same calendar entry.
const UID_DOMAIN: &str = "coalition-desk.invalid";

/// Text for a TEXT value: line breaks kept as `\n`, other control characters dropped.
fn text(value: &str) -> String {
    value.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect()
}

fn status(status: EventStatus) -> icalendar::EventStatus {
    match status {
        EventStatus::Cancelled => icalendar::EventStatus::Cancelled,
        EventStatus::Confirmed | EventStatus::Held => icalendar::EventStatus::Confirmed,
        EventStatus::Idea | EventStatus::Planning => icalendar::EventStatus::Tentative,
    }
}

fn role_words(role: SpeakerRole) -> &'static str {
    match role {
        SpeakerRole::KeynoteSpeaker => "keynote speaker",
        SpeakerRole::Panellist => "panellist",
        SpeakerRole::Moderator => "moderator",
        SpeakerRole::Host => "host",
    }
}

fn state_words(state: SpeakerState) -> &'static str {
    match state {
        SpeakerState::ToAsk => "to ask",
        SpeakerState::Asked => "asked",
        SpeakerState::Confirmed => "confirmed",
        SpeakerState::Declined => "declined",
    }
}

/// Who is on stage in a session (declined speakers left out).
fn on_stage(session: &Session) -> String {
    session
        .speakers
        .iter()
        .filter(|s| s.state != SpeakerState::Declined)
        .map(|s| clean(&s.display_name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn parse_utc(instant: &str, field: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(instant)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| CoreError::invalid(field, format!("\"{instant}\" is not an RFC 3339 instant")))
}

fn base_event(event: &Event, uid: String, summary: &str, start: DateTime<Utc>, end: DateTime<Utc>) -> icalendar::Event {
    let mut vevent = icalendar::Event::new();
    vevent.uid(&uid).timestamp(Utc::now()).summary(&text(summary)).starts(start).ends(end).status(status(event.status));
    if let Some(venue) = venue_line(event) {
        vevent.location(&text(&venue));
    }
    if let Some(link) = event.online_link.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        vevent.url(link);
    }
    vevent
}

/// The event's VEVENT: its times, venue, status, and the programme in the description.
fn event_vevent(event: &Event, sessions: &[Session]) -> Result<icalendar::Event> {
    let start = parse_utc(&event.starts_utc, "starts_at")?;
    let end = parse_utc(&event.ends_utc, "ends_at")?;
    let mut description = vec![when_line(event)];
    if !sessions.is_empty() {
        description.push(String::new());
        for session in sessions {
            let stage = on_stage(session);
            let mut line = format!("{}–{} {}", hm(&session.starts_at), hm(&session.ends_at), clean(&session.title));
            if !stage.is_empty() {
                line.push_str(&format!(": {stage}"));
            }
            description.push(line);
        }
    }
    let mut vevent = base_event(event, format!("{}@{UID_DOMAIN}", event.id), &event.title, start, end);
    vevent.description(&text(&description.join("\n")));
    Ok(vevent.done())
}

/// A session's VEVENT for one of its speakers.
fn session_vevent(event: &Event, session: &Session, speaker: &Speaker) -> Result<icalendar::Event> {
    let tz = zone(event)?;
    let start = local_to_utc(&session.starts_at, tz)?;
    let end = local_to_utc(&session.ends_at, tz)?;
    let summary = format!("{} — {}", clean(&session.title), clean(&event.title));
    let mut description = vec![
        format!(
            "{}, {}–{} ({})",
            super::parse_local(&session.starts_at)?.format("%A %-d %B %Y"),
            hm(&session.starts_at),
            hm(&session.ends_at),
            event.time_zone
        ),
        format!(
            "{} speaks as {} ({}).",
            clean(&speaker.display_name),
            role_words(speaker.role),
            state_words(speaker.state)
        ),
    ];
    let stage = on_stage(session);
    if !stage.is_empty() {
        description.push(format!("On stage: {stage}"));
    }
    if let Some(notes) = session.notes.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        description.push(notes.to_string());
    }
    let uid = format!("{}-{}@{UID_DOMAIN}", session.id, speaker.person_id);
    let mut vevent = base_event(event, uid, &summary, start, end);
    vevent.description(&text(&description.join("\n")));
    Ok(vevent.done())
}

/// A calendar file: the event as one VEVENT, or, with `speaker_person_id`, one VEVENT for
/// each session that person speaks in (sessions they declined are left out). Returns the
/// text (CRLF line endings) and the number of VEVENTs.
pub fn calendar_ics(event: &Event, sessions: &[Session], speaker_person_id: Option<&str>) -> Result<(String, u32)> {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    let mut count = 0u32;
    match speaker_person_id.map(str::trim).filter(|id| !id.is_empty()) {
        None => {
            calendar.push(event_vevent(event, sessions)?);
            count = 1;
        }
        Some(person_id) => {
            let mut name = None;
            for session in sessions {
                let found = session.speakers.iter().find(|s| s.person_id == person_id);
                if let Some(speaker) = found {
                    name = Some(speaker.display_name.clone());
                    if speaker.state != SpeakerState::Declined {
                        calendar.push(session_vevent(event, session, speaker)?);
                        count += 1;
                    }
                }
            }
            if count == 0 {
                let who = name.map(|n| clean(&n)).unwrap_or_else(|| format!("person {person_id}"));
                return Err(CoreError::invalid(
                    "speaker_person_id",
                    format!("{who} is not on stage in any session of \"{}\"", clean(&event.title)),
                ));
            }
        }
    }
    let name = text(&event.title);
    calendar.append_property(("X-WR-CALNAME", name.as_str()));
    Ok((calendar.done().to_string(), count))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{event, programme};
    use super::*;

    fn lines(ics: &str) -> Vec<&str> {
        ics.split("\r\n").collect()
    }

    #[test]
    fn the_event_is_one_vevent_in_utc_with_crlf_and_folding() {
        let (ics, count) = calendar_ics(&event(), &programme().sessions, None).unwrap();
        assert_eq!(count, 1);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
        assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
        for line in lines(&ics) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        for needle in [
            "VERSION:2.0",
            "PRODID:-//Coalition Desk//Events//EN",
            "DTSTART:20230320T083000Z",
            "DTEND:20230320T120000Z",
            "UID:0190a000-0000-7000-8000-000000000001@coalition-desk.invalid",
            "STATUS:CONFIRMED",
            "SUMMARY:ECLAG high-level event: Protégeons les enfants",
            "LOCATION:Résidence Palace\\, Salle Polak\\, Rue de la Loi 155\\, 1040 Bruxelles",
            "09:30–11:00 Keynotes: Javier Zarzalejos\\, Hilde Vautmans\\, Mié Kohiyama",
        ] {
            assert!(unfolded.contains(needle), "{needle} not in {unfolded}");
        }
        assert!(unfolded.contains("DTSTAMP:"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn a_speaker_gets_one_vevent_per_session_they_are_on_stage_in() {
        let sessions = programme().sessions;
        let (ics, count) = calendar_ics(&event(), &sessions, Some("p-mie")).unwrap();
        assert_eq!(count, 2);
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("DTSTART:20230320T083000Z"));
        assert!(unfolded.contains("DTSTART:20230320T101500Z"));
        assert!(unfolded.contains("UID:s-panel-p-mie@coalition-desk.invalid"));
        assert!(unfolded.contains("Mié Kohiyama speaks as panellist (confirmed)."));
        // A declined speaker has no session to attend.
        let err = calendar_ics(&event(), &sessions, Some("p-tunks")).unwrap_err().to_string();
        assert!(err.starts_with("speaker_person_id: Michael Tunks is not on stage"), "{err}");
        assert!(calendar_ics(&event(), &sessions, Some("nobody")).is_err());
    }

    #[test]
    fn it_parses_back() {
        let (ics, _) = calendar_ics(&event(), &programme().sessions, Some("p-mie")).unwrap();
        let parsed: Calendar = ics.parse().expect("the calendar parses");
        let summaries: Vec<&str> = parsed.events().filter_map(|e| e.get_summary()).collect();
        assert_eq!(
            summaries,
            [
                "Keynotes — ECLAG high-level event: Protégeons les enfants",
                "Panel: détection et prévention — ECLAG high-level event: Protégeons les enfants"
            ]
        );
    }
}
