//! Matching one typed name at a time against candidates indexed once.

use rustc_hash::FxHashMap as HashMap;
use std::cmp::Ordering;

use super::index::Index;
use super::model::{Candidate, MatchOutcome, Suggestion};
use super::score::{Profile, Scratch, TYPO_CREDIT};

/// The lowest score a suggestion may have.
pub const SUGGESTION_THRESHOLD: f64 = 0.55;
/// The most suggestions [`Matcher::find`] returns.
pub const MAX_SUGGESTIONS: usize = 3;
/// The score of a candidate whose name's initials are the typed word (`IWF` for `Internet
/// Watch Foundation` without a short name): a suggestion, never an exact match.
pub const INITIALS_SUGGESTION_SCORE: f64 = 0.7;
/// How many candidates, ranked by the words they share with the typed name, are scored.
const SHORTLIST: usize = 64;

/// Candidates indexed for matching typed names: build once, query many times.
#[derive(Debug, Clone)]
pub struct Matcher {
    index: Index,
}

impl Matcher {
    /// Indexes the candidates (their names and short names).
    pub fn new(candidates: Vec<Candidate>) -> Matcher {
        Matcher {
            index: Index::new(candidates),
        }
    }

    /// The number of candidates.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether there are no candidates.
    pub fn is_empty(&self) -> bool {
        self.index.len() == 0
    }

    /// What `text` matches.
    ///
    /// * [`MatchOutcome::Exact`] when the [`match_key`](super::match_key) of `text` equals the
    ///   key of exactly one candidate's name; failing any, of exactly one candidate's short
    ///   name (`IWF`, `iwf` and `I.W.F.` all match the short name `IWF`). Names take
    ///   precedence over short names.
    /// * When several candidates share that key, [`MatchOutcome::Suggestions`] lists them
    ///   (score 1), so that a person chooses.
    /// * Otherwise the [`MAX_SUGGESTIONS`] candidates most similar to `text` (see
    ///   [the similarity](super#similarity)), best first, with a score of at least [`SUGGESTION_THRESHOLD`];
    ///   possibly none. A typed word equal to the initials of a candidate's name scores
    ///   [`INITIALS_SUGGESTION_SCORE`].
    pub fn find(&self, text: &str) -> MatchOutcome {
        let query = Profile::new(text);
        if query.is_empty() {
            return MatchOutcome::Suggestions {
                suggestions: Vec::new(),
            };
        }
        for exact in [
            self.index.by_key.get(&query.key),
            self.index.by_short.get(&query.key),
        ] {
            match exact.map(Vec::as_slice) {
                Some([i]) => {
                    let c = &self.index.candidates[*i as usize];
                    return MatchOutcome::Exact {
                        id: c.id.clone(),
                        name: c.name.clone(),
                    };
                }
                Some(several) if !several.is_empty() => {
                    let scored = several.iter().map(|&i| (i, 1.0)).collect();
                    return MatchOutcome::Suggestions {
                        suggestions: self.best(scored),
                    };
                }
                _ => {}
            }
        }
        MatchOutcome::Suggestions {
            suggestions: self.best(self.score(&query)),
        }
    }

    /// The candidates sharing a block with `query`, scored.
    fn score(&self, query: &Profile) -> Vec<(u32, f64)> {
        let index = &self.index;
        // Shared major words (a near word counting TYPO_CREDIT) per candidate.
        let mut shared: HashMap<u32, f64> = HashMap::default();
        let mut seen_words: Vec<&str> = Vec::new();
        for w in query.words.iter().filter(|w| !w.minor) {
            if seen_words.contains(&w.text.as_str()) {
                continue;
            }
            seen_words.push(&w.text);
            let mut add = |word: &str, credit: f64| {
                for map in [&index.name_words, &index.short_words] {
                    for &i in map.get(word).map(Vec::as_slice).unwrap_or_default() {
                        let s = shared.entry(i).or_default();
                        *s += credit;
                    }
                }
            };
            add(&w.text, 1.0);
            for near in index.near_words(&w.text) {
                add(near, TYPO_CREDIT);
            }
        }
        let query_major = query.words.iter().filter(|w| !w.minor).count() as f64;
        let mut ranked: Vec<(u32, f64)> = shared
            .into_iter()
            .map(|(i, s)| {
                let estimate = 2.0 * s / (query_major + index.major_counts[i as usize] as f64);
                (i, estimate)
            })
            .collect();
        if ranked.len() > SHORTLIST {
            ranked.select_nth_unstable_by(SHORTLIST - 1, |x, y| {
                y.1.total_cmp(&x.1).then(x.0.cmp(&y.0))
            });
            ranked.truncate(SHORTLIST);
        }
        let mut pool: Vec<u32> = ranked.into_iter().map(|(i, _)| i).collect();
        if let Some(same) = index.by_compact.get(&query.compact) {
            pool.extend(same);
        }
        let initials_hits: &[u32] = if query.words.len() == 1 {
            index
                .by_initials
                .get(&query.key)
                .map(Vec::as_slice)
                .unwrap_or_default()
        } else {
            &[]
        };
        pool.extend(initials_hits);
        pool.sort_unstable();
        pool.dedup();
        let mut scratch = Scratch::default();
        pool.into_iter()
            .map(|i| {
                let mut score = scratch.similarity(query, &index.names[i as usize]);
                if let Some(short) = &index.shorts[i as usize] {
                    score = score.max(scratch.similarity(query, short));
                }
                if initials_hits.contains(&i) {
                    score = score.max(INITIALS_SUGGESTION_SCORE);
                }
                (i, score)
            })
            .filter(|&(_, s)| s >= SUGGESTION_THRESHOLD)
            .collect()
    }

