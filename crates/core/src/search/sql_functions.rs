//! The SQL functions the search index's triggers call: `fold(text)` and `acronym(text)`.
//! They are registered on every connection the store opens, before migrations run, because
//! the migration back-fills the index with them.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

use crate::text::fold;

/// Words left out of an acronym's significant initials ("Internet Watch Foundation" → "iwf",
/// "Terre des Hommes" → "th", besides "tdh" from every word).
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "at", "au", "aux", "da", "das", "de", "degli", "dei", "del", "della", "der", "des", "di", "die",
    "do", "dos", "du", "e", "el", "en", "et", "for", "fur", "i", "im", "in", "la", "las", "le", "les", "los", "of",
    "on", "og", "och", "per", "pour", "the", "to", "und", "van", "voor", "y", "za", "z",
];

/// The acronyms a name is known by, folded and separated by a space: the initials of its
/// significant words, then those of every word when they differ. A name of one word has none.
pub fn acronym(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return String::new();
    }
    let initials = |keep: &dyn Fn(&str) -> bool| -> String {
        words.iter().filter(|w| keep(w)).filter_map(|w| w.chars().next()).collect()
    };
    let significant = initials(&|w| !MINOR_WORDS.contains(&w));
    let every = initials(&|_| true);
    let mut out = String::new();
    if significant.chars().count() >= 2 {
        out.push_str(&significant);
    }
    if every != significant {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&every);
    }
    out
}

/// Registers `fold(text)` and `acronym(text)` on `conn` (NULL in, NULL out).
pub fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("fold", 1, flags, |ctx| {
        Ok(ctx.get::<Option<String>>(0)?.map(|text| fold(&text)))
    })?;
    conn.create_scalar_function("acronym", 1, flags, |ctx| {
        Ok(ctx.get::<Option<String>>(0)?.map(|text| acronym(&text)))
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_of_names() {
        assert_eq!(acronym("Internet Watch Foundation"), "iwf");
        assert_eq!(acronym("Terre des Hommes"), "th tdh");
        assert_eq!(acronym("Eurochild"), "");
        assert_eq!(acronym("Fédération Européenne des Centres"), "fec fedc");
    }
}
