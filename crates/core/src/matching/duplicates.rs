//! Likely duplicate organisations, found by blocking: only candidates that share a key, an
//! acronym, a word (or a near word) are ever compared, never all pairs.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::index::Index;
use super::model::{Candidate, DuplicatePair, DuplicateReason};
use super::score::{Profile, Scratch, LEADING_BONUS, SPACING_SCORE};

/// The lowest similarity that makes two names a [`DuplicateReason::Similar`] pair.
pub const SIMILAR_THRESHOLD: f64 = 0.8;
/// The score of a pair whose match keys are equal.
pub const SAME_NAME_SCORE: f64 = 1.0;
/// The score of a pair where one's short name is the other's name.
pub const ACRONYM_PAIR_SCORE: f64 = 0.95;
/// The score of a pair where one's one-word name is the initials of the other's name (and
/// no short name says so).
pub const INITIALS_PAIR_SCORE: f64 = 0.85;
/// Blocks (candidates sharing a word) up to this size are compared pair by pair; larger
/// ones (very common words) only within a sliding window over their names sorted three ways.
const BLOCK_CAP: usize = 100;
/// The window of a large block: each name is compared with the next ones.
const WINDOW: usize = 12;

/// Likely duplicate pairs among `candidates`, strongest first.
///
/// A pair is reported when:
/// * their names have the same [`match_key`](super::match_key):
///   [`DuplicateReason::SameName`], score [`SAME_NAME_SCORE`];
/// * one's short name has the key of the other's name (`Internet Watch Foundation`, short
///   name `IWF`, and an organisation named `I.W.F.`): [`DuplicateReason::AcronymIsName`],
///   score [`ACRONYM_PAIR_SCORE`]; or one's one-word name is the initials of the other's name of
///   three or more words: same reason, score [`INITIALS_PAIR_SCORE`];
/// * their names are alike (see [the similarity](super#similarity)) with a score of at least
///   [`SIMILAR_THRESHOLD`]: [`DuplicateReason::Similar`], that score (at most 0.99).
///
/// Each unordered pair is reported once, with its strongest reason (same name, then
/// acronym, then similar). `a` comes before `b` by match key, then name, then id; pairs are
/// sorted by score (highest first), then by `a`, then by `b`.
///
/// Similar names are looked for only among names sharing a major word or a one-edit typo of
/// one (or the same key without spaces). A word shared by more than 100 names (`children`,
/// `foundation`) compares each name only with its 12 neighbours in three sorted orders, so two
/// names made only of very common words may be missed.
pub fn find_duplicates(candidates: &[Candidate]) -> Vec<DuplicatePair> {
    let index = Index::new(candidates.to_vec());
    let n = index.len();
    let rank = ranks(n, |a, b| {
        let (ca, cb) = (&index.candidates[a], &index.candidates[b]);
        (&index.names[a].key, &ca.name, &ca.id).cmp(&(&index.names[b].key, &cb.name, &cb.id))
    });
    let mut found = Found::default();

    // Same key.
    for list in index.by_key.values() {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                found.record(i, j, DuplicateReason::SameName, SAME_NAME_SCORE);
            }
        }
    }

    // A short name that is another's name; a one-word name that is another's initials.
    for i in 0..n as u32 {
        if let Some(short) = &index.shorts[i as usize] {
            for &j in index
                .by_key
                .get(&short.key)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                found.record(i, j, DuplicateReason::AcronymIsName, ACRONYM_PAIR_SCORE);
            }
        }
        let name = &index.names[i as usize];
        if name.words.len() == 1 {
            for &j in index
                .by_initials
                .get(&name.key)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                found.record(i, j, DuplicateReason::AcronymIsName, INITIALS_PAIR_SCORE);
            }
        }
    }

    // Similar names, within blocks.
    let classes = NearClasses::new(&index);
    let mut similar = Similar {
        index: &index,
        seen: HashSet::default(),
        found: &mut found,
        scratch: Scratch::default(),
    };
    for list in index.name_words.values().chain(index.by_compact.values()) {
        if list.len() <= BLOCK_CAP {
            similar.block(list);
        }
    }
    for (x, y) in &classes.near_pairs {
        let (xs, ys) = (&index.name_words[*x], &index.name_words[*y]);
        if xs.len() * ys.len() <= BLOCK_CAP * BLOCK_CAP {
            similar.cross(xs, ys);
        }
    }
    let large: Vec<&Vec<u32>> = index
        .name_words
        .values()
        .filter(|list| list.len() > BLOCK_CAP)
        .collect();
    if !large.is_empty() {
        let orders = [
            ranks(n, |a, b| {
                index.names[a].compact.cmp(&index.names[b].compact)
            }),
            classes.order(&index, false),
            classes.order(&index, true),
        ];
        let mut members: Vec<u32> = Vec::new();
        for order in &orders {
            for block in &large {
                members.clear();
                members.extend_from_slice(block);
                members.sort_unstable_by_key(|&i| order[i as usize]);
                for (k, &i) in members.iter().enumerate() {
                    for &j in members.iter().skip(k + 1).take(WINDOW) {
                        similar.pair(i, j);
                    }
                }
            }
        }
    }

    let mut pairs: Vec<(u32, u32, DuplicateReason, f64)> = found
        .pairs
        .into_iter()
        .map(|((i, j), (reason, score))| {
            if rank[i as usize] <= rank[j as usize] {
                (i, j, reason, score)
            } else {
                (j, i, reason, score)
            }
        })
        .collect();
    pairs.sort_by(|x, y| {
        y.3.total_cmp(&x.3)
            .then(rank[x.0 as usize].cmp(&rank[y.0 as usize]))
            .then(rank[x.1 as usize].cmp(&rank[y.1 as usize]))
    });
    pairs
        .into_iter()
        .map(|(i, j, reason, score)| DuplicatePair {
            a: index.candidates[i as usize].clone(),
            b: index.candidates[j as usize].clone(),
            reason,
            score,
        })
        .collect()
}

