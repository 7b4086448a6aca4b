//! Event exports: the participant list (CSV, XLSX), name badges (PDF), calendar files (ICS)
//! and the run sheet (DOCX, PDF).
//!
//! The renderers are pure: they take the model's [`Event`], [`Programme`] and
//! [`Participant`]s and return the bytes of a file. [`export`] reads the event through the
//! events API, picks the participants, renders and writes the file whole or not at all.
//! Dietary and access needs are sensitive: they reach a file only in the participant list,
//! and only when [`EventExportOptions::include_needs`] asks for them.

mod badges;
mod calendar;
mod participants;
mod runsheet;

use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

pub use badges::badges_pdf;
pub use calendar::calendar_ics;
pub use participants::{participants_csv, participants_xlsx, NEEDS_COLUMNS, PARTICIPANT_COLUMNS};
pub use runsheet::{runsheet_docx, runsheet_pdf};

use super::{
    Event, EventExportFormat, EventExportKind, EventExportOptions, Participant, ParticipantRole, ParticipantState,
    Programme,
};
use crate::error::{CoreError, Result};
use crate::text::fold;
use crate::Store;

/// The formats each export comes in.
pub fn formats_for(what: EventExportKind) -> &'static [EventExportFormat] {
    match what {
        EventExportKind::Participants => &[EventExportFormat::Csv, EventExportFormat::Xlsx],
        EventExportKind::Badges => &[EventExportFormat::Pdf],
        EventExportKind::Ics => &[EventExportFormat::Ics],
        EventExportKind::Runsheet => &[EventExportFormat::Docx, EventExportFormat::Pdf],
    }
}

/// Refuses a format that does not suit what is exported, naming the ones that do.
pub fn check_format(options: &EventExportOptions) -> Result<()> {
    let allowed = formats_for(options.what);
    if allowed.contains(&options.format) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|f| f.as_str()).collect();
    Err(CoreError::invalid(
        "format",
        format!("{} cannot be exported as {}; choose {}", what_label(options.what), options.format, names.join(" or ")),
    ))
}

fn what_label(what: EventExportKind) -> &'static str {
    match what {
        EventExportKind::Participants => "the participant list",
        EventExportKind::Badges => "name badges",
        EventExportKind::Ics => "a calendar file",
        EventExportKind::Runsheet => "the run sheet",
    }
}

/// The file name extension of a format, without the dot.
pub fn file_extension(format: EventExportFormat) -> &'static str {
    format.as_str()
}

/// True for formats that are not text (they must not be written to a terminal).
pub fn is_binary(format: EventExportFormat) -> bool {
    matches!(format, EventExportFormat::Xlsx | EventExportFormat::Pdf | EventExportFormat::Docx)
}

/// The states exported when none are asked for: the people who have (or had) a seat.
pub const DEFAULT_STATES: [ParticipantState; 2] = [ParticipantState::Registered, ParticipantState::Attended];

/// The participants an export takes, in print order: only the asked states (registered and
/// attended by default), sorted by family name then name, case and accents ignored.
pub fn select_participants(participants: &[Participant], states: &[ParticipantState]) -> Vec<Participant> {
    let states: &[ParticipantState] = if states.is_empty() { &DEFAULT_STATES } else { states };
    let mut chosen: Vec<Participant> = participants.iter().filter(|p| states.contains(&p.state)).cloned().collect();
    chosen.sort_by_cached_key(|p| (fold(&p.family_name), fold(&p.display_name), p.id.clone()));
    chosen
}

