//! Synthetic candidates with planted duplicates, for tests at scale.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::index::deletion_hashes;
use super::key::{initials, key_words};
use super::model::{Candidate, DuplicateReason};

/// A small deterministic generator (SplitMix64).
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "vo", "ri", "lu", "me", "sa", "to", "ne", "bi", "da", "ro", "fi", "ga", "hu", "ze", "mo",
    "pe", "li", "ta", "nu", "ko", "sel", "mar", "tin", "bor", "lan", "vik", "dor", "sen", "pal",
    "ver", "rum", "gil", "nas", "tor", "bel", "kir", "zan", "mul", "fes",
];
const TYPES: &[&str] = &[
    "Foundation",
    "Association",
    "Network",
    "Alliance",
    "Institute",
    "Centre",
    "Council",
    "Coalition",
    "Trust",
    "Initiative",
    "Society",
    "Federation",
];
const TOPICS: &[&str] = &[
    "Child Rights",
    "Children",
    "Youth",
    "Family",
    "Safety",
    "Protection",
    "Education",
    "Survivors",
    "Online Safety",
    "Welfare",
    "Advocacy",
    "Justice",
    "Health",
    "Care",
];
/// Places and abbreviations that are subsequences of them.
const PLACES: &[(&str, &str)] = &[
    ("Netherlands", "NL"),
    ("Belgium", "BE"),
    ("Denmark", "DK"),
    ("Finland", "FI"),
    ("Poland", "PL"),
    ("Portugal", "PT"),
    ("Luxembourg", "LU"),
    ("Latvia", "LV"),
    ("Slovakia", "SK"),
    ("Slovenia", "SI"),
    ("Sweden", "SE"),
];

/// Candidates and the duplicate pairs planted among them (ids and the expected reason).
pub(crate) struct Planted {
    pub candidates: Vec<Candidate>,
    pub pairs: Vec<(String, String, DuplicateReason)>,
}

/// Pseudo-words of six letters or more, no two a typo or a prefix of each other.
struct Words {
    used: BTreeSet<String>,
    variants: HashSet<u64>,
}

