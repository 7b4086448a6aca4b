//! Reading the first sheet of an XLSX workbook as a table, with spreadsheet row numbers as
//! line numbers so that messages point at the row a coordinator sees.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, DataType, Reader, Xlsx};

use super::read::{Table, TableRow};
use crate::error::{CoreError, Result};

/// True when the bytes are a ZIP container (XLSX, DOCX...), not delimited text.
pub fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(_) => match cell.as_datetime() {
            Some(dt) if dt.time() == chrono::NaiveTime::MIN => dt.date().format("%Y-%m-%d").to_string(),
            Some(dt) => dt.format("%Y-%m-%d %H:%M").to_string(),
            None => cell.to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Reads the first worksheet: its first non-empty row is the header.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| CoreError::BadFile(format!("the file is not a readable XLSX workbook: {e}")))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| CoreError::BadFile("the workbook has no worksheet".into()))?
        .map_err(|e| CoreError::BadFile(format!("the first worksheet cannot be read: {e}")))?;
    let first_row = range.start().map(|(row, _)| row as u64).unwrap_or(0);
    let mut rows = range.rows().enumerate().map(|(i, cells)| (first_row + i as u64 + 1, cells));
    let (header_line, headers) = loop {
        match rows.next() {
            Some((line, cells)) if cells.iter().any(|c| !c.is_empty()) => {
                break (line, cells.iter().map(|c| cell_text(c).trim().to_string()).collect::<Vec<_>>());
            }
            Some(_) => continue,
            None => return Err(CoreError::BadFile("the first worksheet is empty: there is no header row".into())),
        }
    };
    let _ = header_line;
    let width = headers.len();
    let rows = rows
        .map(|(line, cells)| {
            let mut cells: Vec<String> = cells.iter().map(cell_text).collect();
            cells.resize(width.max(cells.len()), String::new());
            TableRow { line, cells }
        })
        .collect();
    Ok(Table { headers, rows, encoding: "xlsx", delimiter: '\0' })
}

/// Reads a CSV or XLSX file, telling them apart by content.
pub fn read_any(bytes: &[u8]) -> Result<Table> {
    if looks_like_xlsx(bytes) {
        read_xlsx(bytes)
    } else {
        super::read::read_table(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_workbook_with_row_numbers_as_lines() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Organisation").unwrap();
        sheet.write_string(0, 1, "Date").unwrap();
        sheet.write_string(1, 0, "École de la Paix").unwrap();
        sheet.write_number(1, 1, 2023.0).unwrap();
        sheet.write_string(3, 0, "Eurochild").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert!(looks_like_xlsx(&bytes));
        let table = read_any(&bytes).unwrap();
        assert_eq!(table.headers, ["Organisation", "Date"]);
        assert_eq!(table.rows[0].cells, ["École de la Paix", "2023"]);
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows.last().unwrap().line, 4);
        assert!(read_any(b"PK\x03\x04garbage").is_err());
    }
}
