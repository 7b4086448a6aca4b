//! Global search: one SQLite FTS5 index over organisations, people and policy-makers, events,
//! letters, interactions and dossiers (`migrations/0008_search.sql`), kept in step by triggers
//! inside every writing transaction. Text is folded for case and accents (`text::fold`) on both
//! sides, the last word typed is a prefix, and organisations are also found by their acronym.

mod model;
mod query;
mod sql_functions;

pub use model::{SearchHit, SearchKind};
pub use query::match_expression;
pub use sql_functions::{acronym, register_functions};

use crate::error::Result;
use crate::Store;

/// The most hits one search returns, whatever `limit` asks for.
pub const MAX_LIMIT: u32 = 200;

/// Searches everything for `query`, best match first, at most `limit` hits (capped at
/// [`MAX_LIMIT`]). Any text is accepted: FTS syntax characters are treated as spaces, and a
/// query without a letter or digit finds nothing.
pub fn search(store: &Store, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
    store.read(|conn| query::run(conn, query, limit.min(MAX_LIMIT)))
}
