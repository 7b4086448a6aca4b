//! Similarity of two names, from 0 (nothing in common) to 1 (the same words).
//!
//! The score is a weighted token overlap with partial credit for near words, plus a small
//! bonus for shared leading words:
//!
//! * words are the words of the match key; minor words (articles, prepositions, legal
//!   forms, see [`is_minor`]) weigh [`MINOR_WEIGHT`], the others 1;
//! * each word of one name is paired with at most one word of the other, best credit first:
//!   the same word 1; a typo [`TYPO_CREDIT`] (one edit, a transposition counting as one, both
//!   words of five or more characters with the same first letter; two edits when both have
//!   ten or more: [`TYPO2_CREDIT`]); a prefix 0.6 to 0.9 by how much of the longer word it
//!   covers (`child`/`children`, three characters or more); an abbreviation
//!   [`ABBREVIATION_CREDIT`] (a word of two to five letters whose letters appear in order in
//!   a longer word starting with the same letter: `nl`/`netherlands`, `intl`/`international`);
//!   minor words get credit only for being the same;
//! * overlap = Σ credit × (weight₁ + weight₂) / (Σ weights₁ + Σ weights₂), a weighted Dice;
//! * leading = the number of leading positions whose words are paired with each other with a
//!   credit of at least [`TYPO_CREDIT`], over the longer word count;
//!   score = overlap + (1 − overlap) × [`LEADING_BONUS`] × leading;
//! * when each name keeps a major word that was paired with nothing (`Sweden` / `Germany`,
//!   `Network` / `Alliance`), the names most likely differ on purpose (branches, sister
//!   organisations): the score is capped at [`CONFLICT_CAP`];
//! * names whose keys differ only by spaces (`Euro Child` / `Eurochild`) score
//!   [`SPACING_SCORE`].
//!
//! Scores below 1 are capped at [`MAX_SIMILAR`] unless the keys are equal, so that an equal
//! key always ranks first.

use super::key::{initials, is_minor, key_words};

/// Weight of a minor word.
pub(crate) const MINOR_WEIGHT: f64 = 0.25;
/// Credit of a one-edit typo between two words.
pub(crate) const TYPO_CREDIT: f64 = 0.9;
/// Credit of a two-edit typo between two long words.
pub(crate) const TYPO2_CREDIT: f64 = 0.8;
/// Credit of an abbreviation (`nl` for `netherlands`).
pub(crate) const ABBREVIATION_CREDIT: f64 = 0.6;
/// Weight of the shared leading words in the score.
pub(crate) const LEADING_BONUS: f64 = 0.25;
/// Score of two keys equal but for their spaces.
pub(crate) const SPACING_SCORE: f64 = 0.95;
/// The highest score of two names that each keep an unpaired major word.
pub(crate) const CONFLICT_CAP: f64 = 0.78;
/// The highest score of two different keys.
pub(crate) const MAX_SIMILAR: f64 = 0.99;
/// Shortest word (in characters) that can carry a one-edit typo.
pub(crate) const TYPO_MIN_LEN: usize = 5;
/// Shortest word (in characters) that can carry a two-edit typo.
pub(crate) const TYPO2_MIN_LEN: usize = 10;

/// A word of a name, with its weight.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub text: String,
    pub chars: usize,
    pub minor: bool,
}

impl Word {
    fn weight(&self) -> f64 {
        if self.minor {
            MINOR_WEIGHT
        } else {
            1.0
        }
    }
}

/// A name prepared for matching: its key, its words, its key without spaces, its initials.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub key: String,
    pub compact: String,
    pub words: Vec<Word>,
    pub initials: Vec<String>,
    pub total_weight: f64,
}

