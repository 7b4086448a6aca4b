//! Match keys: the normal form two typed names must share to be "the same name".

use crate::text::fold;

/// Characters dropped before folding, without leaving a gap: apostrophes (so that
/// `Children's` and `Childrens` agree) and trade marks (which would otherwise fold to
/// letters: `™` decomposes to `TM`).
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '™' | '®' | '©' | '℠'
    )
}

/// The match key of a typed name. Two names with the same key are the same name.
///
/// The rules, in order:
/// 1. apostrophes (`'`, `’`, `‘`, `` ` ``, `´`) and trade marks (`™`, `®`, `©`) are removed
///    without a gap: `Children's` and `Childrens` agree;
/// 2. [`fold`]: lower case, accents stripped, `ø`/`ß`/`ł`/`æ` transliterated, Greek and
///    Cyrillic kept (lower-cased);
/// 3. `&` becomes the word `and`: `Missing Children & Co` = `Missing Children and Co`;
/// 4. every other character that is not a letter or a digit (`. , ; : " ! ? ( ) [ ] { } / \
///    + - _ * # @ |` and so on) becomes a space, and runs of spaces collapse;
/// 5. a leading `the` is removed when other words follow: `The Brave Movement` =
///    `Brave Movement` (but `The` alone stays `the`);
/// 6. runs of two or more single letters are joined, so dotted or spaced acronyms equal the
///    plain one: `N.S.P.C.C.`, `N S P C C` and `NSPCC` are all `nspcc`; `e.V.` is `ev`.
///    Single digits are never joined, nor a lone single letter.
///
/// The key is empty when the name has no letter or digit.
pub fn match_key(name: &str) -> String {
    key_words(name).join(" ")
}

/// The words of the match key of `name` (see [`match_key`]).
pub(crate) fn key_words(name: &str) -> Vec<String> {
    let cleaned: String = name.chars().filter(|&c| !is_dropped(c)).collect();
    let folded = fold(&cleaned);
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, words: &mut Vec<String>| {
        if !current.is_empty() {
            words.push(std::mem::take(current));
        }
    };
    for c in folded.chars() {
        if c == '&' {
            flush(&mut current, &mut words);
            words.push("and".to_owned());
        } else if c.is_alphanumeric() {
            current.push(c);
        } else {
            flush(&mut current, &mut words);
        }
    }
    flush(&mut current, &mut words);

    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }

    // Join runs of single letters: "n s p c c" -> "nspcc".
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut run = String::new();
    let mut run_len = 0usize;
    for w in words {
        let mut chars = w.chars();
        let single_letter =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
        if single_letter {
            run.push_str(&w);
            run_len += 1;
        } else {
            flush_run(&mut run, &mut run_len, &mut out);
            out.push(w);
        }
    }
    flush_run(&mut run, &mut run_len, &mut out);
    out
}

fn flush_run(run: &mut String, run_len: &mut usize, out: &mut Vec<String>) {
    if *run_len > 0 {
        out.push(std::mem::take(run));
        *run_len = 0;
    }
}

/// Words that carry little meaning in an organisation's name: articles, prepositions and
/// conjunctions of the coalition's languages, and legal forms. They weigh little in
/// similarity and never form a block on their own.
pub(crate) fn is_minor(word: &str) -> bool {
    matches!(
        word,
        // English
        "the" | "of" | "for" | "and" | "in" | "on" | "at" | "to" | "a" | "an" | "by" | "with"
        // French, Spanish, Italian, Portuguese
        | "de" | "des" | "du" | "la" | "le" | "les" | "l" | "d" | "et" | "pour" | "en" | "au"
        | "aux" | "del" | "los" | "las" | "el" | "y" | "e" | "para" | "por" | "di" | "della"
        | "delle" | "dei" | "il" | "per" | "da" | "do" | "dos" | "das"
        // German, Dutch, Scandinavian
        | "der" | "die" | "und" | "fur" | "von" | "het" | "een" | "van" | "voor" | "och"
        | "og"
        // Legal forms
        | "ev" | "gmbh" | "ggmbh" | "ag" | "asbl" | "aisbl" | "vzw" | "ivzw" | "ltd" | "inc"
        | "llc" | "cic" | "plc" | "ngo" | "ong" | "onlus" | "ets" | "odv" | "aps" | "bv" | "nv"
        | "vereniging" | "stichting" | "ry" | "rf" | "ab" | "sa" | "sl" | "srl" | "ug"
    )
}

