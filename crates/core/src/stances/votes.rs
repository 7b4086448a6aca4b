//! Roll-call votes: imported from CSV (any encoding or delimiter), matched to MEPs by EP id
//! or by name (never guessed), stored with every position in one transaction, and kept as
//! stance evidence. A vote's result shows the counts by group and country and the stance
//! updates it suggests.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, Connection, OptionalExtension};

use super::model::*;
use super::store::{self, CURRENT_CTE};
use crate::audit;
use crate::dossiers;
use crate::error::{CoreError, FieldError, Result};
use crate::memberships::rules::{iso, required_date};
use crate::progress::{Progress, ProgressPhase};
use crate::store::{new_id, now, today};
use crate::tabular::Table;
use crate::text::{fold, tidy};
use crate::Store;

const VOTE: &str = "vote";

fn header_key(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Reads a position as written in roll-call files: for, against, abstention, did_not_vote in
/// any case (spaces or hyphens for underscores), "in favour", "in favor", "abstained", and
/// "no vote" with any qualifier after it.
pub fn parse_position(text: &str) -> std::result::Result<VotePosition, String> {
    let folded = fold(&tidy(text));
    match folded.as_str() {
        "in favour" | "in favor" => return Ok(VotePosition::For),
        "abstained" => return Ok(VotePosition::Abstention),
        // Registers write "no vote", "no vote - present", "no vote — not recorded present".
        f if f == "no vote" || f.starts_with("no vote ") => return Ok(VotePosition::DidNotVote),
        _ => {}
    }
    VotePosition::parse(&folded).map_err(|_| {
        format!("unknown position \"{}\" (expected for, against, abstention or did_not_vote)", text.trim())
    })
}

/// The level a position suggests; did_not_vote suggests nothing.
pub fn proposed_level(position: VotePosition) -> Option<StanceLevel> {
    match position {
        VotePosition::For => Some(StanceLevel::Supportive),
        VotePosition::Against => Some(StanceLevel::Opposed),
        VotePosition::Abstention => Some(StanceLevel::Undecided),
        VotePosition::DidNotVote => None,
    }
}

fn vote_from(row: &rusqlite::Row<'_>) -> rusqlite::Result<Vote> {
    Ok(Vote { id: row.get(0)?, dossier_id: row.get(1)?, voted_on: row.get(2)?, title: row.get(3)?, created_at: row.get(4)? })
}

/// One vote by id.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Vote> {
    conn.prepare_cached("SELECT id, dossier_id, voted_on, title, created_at FROM votes WHERE id = ?1")?
        .query_row([id], vote_from)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("no vote with id {id}")))
}

/// The votes on a dossier, newest first.
pub(crate) fn list(conn: &Connection, dossier_id: &str) -> Result<Vec<Vote>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, dossier_id, voted_on, title, created_at FROM votes WHERE dossier_id = ?1 ORDER BY voted_on DESC, created_at DESC",
    )?;
    let rows = stmt.query_map([dossier_id], vote_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

enum MepRef {
    Id(i64),
    Name(String),
}

struct MepIndex {
    by_ep_id: HashMap<i64, String>,
    /// Folded names ("given family", "family given", the official name) to person ids.
    by_name: HashMap<String, Vec<String>>,
}

fn mep_index(conn: &Connection) -> Result<MepIndex> {
    let mut stmt = conn.prepare_cached(
        "SELECT pm.person_id, pm.ep_id, p.given_name, p.family_name, pm.official_name
         FROM policy_makers pm JOIN people p ON p.id = pm.person_id WHERE pm.office = 'mep'",
    )?;
    let mut index = MepIndex { by_ep_id: HashMap::new(), by_name: HashMap::new() };
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, Option<String>>(4)?))
    })?;
    for row in rows {
        let (id, ep_id, given, family, official) = row?;
        if let Some(ep_id) = ep_id {
            index.by_ep_id.insert(ep_id, id.clone());
        }
        let mut keys = vec![fold(&format!("{given} {family}")), fold(&format!("{family} {given}"))];
        if let Some(official) = official {
            keys.push(fold(&official));
        }
        keys.sort();
        keys.dedup();
        for key in keys.into_iter().filter(|k| !k.is_empty()) {
            let ids = index.by_name.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id.clone());
            }
        }
    }
    Ok(index)
}