/// The pairs found so far, each with its strongest reason.
#[derive(Default)]
struct Found {
    pairs: HashMap<(u32, u32), (DuplicateReason, f64)>,
}

impl Found {
    fn record(&mut self, i: u32, j: u32, reason: DuplicateReason, score: f64) {
        if i == j {
            return;
        }
        let key = (i.min(j), i.max(j));
        let entry = self.pairs.entry(key).or_insert((reason, score));
        // `DuplicateReason` orders strongest first.
        if reason < entry.0 || (reason == entry.0 && score > entry.1) {
            *entry = (reason, score);
        }
    }

    fn has(&self, i: u32, j: u32) -> bool {
        self.pairs.contains_key(&(i.min(j), i.max(j)))
    }
}

/// Compares pairs of names once each.
struct Similar<'a> {
    index: &'a Index,
    seen: HashSet<u64>,
    found: &'a mut Found,
    scratch: Scratch,
}

impl Similar<'_> {
    fn block(&mut self, block: &[u32]) {
        if block.len() > BLOCK_CAP {
            return; // compared through the windows
        }
        for (k, &i) in block.iter().enumerate() {
            for &j in &block[k + 1..] {
                self.pair(i, j);
            }
        }
    }

    fn cross(&mut self, xs: &[u32], ys: &[u32]) {
        for &i in xs {
            for &j in ys {
                self.pair(i, j);
            }
        }
    }

    fn pair(&mut self, i: u32, j: u32) {
        // Always in the same order, so that the score never depends on the block.
        let (i, j) = (i.min(j), i.max(j));
        let key = (u64::from(i) << 32) | u64::from(j);
        if i == j || self.found.has(i, j) || !self.seen.insert(key) {
            return;
        }
        let (a, b) = (&self.index.names[i as usize], &self.index.names[j as usize]);
        if a.key == b.key || !may_reach(a, b) {
            return;
        }
        let score = self.scratch.similarity(a, b);
        if score >= SIMILAR_THRESHOLD {
            self.found.record(i, j, DuplicateReason::Similar, score);
        }
    }
}

