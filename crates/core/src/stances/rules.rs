//! Validation of stances: evidence, source, date.

use crate::error::FieldError;
use crate::memberships::rules::{iso, optional_date};
use crate::store::today;

use super::model::{EvidenceKind, StanceInput, StanceLevel};

/// A stance input that passed the rules that need no store.
#[derive(Debug)]
pub(crate) struct ValidStance {
    pub level: StanceLevel,
    pub stated_on: String,
    pub evidence: EvidenceKind,
    pub source: Option<String>,
    pub recorded_by: Option<String>,
}

/// Validates every field; all failures in form order.
pub(crate) fn validate(input: &StanceInput) -> Result<ValidStance, Vec<FieldError>> {
    let mut errors = Vec::new();
    let stated_on = match optional_date("stated_on", input.stated_on.as_deref()) {
        Ok(Some(date)) if date > today() => {
            errors.push(FieldError::new("stated_on", format!("date {} is in the future", iso(date))));
            None
        }
        Ok(date) => Some(iso(date.unwrap_or_else(today))),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if input.evidence.is_none() {
        errors.push(FieldError::new("evidence", "evidence is required (vote, meeting, public statement, social media or other)"));
    }
    let source = input.source.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    if let Some(kind @ (EvidenceKind::PublicStatement | EvidenceKind::SocialMedia)) = input.evidence {
        if source.is_none() {
            let what = if kind == EvidenceKind::PublicStatement { "a public statement" } else { "social media" };
            errors.push(FieldError::new("source", format!("a source (a link or a note) is required for {what}")));
        }
    }
    if source.as_ref().is_some_and(|s| s.chars().count() > 2000) {
        errors.push(FieldError::new("source", "source is longer than 2000 characters"));
    }
    let recorded_by = input.recorded_by.as_deref().map(crate::text::tidy).filter(|s| !s.is_empty());
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidStance {
        level: input.level,
        stated_on: stated_on.expect("checked"),
        evidence: input.evidence.expect("checked"),
        source,
        recorded_by,
    })
}