impl Profile {
    pub fn new(name: &str) -> Profile {
        let texts = key_words(name);
        let initials = initials(&texts);
        let key = texts.join(" ");
        let compact = texts.concat();
        let words: Vec<Word> = texts
            .into_iter()
            .map(|text| Word {
                chars: text.chars().count(),
                minor: is_minor(&text),
                text,
            })
            .collect();
        let total_weight = words.iter().map(Word::weight).sum();
        Profile {
            key,
            compact,
            words,
            initials,
            total_weight,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The credit for pairing two different words (0 when they are unrelated).
pub(crate) fn word_credit(a: &Word, b: &Word) -> f64 {
    if a.text == b.text {
        return 1.0;
    }
    if a.minor || b.minor {
        return 0.0;
    }
    let (short, long) = if a.chars <= b.chars { (a, b) } else { (b, a) };
    let first_same = short.text.chars().next() == long.text.chars().next();
    if !first_same {
        return 0.0;
    }
    if short.chars >= TYPO_MIN_LEN && long.chars - short.chars <= 2 {
        if long.chars - short.chars <= 1 && is_one_edit(&short.text, &long.text) {
            return TYPO_CREDIT;
        }
        if short.chars >= TYPO2_MIN_LEN && osa_distance(&short.text, &long.text) <= 2 {
            return TYPO2_CREDIT;
        }
    }
    if short.chars >= 3 && long.text.starts_with(short.text.as_str()) {
        return 0.6 + 0.3 * short.chars as f64 / long.chars as f64;
    }
    if (2..=5).contains(&short.chars)
        && long.chars >= short.chars + 2
        && short.text.chars().all(char::is_alphabetic)
        && is_subsequence(&short.text, &long.text)
    {
        return ABBREVIATION_CREDIT;
    }
    0.0
}

/// Whether two different words are exactly one edit apart: one substitution, insertion or
/// deletion, or two neighbours transposed.
pub(crate) fn is_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        one_edit(a.as_bytes(), b.as_bytes())
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        one_edit(&a, &b)
    }
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        if p == a.len() {
            return false; // equal
        }
        // A substitution at p, or a transposition of p and p + 1.
        a[p + 1..] == b[p + 1..]
            || (p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
    } else {
        // b has one more: skip it at p.
        a[p..] == b[p + 1..]
    }
}

/// The optimal string alignment distance (Levenshtein with transpositions of neighbours).
pub(crate) fn osa_distance(a: &str, b: &str) -> usize {
    const STACK: usize = 48;
    if a.is_ascii() && b.is_ascii() && b.len() < STACK {
        let mut rows = [[0usize; STACK]; 3];
        osa(a.as_bytes(), b.as_bytes(), &mut rows)
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut rows = vec![vec![0usize; b.len() + 1]; 3];
        let [r0, r1, r2] = &mut rows[..] else {
            unreachable!()
        };
        osa_rows(&a, &b, r0, r1, r2)
    }
}

fn osa<T: PartialEq, const N: usize>(a: &[T], b: &[T], rows: &mut [[usize; N]; 3]) -> usize {
    let [r0, r1, r2] = rows;
    osa_rows(
        a,
        b,
        &mut r0[..=b.len()],
        &mut r1[..=b.len()],
        &mut r2[..=b.len()],
    )
}

/// The dynamic programme over three rows of `b.len() + 1` cells.
fn osa_rows<'r, T: PartialEq>(
    a: &[T],
    b: &[T],
    mut prev2: &'r mut [usize],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> usize {
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|l| l == c))
}

/// Buffers reused across many calls of [`Scratch::similarity`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pairs: Vec<(f64, usize, usize)>,
    used_a: Vec<usize>,
    used_b: Vec<bool>,
    credit_a: Vec<f64>,
}

/// The similarity of two prepared names, 0..=1.
#[cfg(test)]
pub(crate) fn similarity(a: &Profile, b: &Profile) -> f64 {
    Scratch::default().similarity(a, b)
}

