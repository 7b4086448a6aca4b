//! Validation and normalisation of organisation fields. Every message names its field and
//! reads on its own.

use crate::countries;
use crate::error::FieldError;
use crate::text::{fold, tidy};

use super::model::{OrgType, OrganisationInput};

/// An input that passed validation, normalised for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValidOrganisation {
    pub name: String,
    pub name_key: String,
    pub short_name: Option<String>,
    pub org_type: OrgType,
    pub country: String,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

const NAME_MAX: usize = 200;
const SHORT_NAME_MAX: usize = 40;

/// Validates every field and returns all the failures, in form order.
pub(crate) fn validate(input: &OrganisationInput) -> Result<ValidOrganisation, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = tidy(&input.name);
    if name.is_empty() {
        errors.push(FieldError::new("name", "name is required"));
    } else if name.chars().count() > NAME_MAX {
        errors.push(FieldError::new("name", format!("name is longer than {NAME_MAX} characters")));
    }
    let short_name = optional(input.short_name.as_deref());
    if let Some(short) = &short_name {
        if short.chars().count() > SHORT_NAME_MAX {
            errors.push(FieldError::new("short_name", format!("short name is longer than {SHORT_NAME_MAX} characters")));
        }
    }
    let country = match countries::resolve(&input.country) {
        Ok(code) => code.to_string(),
        Err(message) => {
            errors.push(FieldError::new("country", message));
            String::new()
        }
    };
    let website = optional(input.website.as_deref()).and_then(|w| match normalise_website(&w) {
        Ok(url) => Some(url),
        Err(message) => {
            errors.push(FieldError::new("website", message));
            None
        }
    });
    let email = optional(input.email.as_deref()).and_then(|e| match normalise_email(&e) {
        Ok(email) => Some(email),
        Err(message) => {
            errors.push(FieldError::new("email", message));
            None
        }
    });
    let phone = optional(input.phone.as_deref()).and_then(|p| match check_phone(&p) {
        Ok(()) => Some(p),
        Err(message) => {
            errors.push(FieldError::new("phone", message));
            None
        }
    });
    let notes = input.notes.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidOrganisation {
        name_key: fold(&name),
        name,
        short_name,
        org_type: input.org_type,
        country,
        website,
        email,
        phone,
        notes,
    })
}

fn optional(value: Option<&str>) -> Option<String> {
    value.map(tidy).filter(|v| !v.is_empty())
}

/// Accepts `https://...`, `http://...` and bare `www.example.org` (stored with `https://`).
pub(crate) fn normalise_website(input: &str) -> Result<String, String> {
    let text = input.trim();
    let refuse = || Err(format!("website is not a URL: \"{text}\""));
    if text.contains(char::is_whitespace) {
        return refuse();
    }
    let lower = text.to_ascii_lowercase();
    let candidate = if lower.starts_with("http://") || lower.starts_with("https://") {
        text.to_string()
    } else if text.contains("://") {
        return refuse();
    } else {
        format!("https://{text}")
    };
    let Ok(url) = url::Url::parse(&candidate) else { return refuse() };
    let host_ok = match url.host() {
        Some(url::Host::Domain(domain)) => {
            domain.contains('.')
                && domain.split('.').all(|label| !label.is_empty())
                && domain.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphanumeric))
        }
        Some(_) => true,
        None => false,
    };
    if !host_ok {
        return refuse();
    }
    Ok(candidate)
}

/// A pragmatic check: one `@`, a local part, and a domain with a dot.
pub(crate) fn normalise_email(input: &str) -> Result<String, String> {
    let text = input.trim().trim_start_matches("mailto:");
    let refuse = || Err(format!("email is not an email address: \"{}\"", input.trim()));
    let Some((local, domain)) = text.split_once('@') else { return refuse() };
    let valid = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.contains(char::is_whitespace)
        && !text.contains(['<', '>', ',', ';', '"']);
    if !valid {
        return refuse();
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

fn check_phone(phone: &str) -> Result<(), String> {
    let allowed = phone.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < 3 {
        return Err(format!("phone is not a phone number: \"{phone}\" (digits, spaces and + ( ) - . / only)"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, country: &str) -> OrganisationInput {
        OrganisationInput { name: name.into(), country: country.into(), ..Default::default() }
    }

    fn first_error(input: &OrganisationInput) -> FieldError {
        validate(input).unwrap_err().remove(0)
    }

    #[test]
    fn name_is_required() {
        assert_eq!(first_error(&input("   ", "BE")), FieldError::new("name", "name is required"));
    }

    #[test]
    fn country_accepts_codes_and_names_and_names_the_unknown() {
        assert_eq!(validate(&input("A", "be")).unwrap().country, "BE");
        assert_eq!(validate(&input("A", "Belgium")).unwrap().country, "BE");
        assert_eq!(first_error(&input("A", "Narnia")), FieldError::new("country", "unknown country \"Narnia\""));
    }

    #[test]
    fn bare_websites_get_https() {
        let mut i = input("A", "BE");
        i.website = Some("www.example.org".into());
        assert_eq!(validate(&i).unwrap().website.as_deref(), Some("https://www.example.org"));
        i.website = Some("http://example.org/path?q=1".into());
        assert_eq!(validate(&i).unwrap().website.as_deref(), Some("http://example.org/path?q=1"));
        for bad in ["not a url", "example", "ftp://example.org", "https://", "www.example."] {
            i.website = Some(bad.into());
            let error = first_error(&i);
            assert_eq!(error.field, "website", "{bad}");
            assert!(error.message.starts_with("website is not a URL"), "{bad}");
        }
    }

    #[test]
    fn emails_and_phones_are_checked() {
        let mut i = input("A", "BE");
        i.email = Some("Info@Example.ORG".into());
        i.phone = Some("+32 2 475 44 11".into());
        let valid = validate(&i).unwrap();
        assert_eq!(valid.email.as_deref(), Some("Info@example.org"));
        assert_eq!(valid.phone.as_deref(), Some("+32 2 475 44 11"));
        i.email = Some("info.example.org".into());
        assert_eq!(first_error(&i).field, "email");
        i.email = None;
        i.phone = Some("call me".into());
        assert_eq!(first_error(&i).field, "phone");
    }

    #[test]
    fn every_failure_is_reported_in_form_order() {
        let mut i = input("", "Narnia");
        i.website = Some("nope".into());
        let fields: Vec<String> = validate(&i).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "country", "website"]);
    }

    #[test]
    fn names_are_tidied_and_folded() {
        let valid = validate(&input("  Terre  des Hommes ", "NL")).unwrap();
        assert_eq!(valid.name, "Terre des Hommes");
        assert_eq!(valid.name_key, "terre des hommes");
    }
}
