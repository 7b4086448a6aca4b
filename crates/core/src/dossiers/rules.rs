//! Validation of dossiers: the procedure reference and the title.

use crate::error::FieldError;
use crate::text::tidy;

use super::model::DossierInput;

/// A dossier input that passed validation (the committee is checked against the store).
#[derive(Debug)]
pub(crate) struct ValidDossier {
    pub reference: String,
    pub short_title: String,
    pub lead_committee: Option<String>,
}

/// Checks and normalises a procedure reference: `YYYY/NNNN(XXX)`, such as `2022/0155(COD)`.
/// Spaces are dropped and the procedure type is upper-cased.
pub fn procedure_reference(input: &str) -> Result<String, FieldError> {
    let text: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if text.is_empty() {
        return Err(FieldError::new("reference", "reference is required"));
    }
    let bytes = text.as_bytes();
    let valid = bytes.len() == 14
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'/'
        && bytes[5..9].iter().all(u8::is_ascii_digit)
        && bytes[9] == b'('
        && bytes[10..13].iter().all(u8::is_ascii_uppercase)
        && bytes[13] == b')';
    if !valid {
        return Err(FieldError::new(
            "reference",
            format!("reference \"{}\" is not a procedure reference such as 2022/0155(COD) (YYYY/NNNN(XXX))", input.trim()),
        ));
    }
    Ok(text)
}

/// Validates every field; all failures in form order.
pub(crate) fn validate(input: &DossierInput) -> Result<ValidDossier, Vec<FieldError>> {
    let mut errors = Vec::new();
    let reference = procedure_reference(&input.reference).map_err(|e| errors.push(e)).unwrap_or_default();
    let short_title = tidy(&input.short_title);
    if short_title.is_empty() {
        errors.push(FieldError::new("short_title", "short title is required"));
    } else if short_title.chars().count() > 200 {
        errors.push(FieldError::new("short_title", "short title is longer than 200 characters"));
    }
    let lead_committee = input.lead_committee.as_deref().map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty());
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidDossier { reference, short_title, lead_committee })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_follow_the_procedure_format() {
        assert_eq!(procedure_reference(" 2022/0155(cod) ").unwrap(), "2022/0155(COD)");
        assert_eq!(procedure_reference("2022 / 0155 (COD)").unwrap(), "2022/0155(COD)");
        for bad in ["2022/155(COD)", "22/0155(COD)", "2022-0155(COD)", "2022/0155(CO)", "2022/0155COD", "2022/0155(C0D)"] {
            let error = procedure_reference(bad).unwrap_err();
            assert_eq!(error.field, "reference");
            assert!(error.message.contains("such as 2022/0155(COD)"), "{bad}: {}", error.message);
        }
        assert_eq!(procedure_reference("").unwrap_err().message, "reference is required");
    }
}
