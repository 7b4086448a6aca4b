//! Blocking: inverted indexes from keys, words, near words and initials to candidates, so
//! that only candidates sharing something with a name are ever scored.

use rustc_hash::FxHashMap as HashMap;

use super::model::Candidate;
use super::score::{is_one_edit, Profile, TYPO_MIN_LEN};

/// Candidates prepared and indexed.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    pub candidates: Vec<Candidate>,
    /// The profile of each candidate's name.
    pub names: Vec<Profile>,
    /// The profile of each candidate's short name, when it has a non-empty one.
    pub shorts: Vec<Option<Profile>>,
    /// Name key → candidates.
    pub by_key: HashMap<String, Vec<u32>>,
    /// Short-name key → candidates.
    pub by_short: HashMap<String, Vec<u32>>,
    /// Name key without spaces → candidates.
    pub by_compact: HashMap<String, Vec<u32>>,
    /// Initials of the name (three words or more) → candidates.
    pub by_initials: HashMap<String, Vec<u32>>,
    /// Major word of a name → candidates (each once, ascending).
    pub name_words: HashMap<String, Vec<u32>>,
    /// Major word of a short name → candidates (each once, ascending).
    pub short_words: HashMap<String, Vec<u32>>,
    /// The hash of a word (of [`TYPO_MIN_LEN`] characters or more) with one character
    /// deleted, past the first, or of the word itself → the indexed words it comes from
    /// (positions in `vocabulary`). A collision only costs a check.
    deletions: HashMap<u64, Vec<u32>>,
    /// The words of `deletions`.
    vocabulary: Vec<String>,
    /// The number of major words of each candidate's name.
    pub major_counts: Vec<u32>,
}

fn push_once(map: &mut HashMap<String, Vec<u32>>, key: &str, i: u32) {
    if let Some(list) = map.get_mut(key) {
        if list.last() != Some(&i) {
            list.push(i);
        }
    } else {
        map.insert(key.to_owned(), vec![i]);
    }
}

/// FNV-1a over byte slices, as if they were one.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The hashes of the word itself and of each variant with one character deleted, except
/// the first: two words one edit apart (past their first letter) share one of them.
pub(crate) fn deletion_hashes(word: &str, out: &mut Vec<u64>) {
    out.clear();
    let bytes = word.as_bytes();
    out.push(fnv(&[bytes]));
    let mut previous: Option<char> = None;
    for (k, (at, c)) in word.char_indices().enumerate() {
        if k > 0 && previous != Some(c) {
            // Deleting either of a double letter gives the same variant: only the first.
            out.push(fnv(&[&bytes[..at], &bytes[at + c.len_utf8()..]]));
        }
        previous = Some(c);
    }
}

impl Index {
    pub fn new(candidates: Vec<Candidate>) -> Index {
        let n = candidates.len();
        let mut index = Index {
            names: Vec::with_capacity(n),
            shorts: Vec::with_capacity(n),
            by_key: HashMap::default(),
            by_short: HashMap::default(),
            by_compact: HashMap::default(),
            by_initials: HashMap::default(),
            name_words: HashMap::default(),
            short_words: HashMap::default(),
            deletions: HashMap::default(),
            vocabulary: Vec::new(),
            major_counts: Vec::with_capacity(n),
            candidates: Vec::new(),
        };
        for (i, c) in candidates.iter().enumerate() {
            let i = i as u32;
            let name = Profile::new(&c.name);
            let short = c
                .short_name
                .as_deref()
                .map(Profile::new)
                .filter(|p| !p.is_empty());
            if !name.is_empty() {
                index.by_key.entry(name.key.clone()).or_default().push(i);
                index
                    .by_compact
                    .entry(name.compact.clone())
                    .or_default()
                    .push(i);
                for ini in &name.initials {
                    push_once(&mut index.by_initials, ini, i);
                }
                for w in name.words.iter().filter(|w| !w.minor) {
                    push_once(&mut index.name_words, &w.text, i);
                }
            }
            if let Some(s) = &short {
                index.by_short.entry(s.key.clone()).or_default().push(i);
                for w in s.words.iter().filter(|w| !w.minor) {
                    push_once(&mut index.short_words, &w.text, i);
                }
            }
            index
                .major_counts
                .push(name.words.iter().filter(|w| !w.minor).count() as u32);
            index.names.push(name);
            index.shorts.push(short);
        }
        let words: Vec<String> = index
            .name_words
            .keys()
            .chain(
                index
                    .short_words
                    .keys()
                    .filter(|w| !index.name_words.contains_key(*w)),
            )
            .filter(|w| w.chars().count() >= TYPO_MIN_LEN)
            .cloned()
            .collect();
        let mut hashes = Vec::new();
        for w in words {
            let k = index.vocabulary.len() as u32;
            deletion_hashes(&w, &mut hashes);
            for h in &hashes {
                index.deletions.entry(*h).or_default().push(k);
            }
            index.vocabulary.push(w);
        }
        index.candidates = candidates;
        index
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    /// The indexed words one edit away from `word` (a typo of it, see
    /// [`super::score::word_credit`]), not `word` itself.
    pub fn near_words(&self, word: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let Some(first) = word.chars().next() else {
            return out;
        };
        if word.chars().count() < TYPO_MIN_LEN {
            return out;
        }
        let mut hashes = Vec::new();
        deletion_hashes(word, &mut hashes);
        for h in hashes {
            let Some(found) = self.deletions.get(&h) else {
                continue;
            };
            for &k in found {
                let w = self.vocabulary[k as usize].as_str();
                if w != word && !out.contains(&w) && w.starts_with(first) && is_one_edit(word, w) {
                    out.push(w);
                }
            }
        }
        out
    }

    /// The major words of names of [`TYPO_MIN_LEN`] characters or more.
    pub fn long_name_words(&self) -> impl Iterator<Item = &String> {
        self.name_words
            .keys()
            .filter(|w| w.chars().count() >= TYPO_MIN_LEN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: &str, name: &str, short: Option<&str>) -> Candidate {
        Candidate {
            id: id.into(),
            name: name.into(),
            short_name: short.map(Into::into),
        }
    }

    #[test]
    fn near_words_find_typos_past_the_first_letter() {
        let index = Index::new(vec![
            cand("1", "Eurochild", None),
            cand("2", "Internet Watch Foundation", Some("IWF")),
            cand("3", "Thorn", None),
        ]);
        assert_eq!(index.near_words("eurochlid"), vec!["eurochild"]);
        assert_eq!(index.near_words("eurochilds"), vec!["eurochild"]);
        assert_eq!(index.near_words("euochild"), vec!["eurochild"]);
        assert_eq!(index.near_words("foundaton"), vec!["foundation"]);
        assert!(index.near_words("aurochild").is_empty());
        assert!(index.near_words("thorn").is_empty());
        assert!(index.near_words("eurochild").is_empty());
        assert_eq!(index.by_initials.get("iwf"), Some(&vec![1]));
        assert_eq!(index.by_short.get("iwf"), Some(&vec![1]));
    }
}
