//! The Parliament's way of writing names ("Maravillas ABADÍA JOVER": family name in
//! capitals), split into given and family name and turned into normal case.

/// A name split from the Parliament's spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitName {
    /// Given name(s), as written ("Maravillas", "Kira Marie").
    pub given_name: String,
    /// Family name in normal case ("Abadía Jover", "de la Hoz Quintano" after a given name).
    pub family_name: String,
    /// Given and family name in normal case.
    pub display_name: String,
}

/// Particles that stay lower case inside a family name ("García Hermida-van der Walle").
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "les", "van", "von", "ten",
    "ter", "zu", "y", "e", "i", "af", "av",
];

/// True for a word whose letters are all capitals (with at least one letter), such as
/// `ABADÍA`, `AL-SAHLANI`, `PEDULLA'`; an initial such as `J.` does not count.
fn is_capitalised_word(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().any(|c| c.is_lowercase()) || !letters.iter().any(|c| c.is_uppercase()) {
        return false;
    }
    let is_initial = letters.len() == 1 && word.ends_with('.');
    !is_initial
}

/// "JOVER" → "Jover", "AL-SAHLANI" → "Al-Sahlani", "O'NEILL" → "O'Neill", "MCGUINNESS" →
/// "McGuinness". Each part after a hyphen or an apostrophe starts with a capital.
fn normal_case_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.extend(c.to_lowercase());
        }
        if matches!(c, '-' | '\'' | '’') {
            start = true;
        }
    }
    if out.len() > 3 && out.starts_with("Mc") {
        let mut chars = out.chars();
        let (m, c) = (chars.next().unwrap_or('M'), chars.next().unwrap_or('c'));
        let rest: String = chars.collect();
        let mut rest_chars = rest.chars();
        if let Some(first) = rest_chars.next() {
            return format!("{m}{c}{}{}", first.to_uppercase(), rest_chars.as_str());
        }
    }
    out
}

/// Normal case for a whole family name: particles after the first word lower case, the
/// others capitalised, hyphenated parts alike ("HERMIDA-VAN DER WALLE" → "Hermida-van der Walle").
pub fn normal_case_family(family: &str) -> String {
    family
        .split_whitespace()
        .enumerate()
        .map(|(n, word)| {
            word.split('-')
                .enumerate()
                .map(|(m, part)| {
                    let lower = part.to_lowercase();
                    if (n > 0 || m > 0) && PARTICLES.contains(&lower.as_str()) {
                        lower
                    } else {
                        normal_case_word(part)
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a name as the Parliament writes it. The family name is the longest run of words in
/// capitals at the end, with lower-case particles just before it ("Ursula von der LEYEN");
/// when every word is in capitals the first is the given name; when none is, the last word
/// is the family name.
pub fn split_official_name(full_name: &str) -> SplitName {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 && is_capitalised_word(words[start - 1]) {
        start -= 1;
    }
    if start == words.len() {
        // Nothing in capitals: the last word is the family name, kept as written.
        start = words.len().saturating_sub(1);
        let given = words[..start].join(" ");
        let family = words[start..].join(" ");
        return SplitName { display_name: join(&given, &family), given_name: given, family_name: family };
    }
    if start == 0 && words.len() > 1 {
        start = 1;
    }
    // Lower-case particles just before the capitals belong to the family name.
    let mut particles = start;
    while particles > 1 && PARTICLES.contains(&words[particles - 1]) {
        particles -= 1;
    }
    let given_words: Vec<String> = words[..particles]
        .iter()
        .map(|w| if is_capitalised_word(w) { normal_case_word(w) } else { (*w).to_string() })
        .collect();
    let given = given_words.join(" ");
    let mut family = words[particles..start].join(" ");
    let capitals = normal_case_family(&words[start..].join(" "));
    if family.is_empty() {
        family = capitals;
    } else {
        family = format!("{family} {}", lower_particles(&capitals));
    }
    SplitName { display_name: join(&given, &family), given_name: given, family_name: family }
}

fn lower_particles(family: &str) -> String {
    family
        .split_whitespace()
        .map(|w| if PARTICLES.contains(&w.to_lowercase().as_str()) { w.to_lowercase() } else { w.to_string() })
        .collect::<Vec<_>>()
        .join(" ")
}

fn join(given: &str, family: &str) -> String {
    format!("{given} {family}").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(name: &str) -> (String, String, String) {
        let s = split_official_name(name);
        (s.given_name, s.family_name, s.display_name)
    }

    #[test]
    fn family_names_in_capitals_become_normal_case() {
        assert_eq!(split("Maravillas ABADÍA JOVER"), ("Maravillas".into(), "Abadía Jover".into(), "Maravillas Abadía Jover".into()));
        assert_eq!(split("Javier ZARZALEJOS").1, "Zarzalejos");
        assert_eq!(split("Kira Marie PETER-HANSEN"), ("Kira Marie".into(), "Peter-Hansen".into(), "Kira Marie Peter-Hansen".into()));
        assert_eq!(split("Abir AL-SAHLANI").1, "Al-Sahlani");
        assert_eq!(split("Ewa ZAJĄCZKOWSKA-HERNIK").1, "Zajączkowska-Hernik");
        assert_eq!(split("Gaetano PEDULLA'").1, "Pedulla'");
        assert_eq!(split("Seán O'NEILL").1, "O'Neill");
        assert_eq!(split("Mairead MCGUINNESS").1, "McGuinness");
    }

    #[test]
    fn particles() {
        assert_eq!(split("Kathleen VAN BREMPT").1, "Van Brempt");
        assert_eq!(split("Raúl DE LA HOZ QUINTANO").1, "De la Hoz Quintano");
        assert_eq!(split("João COTRIM DE FIGUEIREDO").1, "Cotrim de Figueiredo");
        assert_eq!(split("Raquel GARCÍA HERMIDA-VAN DER WALLE").1, "García Hermida-van der Walle");
        assert_eq!(split("Ursula von der LEYEN"), ("Ursula".into(), "von der Leyen".into(), "Ursula von der Leyen".into()));
    }

    #[test]
    fn odd_shapes() {
        assert_eq!(split("Pablo J. ARIAS ECHEVERRÍA"), ("Pablo J.".into(), "Arias Echeverría".into(), "Pablo J. Arias Echeverría".into()));
        assert_eq!(split("ZARZALEJOS"), ("".into(), "Zarzalejos".into(), "Zarzalejos".into()));
        assert_eq!(split("ANNA NOWAK"), ("Anna".into(), "Nowak".into(), "Anna Nowak".into()));
        assert_eq!(split("Ylva Johansson"), ("Ylva".into(), "Johansson".into(), "Ylva Johansson".into()));
        assert_eq!(split("  Hilde   VAUTMANS ").2, "Hilde Vautmans");
    }
}