/// A cheap bound: paired words always weigh the same on both sides, so the overlap is at
/// most twice the lighter name's weight over both weights.
fn may_reach(a: &Profile, b: &Profile) -> bool {
    if a.compact == b.compact {
        return SPACING_SCORE >= SIMILAR_THRESHOLD;
    }
    let (wa, wb) = (a.total_weight, b.total_weight);
    let overlap = 2.0 * wa.min(wb) / (wa + wb);
    overlap + (1.0 - overlap) * LEADING_BONUS >= SIMILAR_THRESHOLD
}

/// Major words one typo apart, grouped in classes, each named by its most frequent word.
struct NearClasses<'a> {
    /// Each pair of near words, once.
    near_pairs: Vec<(&'a str, &'a str)>,
    /// A word → the name of its class (only for words with near words).
    canonical: HashMap<&'a str, &'a str>,
}

impl<'a> NearClasses<'a> {
    fn new(index: &'a Index) -> NearClasses<'a> {
        let mut words: Vec<&'a str> = index.long_name_words().map(String::as_str).collect();
        words.sort_unstable();
        let position: HashMap<&str, usize> =
            words.iter().enumerate().map(|(k, w)| (*w, k)).collect();
        let mut parent: Vec<usize> = (0..words.len()).collect();
        fn root(parent: &mut [usize], mut k: usize) -> usize {
            while parent[k] != k {
                parent[k] = parent[parent[k]];
                k = parent[k];
            }
            k
        }
        let mut near_pairs = Vec::new();
        let mut has_near = vec![false; words.len()];
        for (k, &w) in words.iter().enumerate() {
            for near in index.near_words(w) {
                let Some(&m) = position.get(near) else {
                    continue;
                };
                if m > k {
                    near_pairs.push((w, words[m]));
                    has_near[k] = true;
                    has_near[m] = true;
                    let (rk, rm) = (root(&mut parent, k), root(&mut parent, m));
                    parent[rk.max(rm)] = rk.min(rm);
                }
            }
        }
        // Name each class (of two words or more) by its most frequent word.
        let df = |w: &str| index.name_words[w].len();
        let mut name: HashMap<usize, &'a str> = HashMap::default();
        for (k, &w) in words.iter().enumerate() {
            let r = root(&mut parent, k);
            if !has_near[k] {
                continue;
            }
            let best = name.entry(r).or_insert(w);
            if df(w) > df(best) {
                *best = w;
            }
        }
        let mut canonical = HashMap::default();
        for (k, &w) in words.iter().enumerate() {
            let r = root(&mut parent, k);
            if let Some(n) = name.get(&r) {
                canonical.insert(w, *n);
            }
        }
        NearClasses {
            near_pairs,
            canonical,
        }
    }

    /// Ranks by the major words of the name, each replaced by its class name (so names one
    /// typo apart sort together); `reversed`: last word first.
    fn order(&self, index: &Index, reversed: bool) -> Vec<u32> {
        let keys: Vec<String> = index
            .names
            .iter()
            .map(|p| {
                let mut words: Vec<&str> = p
                    .words
                    .iter()
                    .filter(|w| !w.minor)
                    .map(|w| {
                        self.canonical
                            .get(w.text.as_str())
                            .copied()
                            .unwrap_or(&w.text)
                    })
                    .collect();
                if reversed {
                    words.reverse();
                }
                words.join(" ")
            })
            .collect();
        ranks(index.len(), |a, b| keys[a].cmp(&keys[b]))
    }
}

/// Each candidate's position in the order `cmp`.
fn ranks(n: usize, cmp: impl Fn(usize, usize) -> std::cmp::Ordering) -> Vec<u32> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    let mut rank = vec![0u32; n];
    for (pos, i) in order.into_iter().enumerate() {
        rank[i] = pos as u32;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::testdata::{planted, Planted};

    fn cand(id: &str, name: &str, short: Option<&str>) -> Candidate {
        Candidate {
            id: id.into(),
            name: name.into(),
            short_name: short.map(Into::into),
        }
    }

    fn summary(pairs: &[DuplicatePair]) -> Vec<(String, String, DuplicateReason)> {
        pairs
            .iter()
            .map(|p| (p.a.id.clone(), p.b.id.clone(), p.reason))
            .collect()
    }

    fn s(a: &str, b: &str, r: DuplicateReason) -> (String, String, DuplicateReason) {
        (a.into(), b.into(), r)
    }

    #[test]
    fn same_name_folded() {
        let pairs = find_duplicates(&[
            cand("1", "Terre des Hommes", None),
            cand("2", "TERRE-DES-HOMMÈS", None),
            cand("3", "The Brave Movement", None),
            cand("4", "Brave Movement", None),
            cand("5", "Thorn", None),
        ]);
        assert_eq!(
            summary(&pairs),
            vec![
                s("4", "3", DuplicateReason::SameName),
                s("2", "1", DuplicateReason::SameName)
            ]
        );
        assert!(pairs.iter().all(|p| p.score == SAME_NAME_SCORE));
    }

    #[test]
    fn acronym_is_name() {
        let pairs = find_duplicates(&[
            cand("full", "Internet Watch Foundation", Some("IWF")),
            cand("acronym", "I.W.F.", None),
            cand("thorn", "Thorn", None),
        ]);
        assert_eq!(
            summary(&pairs),
            vec![s("full", "acronym", DuplicateReason::AcronymIsName)]
        );
        assert_eq!(pairs[0].score, ACRONYM_PAIR_SCORE);

        // Without a short name, the initials of the name.
        let pairs = find_duplicates(&[
            cand("full", "Internet Watch Foundation", None),
            cand("acronym", "IWF", None),
            cand("nspcc", "NSPCC", None),
            cand(
                "long",
                "National Society for the Prevention of Cruelty to Children",
                None,
            ),
        ]);
        assert_eq!(
            summary(&pairs),
            vec![
                s("full", "acronym", DuplicateReason::AcronymIsName),
                s("long", "nspcc", DuplicateReason::AcronymIsName)
            ]
        );
        assert!(pairs.iter().all(|p| p.score == INITIALS_PAIR_SCORE));
    }

    #[test]
    fn similar_names() {
        let pairs = find_duplicates(&[
            cand("tdh-nl", "Terre des Hommes NL", None),
            cand("tdh-netherlands", "Terre des Hommes Netherlands", None),
            cand("eurochlid", "Eurochlid", None),
            cand("eurochild", "Eurochild", None),
            cand("euro-child", "Euro-Child", None),
            cand("iwf", "Internet Watch Fondation", None),
            cand("iwf2", "Internet Watch Foundation", None),
        ]);
        let got = summary(&pairs);
        for want in [
            s("euro-child", "eurochild", DuplicateReason::Similar),
            s("eurochild", "eurochlid", DuplicateReason::Similar),
            s("iwf", "iwf2", DuplicateReason::Similar),
            s("tdh-netherlands", "tdh-nl", DuplicateReason::Similar),
        ] {
            assert!(got.contains(&want), "{want:?} missing from {got:?}");
        }
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(pairs
            .iter()
            .all(|p| p.score >= SIMILAR_THRESHOLD && p.score < 1.0));
        assert!(pairs.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn unrelated_and_sister_organisations_are_not_paired() {
        let pairs = find_duplicates(&[
            cand("1", "Eurochild", None),
            cand("2", "Thorn", None),
            cand("3", "Save the Children Germany", None),
            cand("4", "Save the Children Sweden", None),
            cand("5", "Child Focus", None),
            cand("6", "Child Helpline International", None),
            cand("7", "Missing Children Europe", Some("MCE")),
            cand("8", "ECPAT International", Some("ECPAT")),
            cand("9", "Terre des Hommes Germany", None),
            cand("10", "Terre des Hommes Netherlands", None),
            cand("11", "NSPCC", None),
            cand("12", "ISPCC", None),
        ]);
        assert!(pairs.is_empty(), "{:?}", summary(&pairs));
    }

    #[test]
    fn each_pair_once_with_its_strongest_reason() {
        let pairs = find_duplicates(&[
            // Same name and acronym at once: same name wins.
            cand("a", "IWF", Some("IWF")),
            cand("b", "I.W.F.", None),
            // Acronym and similar at once: acronym wins.
            cand("c", "Eurochild", Some("Eurochlid")),
            cand("d", "Eurochlid", None),
        ]);
        assert_eq!(
            summary(&pairs),
            vec![
                s("b", "a", DuplicateReason::SameName),
                s("c", "d", DuplicateReason::AcronymIsName)
            ]
        );
        let mut unordered: Vec<(String, String)> = pairs
            .iter()
            .map(|p| {
                let (x, y) = (p.a.id.clone(), p.b.id.clone());
                if x < y {
                    (x, y)
                } else {
                    (y, x)
                }
            })
            .collect();
        let before = unordered.len();
        unordered.sort();
        unordered.dedup();
        assert_eq!(unordered.len(), before);
    }

    #[test]
    fn empty_and_nameless_candidates() {
        assert!(find_duplicates(&[]).is_empty());
        assert!(find_duplicates(&[cand("1", "...", None), cand("2", "--", None)]).is_empty());
    }

    #[test]
    fn reason_serialises_in_snake_case() {
        assert_eq!(
            serde_json::to_value(DuplicateReason::AcronymIsName).unwrap(),
            "acronym_is_name"
        );
        assert_eq!(
            serde_json::to_value(DuplicateReason::SameName).unwrap(),
            "same_name"
        );
        assert_eq!(
            serde_json::to_value(DuplicateReason::Similar).unwrap(),
            "similar"
        );
    }

    #[test]
    fn finds_planted_duplicates_among_10k() {
        let Planted {
            candidates,
            pairs: planted,
        } = planted(10_000, 7);
        assert_eq!(candidates.len(), 10_000);
        let found = find_duplicates(&candidates);
        let by_pair: HashMap<(String, String), DuplicateReason> = found
            .iter()
            .map(|p| {
                let (x, y) = (p.a.id.clone(), p.b.id.clone());
                (if x < y { (x, y) } else { (y, x) }, p.reason)
            })
            .collect();
        assert_eq!(by_pair.len(), found.len(), "a pair reported twice");
        let mut missing = Vec::new();
        for (x, y, reason) in &planted {
            let key = if x < y {
                (x.clone(), y.clone())
            } else {
                (y.clone(), x.clone())
            };
            if by_pair.get(&key) != Some(reason) {
                missing.push((x, y, reason, by_pair.get(&key)));
            }
        }
        assert!(
            missing.is_empty(),
            "{} of {} missing: {missing:?}",
            missing.len(),
            planted.len()
        );
        let extra = found.len() - planted.len();
        let strong_extra = found
            .iter()
            .filter(|p| p.reason != DuplicateReason::Similar)
            .count()
            - planted
                .iter()
                .filter(|p| p.2 != DuplicateReason::Similar)
                .count();
        assert_eq!(strong_extra, 0, "unplanted same-name or acronym pairs");
        assert!(extra <= 20, "{extra} unplanted pairs");
    }

    /// Timing, not a check: `cargo test --release -p coalition-core --lib matching --
    /// --ignored --nocapture`.
    #[test]
    #[ignore]
    fn time_duplicates_at_scale() {
        for n in [10_000, 100_000] {
            let Planted {
                candidates,
                pairs: planted,
            } = planted(n, 11);
            let start = std::time::Instant::now();
            let found = find_duplicates(&candidates);
            let took = start.elapsed();
            let by_pair: HashSet<(String, String)> = found
                .iter()
                .flat_map(|p| {
                    [
                        (p.a.id.clone(), p.b.id.clone()),
                        (p.b.id.clone(), p.a.id.clone()),
                    ]
                })
                .collect();
            let hit = planted
                .iter()
                .filter(|(x, y, _)| by_pair.contains(&(x.clone(), y.clone())))
                .count();
            eprintln!(
                "find_duplicates over {n}: {took:?}; {} pairs, {hit} of {} planted",
                found.len(),
                planted.len()
            );
            let planted_set: HashSet<(String, String)> = planted
                .iter()
                .flat_map(|(x, y, _)| [(x.clone(), y.clone()), (y.clone(), x.clone())])
                .collect();
            for p in found
                .iter()
                .filter(|p| !planted_set.contains(&(p.a.id.clone(), p.b.id.clone())))
                .take(8)
            {
                eprintln!(
                    "  unplanted: {:.3} {:?} {:?} ~ {:?}",
                    p.score, p.reason, p.a.name, p.b.name
                );
            }
        }
    }
}