impl Scratch {
    /// The similarity of two prepared names, 0..=1.
    pub fn similarity(&mut self, a: &Profile, b: &Profile) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        if a.key == b.key {
            return 1.0;
        }
        let pairs = &mut self.pairs;
        pairs.clear();
        for (i, wa) in a.words.iter().enumerate() {
            for (j, wb) in b.words.iter().enumerate() {
                let c = word_credit(wa, wb);
                if c > 0.0 {
                    pairs.push((c, i, j));
                }
            }
        }
        // Best credit first; among equals, words in the same position first, then earlier.
        pairs.sort_unstable_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then_with(|| (x.1 != x.2).cmp(&(y.1 != y.2)))
                .then_with(|| (x.1, x.2).cmp(&(y.1, y.2)))
        });
        let (used_a, used_b, credit_a) = (&mut self.used_a, &mut self.used_b, &mut self.credit_a);
        used_a.clear();
        used_a.resize(a.words.len(), usize::MAX);
        used_b.clear();
        used_b.resize(b.words.len(), false);
        credit_a.clear();
        credit_a.resize(a.words.len(), 0.0);
        let mut matched = 0.0;
        for &(c, i, j) in pairs.iter() {
            if used_a[i] != usize::MAX || used_b[j] {
                continue;
            }
            used_a[i] = j;
            used_b[j] = true;
            credit_a[i] = c;
            matched += c * (a.words[i].weight() + b.words[j].weight());
        }
        let overlap = matched / (a.total_weight + b.total_weight);
        let leading = (0..a.words.len().min(b.words.len()))
            .take_while(|&k| used_a[k] == k && credit_a[k] >= TYPO_CREDIT)
            .count();
        let leading = leading as f64 / a.words.len().max(b.words.len()) as f64;
        let mut score = overlap + (1.0 - overlap) * LEADING_BONUS * leading;
        let unpaired_a = a
            .words
            .iter()
            .zip(used_a.iter())
            .any(|(w, &u)| !w.minor && u == usize::MAX);
        let unpaired_b = b
            .words
            .iter()
            .zip(used_b.iter())
            .any(|(w, &u)| !w.minor && !u);
        if unpaired_a && unpaired_b {
            score = score.min(CONFLICT_CAP);
        }
        if a.compact == b.compact {
            score = score.max(SPACING_SCORE);
        }
        score.min(MAX_SIMILAR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sim(a: &str, b: &str) -> f64 {
        similarity(&Profile::new(a), &Profile::new(b))
    }

    #[test]
    fn edit_distances() {
        for (a, b, one) in [
            ("eurochild", "eurochlid", true),
            ("eurochild", "eurochilds", true),
            ("eurochild", "euochild", true),
            ("eurochild", "eurochald", true),
            ("eurochild", "eurochild", false),
            ("eurochild", "eurchlid", false),
            ("ab", "ba", true),
            ("παιδί", "παιδι", true),
        ] {
            assert_eq!(is_one_edit(a, b), one, "{a} {b}");
            assert_eq!(is_one_edit(b, a), one, "{b} {a}");
        }
        assert_eq!(osa_distance("eurochild", "eurochlid"), 1);
        assert_eq!(osa_distance("vonuzanlan", "vorozanlan"), 2);
        assert_eq!(osa_distance("", "abc"), 3);
        assert_eq!(osa_distance("kitten", "sitting"), 3);
        assert_eq!(osa_distance("παιδάκια", "παδιάκια"), 1);
        assert_eq!(osa_distance("abc", ""), 3);
    }

    #[test]
    fn word_credits() {
        let w = |t: &str| Profile::new(t).words.remove(0);
        assert_eq!(word_credit(&w("thorn"), &w("thorn")), 1.0);
        assert_eq!(word_credit(&w("eurochild"), &w("eurochlid")), TYPO_CREDIT);
        assert_eq!(
            word_credit(&w("nl"), &w("netherlands")),
            ABBREVIATION_CREDIT
        );
        assert_eq!(
            word_credit(&w("intl"), &w("international")),
            ABBREVIATION_CREDIT
        );
        let prefix = word_credit(&w("child"), &w("children"));
        assert!(prefix > 0.75 && prefix < 0.8, "{prefix}");
        assert_eq!(word_credit(&w("nspcc"), &w("ispcc")), 0.0);
        assert_eq!(
            word_credit(&w("de"), &w("deutschland")),
            0.0,
            "minor words only equal"
        );
        assert_eq!(word_credit(&w("germany"), &w("deutschland")), 0.0);
    }

    /// Expected bands: `DUP` a duplicate pair, `SUG` a suggestion but not a duplicate pair,
    /// `NO` nothing.
    #[test]
    fn scores_fall_in_their_bands() {
        const DUP: (f64, f64) = (0.8, 0.99);
        const SUG: (f64, f64) = (0.55, 0.8);
        const NO: (f64, f64) = (0.0, 0.55);
        let cases = [
            ("Terre des Hommes NL", "Terre des Hommes Netherlands", DUP),
            ("Eurochlid", "Eurochild", DUP),
            ("Euro Child", "Eurochild", DUP),
            ("Internet Watch Fondation", "Internet Watch Foundation", DUP),
            ("Defense for Children", "Defence for Children", DUP),
            (
                "Missing Children Europe",
                "Missing Children Europe AISBL",
                DUP,
            ),
            ("ECPAT Intl", "ECPAT International", DUP),
            ("Missing Children", "Missing Children Europe", DUP),
            ("Terre des Hommes", "Terre des Hommes Netherlands", DUP),
            (
                "Save the Children Deutschland",
                "Save the Children Germany",
                SUG,
            ),
            ("Save the Children Sweden", "Save the Children Germany", SUG),
            (
                "Save the Children Austria",
                "Save the Children Australia",
                SUG,
            ),
            (
                "Terre des Hommes Germany",
                "Terre des Hommes Netherlands",
                SUG,
            ),
            (
                "Child Rights Network Berlin",
                "Child Rights Alliance Berlin",
                SUG,
            ),
            ("ECPAT", "ECPAT International", SUG),
            (
                "International Justice Mission",
                "International Child Mission",
                SUG,
            ),
            (
                "Stichting Terre des Hommes Nederland",
                "Terre des Hommes Netherlands",
                SUG,
            ),
            (
                "National Society for the Prevention of Cruelty to Children",
                "National Society for the Prevention of Cruelty to Animals",
                SUG,
            ),
            ("Eurochild", "Thorn", NO),
            ("NSPCC", "ISPCC", NO),
            ("Children", "Save the Children Germany", NO),
            ("Europe", "Missing Children Europe", NO),
            ("Child Focus", "Child Helpline International", NO),
        ];
        for (a, b, (low, high)) in cases {
            let (ab, ba) = (sim(a, b), sim(b, a));
            assert!((ab - ba).abs() < 1e-9, "{a} ~ {b}: {ab} vs {ba}");
            assert!(
                ab >= low && ab < high + 1e-9,
                "{a} ~ {b}: {ab:.3} not in {low}..{high}"
            );
        }
        assert!(
            sim("Terre des Hommes NL", "Terre des Hommes Netherlands")
                > sim("Save the Children Deutschland", "Save the Children Germany")
        );
        assert_eq!(sim("Eurochild", "EUROCHILD"), 1.0);
        assert_eq!(sim("", "Eurochild"), 0.0);
    }
}
