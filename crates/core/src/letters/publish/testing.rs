//! Builders for the tests of the renderers.

use super::model::{ExportFormat, ExportOptions, PublishedList, PublishedSignatory, SignatoryOrder};

/// A signatory without signer, date or steering seat.
pub(crate) fn sig(name: &str, country: &str) -> PublishedSignatory {
    PublishedSignatory {
        organisation: format!("{name} (registered)"),
        display_name: name.to_string(),
        country: country.to_string(),
        signer_name: None,
        signer_title: None,
        signed_on: None,
        steering: false,
    }
}

/// A signatory with a named signer.
pub(crate) fn signed(name: &str, country: &str, signer: &str, title: Option<&str>) -> PublishedSignatory {
    PublishedSignatory {
        signer_name: Some(signer.to_string()),
        signer_title: title.map(str::to_string),
        signed_on: Some("2022-06-14".to_string()),
        ..sig(name, country)
    }
}

/// A list of the given signatories, none unnamed.
pub(crate) fn list(signatories: Vec<PublishedSignatory>) -> PublishedList {
    PublishedList {
        reference: "open-letter-2022".to_string(),
        title: "Open letter in support of the CSA Regulation".to_string(),
        signatories,
        unnamed: 0,
    }
}

/// A small realistic list: accents, a steering member, signers with and without titles.
pub(crate) fn sample() -> PublishedList {
    let mut eurochild = signed("Eurochild", "BE", "Jana Hainsworth", Some("Secretary General"));
    eurochild.steering = true;
    let mut brave = signed("Be Brave Movement France", "FR", "Mié Kohiyama", Some("Co-founder"));
    brave.organisation = "Brave Movement France".to_string();
    let mut l = list(vec![
        signed("Child Focus", "BE", "Heidi De Pauw", Some("CEO")),
        eurochild,
        sig("École de la Paix", "FR"),
        brave,
        signed("Thorn", "US", "Cathal Delaney", None),
    ]);
    l.unnamed = 2;
    l
}

/// Options for a format, alpha, ungrouped, with signers.
pub(crate) fn opts(format: ExportFormat) -> ExportOptions {
    ExportOptions { format, order: SignatoryOrder::Alpha, group_by_country: false, with_signers: true }
}

/// A list of `n` signatories over a few countries, with accented names.
pub(crate) fn many(n: usize) -> PublishedList {
    let countries = ["BE", "FR", "DE", "NL", "ES", "IT", "PL", "SE", "GB", "US"];
    let prefixes = ["École", "Fondation", "Stichting", "Asociación", "Związek", "Föreningen", "Child"];
    let signatories = (0..n)
        .map(|i| {
            let name = format!("{} numéro {i:05}", prefixes[i % prefixes.len()]);
            let mut s = signed(&name, countries[i % countries.len()], "Mié Kohiyama", Some("Co-founder"));
            s.steering = i % 50 == 0;
            s
        })
        .collect();
    list(signatories)
}
