//! Matching names typed by people (web forms, partners' spreadsheets) to organisations, and
//! finding likely duplicate organisations.

mod duplicates;
mod index;
mod key;
mod matcher;
mod model;
mod score;
#[cfg(test)]
mod testdata;

pub use duplicates::{
    find_duplicates, ACRONYM_PAIR_SCORE, INITIALS_PAIR_SCORE, SAME_NAME_SCORE, SIMILAR_THRESHOLD,
};
pub use key::match_key;
pub use matcher::{Matcher, INITIALS_SUGGESTION_SCORE, MAX_SUGGESTIONS, SUGGESTION_THRESHOLD};
pub use model::{Candidate, DuplicatePair, DuplicateReason, MatchOutcome, Suggestion};
