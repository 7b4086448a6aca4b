//! Plain text and Markdown renderings.

use super::model::{ExportOptions, PublishedList};
use super::order::{clean, count_line, entry_line, sections};

/// Plain text: the title, a blank line, one entry a line (country headings on their own
/// lines, each group after a blank line), a blank line and the count line.
pub(crate) fn txt(list: &PublishedList, options: &ExportOptions) -> String {
    let mut out = String::with_capacity(64 + list.signatories.len() * 48);
    out.push_str(&clean(&list.title));
    out.push_str("\n\n");
    for (i, section) in sections(list, options).iter().enumerate() {
        if let Some(heading) = section.heading {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(heading);
            out.push('\n');
        }
        for entry in &section.entries {
            out.push_str(&entry_line(entry, options.with_signers));
            out.push('\n');
        }
    }
    if !list.signatories.is_empty() {
        out.push('\n');
    }
    out.push_str(&count_line(list));
    out.push('\n');
    out
}

/// Markdown: `# Title`, `## Country` headings when grouped, `- entry` bullets and the count
/// line as the last paragraph. Names are escaped so that none turns into markup.
pub(crate) fn md(list: &PublishedList, options: &ExportOptions) -> String {
    let mut out = String::with_capacity(64 + list.signatories.len() * 52);
    out.push_str("# ");
    out.push_str(&escape(&clean(&list.title)));
    out.push_str("\n\n");
    for section in sections(list, options) {
        if let Some(heading) = section.heading {
            out.push_str("## ");
            out.push_str(&escape(heading));
            out.push_str("\n\n");
        }
        for entry in &section.entries {
            out.push_str("- ");
            out.push_str(&escape(&entry_line(entry, options.with_signers)));
            out.push('\n');
        }
        if !section.entries.is_empty() {
            out.push('\n');
        }
    }
    out.push_str(&escape(&count_line(list)));
    out.push('\n');
    out
}

/// Escapes what Markdown (CommonMark and GitHub's dialect) would read as markup: inline
/// punctuation anywhere, and what opens a block (a list marker, a quote, a numbered item)
/// at the start.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
    // Block markers only count at the start of the text.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{list, opts, sample, sig};
    use super::*;
    use crate::letters::publish::{ExportFormat, SignatoryOrder};

    #[test]
    fn txt_has_title_entries_and_count_line_last() {
        let text = txt(&sample(), &opts(ExportFormat::Txt));
        assert_eq!(
            text,
            "Open letter in support of the CSA Regulation\n\n\
             Be Brave Movement France — Mié Kohiyama, Co-founder\n\
             Child Focus — Heidi De Pauw, CEO\n\
             École de la Paix\n\
             Eurochild — Jana Hainsworth, Secretary General\n\
             Thorn — Cathal Delaney\n\n\
             Signed by 5 organisations from 3 countries. 2 further organisations signed without being named.\n"
        );
    }

    #[test]
    fn txt_without_signers_names_no_one() {
        let mut o = opts(ExportFormat::Txt);
        o.with_signers = false;
        let text = txt(&sample(), &o);
        assert!(!text.contains("Kohiyama"));
        assert!(!text.contains("Hainsworth"));
        assert!(text.contains("\nEurochild\n"));
    }

    #[test]
    fn txt_grouped_puts_country_headings_on_their_own_lines() {
        let mut o = opts(ExportFormat::Txt);
        o.with_signers = false;
        o.group_by_country = true;
        o.order = SignatoryOrder::SteeringFirst;
        let text = txt(&sample(), &o);
        assert_eq!(
            text,
            "Open letter in support of the CSA Regulation\n\n\
             Belgium\nEurochild\nChild Focus\n\n\
             France\nBe Brave Movement France\nÉcole de la Paix\n\n\
             United States\nThorn\n\n\
             Signed by 5 organisations from 3 countries. 2 further organisations signed without being named.\n"
        );
    }

    #[test]
    fn txt_of_an_empty_list() {
        let text = txt(&list(vec![]), &opts(ExportFormat::Txt));
        assert_eq!(text, "Open letter in support of the CSA Regulation\n\nNo organisations have signed yet.\n");
    }

    #[test]
    fn md_has_headings_bullets_and_count_line() {
        let mut o = opts(ExportFormat::Md);
        o.group_by_country = true;
        let text = md(&sample(), &o);
        assert!(text.starts_with(
            "# Open letter in support of the CSA Regulation\n\n## Belgium\n\n- Child Focus — Heidi De Pauw, CEO\n"
        ));
        assert!(text.contains("## France\n\n- Be Brave Movement France — Mié Kohiyama, Co-founder\n- École de la Paix\n\n## United States\n"));
        assert!(text.ends_with(
            "\n\nSigned by 5 organisations from 3 countries. 2 further organisations signed without being named.\n"
        ));
    }

    #[test]
    fn md_escapes_names() {
        let l = list(vec![
            sig("*Stars* & [Links](http://x)", "BE"),
            sig("# Not a heading", "BE"),
            sig("- not a bullet", "BE"),
            sig("1. Not numbered", "BE"),
            sig("under_score `code` <b>", "BE"),
        ]);
        let text = md(&l, &opts(ExportFormat::Md));
        assert!(text.contains("- \\# Not a heading\n"));
        assert!(text.contains("- \\*Stars\\* \\& \\[Links\\](http://x)\n"));
        assert!(text.contains("- \\- not a bullet\n"));
        assert!(text.contains("- 1\\. Not numbered\n"));
        assert!(text.contains("- under\\_score \\`code\\` \\<b\\>\n"));
    }

    #[test]
    fn escape_leaves_plain_names_alone() {
        assert_eq!(escape("École de la Paix"), "École de la Paix");
        assert_eq!(escape("Terre des Hommes-Lausanne"), "Terre des Hommes-Lausanne");
        assert_eq!(escape("5Rights Foundation"), "5Rights Foundation");
    }
}
