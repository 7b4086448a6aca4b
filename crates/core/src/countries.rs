//! Countries as ISO 3166-1 alpha-2 codes, resolved from a code in any case or an English name.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[path = "countries_table.rs"]
mod table;

use crate::text::fold;

/// A country as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    /// English short name.
    pub name: String,
}

/// Names people use that the ISO list spells otherwise, and the EU's own codes.
const ALIASES: &[(&str, &str)] = &[
    ("uk", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("el", "GR"),
    ("turkey", "TR"),
    ("russia", "RU"),
    ("holland", "NL"),
    ("the netherlands", "NL"),
    ("usa", "US"),
    ("united states of america", "US"),
    ("czech republic", "CZ"),
    ("moldova", "MD"),
    ("kosovo", "XK"),
    ("vatican", "VA"),
    ("ivory coast", "CI"),
];

/// Resolves a code (any case) or an English name to an ISO code, or says why not.
pub fn resolve(input: &str) -> std::result::Result<&'static str, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err("country is required".into());
    }
    if trimmed.len() == 2 && trimmed.is_ascii() {
        let upper = trimmed.to_ascii_uppercase();
        if let Some((code, _, _)) = table::COUNTRIES.iter().find(|(code, _, _)| *code == upper) {
            return Ok(code);
        }
        if upper == "XK" {
            return Ok("XK");
        }
    }
    let wanted = fold(trimmed);
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == wanted) {
        return Ok(code);
    }
    for (code, name, others) in table::COUNTRIES {
        if fold(name) == wanted || others.iter().any(|other| fold(other) == wanted) {
            return Ok(code);
        }
    }
    Err(format!("unknown country \"{trimmed}\""))
}

/// The English name of a code, when it is known.
pub fn name_of(code: &str) -> Option<&'static str> {
    if code == "XK" {
        return Some("Kosovo");
    }
    table::COUNTRIES.iter().find(|(c, _, _)| *c == code).map(|(_, name, _)| *name)
}

/// Every country, sorted by English name.
pub fn all() -> Vec<Country> {
    let mut list: Vec<Country> = table::COUNTRIES
        .iter()
        .map(|(code, name, _)| Country { code: (*code).into(), name: (*name).into() })
        .chain(std::iter::once(Country { code: "XK".into(), name: "Kosovo".into() }))
        .collect();
    list.sort_by_key(|c| fold(&c.name));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_any_case_and_english_names_resolve() {
        assert_eq!(resolve("be"), Ok("BE"));
        assert_eq!(resolve("Belgium"), Ok("BE"));
        assert_eq!(resolve("  netherlands "), Ok("NL"));
        assert_eq!(resolve("Czechia"), Ok("CZ"));
        assert_eq!(resolve("Czech Republic"), Ok("CZ"));
        assert_eq!(resolve("United Kingdom"), Ok("GB"));
        assert_eq!(resolve("EL"), Ok("GR"));
    }

    #[test]
    fn unknown_countries_are_named() {
        assert_eq!(resolve("Narnia"), Err("unknown country \"Narnia\"".to_string()));
        assert_eq!(resolve("ZZ"), Err("unknown country \"ZZ\"".to_string()));
        assert_eq!(resolve(""), Err("country is required".to_string()));
    }

    #[test]
    fn all_has_every_eu_member() {
        let all = all();
        for code in ["AT","BE","BG","HR","CY","CZ","DK","EE","FI","FR","DE","GR","HU","IE","IT","LV","LT","LU","MT","NL","PL","PT","RO","SK","SI","ES","SE"] {
            assert!(all.iter().any(|c| c.code == code), "{code} missing");
        }
        assert_eq!(name_of("BE"), Some("Belgium"));
    }
}
