//! Output helpers: aligned tables for people, files or stdout for data.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Prints rows as a table with aligned columns.
pub(crate) fn table(headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let line = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> io::Result<()> {
        let mut text = String::new();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            text.extend(std::iter::repeat_n(' ', widths[i] - cell.chars().count()));
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(&mut out, &mut headers.iter().copied())?;
    for row in rows {
        line(&mut out, &mut row.iter().map(String::as_str))?;
    }
    out.flush()
}

/// Opens stdout, or nothing when the data goes to a file.
pub(crate) fn with_output<T>(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> coalition_core::Result<T>,
) -> coalition_core::Result<T> {
    match out {
        Some(path) => coalition_core::tabular::write_atomically(path, write),
        None => {
            let stdout = io::stdout();
            let mut lock = BufWriter::new(stdout.lock());
            let value = write(&mut lock)?;
            lock.flush().map_err(|source| coalition_core::CoreError::Io { context: "cannot write to stdout".into(), source })?;
            Ok(value)
        }
    }
}