    /// The best [`MAX_SUGGESTIONS`]: by score, then by name key, name and id.
    fn best(&self, mut scored: Vec<(u32, f64)>) -> Vec<Suggestion> {
        let index = &self.index;
        let order = |x: &(u32, f64), y: &(u32, f64)| -> Ordering {
            let (a, b) = (x.0 as usize, y.0 as usize);
            y.1.total_cmp(&x.1)
                .then_with(|| index.names[a].key.cmp(&index.names[b].key))
                .then_with(|| index.candidates[a].name.cmp(&index.candidates[b].name))
                .then_with(|| index.candidates[a].id.cmp(&index.candidates[b].id))
        };
        scored.sort_by(order);
        scored
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(i, score)| {
                let c = &index.candidates[i as usize];
                Suggestion {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    score,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::matching::match_key;
    use crate::matching::testdata::{planted, Planted};

    pub(crate) fn cand(id: &str, name: &str, short: Option<&str>) -> Candidate {
        Candidate {
            id: id.into(),
            name: name.into(),
            short_name: short.map(Into::into),
        }
    }

    fn coalition() -> Matcher {
        Matcher::new(vec![
            cand("brave", "Brave Movement", None),
            cand("ecpat", "ECPAT International", Some("ECPAT")),
            cand("eurochild", "Eurochild", None),
            cand("mce", "Missing Children Europe", Some("MCE")),
            cand("iwf", "Internet Watch Foundation", Some("IWF")),
            cand("tdh", "Terre des Hommes", None),
            cand("tdh-nl", "Terre des Hommes Netherlands", Some("TdH NL")),
            cand("thorn", "Thorn", None),
            cand("stc-de", "Save the Children Germany", None),
            cand(
                "nspcc",
                "National Society for the Prevention of Cruelty to Children",
                None,
            ),
            cand(
                "ncmec",
                "National Center for Missing & Exploited Children",
                Some("NCMEC"),
            ),
            cand("child-focus", "Child Focus", None),
            cand("chi", "Child Helpline International", None),
            cand("ijm-nl", "International Justice Mission Netherlands", None),
        ])
    }

    fn exact_id(outcome: MatchOutcome) -> String {
        match outcome {
            MatchOutcome::Exact { id, .. } => id,
            other => panic!("expected an exact match, got {other:?}"),
        }
    }

    fn suggestions(outcome: MatchOutcome) -> Vec<Suggestion> {
        match outcome {
            MatchOutcome::Suggestions { suggestions } => suggestions,
            other => panic!("expected suggestions, got {other:?}"),
        }
    }

    fn ids(list: &[Suggestion]) -> Vec<&str> {
        list.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn len_and_is_empty() {
        assert_eq!(coalition().len(), 14);
        assert!(!coalition().is_empty());
        let empty = Matcher::new(Vec::new());
        assert!(empty.is_empty());
        assert_eq!(
            empty.find("Eurochild"),
            MatchOutcome::Suggestions {
                suggestions: vec![]
            }
        );
    }

    #[test]
    fn exact_by_name_ignoring_case_accents_punctuation() {
        let m = coalition();
        assert_eq!(exact_id(m.find("Eurochild")), "eurochild");
        assert_eq!(exact_id(m.find("  EUROCHILD ")), "eurochild");
        assert_eq!(exact_id(m.find("Terre-des-Hommes")), "tdh");
        assert_eq!(exact_id(m.find("Terre des Hommès")), "tdh");
        assert_eq!(exact_id(m.find("Internet Watch Foundation.")), "iwf");
        assert_eq!(
            exact_id(m.find("National Center for Missing and Exploited Children")),
            "ncmec"
        );
        assert_eq!(
            m.find("Eurochild"),
            MatchOutcome::Exact {
                id: "eurochild".into(),
                name: "Eurochild".into()
            }
        );
    }

    #[test]
    fn exact_by_leading_the() {
        let m = coalition();
        assert_eq!(exact_id(m.find("The Brave Movement")), "brave");
        assert_eq!(exact_id(m.find("the brave movement")), "brave");
    }

    #[test]
    fn exact_by_acronym() {
        let m = coalition();
        assert_eq!(exact_id(m.find("IWF")), "iwf");
        assert_eq!(exact_id(m.find("iwf")), "iwf");
        assert_eq!(exact_id(m.find("I.W.F.")), "iwf");
        assert_eq!(exact_id(m.find("ECPAT")), "ecpat");
        assert_eq!(exact_id(m.find("TdH-NL")), "tdh-nl");
    }

    #[test]
    fn initials_without_a_short_name_are_only_suggested() {
        let m = coalition();
        let list = suggestions(m.find("NSPCC"));
        assert_eq!(ids(&list), vec!["nspcc"]);
        assert_eq!(list[0].score, INITIALS_SUGGESTION_SCORE);
        assert_eq!(ids(&suggestions(m.find("N.S.P.C.C."))), vec!["nspcc"]);
    }

    #[test]
    fn names_take_precedence_over_short_names() {
        let m = Matcher::new(vec![
            cand("named", "IWF", None),
            cand("full", "Internet Watch Foundation", Some("IWF")),
        ]);
        assert_eq!(exact_id(m.find("iwf")), "named");
    }

    #[test]
    fn several_exact_candidates_are_suggested() {
        let m = Matcher::new(vec![
            cand("2", "Eurochild", None),
            cand("1", "EUROCHILD", None),
            cand("3", "Thorn", None),
        ]);
        let list = suggestions(m.find("eurochild"));
        assert_eq!(ids(&list), vec!["1", "2"]);
        assert!(list.iter().all(|s| s.score == 1.0));
    }

    #[test]
    fn suggestions_for_abbreviations_typos_and_translations() {
        let m = coalition();
        let list = suggestions(m.find("Terre des Hommes NL"));
        assert_eq!(list[0].id, "tdh-nl");
        assert!(list[0].score >= 0.85, "{list:?}");
        assert_eq!(list[1].id, "tdh");

        let list = suggestions(m.find("Eurochlid"));
        assert_eq!(ids(&list), vec!["eurochild"]);
        assert!(list[0].score >= 0.85, "{list:?}");

        let list = suggestions(m.find("Save the Children Deutschland"));
        assert_eq!(ids(&list), vec!["stc-de"]);
        assert!(
            list[0].score < 0.85 && list[0].score >= SUGGESTION_THRESHOLD,
            "{list:?}"
        );

        let list = suggestions(m.find("Euro Child"));
        assert_eq!(ids(&list), vec!["eurochild"]);

        let list = suggestions(m.find("Internet Watch Fondation"));
        assert_eq!(ids(&list), vec!["iwf"]);

        let list = suggestions(m.find("Missing Children Europe AISBL"));
        assert_eq!(ids(&list), vec!["mce"]);
    }

    #[test]
    fn suggestions_are_at_most_three_best_first() {
        let m = Matcher::new(vec![
            cand("1", "Terre des Hommes Netherlands", None),
            cand("2", "Terre des Hommes Germany", None),
            cand("3", "Terre des Hommes Italia", None),
            cand("4", "Terre des Hommes Suisse", None),
            cand("5", "Terre des Hommes", None),
        ]);
        let list = suggestions(m.find("Terre des Hommes NL"));
        assert_eq!(list.len(), MAX_SUGGESTIONS);
        assert_eq!(list[0].id, "1");
        assert_eq!(list[1].id, "5");
        assert!(
            list.windows(2).all(|w| w[0].score >= w[1].score),
            "{list:?}"
        );
        assert!(list.iter().all(|s| s.score > 0.0 && s.score < 1.0));
    }

    #[test]
    fn unrelated_names_are_not_suggested() {
        let m = coalition();
        let list = suggestions(m.find("Eurochlid"));
        assert!(!ids(&list).contains(&"thorn"));
        assert!(suggestions(m.find("Amnesty International")).is_empty());
        assert!(suggestions(m.find("Children")).is_empty());
        assert!(suggestions(m.find("Red Cross")).is_empty());
        assert!(suggestions(m.find("Thorns and Roses Society")).is_empty());
        let m = Matcher::new(vec![cand("thorn", "Thorn", None)]);
        assert!(suggestions(m.find("Eurochild")).is_empty());
    }

    #[test]
    fn empty_input_gives_no_suggestions() {
        let m = coalition();
        assert!(suggestions(m.find("")).is_empty());
        assert!(suggestions(m.find("   ")).is_empty());
        assert!(suggestions(m.find("-- ? --")).is_empty());
    }

    /// The organisations of a planted set (without the planted duplicates) and the planted
    /// names, each with the id it should match and whether exactly.
    fn planted_queries(n: usize, seed: u64) -> (Vec<Candidate>, Vec<(String, String, bool)>) {
        let Planted { candidates, pairs } = planted(n, seed);
        let by_id: HashMap<&str, &Candidate> =
            candidates.iter().map(|c| (c.id.as_str(), c)).collect();
        let queries = pairs
            .iter()
            .map(|(base, dup, _)| {
                let (base, dup) = (by_id[base.as_str()], by_id[dup.as_str()]);
                let key = match_key(&dup.name);
                let exact = key == match_key(&base.name)
                    || base.short_name.as_deref().map(match_key) == Some(key);
                (dup.name.clone(), base.id.clone(), exact)
            })
            .collect();
        let originals = candidates
            .into_iter()
            .filter(|c| !c.id.starts_with("dup-"))
            .collect();
        (originals, queries)
    }

    #[test]
    fn finds_planted_names_among_10k() {
        let (originals, queries) = planted_queries(10_000, 5);
        let m = Matcher::new(originals.clone());
        assert_eq!(m.len(), originals.len());
        for (text, id, exact) in &queries {
            match m.find(text) {
                MatchOutcome::Exact { id: got, .. } => {
                    assert!(*exact, "{text:?}: unexpected exact match");
                    assert_eq!(&got, id, "{text:?}");
                }
                MatchOutcome::Suggestions { suggestions } => {
                    assert!(
                        !*exact,
                        "{text:?}: expected an exact match, got {suggestions:?}"
                    );
                    assert_eq!(
                        suggestions.first().map(|s| s.id.as_str()),
                        Some(id.as_str()),
                        "{text:?}"
                    );
                }
            }
        }
        for c in originals.iter().step_by(10) {
            assert_eq!(exact_id(m.find(&c.name)), c.id);
        }
        assert!(suggestions(m.find("Qwyzx Plorb")).is_empty());
    }

    /// Timing, not a check: `cargo test --release -p coalition-core --lib matching --
    /// --ignored --nocapture`.
    #[test]
    #[ignore]
    fn time_matching_1000_names_against_10k() {
        let (originals, queries) = planted_queries(10_200, 9);
        // The planted names, then names with two letters of their first word swapped.
        let typos = originals.iter().step_by(12).filter_map(|c| {
            let mut chars: Vec<char> = c.name.chars().collect();
            (chars.len() > 4 && chars[2] != chars[3]).then(|| {
                chars.swap(2, 3);
                chars.into_iter().collect::<String>()
            })
        });
        let texts: Vec<String> = queries
            .into_iter()
            .map(|q| q.0)
            .chain(typos)
            .take(1_000)
            .collect();
        let start = std::time::Instant::now();
        let m = Matcher::new(originals);
        let built = start.elapsed();
        let found = texts
            .iter()
            .filter(|t| match m.find(t) {
                MatchOutcome::Exact { .. } => true,
                MatchOutcome::Suggestions { suggestions } => !suggestions.is_empty(),
            })
            .count();
        eprintln!(
            "Matcher over {}: built in {built:?}; {} names matched in {:?} ({found} with a result)",
            m.len(),
            texts.len(),
            start.elapsed() - built
        );
    }

    #[test]
    fn outcome_serialises_with_a_kind_tag() {
        let exact = MatchOutcome::Exact {
            id: "1".into(),
            name: "Thorn".into(),
        };
        assert_eq!(
            serde_json::to_value(&exact).unwrap(),
            serde_json::json!({"kind": "exact", "id": "1", "name": "Thorn"})
        );
        let none = MatchOutcome::Suggestions {
            suggestions: vec![Suggestion {
                id: "1".into(),
                name: "Thorn".into(),
                score: 0.5,
            }],
        };
        let json = serde_json::to_value(&none).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "suggestions", "suggestions": [{"id": "1", "name": "Thorn", "score": 0.5}]})
        );
        assert_eq!(serde_json::from_value::<MatchOutcome>(json).unwrap(), none);
    }
}