fn validate_vote(conn: &Connection, input: &VoteInput) -> Result<(dossiers::Dossier, String, String)> {
    let mut errors = Vec::new();
    let dossier = match dossiers::store::get(conn, &input.dossier_id) {
        Ok(d) => Some(d),
        Err(CoreError::NotFound(m)) => {
            errors.push(FieldError::new("dossier_id", m));
            None
        }
        Err(e) => return Err(e),
    };
    let voted_on = match required_date("voted_on", &input.voted_on) {
        Ok(d) if d > today() => {
            errors.push(FieldError::new("voted_on", format!("date {} is in the future", iso(d))));
            None
        }
        Ok(d) => Some(iso(d)),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let title = tidy(&input.title);
    if title.is_empty() {
        errors.push(FieldError::new("title", "title is required"));
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let (dossier, voted_on) = (dossier.expect("checked"), voted_on.expect("checked"));
    let mut same = conn.prepare_cached("SELECT title, created_at FROM votes WHERE dossier_id = ?1 AND voted_on = ?2")?;
    let existing: Vec<(String, String)> =
        same.query_map(params![dossier.id, voted_on], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    if let Some((_, at)) = existing.iter().find(|(t, _)| fold(t) == fold(&title)) {
        return Err(CoreError::Conflict(format!(
            "the vote \"{title}\" of {voted_on} on {} was already imported ({}); nothing was stored",
            dossier.reference,
            at.get(..10).unwrap_or(at)
        )));
    }
    Ok((dossier, voted_on, title))
}

/// Imports a roll-call vote from a table: one row per MEP. Bad positions and repeated MEPs
/// refuse the whole file; rows naming no known MEP are listed and left out; the vote and
/// its positions are written in the caller's transaction.
pub(crate) fn import(conn: &Connection, input: &VoteInput, table: &Table) -> Result<VoteImportReport> {
    import_with_progress(conn, input, table, &mut Progress::none())
}

/// Imports a roll-call vote from a CSV file in one transaction, reporting its progress; when
/// cancelled it returns `CoreError::Cancelled` and nothing is stored.
pub fn import_file_with_progress(
    store: &Store,
    input: &VoteInput,
    path: &std::path::Path,
    progress: &mut Progress<'_>,
) -> Result<VoteImportReport> {
    progress.phase(ProgressPhase::Reading, None)?;
    let table = crate::tabular::read_table(&crate::tabular::read_file(path)?)?;
    store.write(|conn| {
        let report = import_with_progress(conn, input, &table, progress)?;
        progress.phase(ProgressPhase::Finishing, None)?;
        Ok(report)
    })
}

/// [`import`], reporting each row matched and each position stored.
pub(crate) fn import_with_progress(
    conn: &Connection,
    input: &VoteInput,
    table: &Table,
    progress: &mut Progress<'_>,
) -> Result<VoteImportReport> {
    let (dossier, voted_on, title) = validate_vote(conn, input)?;
    let keys: Vec<String> = table.headers.iter().map(|h| header_key(h)).collect();
    let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
    let id_column = find(&["epid", "mepid", "memberid"]);
    let name_column = find(&["name", "fullname", "mep"]);
    let Some(position_column) = find(&["position", "vote"]) else {
        return Err(CoreError::BadFile("line 1: the file has no position column (position or vote)".into()));
    };
    if id_column.is_none() && name_column.is_none() {
        return Err(CoreError::BadFile(
            "line 1: the file has no MEP column (ep_id, mep_id or member_id; or name, full_name or mep)".into(),
        ));
    }
    let index = mep_index(conn)?;
    let mut errors: Vec<String> = Vec::new();
    let mut unmatched = Vec::new();
    let mut matched: Vec<(String, VotePosition)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut rows = 0;
    progress.phase(ProgressPhase::Matching, Some(table.rows.iter().filter(|r| !r.is_blank()).count() as u64))?;
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        progress.tick()?;
        rows += 1;
        let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(|c| tidy(c)).filter(|c| !c.is_empty());
        let position = match cell(Some(position_column)) {
            None => {
                errors.push(format!("line {}: position: position is required", row.line));
                continue;
            }
            Some(text) => match parse_position(&text) {
                Ok(p) => p,
                Err(message) => {
                    errors.push(format!("line {}: position: {message}", row.line));
                    continue;
                }
            },
        };
        let mep = match (cell(id_column), cell(name_column)) {
            (Some(id), _) => match id.parse::<i64>() {
                Ok(n) => MepRef::Id(n),
                Err(_) => {
                    unmatched.push(UnmatchedRow { line: row.line as u32, mep: id.clone(), reason: format!("\"{id}\" is not an EP id") });
                    continue;
                }
            },
            (None, Some(name)) => MepRef::Name(name),
            (None, None) => {
                errors.push(format!("line {}: mep: the row names no MEP", row.line));
                continue;
            }
        };
        let (written, person) = match &mep {
            MepRef::Id(n) => match index.by_ep_id.get(n) {
                Some(id) => (n.to_string(), id.clone()),
                None => {
                    unmatched.push(UnmatchedRow { line: row.line as u32, mep: n.to_string(), reason: format!("no MEP with EP id {n}") });
                    continue;
                }
            },
            MepRef::Name(name) => match index.by_name.get(&fold(name)).map(Vec::as_slice) {
                Some([id]) => (name.clone(), id.clone()),
                Some(ids) if ids.len() > 1 => {
                    unmatched.push(UnmatchedRow {
                        line: row.line as u32,
                        mep: name.clone(),
                        reason: format!("{} MEPs are named \"{name}\"; use an EP id column", ids.len()),
                    });
                    continue;
                }
                _ => {
                    unmatched.push(UnmatchedRow { line: row.line as u32, mep: name.clone(), reason: format!("no MEP named \"{name}\"") });
                    continue;
                }
            },
        };
        if let Some(first) = seen.get(&person) {
            errors.push(format!("line {}: mep: {written} is already on line {first}", row.line));
            continue;
        }
        seen.insert(person.clone(), row.line);
        matched.push((person, position));
    }
    if !errors.is_empty() {
        return Err(CoreError::BadFile(errors.join("\n")));
    }
    if matched.is_empty() {
        let listed: Vec<String> = unmatched.iter().map(|u| format!("line {}: mep: {}", u.line, u.reason)).collect();
        let mut message = "no row names a known MEP; nothing was stored".to_string();
        if !listed.is_empty() {
            message = format!("{message}\n{}", listed.join("\n"));
        }
        return Err(CoreError::BadFile(message));
    }
    let vote = Vote { id: new_id(), dossier_id: dossier.id.clone(), voted_on, title, created_at: now() };
    conn.prepare_cached("INSERT INTO votes (id, dossier_id, voted_on, title, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![vote.id, vote.dossier_id, vote.voted_on, vote.title, vote.created_at])?;
    let mut insert = conn.prepare_cached("INSERT INTO vote_positions (vote_id, person_id, position) VALUES (?1, ?2, ?3)")?;
    let mut counts = PositionCounts::default();
    progress.phase(ProgressPhase::Importing, Some(matched.len() as u64))?;
    for (person, position) in &matched {
        progress.tick()?;
        insert.execute(params![vote.id, person, position])?;
        counts.add(*position);
    }
    let after = serde_json::json!({
        "dossier": dossier.reference, "voted_on": vote.voted_on, "title": vote.title, "counts": counts,
        "unmatched": unmatched.len(),
    });
    audit::append(conn, VOTE, &vote.id, "import", None, Some(&after))?;
    Ok(VoteImportReport { rows, matched: matched.len() as u32, unmatched, result: result(conn, &vote.id)? })
}

fn should_propose(position: VotePosition, current: Option<(StanceLevel, &str)>, voted_on: &str) -> Option<StanceLevel> {
    let proposed = proposed_level(position)?;
    match current {
        Some((level, _)) if level == proposed => None,
        Some((StanceLevel::Champion, _)) if proposed == StanceLevel::Supportive => None,
        // A stance stated after the vote already says more than the vote does.
        Some((_, stated_on)) if stated_on > voted_on => None,
        _ => Some(proposed),
    }
}

/// A vote's counts, breakdowns and pending proposals: one query over its positions.
pub(crate) fn result(conn: &Connection, vote_id: &str) -> Result<VoteResult> {
    let vote = get(conn, vote_id)?;
    let dossier = dossiers::store::get(conn, &vote.dossier_id)?;
    let mut stmt = conn.prepare_cached(&format!(
        "WITH {CURRENT_CTE}
         SELECT vp.person_id, p.display_name, pm.group_code, p.country, vp.position, c.level, c.stated_on
         FROM vote_positions vp JOIN people p ON p.id = vp.person_id JOIN policy_makers pm ON pm.person_id = vp.person_id
         LEFT JOIN cur c ON c.person_id = vp.person_id AND c.rn = 1
         WHERE vp.vote_id = ?2 ORDER BY p.family_key, p.id"
    ))?;
    let rows = stmt.query_map(params![vote.dossier_id, vote.id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, VotePosition>(4)?,
            r.get::<_, Option<StanceLevel>>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    let mut counts = PositionCounts::default();
    let mut by_group: BTreeMap<String, PositionCounts> = BTreeMap::new();
    let mut by_country: BTreeMap<String, PositionCounts> = BTreeMap::new();
    let mut proposals = Vec::new();
    for row in rows {
        let (person_id, display_name, group_code, country, position, level, stated_on) = row?;
        counts.add(position);
        by_group.entry(group_code.clone().unwrap_or_default()).or_default().add(position);
        by_country.entry(country.clone().unwrap_or_default()).or_default().add(position);
        let current = level.zip(stated_on.as_deref());
        if let Some(proposed) = should_propose(position, current, &vote.voted_on) {
            proposals.push(StanceProposal { person_id, display_name, group_code, country, position, current: level, proposed });
        }
    }
    let breakdown = |map: BTreeMap<String, PositionCounts>| {
        map.into_iter().map(|(key, counts)| VoteBreakdown { key, counts }).collect::<Vec<_>>()
    };
    Ok(VoteResult {
        vote,
        dossier_reference: dossier.reference,
        counts,
        by_group: breakdown(by_group),
        by_country: breakdown(by_country),
        proposals,
    })
}

/// Records the proposed stances of these MEPs (evidence: the vote, dated the vote's day).
/// Every id must have a pending proposal. Returns how many stances were recorded.
pub(crate) fn accept(conn: &Connection, vote_id: &str, person_ids: Option<&[String]>) -> Result<u32> {
    let pending = result(conn, vote_id)?;
    let chosen: Vec<&StanceProposal> = match person_ids {
        None => pending.proposals.iter().collect(),
        Some(ids) => {
            let mut chosen = Vec::new();
            for id in ids {
                match pending.proposals.iter().find(|p| &p.person_id == id) {
                    Some(p) => chosen.push(p),
                    None => {
                        return Err(CoreError::invalid(
                            "person_id",
                            format!("the vote \"{}\" proposes no stance update for {id} (any more)", pending.vote.title),
                        ))
                    }
                }
            }
            chosen
        }
    };
    for proposal in &chosen {
        let input = StanceInput {
            person_id: proposal.person_id.clone(),
            dossier_id: pending.vote.dossier_id.clone(),
            level: proposal.proposed,
            stated_on: Some(pending.vote.voted_on.clone()),
            evidence: Some(EvidenceKind::Vote),
            source: Some(pending.vote.title.clone()),
            vote_id: Some(pending.vote.id.clone()),
            recorded_by: None,
        };
        store::insert(conn, &input)?;
    }
    Ok(chosen.len() as u32)
}