/// Renders an export from the event's data. Returns the bytes and the number of rows, badges
/// or calendar events written. `participants` are those to print (see
/// [`select_participants`]); they may hold needs only when the options ask for them.
pub fn render(
    event: &Event,
    programme: &Programme,
    participants: &[Participant],
    options: &EventExportOptions,
) -> Result<(Vec<u8>, u32)> {
    check_format(options)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let needs = options.include_needs;
    match (options.what, options.format) {
        (EventExportKind::Participants, EventExportFormat::Csv) => {
            Ok((participants_csv(event, participants, needs)?, count(participants.len())))
        }
        (EventExportKind::Participants, _) => {
            Ok((participants_xlsx(event, participants, needs)?, count(participants.len())))
        }
        (EventExportKind::Badges, _) => Ok((badges_pdf(event, participants)?, count(participants.len()))),
        (EventExportKind::Ics, _) => {
            let (text, events) = calendar_ics(event, &programme.sessions, options.speaker_person_id.as_deref())?;
            Ok((text.into_bytes(), events))
        }
        (EventExportKind::Runsheet, EventExportFormat::Docx) => {
            Ok((runsheet_docx(event, programme)?, count(programme.sessions.len())))
        }
        (EventExportKind::Runsheet, _) => Ok((runsheet_pdf(event, programme)?, count(programme.sessions.len()))),
    }
}

/// Reads an event and renders an export of it in memory, from one consistent read. Returns
/// the bytes and the number of rows, badges or calendar events. People flagged sensitive are
/// left out (participants, speakers), see [`export_bytes_with`].
pub fn export_bytes(store: &Store, event_id: &str, options: &EventExportOptions) -> Result<(Vec<u8>, u32)> {
    export_bytes_with(store, event_id, options, false).map(|(bytes, count, _)| (bytes, count))
}

/// [`export_bytes`], with sensitive people included when `include_sensitive` (on purpose).
/// Also returns how many sensitive people were left out (participants and speakers; the
/// speaker a personal calendar is for is never left out of it).
pub fn export_bytes_with(
    store: &Store,
    event_id: &str,
    options: &EventExportOptions,
    include_sensitive: bool,
) -> Result<(Vec<u8>, u32, u64)> {
    check_format(options)?;
    let (detail, participants, sensitive) = store.read(|conn| {
        let detail = super::store::detail(conn, event_id)?;
        let participants = match options.what {
            EventExportKind::Participants | EventExportKind::Badges => {
                // Needs are read only for the participant list, and only when asked for.
                let needs = options.include_needs && options.what == EventExportKind::Participants;
                let states: &[ParticipantState] =
                    if options.states.is_empty() { &DEFAULT_STATES } else { &options.states };
                super::participants::all(conn, event_id, states, needs)?
            }
            EventExportKind::Ics | EventExportKind::Runsheet => Vec::new(),
        };
        let sensitive = if include_sensitive { Default::default() } else { crate::data_protection::store::sensitive_ids(conn)? };
        Ok((detail, participants, sensitive))
    })?;
    let mut left_out: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut participants = select_participants(&participants, &options.states);
    participants.retain(|p| {
        let keep = !sensitive.contains(&p.person_id);
        if !keep {
            left_out.insert(p.person_id.clone());
        }
        keep
    });
    let mut programme = detail.programme.clone();
    for session in &mut programme.sessions {
        session.speakers.retain(|s| {
            let keep = !sensitive.contains(&s.person_id) || options.speaker_person_id.as_deref() == Some(s.person_id.as_str());
            if !keep {
                left_out.insert(s.person_id.clone());
            }
            keep
        });
    }
    let (bytes, count) = render(&detail.event, &programme, &participants, options)?;
    Ok((bytes, count, left_out.len() as u64))
}

/// Saves an export to a file, written whole or not at all, and logs it. Returns the number
/// of rows, badges or calendar events written. Sensitive people are left out.
pub fn export(store: &Store, event_id: &str, options: &EventExportOptions, path: &Path) -> Result<u32> {
    export_with(store, event_id, options, path, false)
}

