//! Ordering, grouping, entry wording and the count line: what every format shares.

use std::collections::HashSet;

use super::model::{ExportOptions, PublishedList, PublishedSignatory, SignatoryOrder};
use crate::countries;
use crate::text::{fold, tidy};

/// The English name of a country code for headings and cells; an unknown code stands for
/// itself.
pub(crate) fn country_name(code: &str) -> &str {
    match countries::name_of(code) {
        Some(name) => name,
        None if code.trim().is_empty() => "Country not given",
        None => code,
    }
}

/// A name as it is printed: spaces tidied, control characters dropped (they would break
/// lines, XML parts and PDF text).
pub(crate) fn clean(text: &str) -> String {
    let tidied = tidy(text);
    if tidied.chars().any(char::is_control) {
        tidied.chars().filter(|c| !c.is_control()).collect()
    } else {
        tidied
    }
}

/// The sort key of one entry: steering rank, folded country, folded name, then the exact
/// strings so that the order never depends on the input's order.
type Key<'a> = (bool, String, String, &'a str, &'a str, &'a str);

fn key(s: &PublishedSignatory, order: SignatoryOrder) -> Key<'_> {
    let country = match order {
        SignatoryOrder::Country => fold(country_name(&s.country)),
        _ => String::new(),
    };
    let not_steering = order == SignatoryOrder::SteeringFirst && !s.steering;
    (not_steering, country, fold(&s.display_name), &s.display_name, &s.organisation, &s.country)
}

/// The signatories in the order asked for. Alpha sorts by the published name ignoring case
/// and accents ("École" among the E's), ties by the exact name; Country sorts by English
/// country name, then alpha; SteeringFirst puts steering-group members first, each part alpha.
pub fn ordered(list: &PublishedList, order: SignatoryOrder) -> Vec<&PublishedSignatory> {
    let mut keyed: Vec<(Key<'_>, &PublishedSignatory)> = list.signatories.iter().map(|s| (key(s, order), s)).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, s)| s).collect()
}

/// A run of entries under one heading (no heading when the list is not grouped).
#[derive(Debug)]
pub(crate) struct Section<'a> {
    /// The English country name, when grouped.
    pub heading: Option<&'a str>,
    /// The entries, in order.
    pub entries: Vec<&'a PublishedSignatory>,
}

/// The list cut into sections as the options ask: one unheaded section, or one per country
/// ordered by country name with the chosen order inside each.
pub(crate) fn sections<'a>(list: &'a PublishedList, options: &ExportOptions) -> Vec<Section<'a>> {
    let entries = ordered(list, options.order);
    if !options.group_by_country {
        return vec![Section { heading: None, entries }];
    }
    let mut keyed: Vec<(String, &str, &PublishedSignatory)> =
        entries.into_iter().map(|s| (fold(country_name(&s.country)), s.country.as_str(), s)).collect();
    // Stable: the chosen order survives inside each country.
    keyed.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut out: Vec<Section<'a>> = Vec::new();
    let mut current: Option<&str> = None;
    for (_, code, s) in keyed {
        if current != Some(code) {
            current = Some(code);
            out.push(Section { heading: Some(country_name(&s.country)), entries: Vec::new() });
        }
        if let Some(section) = out.last_mut() {
            section.entries.push(s);
        }
    }
    out
}

/// The entries flattened in section order: what the tabular formats write row by row.
pub(crate) fn rows<'a>(list: &'a PublishedList, options: &ExportOptions) -> Vec<&'a PublishedSignatory> {
    sections(list, options).into_iter().flat_map(|s| s.entries).collect()
}

/// The signer's name and title, when the options ask for them and the signer is named.
pub(crate) fn signer(s: &PublishedSignatory, with_signers: bool) -> Option<(String, Option<String>)> {
    if !with_signers {
        return None;
    }
    let name = s.signer_name.as_deref().map(clean).filter(|n| !n.is_empty())?;
    let title = s.signer_title.as_deref().map(clean).filter(|t| !t.is_empty());
    Some((name, title))
}

