//! Validation of people's fields, and the keys used to sort and flag duplicates.

use crate::countries;
use crate::error::FieldError;
use crate::organisations::rules::normalise_email;
use crate::text::{fold, tidy};

use super::model::{LabelledEmail, LabelledPhone, LawfulBasis, Person, PersonInput};

/// An input that passed validation, normalised for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValidPerson {
    pub given_name: String,
    pub family_name: String,
    pub display_name: String,
    pub honorific: Option<String>,
    pub family_key: String,
    pub name_key: String,
    pub country: Option<String>,
    pub languages: Vec<String>,
    pub emails: Vec<LabelledEmail>,
    pub phones: Vec<LabelledPhone>,
    pub notes: Option<String>,
    pub lawful_basis: LawfulBasis,
    pub source: Option<String>,
    pub consent_date: Option<String>,
    pub sensitive: bool,
    pub sensitive_reason: Option<String>,
}

const NAME_MAX: usize = 120;

/// The list's sort key: family name, then given name, folded.
pub(crate) fn family_key(given: &str, family: &str) -> String {
    format!("{} {}", fold(family), fold(given)).trim().to_string()
}

/// The duplicate-flagging key: the whole name, folded.
pub(crate) fn name_key(given: &str, family: &str) -> String {
    fold(&format!("{given} {family}"))
}

/// The key an email is found by.
pub(crate) fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

fn optional(input: Option<&str>) -> Option<String> {
    input.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// An edit's data-protection fields with the absent ones taken from the person as stored:
/// an absent basis keeps the basis and (when no date is given) the consent date; an absent
/// source, flag or reason keeps the stored one.
pub(crate) fn resolve(input: &PersonInput, current: &Person) -> PersonInput {
    let mut resolved = input.clone();
    if input.lawful_basis.is_none() {
        resolved.lawful_basis = Some(current.lawful_basis);
        if input.consent_date.is_none() {
            resolved.consent_date = current.consent_date.clone();
        }
    }
    if input.source.is_none() {
        resolved.source = current.source.clone();
    }
    if input.sensitive.is_none() {
        resolved.sensitive = Some(current.sensitive);
    }
    if input.sensitive_reason.is_none() {
        resolved.sensitive_reason = current.sensitive_reason.clone();
    }
    resolved
}

/// The lawful basis, source, consent date and sensitive flag: a consent date is required
/// when the basis is consent (and not in the future), and refused otherwise.
fn validate_data_protection(input: &PersonInput, errors: &mut Vec<FieldError>) -> (LawfulBasis, Option<String>, Option<String>, bool, Option<String>) {
    let basis = input.lawful_basis.unwrap_or_default();
    let source = optional(input.source.as_deref()).map(|s| tidy(&s));
    if source.as_ref().is_some_and(|s| s.chars().count() > 200) {
        errors.push(FieldError::new("source", "source is longer than 200 characters"));
    }
    let consent = match crate::memberships::rules::optional_date("consent_date", input.consent_date.as_deref()) {
        Ok(date) => date,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let consent_date = match (basis, consent) {
        (LawfulBasis::Consent, None) if optional(input.consent_date.as_deref()).is_none() => {
            errors.push(FieldError::new("consent_date", "consent date is required when the lawful basis is consent"));
            None
        }
        (LawfulBasis::Consent, Some(date)) if date > crate::store::today() => {
            errors.push(FieldError::new("consent_date", format!("consent date {date} is in the future")));
            None
        }
        (LawfulBasis::Consent, date) => date.map(|d| d.format("%Y-%m-%d").to_string()),
        (other, Some(_)) => {
            errors.push(FieldError::new(
                "consent_date",
                format!("a consent date applies only when the lawful basis is consent (not {other})"),
            ));
            None
        }
        (_, None) => None,
    };
    let sensitive = input.sensitive.unwrap_or(false);
    let reason = if sensitive { optional(input.sensitive_reason.as_deref()) } else { None };
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        errors.push(FieldError::new("sensitive_reason", "reason is longer than 500 characters"));
    }
    (basis, source, consent_date, sensitive, reason)
}

/// Validates every field and returns all the failures, in form order. Fields of the n-th
/// email are named `emails.n`, of phones `phones.n`.
pub(crate) fn validate(input: &PersonInput) -> Result<ValidPerson, Vec<FieldError>> {
    let mut errors = Vec::new();
    let given_name = tidy(&input.given_name);
    let family_name = tidy(&input.family_name);
    if family_name.is_empty() {
        errors.push(FieldError::new("family_name", "family name is required"));
    } else if family_name.chars().count() > NAME_MAX {
        errors.push(FieldError::new("family_name", format!("family name is longer than {NAME_MAX} characters")));
    }
    if given_name.chars().count() > NAME_MAX {
        errors.push(FieldError::new("given_name", format!("given name is longer than {NAME_MAX} characters")));
    }
    let display_name = optional(input.display_name.as_deref())
        .map(|d| tidy(&d))
        .unwrap_or_else(|| tidy(&format!("{given_name} {family_name}")));
    let country = optional(input.country.as_deref()).and_then(|c| match countries::resolve(&c) {
        Ok(code) => Some(code.to_string()),
        Err(message) => {
            errors.push(FieldError::new("country", message));
            None
        }
    });
    let mut languages: Vec<String> = Vec::new();
    for raw in &input.languages {
        let code = raw.trim().to_lowercase();
        if code.is_empty() {
            continue;
        }
        if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
            errors.push(FieldError::new("languages", format!("\"{}\" is not a language code such as fr or nl", raw.trim())));
        } else if !languages.contains(&code) {
            languages.push(code);
        }
    }
    let mut emails = Vec::new();
    for (n, entry) in input.emails.iter().enumerate() {
        if entry.email.trim().is_empty() {
            continue;
        }
        match normalise_email(&entry.email) {
            Ok(email) => emails.push(LabelledEmail { label: entry.label, email }),
            Err(message) => errors.push(FieldError::new(format!("emails.{n}"), message)),
        }
    }
    let phones = input
        .phones
        .iter()
        .filter(|p| !p.phone.trim().is_empty())
        .map(|p| LabelledPhone { label: p.label, phone: tidy(&p.phone) })
        .collect();
    let (lawful_basis, source, consent_date, sensitive, sensitive_reason) = validate_data_protection(input, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidPerson {
        family_key: family_key(&given_name, &family_name),
        name_key: name_key(&given_name, &family_name),
        given_name,
        family_name,
        display_name,
        honorific: optional(input.honorific.as_deref()),
        country,
        languages,
        emails,
        phones,
        notes: optional(input.notes.as_deref()),
        lawful_basis,
        source,
        consent_date,
        sensitive,
        sensitive_reason,
    })
}

