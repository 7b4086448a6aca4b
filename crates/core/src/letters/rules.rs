//! Validation of letters and signatures.

use crate::error::FieldError;
use crate::memberships::rules::{iso, optional_date};
use crate::organisations::rules::normalise_website;
use crate::text::tidy;

use super::model::{LetterInput, LetterKind, LetterStatus};

/// A letter input that passed validation.
#[derive(Debug)]
pub(crate) struct ValidLetter {
    pub reference: String,
    pub title: String,
    pub kind: LetterKind,
    pub target: Option<String>,
    pub body: Option<String>,
    pub link: Option<String>,
    pub languages: Vec<String>,
    pub status: LetterStatus,
    pub deadline: Option<String>,
    pub published_on: Option<String>,
}

fn optional(value: Option<&str>) -> Option<String> {
    value.map(tidy).filter(|v| !v.is_empty())
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
            format!("reference \"{}\" may only hold lower-case letters, digits and hyphens, such as open-letter-2022", input.trim()),
        ));
    }
    Ok(text)
}

/// Validates every field; all failures in form order.
pub(crate) fn validate(input: &LetterInput) -> Result<ValidLetter, Vec<FieldError>> {
    let mut errors = Vec::new();
    let reference = reference(&input.reference).map_err(|e| errors.push(e)).unwrap_or_default();
    let title = tidy(&input.title);
    if title.is_empty() {
        errors.push(FieldError::new("title", "title is required"));
    }
    let link = optional(input.link.as_deref()).and_then(|l| {
        normalise_website(&l)
            .map_err(|_| errors.push(FieldError::new("link", format!("link is not a URL: \"{l}\""))))
            .ok()
    });
    let mut languages = Vec::new();
    for code in &input.languages {
        let code = code.trim().to_ascii_lowercase();
        if code.is_empty() {
            continue;
        }
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
            errors.push(FieldError::new("languages", format!("\"{code}\" is not a two-letter language code such as en or fr")));
        } else if !languages.contains(&code) {
            languages.push(code);
        }
    }
    let deadline = optional_date("deadline", input.deadline.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    let published_on = optional_date("published_on", input.published_on.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidLetter {
        reference,
        title,
        kind: input.kind.unwrap_or(LetterKind::OpenLetter),
        target: optional(input.target.as_deref()),
        body: input.body.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(str::to_string),
        link,
        languages,
        status: input.status.unwrap_or(LetterStatus::Drafting),
        deadline: deadline.map(iso),
        published_on: published_on.map(iso),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_script_friendly() {
        assert_eq!(reference(" Open-Letter-2022 ").unwrap(), "open-letter-2022");
        assert_eq!(reference("").unwrap_err().message, "reference is required");
        assert!(reference("open letter").unwrap_err().message.contains("lower-case letters, digits and hyphens"));
        assert!(reference("-x").is_err());
    }

    #[test]
    fn letters_need_a_title_and_valid_codes() {
        let input = LetterInput { reference: "x-1".into(), title: " ".into(), languages: vec!["EN".into(), "fra".into()], ..Default::default() };
        let fields: Vec<String> = validate(&input).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "languages"]);
        let ok = validate(&LetterInput { reference: "x-1".into(), title: "T".into(), languages: vec!["EN".into(), "en".into()], link: Some("www.eclag.eu/letter".into()), ..Default::default() }).unwrap();
        assert_eq!(ok.languages, ["en"]);
        assert_eq!(ok.link.as_deref(), Some("https://www.eclag.eu/letter"));
        assert_eq!(ok.kind, LetterKind::OpenLetter);
        assert_eq!(ok.status, LetterStatus::Drafting);
    }
}