/// [`export`], with sensitive people included when `include_sensitive` (on purpose).
pub fn export_with(store: &Store, event_id: &str, options: &EventExportOptions, path: &Path, include_sensitive: bool) -> Result<u32> {
    let (bytes, count, left_out) = export_bytes_with(store, event_id, options, include_sensitive)?;
    crate::tabular::write_atomically(path, |out| {
        out.write_all(&bytes)
            .map_err(|source| CoreError::Io { context: format!("cannot write {}", path.display()), source })
    })?;
    let entry = log_entry(store, event_id, options, count, left_out, include_sensitive)?;
    crate::data_protection::record_file(store, path, entry)?;
    Ok(count)
}

/// The export log's entry for an event export (`event.participants.csv`, `event.badges.pdf`,
/// `event.ics.ics`, `event.runsheet.docx`...).
pub fn log_entry(
    store: &Store,
    event_id: &str,
    options: &EventExportOptions,
    count: u32,
    left_out: u64,
    include_sensitive: bool,
) -> Result<crate::data_protection::ExportEntry> {
    let event = store.read(|conn| super::store::get(conn, event_id))?;
    let left_out = if include_sensitive {
        crate::data_protection::sensitive_count(store, &crate::data_protection::SensitiveScope::Event { event_id: event_id.into() })?
            .into()
    } else {
        left_out
    };
    let what = if options.what == EventExportKind::Ics { "calendar" } else { options.what.as_str() };
    Ok(crate::data_protection::ExportEntry::new(format!("event.{what}.{}", options.format.as_str()), count.into())
        .record(event.id.clone(), format!("{} {}", event.reference, event.title))
        .sensitive(include_sensitive, left_out))
}

/// A text as printed: spaces tidied, control characters dropped.
pub(crate) fn clean(text: &str) -> String {
    crate::letters::publish::order::clean(text)
}

/// The event's zone; an unknown name (which the store never holds) is refused.
pub(crate) fn zone(event: &Event) -> Result<Tz> {
    event
        .time_zone
        .parse::<Tz>()
        .map_err(|_| CoreError::invalid("time_zone", format!("unknown time zone \"{}\"", event.time_zone)))
}

/// Parses a stored local wall-clock time, `YYYY-MM-DDTHH:MM`.
pub(crate) fn parse_local(local: &str) -> Result<NaiveDateTime> {
    super::rules::local_time("starts_at", local).map_err(|e| CoreError::Invalid(vec![e]))
}

/// The UTC instant of a local time in a zone (the events' own rule: an hour repeated when
/// the clocks go back is its first occurrence; a skipped one is refused).
pub(crate) fn local_to_utc(local: &str, tz: Tz) -> Result<DateTime<Utc>> {
    super::rules::to_utc("starts_at", parse_local(local)?, tz).map_err(|e| CoreError::Invalid(vec![e]))
}

/// A check-in instant (RFC 3339) as local `YYYY-MM-DD HH:MM` in the event's zone.
pub(crate) fn checked_in_local(event: &Event, at: &str) -> String {
    match (DateTime::parse_from_rfc3339(at), zone(event)) {
        (Ok(instant), Ok(tz)) => instant.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
        _ => at.to_string(),
    }
}

/// "Guest", "Policy-maker"...: a participant's role as printed on a badge.
pub(crate) fn role_label(role: ParticipantRole) -> &'static str {
    match role {
        ParticipantRole::Guest => "Guest",
        ParticipantRole::Speaker => "Speaker",
        ParticipantRole::PolicyMaker => "Policy-maker",
        ParticipantRole::Press => "Press",
        ParticipantRole::Staff => "Staff",
        ParticipantRole::Organiser => "Organiser",
    }
}

/// "HH:MM" of a local time.
pub(crate) fn hm(local: &str) -> String {
    parse_local(local).map(|t| t.format("%H:%M").to_string()).unwrap_or_else(|_| local.to_string())
}

