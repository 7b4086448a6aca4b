//! Validation of events, sessions and tasks, and the time-zone rules: local wall-clock
//! times in an IANA zone, turned into UTC instants (a time in the spring-forward gap is
//! refused; an ambiguous one in the fall-back hour takes the earlier instant).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::{OffsetName, Tz};

use super::model::{EventInput, EventKind, EventStatus, EventTaskInput, SessionInput, SpeakerInput};
use crate::error::FieldError;
use crate::memberships::rules::{iso, optional_date};
use crate::text::tidy;

/// The zone of an event when none is given.
pub const DEFAULT_ZONE: &str = "Europe/Brussels";

/// The stored form of a local time.
const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

fn optional(value: Option<&str>) -> Option<String> {
    value.map(tidy).filter(|v| !v.is_empty())
}

/// Parses an IANA zone name (`Europe/Brussels`); empty means the default.
pub(crate) fn zone(field: &str, input: Option<&str>) -> Result<Tz, FieldError> {
    let text = input.map(str::trim).filter(|z| !z.is_empty()).unwrap_or(DEFAULT_ZONE);
    text.parse::<Tz>()
        .map_err(|_| FieldError::new(field, format!("\"{text}\" is not a time zone such as Europe/Brussels")))
}

/// Parses a local time typed as `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM` (seconds allowed
/// and dropped).
pub(crate) fn local_time(field: &str, input: &str) -> Result<NaiveDateTime, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, format!("{} is required", label(field))));
    }
    let normal = text.replacen(' ', "T", 1);
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(&normal, format).ok())
        .map(|t| t.with_second(0).unwrap_or(t))
        .ok_or_else(|| FieldError::new(field, format!("\"{text}\" is not a date and time such as 2023-03-20 09:30")))
}

fn label(field: &str) -> &'static str {
    match field {
        "starts_at" => "the start",
        "ends_at" => "the end",
        _ => "the time",
    }
}

/// The stored text of a local time: `YYYY-MM-DDTHH:MM`.
pub(crate) fn local_text(time: NaiveDateTime) -> String {
    time.format(LOCAL_FORMAT).to_string()
}

/// The UTC instant of a local time in a zone. A time that does not exist there (the hour
/// skipped when the clocks go forward) is refused; an ambiguous one (the hour repeated
/// when they go back) is the earlier instant.
pub(crate) fn to_utc(field: &str, local: NaiveDateTime, tz: Tz) -> Result<DateTime<Utc>, FieldError> {
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        chrono::LocalResult::Ambiguous(earlier, _) => Ok(earlier.with_timezone(&Utc)),
        chrono::LocalResult::None => Err(FieldError::new(
            field,
            format!(
                "{} does not exist in {} (the clocks go forward that night); pick a time outside the skipped hour",
                local.format("%Y-%m-%d %H:%M"),
                tz.name()
            ),
        )),
    }
}

/// UTC as stored: RFC 3339 to the second, `Z`.
pub(crate) fn utc_text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The zone's abbreviation at an instant (`CET`, `CEST`), or its offset (`+03:00`) when the
/// zone has no letters for it.
pub fn zone_label(tz: Tz, instant: DateTime<Utc>) -> String {
    let local = instant.with_timezone(&tz);
    let offset = local.offset();
    match offset.abbreviation() {
        Some(abbr) if abbr.chars().any(|c| c.is_ascii_alphabetic()) => abbr.to_string(),
        _ => {
            let seconds = offset.fix().local_minus_utc();
            let sign = if seconds < 0 { '-' } else { '+' };
            let minutes = seconds.abs() / 60;
            format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
        }
    }
}

/// The zone label of a stored event start (`zone` and a stored UTC instant).
pub(crate) fn stored_zone_label(zone_name: &str, starts_utc: &str) -> String {
    let Ok(tz) = zone_name.parse::<Tz>() else { return zone_name.to_string() };
    match DateTime::parse_from_rfc3339(starts_utc) {
        Ok(instant) => zone_label(tz, instant.with_timezone(&Utc)),
        Err(_) => zone_name.to_string(),
    }
}

/// An interval in a zone, checked: both ends exist and the end comes after the start.
#[derive(Debug, Clone)]
pub(crate) struct Interval {
    pub starts_at: String,
    pub ends_at: String,
    pub starts_utc: DateTime<Utc>,
    pub ends_utc: DateTime<Utc>,
}