impl Words {
    fn fresh(&mut self, rng: &mut Rng) -> String {
        loop {
            let syllables = 2 + rng.below(3);
            let w: String = (0..syllables).map(|_| rng.pick(SYLLABLES)).collect();
            if w.len() < 6 || self.used.contains(&w) {
                continue;
            }
            let prefix_of_other = self
                .used
                .range(w.clone()..)
                .next()
                .is_some_and(|u| u.starts_with(&w));
            let other_is_prefix = (3..w.len()).any(|k| self.used.contains(&w[..k]));
            let mut variants = Vec::new();
            deletion_hashes(&w, &mut variants);
            let near = variants.iter().any(|v| self.variants.contains(v));
            if prefix_of_other || other_is_prefix || near {
                continue;
            }
            self.variants.extend(variants);
            self.used.insert(w.clone());
            return w;
        }
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `n` candidates: `n - n / 50` distinct organisations and `n / 50` planted duplicates of
/// them, of every reason (same name, acronym, initials, typo, legal form, abbreviation,
/// spacing).
pub(crate) fn planted(n: usize, seed: u64) -> Planted {
    let mut rng = Rng::new(seed);
    let mut words = Words {
        used: BTreeSet::new(),
        variants: HashSet::new(),
    };
    let plants = n / 50;
    let bases = n - plants;
    // (name, pseudo-word, place index)
    let mut base: Vec<(String, String, Option<usize>)> = Vec::with_capacity(bases);
    for _ in 0..bases {
        let w = capitalise(&words.fresh(&mut rng));
        let ty = rng.pick(TYPES);
        let topic = rng.pick(TOPICS);
        let place = rng.below(PLACES.len());
        let (name, place) = match rng.below(5) {
            0 => (format!("{w} {ty}"), None),
            1 => (format!("{w} {topic} {ty}"), None),
            2 => (format!("{ty} for {topic} {w}"), None),
            3 => (format!("{w} {topic} {ty} {}", PLACES[place].0), Some(place)),
            _ => (format!("{w} {ty} International"), None),
        };
        base.push((name, w, place));
    }
    let mut candidates: Vec<Candidate> = base
        .iter()
        .enumerate()
        .map(|(i, (name, _, _))| Candidate {
            id: format!("org-{i}"),
            name: name.clone(),
            short_name: None,
        })
        .collect();

    // Initials of every name, to keep planted acronyms unambiguous.
    let mut initials_count: HashMap<String, usize> = HashMap::new();
    for c in &candidates {
        for ini in initials(&key_words(&c.name)) {
            *initials_count.entry(ini).or_default() += 1;
        }
    }
    let mut codes: HashSet<String> = HashSet::new();
    let mut code = |rng: &mut Rng| loop {
        let len = 4 + rng.below(2);
        let c: String = (0..len)
            .map(|_| (b'A' + rng.below(26) as u8) as char)
            .collect();
        if !initials_count.contains_key(&c.to_lowercase()) && codes.insert(c.clone()) {
            return c;
        }
    };
    // A fifth of the other organisations have an (unrelated) short name.
    for c in candidates.iter_mut().step_by(5) {
        c.short_name = Some(code(&mut rng));
    }

    let mut pairs = Vec::with_capacity(plants);
    let mut taken: HashSet<usize> = HashSet::new();
    let mut kind = 0usize;
    while pairs.len() < plants {
        let i = rng.below(bases);
        if !taken.insert(i) {
            continue;
        }
        let (name, w, place) = &base[i];
        let id = format!("dup-{}", pairs.len());
        let (new, reason) = match kind % 7 {
            0 => (
                format!("THE {}", name.to_uppercase().replace(' ', "-")),
                DuplicateReason::SameName,
            ),
            1 => {
                let c = code(&mut rng);
                candidates[i].short_name = Some(c.clone());
                let dotted: String = c.chars().map(|ch| format!("{ch}.")).collect();
                (dotted, DuplicateReason::AcronymIsName)
            }
            2 => {
                let ini = initials(&key_words(name));
                let Some(last) = ini.last() else { continue };
                if initials_count.get(last) != Some(&1) || candidates[i].short_name.is_some() {
                    continue;
                }
                (last.to_uppercase(), DuplicateReason::AcronymIsName)
            }
            3 => {
                let chars: Vec<char> = w.chars().collect();
                let p = 1 + rng.below(chars.len() - 2);
                if chars[p] == chars[p + 1] {
                    continue;
                }
                let mut typo = chars.clone();
                typo.swap(p, p + 1);
                let typo: String = typo.into_iter().collect();
                (
                    name.replacen(w.as_str(), &typo, 1),
                    DuplicateReason::Similar,
                )
            }
            4 => (format!("{name} e.V."), DuplicateReason::Similar),
            5 => {
                let Some(p) = place else { continue };
                (
                    name.replace(PLACES[*p].0, PLACES[*p].1),
                    DuplicateReason::Similar,
                )
            }
            _ => {
                let cut = 3 + rng.below(w.len() - 5);
                let split = format!("{} {}", &w[..cut], capitalise(&w[cut..]));
                (
                    name.replacen(w.as_str(), &split, 1),
                    DuplicateReason::Similar,
                )
            }
        };
        kind += 1;
        candidates.push(Candidate {
            id: id.clone(),
            name: new,
            short_name: None,
        });
        pairs.push((format!("org-{i}"), id, reason));
    }
    Planted { candidates, pairs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planted_data_is_deterministic_and_sized() {
        let a = planted(1_000, 3);
        let b = planted(1_000, 3);
        assert_eq!(a.candidates, b.candidates);
        assert_eq!(a.candidates.len(), 1_000);
        assert_eq!(a.pairs.len(), 20);
    }
}
