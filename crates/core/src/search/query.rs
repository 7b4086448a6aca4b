//! Turning what was typed into an FTS5 query, and ranking what it finds.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::model::{SearchHit, SearchKind};
use crate::error::Result;
use crate::text::fold;

/// Words beyond this many are ignored: nobody types more, and each one costs a doclist.
const MAX_TOKENS: usize = 8;

/// How many entries each of the three candidate queries reads at most (newest first). Every
/// candidate costs one primary-key read of `search_docs`, so the pool is bounded whatever the
/// query matches; a kind-balanced pick among them needs a few times what is shown.
fn pool(limit: u32) -> i64 {
    i64::from(limit.saturating_mul(4).clamp(80, 800))
}

/// The FTS5 expression for what was typed: folded like the index, every word ANDed as a
/// quoted string (so no character can be FTS syntax), the last one a prefix. `None` when
/// nothing searchable was typed.
pub fn match_expression(query: &str) -> Option<String> {
    let tokens = tokens(query);
    let last = tokens.len().checked_sub(1)?;
    let parts: Vec<String> = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| if i == last { format!("\"{token}\"*") } else { format!("\"{token}\"") })
        .collect();
    Some(parts.join(" "))
}

fn tokens(query: &str) -> Vec<String> {
    let folded = fold(query);
    folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).take(MAX_TOKENS).map(str::to_string).collect()
}

/// Organisations and people whose name, short name or family name starts with what was
/// typed: indexed ranges over the folded keys the lists and pickers already use (an FTS5
/// `^"phrase"*` query does the same but reads every entry that has the words).
const NAME_KEYS: &str = "SELECT d.doc_id, d.kind, d.record_id, d.title, d.subtitle, d.keys
     FROM (SELECT id FROM (SELECT id FROM organisations WHERE archived = 0 AND name_key >= ?1 AND name_key < ?2
                            ORDER BY name_key LIMIT ?3)
           UNION SELECT id FROM (SELECT id FROM organisations WHERE short_name_key >= ?1 AND short_name_key < ?2
                            ORDER BY short_name_key LIMIT ?3)
           UNION SELECT id FROM (SELECT id FROM people WHERE archived = 0 AND family_key >= ?1 AND family_key < ?2
                            ORDER BY family_key LIMIT ?3)
           UNION SELECT id FROM (SELECT id FROM people WHERE name_key >= ?1 AND name_key < ?2
                            ORDER BY name_key LIMIT ?3)) r
     JOIN search_docs d ON d.record_id = r.id";

/// Where a candidate was found; a lower value ranks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Found {
    /// Its name, short name or family name starts with what was typed.
    NameKey,
    /// Its name has every word.
    Name,
    /// Only its other text (notes, emails, outcome...) has some of them.
    Elsewhere,
}

struct Candidate {
    doc_id: i64,
    hit: SearchHit,
    keys: String,
    found: Found,
}

/// Searches without bm25: bm25 reads the whole doclist of every word to weigh it, and a
/// short prefix ("s", "de s") has hundreds of thousands of entries, which took tens of
/// milliseconds whatever the limit. Instead bounded reads: organisations and people whose
/// folded name, short name or family name starts with what was typed (indexed ranges), then
/// the newest index entries with every word in their names, then with every word anywhere
/// (only when names gave too few). Candidates are ranked by an exact title, an exact short name,
/// acronym or reference, a title starting with what was typed, where they were found, then
/// the shorter title; the pick keeps several kinds in view when one kind (the engagement log)
/// would fill every place.
pub(super) fn run(conn: &Connection, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let Some(expression) = match_expression(query) else {
        return Ok(Vec::new());
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let pool = pool(limit);
    let key = fold(query.trim());
    let mut candidates: Vec<Candidate> =
        read(conn, NAME_KEYS, rusqlite::params![key, format!("{key}\u{10FFFF}"), i64::from(limit)], Found::NameKey)?;
    let mut seen: HashSet<i64> = candidates.iter().map(|c| c.doc_id).collect();
    let mut gather = |expression: &str, found: Found| -> Result<usize> {
        let found_now = read(conn, MATCHING, rusqlite::params![expression, pool], found)?;
        let n = found_now.len();
        candidates.extend(found_now.into_iter().filter(|c| seen.insert(c.doc_id)));
        Ok(n)
    };
    let names = gather(&format!("{{name}} : ({expression})"), Found::Name)?;
    if names < limit as usize {
        gather(&expression, Found::Elsewhere)?;
    }

    let folded_query = fold(query);
    let mut ranked: Vec<((u8, Found, usize), Candidate)> = candidates
        .into_iter()
        .map(|c| {
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
            ((tier, c.found, title.chars().count()), c)
        })
        .collect();
    // Stable: equal ranks keep the index's newest-first order.
    ranked.sort_by(|(a, _), (b, _)| a.cmp(b));
    Ok(balanced(ranked.into_iter().map(|(_, c)| c.hit).collect(), limit as usize))
}

/// The first `limit` hits, except that one kind takes at most half the places while other
/// kinds have hits to show; the order stays the ranking's.
fn balanced(hits: Vec<SearchHit>, limit: usize) -> Vec<SearchHit> {
    if hits.len() <= limit {
        return hits;
    }
    let share = limit.div_ceil(2);
    let mut per_kind: HashMap<SearchKind, usize> = HashMap::new();
    let mut chosen = vec![false; hits.len()];
    let mut count = 0;
    for (i, hit) in hits.iter().enumerate() {
        let taken = per_kind.entry(hit.kind).or_default();
        if count < limit && *taken < share {
            *taken += 1;
            chosen[i] = true;
            count += 1;
        }
    }
    for flag in chosen.iter_mut() {
        if count >= limit {
            break;
        }
        if !*flag {
            *flag = true;
            count += 1;
        }
    }
    hits.into_iter().zip(chosen).filter(|(_, keep)| *keep).map(|(hit, _)| hit).collect()
}

/// The newest entries matching an FTS5 expression.
const MATCHING: &str = "SELECT d.doc_id, d.kind, d.record_id, d.title, d.subtitle, d.keys
     FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) c
     JOIN search_docs d ON d.doc_id = c.rowid
     ORDER BY c.rowid DESC";

fn read(conn: &Connection, sql: &str, params: impl rusqlite::Params, found: Found) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |row| {
        Ok(Candidate {
            doc_id: row.get(0)?,
            hit: SearchHit { kind: row.get::<_, SearchKind>(1)?, id: row.get(2)?, title: row.get(3)?, subtitle: row.get(4)? },
            keys: row.get(5)?,
            found,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