/// Checks a start and an end typed in a zone.
pub(crate) fn interval(starts: &str, ends: &str, tz: Tz, errors: &mut Vec<FieldError>) -> Option<Interval> {
    let start = local_time("starts_at", starts).and_then(|t| to_utc("starts_at", t, tz).map(|u| (t, u)));
    let end = local_time("ends_at", ends).and_then(|t| to_utc("ends_at", t, tz).map(|u| (t, u)));
    let (start, end) = match (start, end) {
        (Ok(s), Ok(e)) => (s, e),
        (s, e) => {
            errors.extend(s.err());
            errors.extend(e.err());
            return None;
        }
    };
    if end.1 <= start.1 || end.0 <= start.0 {
        errors.push(FieldError::new(
            "ends_at",
            format!("the end ({}) must come after the start ({})", end.0.format("%Y-%m-%d %H:%M"), start.0.format("%Y-%m-%d %H:%M")),
        ));
        return None;
    }
    Some(Interval { starts_at: local_text(start.0), ends_at: local_text(end.0), starts_utc: start.1, ends_utc: end.1 })
}

/// Checks a reference: 2 to 60 lower-case letters, digits and hyphens (upper case is lowered).
pub(crate) fn reference(input: &str) -> Result<String, FieldError> {
    let text = input.trim().to_lowercase();
    if text.is_empty() {
        return Err(FieldError::new("reference", "reference is required"));
    }
    let valid = (2..=60).contains(&text.len())
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
        && !text.ends_with('-');
    if !valid {
        return Err(FieldError::new(
            "reference",
            format!("reference \"{}\" may only hold lower-case letters, digits and hyphens, such as eclag-hle-2023", input.trim()),
        ));
    }
    Ok(text)
}

/// Checks an online link: https only (a bare host gets `https://`).
pub(crate) fn online_link(input: &str) -> Result<String, FieldError> {
    let text = input.trim();
    if text.to_ascii_lowercase().starts_with("http://") {
        return Err(FieldError::new("online_link", format!("the online link must start with https:// (\"{text}\")")));
    }
    crate::organisations::rules::normalise_website(text)
        .map_err(|_| FieldError::new("online_link", format!("online link is not a URL: \"{text}\"")))
}

/// An event input that passed validation (organisers are checked against the store later).
#[derive(Debug)]
pub(crate) struct ValidEvent {
    pub reference: String,
    pub title: String,
    pub kind: EventKind,
    pub status: EventStatus,
    pub time_zone: Tz,
    pub times: Interval,
    pub venue_name: Option<String>,
    pub venue_address: Option<String>,
    pub venue_room: Option<String>,
    pub online_link: Option<String>,
    pub capacity: Option<u32>,
    pub organiser_ids: Vec<String>,
    pub notes: Option<String>,
}

/// Validates every field of an event; all failures in form order.
pub(crate) fn validate_event(input: &EventInput) -> Result<ValidEvent, Vec<FieldError>> {
    let mut errors = Vec::new();
    let reference = reference(&input.reference).map_err(|e| errors.push(e)).unwrap_or_default();
    let title = tidy(&input.title);
    if title.is_empty() {
        errors.push(FieldError::new("title", "title is required"));
    }
    let tz = zone("time_zone", input.time_zone.as_deref()).map_err(|e| errors.push(e)).ok();
    let times = tz.and_then(|tz| interval(&input.starts_at, &input.ends_at, tz, &mut errors));
    let online_link = optional(input.online_link.as_deref())
        .and_then(|l| online_link(&l).map_err(|e| errors.push(e)).ok());
    if input.capacity == Some(0) {
        errors.push(FieldError::new("capacity", "capacity must be at least 1 (leave it empty for no limit)"));
    }
    let mut organiser_ids: Vec<String> = Vec::new();
    for id in &input.organiser_ids {
        let id = id.trim();
        if !id.is_empty() && !organiser_ids.iter().any(|o| o == id) {
            organiser_ids.push(id.to_string());
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidEvent {
        reference,
        title,
        kind: input.kind,
        status: input.status,
        time_zone: tz.expect("checked"),
        times: times.expect("checked"),
        venue_name: optional(input.venue_name.as_deref()),
        venue_address: optional(input.venue_address.as_deref()),
        venue_room: optional(input.venue_room.as_deref()),
        online_link,
        capacity: input.capacity,
        organiser_ids,
        notes: input.notes.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string),
    })
}

/// A session input that passed validation (speakers are checked against the store later).
#[derive(Debug)]
pub(crate) struct ValidSession {
    pub title: String,
    pub times: Interval,
    pub notes: Option<String>,
    pub speakers: Vec<SpeakerInput>,
}

