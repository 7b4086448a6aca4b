//! The types that cross the boundary: candidates in, outcomes and duplicate pairs out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An organisation that typed names can match: loaded by the store layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Candidate {
    /// The organisation's id.
    pub id: String,
    /// Its name, as stored.
    pub name: String,
    /// Its short name or acronym, if any.
    pub short_name: Option<String>,
}

/// An organisation whose name resembles a typed name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Suggestion {
    /// The organisation's id.
    pub id: String,
    /// Its name, as stored.
    pub name: String,
    /// How alike the names are, from 0 to 1 (1: the same match key).
    pub score: f64,
}

/// What a typed name matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MatchOutcome {
    /// Exactly one organisation has this name (or short name), by match key.
    Exact {
        /// The organisation's id.
        id: String,
        /// Its name, as stored.
        name: String,
    },
    /// No single exact match: the likeliest organisations, best first (at most three; none
    /// when nothing is alike). Several organisations sharing the exact key are listed here,
    /// each with a score of 1.
    Suggestions {
        /// The suggestions, best first.
        suggestions: Vec<Suggestion>,
    },
}

/// Why two organisations look like the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    /// Their names have the same match key.
    SameName,
    /// One's short name (or, for a one-word name, its name) is the other's name or its
    /// initials: `IWF` and `Internet Watch Foundation`.
    AcronymIsName,
    /// Their names are alike (typos, abbreviations, extra words).
    Similar,
}

/// Two organisations that are likely the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DuplicatePair {
    /// The first (by match key, then name, then id).
    pub a: Candidate,
    /// The second.
    pub b: Candidate,
    /// The strongest reason found.
    pub reason: DuplicateReason,
    /// How likely, from 0 to 1.
    pub score: f64,
}