/// An affiliation that passed validation (the organisation's existence is checked by the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValidAffiliation {
    pub organisation_id: String,
    pub job_title: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub focal_point: bool,
}

/// Validates an affiliation's fields: dates are ISO dates and the end is not before the start.
pub(crate) fn validate_affiliation(input: &super::model::AffiliationInput) -> Result<ValidAffiliation, Vec<FieldError>> {
    use crate::memberships::rules::optional_date;
    let mut errors = Vec::new();
    let organisation_id = input.organisation_id.trim().to_string();
    if organisation_id.is_empty() {
        errors.push(FieldError::new("organisation_id", "organisation is required"));
    }
    let starts = optional_date("starts_on", input.starts_on.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    let ends = optional_date("ends_on", input.ends_on.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    if let (Some(s), Some(e)) = (starts, ends) {
        if e < s {
            errors.push(FieldError::new("ends_on", format!("end date {e} is before the start date {s}")));
        }
    }
    let job_title = optional(input.job_title.as_deref()).map(|t| tidy(&t));
    if job_title.as_ref().is_some_and(|t| t.chars().count() > 200) {
        errors.push(FieldError::new("job_title", "job title is longer than 200 characters"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidAffiliation {
        organisation_id,
        job_title,
        starts_on: starts.map(|d| d.format("%Y-%m-%d").to_string()),
        ends_on: ends.map(|d| d.format("%Y-%m-%d").to_string()),
        focal_point: input.focal_point,
    })
}