/// The initials of a multi-word key, all words and major words only: `internet watch
/// foundation` gives `iwf`; `national society for the prevention of cruelty to children`
/// gives `nsftpoctc` and `nspcc`. Only keys of three or more words have initials, and only
/// words starting with a letter count.
pub(crate) fn initials(words: &[String]) -> Vec<String> {
    if words.len() < 3 {
        return Vec::new();
    }
    let first = |w: &String| w.chars().next().filter(|c| c.is_alphabetic());
    let mut all = String::new();
    let mut major = String::new();
    for w in words {
        let Some(c) = first(w) else { return Vec::new() };
        all.push(c);
        if !is_minor(w) {
            major.push(c);
        }
    }
    let mut out = vec![all];
    if major.chars().count() >= 3 && major != out[0] {
        out.push(major);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_key_ignores_case_accents_and_spacing() {
        assert_eq!(match_key("  EUROCHILD "), "eurochild");
        assert_eq!(
            match_key("Défense des Enfants – International"),
            "defense des enfants international"
        );
        assert_eq!(match_key("Søren   Straße"), "soren strasse");
        assert_eq!(match_key("Ελλάδα"), "ελλαδα");
    }

    #[test]
    fn match_key_turns_punctuation_into_spaces() {
        assert_eq!(match_key("Terre-des-Hommes"), "terre des hommes");
        assert_eq!(match_key("Child Focus (Belgium)"), "child focus belgium");
        assert_eq!(
            match_key("ECPAT/International;  \"UK\"!"),
            "ecpat international uk"
        );
        assert_eq!(match_key("5Rights Foundation"), "5rights foundation");
        assert_eq!(match_key("a_b+c:d"), "abcd");
        assert_eq!(match_key("Thorn™"), "thorn");
        assert_eq!(match_key("..."), "");
        assert_eq!(match_key(""), "");
    }

    #[test]
    fn match_key_drops_apostrophes_without_a_gap() {
        assert_eq!(match_key("Children's Rights"), "childrens rights");
        assert_eq!(
            match_key("Children’s Rights"),
            match_key("Childrens Rights")
        );
    }

    #[test]
    fn match_key_removes_a_leading_the() {
        assert_eq!(match_key("The Brave Movement"), "brave movement");
        assert_eq!(
            match_key("THE  brave movement"),
            match_key("Brave Movement")
        );
        assert_eq!(match_key("Save the Children"), "save the children");
        assert_eq!(match_key("The"), "the");
        assert_eq!(match_key("Theatre for Children"), "theatre for children");
    }

    #[test]
    fn match_key_treats_ampersand_as_and() {
        assert_eq!(
            match_key("Missing Children & Co"),
            match_key("Missing Children and Co")
        );
        assert_eq!(
            match_key("National Center for Missing & Exploited Children"),
            "national center for missing and exploited children"
        );
        assert_eq!(match_key("Missing&Exploited"), "missing and exploited");
    }

    #[test]
    fn match_key_joins_dotted_acronyms() {
        assert_eq!(match_key("N.S.P.C.C."), "nspcc");
        assert_eq!(match_key("The N.S.P.C.C."), "nspcc");
        assert_eq!(match_key("N S P C C"), "nspcc");
        assert_eq!(match_key("NSPCC"), "nspcc");
        assert_eq!(match_key("I.W.F. Hotline"), "iwf hotline");
        assert_eq!(
            match_key("Kinderhilfswerk e.V."),
            match_key("Kinderhilfswerk eV")
        );
        assert_eq!(match_key("Plan A"), "plan a");
        assert_eq!(match_key("Article 3 4"), "article 3 4");
    }

    #[test]
    fn initials_of_long_names() {
        let words = key_words("Internet Watch Foundation");
        assert_eq!(initials(&words), vec!["iwf"]);
        let words = key_words("National Society for the Prevention of Cruelty to Children");
        assert_eq!(initials(&words), vec!["nsftpoctc", "nspcc"]);
        assert!(initials(&key_words("Child Focus")).is_empty());
    }
}