/// One entry as a line of text: "Eurochild — Jana Hainsworth, Secretary General".
pub(crate) fn entry_line(s: &PublishedSignatory, with_signers: bool) -> String {
    let mut line = clean(&s.display_name);
    if let Some((name, title)) = signer(s, with_signers) {
        line.push_str(" — ");
        line.push_str(&name);
        if let Some(title) = title {
            line.push_str(", ");
            line.push_str(&title);
        }
    }
    line
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing sentence: "Signed by 54 organisations from 19 countries.", with the
/// organisations that signed without being named counted after it.
pub fn count_line(list: &PublishedList) -> String {
    let named = list.signatories.len();
    let mut line = if named == 0 {
        "No organisations have signed yet.".to_string()
    } else {
        let countries: HashSet<&str> =
            list.signatories.iter().map(|s| s.country.trim()).filter(|c| !c.is_empty()).collect();
        format!(
            "Signed by {} from {}.",
            plural(named, "organisation", "organisations"),
            plural(countries.len(), "country", "countries")
        )
    };
    match list.unnamed {
        0 => {}
        1 => line.push_str(" 1 further organisation signed without being named."),
        n => line.push_str(&format!(" {n} further organisations signed without being named.")),
    }
    line
}

#[cfg(test)]
mod tests {
    use super::super::testing::{list, sig};
    use super::*;
    use crate::letters::publish::ExportFormat;

    fn names<'a>(entries: &[&'a PublishedSignatory]) -> Vec<&'a str> {
        entries.iter().map(|s| s.display_name.as_str()).collect()
    }

    fn options(order: SignatoryOrder, group_by_country: bool) -> ExportOptions {
        ExportOptions { format: ExportFormat::Txt, order, group_by_country, with_signers: false }
    }

    #[test]
    fn alpha_ignores_accents_and_case() {
        let l = list(vec![
            sig("Thorn", "US"),
            sig("Eurochild", "BE"),
            sig("École de la Paix", "FR"),
            sig("ecpat International", "TH"),
            sig("Defence for Children", "NL"),
            sig("Église Verte", "FR"),
            sig("Ekō", "US"),
        ]);
        assert_eq!(
            names(&ordered(&l, SignatoryOrder::Alpha)),
            [
                "Defence for Children",
                "École de la Paix",
                "ecpat International",
                "Église Verte",
                "Ekō",
                "Eurochild",
                "Thorn"
            ]
        );
    }

    #[test]
    fn alpha_ties_by_exact_name_whatever_the_input_order() {
        let forward = list(vec![sig("eurochild", "BE"), sig("Eurochild", "BE"), sig("Brave", "FR")]);
        let backward = list(vec![sig("Brave", "FR"), sig("Eurochild", "BE"), sig("eurochild", "BE")]);
        let expected = ["Brave", "Eurochild", "eurochild"];
        assert_eq!(names(&ordered(&forward, SignatoryOrder::Alpha)), expected);
        assert_eq!(names(&ordered(&backward, SignatoryOrder::Alpha)), expected);
    }

    #[test]
    fn country_order_uses_english_names() {
        // Codes would put DE before NL; English names put Germany before Netherlands and
        // Czechia (CZ) before Germany (DE) but Austria (AT) first.
        let l = list(vec![
            sig("Kinderschutz", "DE"),
            sig("CKM", "NL"),
            sig("Defence for Children", "NL"),
            sig("Linka bezpečí", "CZ"),
            sig("Die Möwe", "AT"),
            sig("Österreich Kinder", "AT"),
            sig("Child Focus", "BE"),
        ]);
        assert_eq!(
            names(&ordered(&l, SignatoryOrder::Country)),
            [
                "Die Möwe",
                "Österreich Kinder",
                "Child Focus",
                "Linka bezpečí",
                "Kinderschutz",
                "CKM",
                "Defence for Children"
            ]
        );
    }

    #[test]
    fn steering_first_then_alpha() {
        let mut thorn = sig("Thorn", "US");
        thorn.steering = true;
        let mut brave = sig("Brave Movement", "BE");
        brave.steering = true;
        let l = list(vec![sig("Action Enfance", "FR"), thorn, sig("Zonta", "DE"), brave, sig("Child Focus", "BE")]);
        assert_eq!(
            names(&ordered(&l, SignatoryOrder::SteeringFirst)),
            ["Brave Movement", "Thorn", "Action Enfance", "Child Focus", "Zonta"]
        );
    }

    #[test]
    fn grouping_orders_countries_by_name_and_keeps_the_order_inside() {
        let mut iwf = sig("Internet Watch Foundation", "GB");
        iwf.steering = true;
        let l = list(vec![
            sig("NSPCC", "GB"),
            iwf,
            sig("Child Focus", "BE"),
            sig("Eurochild", "BE"),
            sig("5Rights Foundation", "GB"),
            sig("Missing Children Europe", "BE"),
        ]);
        let grouped = sections(&l, &options(SignatoryOrder::SteeringFirst, true));
        let shape: Vec<(Option<&str>, Vec<&str>)> = grouped.iter().map(|s| (s.heading, names(&s.entries))).collect();
        assert_eq!(
            shape,
            [
                (Some("Belgium"), vec!["Child Focus", "Eurochild", "Missing Children Europe"]),
                (Some("United Kingdom"), vec!["Internet Watch Foundation", "5Rights Foundation", "NSPCC"]),
            ]
        );
        let alpha = sections(&l, &options(SignatoryOrder::Alpha, true));
        assert_eq!(names(&alpha[1].entries), ["5Rights Foundation", "Internet Watch Foundation", "NSPCC"]);
        let flat = sections(&l, &options(SignatoryOrder::Alpha, false));
        assert_eq!(flat.len(), 1);
        assert_eq!(flat[0].heading, None);
        assert_eq!(flat[0].entries.len(), 6);
    }

    #[test]
    fn count_line_singular_plural_and_unnamed() {
        let mut l = list(vec![]);
        assert_eq!(count_line(&l), "No organisations have signed yet.");
        l.unnamed = 1;
        assert_eq!(
            count_line(&l),
            "No organisations have signed yet. 1 further organisation signed without being named."
        );
        l.unnamed = 0;
        l.signatories.push(sig("Eurochild", "BE"));
        assert_eq!(count_line(&l), "Signed by 1 organisation from 1 country.");
        l.signatories.push(sig("Child Focus", "BE"));
        assert_eq!(count_line(&l), "Signed by 2 organisations from 1 country.");
        l.signatories.push(sig("Thorn", "US"));
        l.unnamed = 3;
        assert_eq!(
            count_line(&l),
            "Signed by 3 organisations from 2 countries. 3 further organisations signed without being named."
        );
    }

    #[test]
    fn signers_only_with_signers() {
        let mut s = sig("Eurochild", "BE");
        s.signer_name = Some("Jana Hainsworth".into());
        s.signer_title = Some("Secretary General".into());
        assert_eq!(entry_line(&s, false), "Eurochild");
        assert_eq!(entry_line(&s, true), "Eurochild — Jana Hainsworth, Secretary General");
        s.signer_title = None;
        assert_eq!(entry_line(&s, true), "Eurochild — Jana Hainsworth");
        s.signer_name = None;
        s.signer_title = Some("Secretary General".into());
        assert_eq!(entry_line(&s, true), "Eurochild");
    }

    #[test]
    fn clean_tidies_and_drops_control_characters() {
        assert_eq!(clean("  Child\u{0}  Focus\n "), "Child Focus");
        assert_eq!(clean("École\u{7}"), "École");
        let mut s = sig("\tEuro\u{1b}child\r", "BE");
        s.signer_name = Some("Jana\u{0} Hainsworth".into());
        assert_eq!(entry_line(&s, true), "Eurochild — Jana Hainsworth");
    }

    #[test]
    fn unknown_and_missing_countries_still_have_a_heading() {
        assert_eq!(country_name("BE"), "Belgium");
        assert_eq!(country_name("QQ"), "QQ");
        assert_eq!(country_name(""), "Country not given");
    }
}
