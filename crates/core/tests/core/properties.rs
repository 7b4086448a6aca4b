//! Property tests: the name folding that decides "the same name" for uniqueness, matching and
//! search, and validation that refuses bad input by field instead of failing.

use coalition_core::matching::match_key;
use coalition_core::organisations::{self, NewOrganisation, OrgType, OrganisationInput};
use coalition_core::text::{fold, tidy};
use coalition_core::CoreError;
use proptest::prelude::*;

/// Words in Latin letters with the accents of EU languages, as names are typed.
fn name() -> impl Strategy<Value = String> {
    let word = proptest::string::string_regex("[A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚț]{1,12}").unwrap();
    proptest::collection::vec(word, 1..5).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn folding_is_idempotent(s in name()) {
        prop_assert_eq!(fold(&fold(&s)), fold(&s));
    }

    #[test]
    fn folding_ignores_case(s in name()) {
        prop_assert_eq!(fold(&s.to_lowercase()), fold(&s));
        prop_assert_eq!(fold(&s.to_uppercase()), fold(&s));
    }

    #[test]
    fn folding_ignores_spacing(s in name(), pad in " {1,3}") {
        let spaced = format!("{pad}{}{pad}", s.replace(' ', &format!(" {pad}")));
        prop_assert_eq!(fold(&spaced), fold(&s));
        prop_assert_eq!(tidy(&spaced), s.clone());
    }

    #[test]
    fn folded_names_are_plain(s in name()) {
        let folded = fold(&s);
        prop_assert!(folded.is_ascii(), "{folded:?} from {s:?}");
        prop_assert!(!folded.chars().any(|c| c.is_ascii_uppercase()));
        prop_assert_eq!(folded.trim(), folded.as_str());
    }

    #[test]
    fn a_leading_the_and_punctuation_do_not_change_the_match_key(s in name()) {
        prop_assert_eq!(match_key(&format!("The {s}")), match_key(&s));
        prop_assert_eq!(match_key(&format!("{s}.")), match_key(&s));
    }

    #[test]
    fn validation_refuses_by_field_and_never_panics(name in ".{0,80}", country in ".{0,12}") {
        static STORE: std::sync::OnceLock<coalition_core::Store> = std::sync::OnceLock::new();
        let store = STORE.get_or_init(|| coalition_core::Store::open_in_memory().unwrap());
        let input = OrganisationInput { name, country, org_type: OrgType::Ngo, ..Default::default() };
        match organisations::create(store, NewOrganisation { organisation: input, membership: None }) {
            Ok(detail) => prop_assert!(!detail.organisation.name.trim().is_empty()),
            Err(CoreError::Invalid(errors)) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.iter().all(|e| e.field == "name" || e.field == "country"), "{errors:?}");
            }
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }
}
