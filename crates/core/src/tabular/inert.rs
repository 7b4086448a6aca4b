//! Spreadsheet injection defence: a cell never starts with a character that a spreadsheet
//! would read as a formula.

use std::borrow::Cow;

/// True when a spreadsheet could read the cell as a formula or control sequence.
pub fn inert_cell_needed(cell: &str) -> bool {
    matches!(cell.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Makes a cell inert by prefixing an apostrophe, which spreadsheets show as text.
pub fn inert(cell: &str) -> Cow<'_, str> {
    if inert_cell_needed(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dangerous_lead_is_neutralised() {
        for lead in ['=', '+', '-', '@', '\t', '\r'] {
            let cell = format!("{lead}SUM(A1)");
            let safe = inert(&cell);
            assert!(safe.starts_with('\''), "{lead:?}");
            assert!(!inert_cell_needed(&safe));
        }
        assert_eq!(inert("Eurochild"), "Eurochild");
        assert_eq!(inert(""), "");
    }
}
