//! Rules for membership dates.

use chrono::NaiveDate;

use crate::error::FieldError;

/// Parses an optional ISO date typed by a person; blank means none.
pub(crate) fn optional_date(field: &str, input: Option<&str>) -> Result<Option<NaiveDate>, FieldError> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(text) => parse_date(field, text).map(Some),
    }
}

/// Parses a required ISO date.
pub(crate) fn required_date(field: &str, input: &str) -> Result<NaiveDate, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, format!("{} is required", field.replace('_', " "))));
    }
    parse_date(field, text)
}

fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| text.len() == 10 && (1900..=2200).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| FieldError::new(field, format!("invalid date \"{text}\" (expected YYYY-MM-DD)")))
}

/// Refuses a left date before the joined date.
pub(crate) fn check_order(joined: Option<NaiveDate>, left: Option<NaiveDate>) -> Result<(), FieldError> {
    match (joined, left) {
        (Some(j), Some(l)) if l < j => Err(FieldError::new("left_on", format!("left date {l} is before the joined date {j}"))),
        _ => Ok(()),
    }
}

/// Formats a date the way the store keeps it.
pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_iso() {
        assert!(optional_date("joined_on", Some("2023-03-20")).unwrap().is_some());
        assert!(optional_date("joined_on", Some("")).unwrap().is_none());
        assert_eq!(
            optional_date("joined_on", Some("20/03/2023")).unwrap_err().message,
            "invalid date \"20/03/2023\" (expected YYYY-MM-DD)"
        );
        assert!(optional_date("joined_on", Some("2023-02-30")).is_err());
        assert!(optional_date("joined_on", Some("2023-3-1")).is_err());
    }
}
