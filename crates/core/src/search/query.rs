//! Turning what was typed into an FTS5 query, and ranking what it finds.

use rusqlite::Connection;

use super::model::{SearchHit, SearchKind};
use crate::error::Result;
use crate::text::fold;

/// Words beyond this many are ignored: nobody types more, and each one costs a doclist.
const MAX_TOKENS: usize = 8;

/// A query matching more entries than this is ranked on names only, and one still matching
/// more is not ranked at all but listed newest first: bm25 costs a little per match, and a
/// short prefix in a big store matches tens of thousands of entries.
const RANK_CAP: i64 = 4000;

/// The FTS5 expression for what was typed: folded like the index, every word ANDed as a
/// quoted string (so no character can be FTS syntax), the last one a prefix. `None` when
/// nothing searchable was typed.
pub fn match_expression(query: &str) -> Option<String> {
    let folded = fold(query);
    let tokens: Vec<&str> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).take(MAX_TOKENS).collect();
    let last = tokens.len().checked_sub(1)?;
    let parts: Vec<String> = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| if i == last { format!("\"{token}\"*") } else { format!("\"{token}\"") })
        .collect();
    Some(parts.join(" "))
}

struct Candidate {
    hit: SearchHit,
    keys: String,
    score: f64,
}

pub(super) fn run(conn: &Connection, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let Some(expression) = match_expression(query) else {
        return Ok(Vec::new());
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let names_only = format!("{{name}} : ({expression})");
    // Candidates: ranked by bm25 (names weigh ten times the rest) when the match set is small
    // enough, so the best entries are among them; the bonus below then reorders them.
    let candidates = if matches_at_most(conn, &expression, RANK_CAP)? {
        ranked(conn, &expression, limit)?
    } else if matches_at_most(conn, &names_only, RANK_CAP)? {
        ranked(conn, &names_only, limit)?
    } else {
        newest(conn, &names_only, limit)?
    };
    let folded_query = fold(query);
    let mut scored: Vec<(u8, Candidate)> = candidates
        .into_iter()
        .map(|c| {
            // Exact title, then an exact short name, acronym or reference, then a title that
            // starts with what was typed, then the rest by bm25.
            let title = fold(&c.hit.title);
            let tier = if title == folded_query {
                0
            } else if c.keys.split(' ').any(|key| key == folded_query) {
                1
            } else if title.starts_with(&folded_query) {
                2
            } else {
                3
            };
            (tier, c)
        })
        .collect();
    scored.sort_by(|(ta, a), (tb, b)| ta.cmp(tb).then(a.score.total_cmp(&b.score)));
    Ok(scored.into_iter().take(limit as usize).map(|(_, c)| c.hit).collect())
}

fn matches_at_most(conn: &Connection, expression: &str, cap: i64) -> Result<bool> {
    let count: i64 = conn
        .prepare_cached("SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 LIMIT ?2)")?
        .query_row(rusqlite::params![expression, cap + 1], |row| row.get(0))?;
    Ok(count <= cap)
}

/// How many ranked candidates are re-ordered with the title bonus.
fn pool(limit: u32) -> i64 {
    i64::from(limit.saturating_mul(3).max(60))
}

fn ranked(conn: &Connection, expression: &str, limit: u32) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.kind, d.record_id, d.title, d.subtitle, d.keys, c.score
         FROM (SELECT rowid, bm25(search_fts, 10.0, 1.0) AS score FROM search_fts
               WHERE search_fts MATCH ?1 ORDER BY score LIMIT ?2) c
         JOIN search_docs d ON d.doc_id = c.rowid
         ORDER BY c.score",
    )?;
    let rows = stmt.query_map(rusqlite::params![expression, pool(limit)], candidate)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn newest(conn: &Connection, expression: &str, limit: u32) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.kind, d.record_id, d.title, d.subtitle, d.keys, 0.0
         FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) c
         JOIN search_docs d ON d.doc_id = c.rowid
         ORDER BY c.rowid DESC",
    )?;
    let rows = stmt.query_map(rusqlite::params![expression, i64::from(limit)], candidate)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn candidate(row: &rusqlite::Row<'_>) -> rusqlite::Result<Candidate> {
    Ok(Candidate {
        hit: SearchHit { kind: row.get::<_, SearchKind>(0)?, id: row.get(1)?, title: row.get(2)?, subtitle: row.get(3)? },
        keys: row.get(4)?,
        score: row.get(5)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_are_folded_quoted_and_end_in_a_prefix() {
        assert_eq!(match_expression("Mié KOH").as_deref(), Some("\"mie\" \"koh\"*"));
        assert_eq!(match_expression("\"a\" OR b* NEAR(c) -d ^e:f").as_deref(),
            Some("\"a\" \"or\" \"b\" \"near\" \"c\" \"d\" \"e\" \"f\"*"));
        assert_eq!(match_expression("  *()\"- "), None);
        assert_eq!(match_expression(""), None);
    }
}
