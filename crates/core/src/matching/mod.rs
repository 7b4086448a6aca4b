//! Matching names typed by people (web forms, partners' spreadsheets) to organisations, and
//! finding likely duplicate organisations.
//!
//! Pure: it works on in-memory [`Candidate`] lists that the store layer loads, and returns
//! outcomes that the store layer applies.
//!
//! * [`match_key`]: the normal form of a typed name (folded; punctuation to spaces; `&` is
//!   `and`; a leading `the` dropped; dotted acronyms joined; apostrophes dropped).
//! * [`Matcher`]: built once from candidates; [`Matcher::find`] gives an exact match (same
//!   key as a name, or as a short name) or up to three suggestions.
//! * [`find_duplicates`]: likely duplicate pairs with their reason.
//!
//! # Similarity
//!
//! From 0 (nothing in common) to 1 (the same key), over the words of the match keys:
//!
//! * minor words (articles, prepositions and conjunctions of the main EU languages, legal
//!   forms such as `e.V.`, `AISBL`, `Ltd`, `Stichting`) weigh 0.25, other words 1;
//! * each word of one name is paired with at most one word of the other, best credit first:
//!   the same word 1; a typo 0.9 (one edit, a transposition counting as one, both words of
//!   five characters or more, same first letter), or 0.8 for two edits when both have ten
//!   or more; a prefix of three characters or more 0.6 to 0.9 by how much it covers
//!   (`child`/`children`); an abbreviation 0.6 (two to five letters found in order in a
//!   longer word with the same first letter: `nl`/`netherlands`, `intl`/`international`).
//!   Minor words only pair with themselves;
//! * overlap = Σ credit × (both weights) / (the weights of both names), a weighted Dice;
//! * score = overlap + (1 − overlap) × 0.25 × (shared leading words / longer word count),
//!   leading words counting when paired in the same position with a credit of 0.9 or more;
//! * when each name keeps a major word paired with nothing (`Sweden` / `Germany`), the names
//!   likely differ on purpose (branches, sister organisations): the score is capped at 0.78,
//!   below [`SIMILAR_THRESHOLD`];
//! * keys equal but for their spaces (`Euro Child` / `Eurochild`) score 0.95; different keys
//!   never score more than 0.99.
//!
//! Some scores: `Terre des Hommes NL` / `Terre des Hommes Netherlands` 0.90; `Eurochlid` /
//! `Eurochild` 0.93; `Save the Children Deutschland` / `Save the Children Germany` 0.75;
//! `Eurochild` / `Thorn` 0.
//!
//! Suggestions need [`SUGGESTION_THRESHOLD`] (0.55); duplicate pairs [`SIMILAR_THRESHOLD`]
//! (0.8).
//!
//! # Blocking
//!
//! Nothing compares all pairs. [`Matcher`] indexes candidates by name key, short-name key,
//! key without spaces, initials, major words (of names and short names) and one-edit
//! variants of words; a typed name is scored only against the 64 candidates sharing the most
//! words with it, plus those with the same key without spaces or initials.
//! [`find_duplicates`] compares names sharing a major word (words shared by up to 100
//! names), a pair of words one typo apart, or a key without spaces; names under a more
//! common word are compared with their 12 neighbours in three sorted orders (key without
//! spaces; major words with typos merged, forwards and backwards).

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