/// The event's date and times in its zone, such as
/// "Monday 20 March 2023, 09:30–13:00 (Europe/Brussels)".
pub(crate) fn when_line(event: &Event) -> String {
    let (Ok(start), Ok(end)) = (parse_local(&event.starts_at), parse_local(&event.ends_at)) else {
        return format!("{} – {} ({})", event.starts_at, event.ends_at, event.time_zone);
    };
    if start.date() == end.date() {
        format!(
            "{}, {}–{} ({})",
            start.format("%A %-d %B %Y"),
            start.format("%H:%M"),
            end.format("%H:%M"),
            event.time_zone
        )
    } else {
        format!(
            "{}, {} – {}, {} ({})",
            start.format("%A %-d %B %Y"),
            start.format("%H:%M"),
            end.format("%A %-d %B %Y"),
            end.format("%H:%M"),
            event.time_zone
        )
    }
}

/// Venue name, room and address (or the online link), joined for one line.
pub(crate) fn venue_line(event: &Event) -> Option<String> {
    let parts: Vec<String> = [&event.venue_name, &event.venue_room, &event.venue_address]
        .into_iter()
        .filter_map(|v| v.as_deref().map(clean).filter(|s| !s.is_empty()))
        .collect();
    match (parts.is_empty(), event.online_link.as_deref()) {
        (false, Some(link)) => Some(format!("{} · {}", parts.join(", "), clean(link))),
        (false, None) => Some(parts.join(", ")),
        (true, Some(link)) => Some(format!("Online: {}", clean(link))),
        (true, None) => None,
    }
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::testing::{event, participants};
    use super::*;

    #[test]
    fn every_format_that_suits_renders_and_others_are_refused() {
        let e = event();
        let programme = super::testing::programme();
        let people = select_participants(&participants(), &[]);
        for what in EventExportKind::ALL {
            for format in EventExportFormat::ALL {
                let options = EventExportOptions {
                    what: *what,
                    format: *format,
                    states: Vec::new(),
                    include_needs: false,
                    speaker_person_id: None,
                };
                let result = render(&e, &programme, &people, &options);
                if formats_for(*what).contains(format) {
                    let (bytes, _) = result.unwrap_or_else(|err| panic!("{what} as {format}: {err}"));
                    assert!(!bytes.is_empty());
                } else {
                    let err = result.expect_err("a mismatch is refused").to_string();
                    assert!(err.starts_with("format: "), "{err}");
                    assert!(err.contains(format.as_str()), "{err}");
                }
            }
        }
    }

    #[test]
    fn selection_defaults_to_seats_and_sorts_by_family_name_ignoring_accents() {
        let chosen = select_participants(&participants(), &[]);
        assert!(chosen.iter().all(|p| DEFAULT_STATES.contains(&p.state)));
        let families: Vec<&str> = chosen.iter().map(|p| p.family_name.as_str()).collect();
        let mut sorted = families.clone();
        sorted.sort_by_key(|f| fold(f));
        assert_eq!(families, sorted);
        let waitlisted = select_participants(&participants(), &[ParticipantState::Waitlisted]);
        assert!(waitlisted.iter().all(|p| p.state == ParticipantState::Waitlisted));
        assert!(!waitlisted.is_empty());
    }

    #[test]
    fn local_times_convert_across_daylight_saving() {
        let tz: Tz = "Europe/Brussels".parse().unwrap();
        assert_eq!(local_to_utc("2023-03-25T10:00", tz).unwrap().to_rfc3339(), "2023-03-25T09:00:00+00:00");
        assert_eq!(local_to_utc("2023-03-26T10:00", tz).unwrap().to_rfc3339(), "2023-03-26T08:00:00+00:00");
        // 02:30 does not exist on 26 March.
        assert!(local_to_utc("2023-03-26T02:30", tz).is_err());
        // 02:30 happens twice on 29 October: the first (summer time) is taken.
        assert_eq!(local_to_utc("2023-10-29T02:30", tz).unwrap().to_rfc3339(), "2023-10-29T00:30:00+00:00");
        assert!(local_to_utc("20 March", tz).is_err());
    }
}
