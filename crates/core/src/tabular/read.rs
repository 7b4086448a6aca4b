//! Reading delimited text: decoding, delimiter sniffing and line-numbered records.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::error::{CoreError, Result};

/// A decoded table: its header and its records, each with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Header cells, as written.
    pub headers: Vec<String>,
    /// Data records.
    pub rows: Vec<TableRow>,
    /// The encoding the file was read as.
    pub encoding: &'static str,
    /// The delimiter found.
    pub delimiter: char,
}

/// One record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// 1-based line number in the file where the record starts (the header is line 1).
    pub line: u64,
    /// The cells, padded or cut to the header's width.
    pub cells: Vec<String>,
}

impl TableRow {
    /// True when every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Decodes bytes: a BOM decides (UTF-8, UTF-16), else valid UTF-8 is UTF-8, else the file
/// is Windows-1252, which is what Excel writes in most of Europe.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), UTF_8.name()),
        Err(_) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            (text.into_owned(), WINDOWS_1252.name())
        }
    }
}

/// Picks the delimiter that occurs most often, outside quotes, on the header line.
pub fn sniff_delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == c) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map(|(d, _)| *d).unwrap_or(',')
}

/// Decodes and parses a delimited file. Malformed quoting is reported with its line.
pub fn read_table(bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(record)) => record.iter().map(|h| h.trim().to_string()).collect(),
        Some(Err(e)) => return Err(csv_error(e)),
        None => return Err(CoreError::BadFile("the file is empty: there is no header line".into())),
    };
    if headers.iter().all(String::is_empty) {
        return Err(CoreError::BadFile("line 1: the header line is empty".into()));
    }
    let width = headers.len();
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(csv_error)?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        cells.resize(width.max(cells.len()), String::new());
        rows.push(TableRow { line, cells });
    }
    Ok(Table { headers, rows, encoding, delimiter })
}

fn csv_error(error: csv::Error) -> CoreError {
    let line = error.position().map(|p| p.line());
    match line {
        Some(line) => CoreError::BadFile(format!("line {line}: the file is not valid CSV ({})", error.kind_message())),
        None => CoreError::BadFile(format!("the file is not valid CSV: {error}")),
    }
}

trait KindMessage {
    fn kind_message(&self) -> String;
}

impl KindMessage for csv::Error {
    fn kind_message(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Utf8 { .. } => "invalid characters".into(),
            csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                format!("{len} cells where the header has {expected_len}")
            }
            _ => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, enc) = decode("\u{feff}name\nÉcole".as_bytes());
        assert_eq!((text.as_str(), enc), ("name\nÉcole", "UTF-8"));
        let (text, enc) = decode("name\nÉcole".as_bytes());
        assert_eq!((text.as_str(), enc), ("name\nÉcole", "UTF-8"));
    }

    #[test]
    fn windows_1252_is_the_fallback() {
        let bytes = b"name\n\xc9cole \x80\n"; // É and the euro sign in Windows-1252
        let (text, enc) = decode(bytes);
        assert_eq!(enc, "windows-1252");
        assert_eq!(text, "name\nÉcole €\n");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "name\tcountry\nMié\tFR\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let table = read_table(&bytes).unwrap();
        assert_eq!(table.delimiter, '\t');
        assert_eq!(table.rows[0].cells, ["Mié", "FR"]);
    }

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(sniff_delimiter("name;country;type\na,b;c"), ';');
        assert_eq!(sniff_delimiter("name,country\n"), ',');
        assert_eq!(sniff_delimiter("name\tcountry\n"), '\t');
        assert_eq!(sniff_delimiter("\"a;b\",c\n"), ',');
        assert_eq!(sniff_delimiter("name\n"), ',');
    }

    #[test]
    fn rows_keep_their_line_numbers_across_multiline_cells() {
        let table = read_table(b"name,notes\nA,\"two\nlines\"\nB,x\n").unwrap();
        assert_eq!(table.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(table.rows[0].cells[1], "two\nlines");
    }

    #[test]
    fn empty_files_are_refused() {
        assert!(matches!(read_table(b""), Err(CoreError::BadFile(_))));
    }
}