/// Validates a session in its event's zone.
pub(crate) fn validate_session(input: &SessionInput, tz: Tz) -> Result<ValidSession, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = tidy(&input.title);
    if title.is_empty() {
        errors.push(FieldError::new("title", "title is required"));
    }
    let times = interval(&input.starts_at, &input.ends_at, tz, &mut errors);
    let mut speakers: Vec<SpeakerInput> = Vec::new();
    for speaker in &input.speakers {
        if speakers.iter().any(|s| s.person_id == speaker.person_id) {
            errors.push(FieldError::new("speakers", "a speaker is listed twice in this session"));
            break;
        }
        speakers.push(speaker.clone());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidSession {
        title,
        times: times.expect("checked"),
        notes: input.notes.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string),
        speakers,
    })
}

/// A task input that passed validation.
#[derive(Debug)]
pub(crate) struct ValidTask {
    pub title: String,
    pub owner_person_id: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub due_offset_days: Option<i32>,
    pub notes: Option<String>,
}

/// The longest offset accepted, in days (about three years).
const MAX_OFFSET: i32 = 1100;

/// Validates a checklist task. An offset wins over a date: the date is derived from it.
pub(crate) fn validate_task(input: &EventTaskInput) -> Result<ValidTask, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = tidy(&input.title);
    if title.is_empty() {
        errors.push(FieldError::new("title", "title is required"));
    }
    if let Some(offset) = input.due_offset_days {
        if offset.abs() > MAX_OFFSET {
            errors.push(FieldError::new("due_offset_days", format!("{offset} days is too far from the event (at most {MAX_OFFSET})")));
        }
    }
    let due_on = if input.due_offset_days.is_some() {
        None
    } else {
        optional_date("due_on", input.due_on.as_deref()).map_err(|e| errors.push(e)).ok().flatten()
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidTask {
        title,
        owner_person_id: input.owner_person_id.as_deref().map(str::trim).filter(|o| !o.is_empty()).map(str::to_string),
        due_on,
        due_offset_days: input.due_offset_days,
        notes: input.notes.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string),
    })
}

/// The local date of a stored local time (`2023-03-20T09:30` → 2023-03-20).
pub(crate) fn local_date(local: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(local.get(..10)?, "%Y-%m-%d").ok()
}

/// The due date `offset` days from a start date, as text.
pub(crate) fn due_from(start: NaiveDate, offset: i32) -> String {
    iso(start + chrono::Duration::days(i64::from(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brussels() -> Tz {
        "Europe/Brussels".parse().unwrap()
    }

    #[test]
    fn local_times_accept_t_or_space_and_drop_seconds() {
        assert_eq!(local_text(local_time("starts_at", "2023-03-20 09:30").unwrap()), "2023-03-20T09:30");
        assert_eq!(local_text(local_time("starts_at", "2023-03-20T09:30:45").unwrap()), "2023-03-20T09:30");
        assert!(local_time("starts_at", "20/03/2023 09:30").unwrap_err().message.contains("such as 2023-03-20 09:30"));
    }

    #[test]
    fn gaps_are_refused_and_ambiguous_times_take_the_earlier_instant() {
        let gap = to_utc("starts_at", local_time("starts_at", "2026-03-29 02:30").unwrap(), brussels()).unwrap_err();
        assert!(gap.message.contains("does not exist in Europe/Brussels"), "{}", gap.message);
        let ambiguous = to_utc("starts_at", local_time("starts_at", "2026-10-25 02:30").unwrap(), brussels()).unwrap();
        assert_eq!(utc_text(ambiguous), "2026-10-25T00:30:00Z");
    }

    #[test]
    fn zone_labels_follow_daylight_saving() {
        let winter = to_utc("s", local_time("s", "2023-03-20 09:30").unwrap(), brussels()).unwrap();
        let summer = to_utc("s", local_time("s", "2023-07-20 09:30").unwrap(), brussels()).unwrap();
        assert_eq!(zone_label(brussels(), winter), "CET");
        assert_eq!(zone_label(brussels(), summer), "CEST");
        let dubai: Tz = "Asia/Dubai".parse().unwrap();
        assert_eq!(zone_label(dubai, summer), "+04:00");
        let kolkata: Tz = "Asia/Kolkata".parse().unwrap();
        assert_eq!(zone_label(kolkata, summer), "IST");
        assert!(zone("time_zone", Some("Mars/Olympus")).is_err());
        assert_eq!(zone("time_zone", Some(" ")).unwrap(), brussels());
    }

    #[test]
    fn links_must_be_https() {
        assert!(online_link("http://meet.example.org/x").is_err());
        assert_eq!(online_link("meet.example.org/x").unwrap(), "https://meet.example.org/x");
    }
}
