//! Reading the first sheet of an XLSX workbook as a table, with spreadsheet row numbers as
//! line numbers so that messages point at the row a coordinator sees.

use std::collections::BTreeMap;
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

/// The widest header row read (Excel allows 16,384 columns). Every data row is as wide as
/// the header, so a file whose one header cell sits far to the right would make each row that
/// wide; no coordinator's sheet comes near this.
pub const MAX_COLUMNS: usize = 2000;

/// Reads the first worksheet: its first non-empty row is the header. Cells are streamed and
/// kept only where they hold something, so a sheet with one cell at A1 and one at XFD1048576
/// costs two cells, not the 17 billion of the rectangle between them; blank rows are left out
/// (the line numbers stay those of the spreadsheet). calamine is defended against: a panic in
/// it becomes a bad-file error, and a shared-strings count that would make it reserve more
/// memory than the file could fill is refused before calamine reads it.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table> {
    check_shared_strings(bytes)?;
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_cells(bytes))) {
        Ok(result) => result,
        Err(_) => Err(CoreError::BadFile("the file is not a readable XLSX workbook: it is damaged".into())),
    }
}

fn unreadable(e: impl std::fmt::Display) -> CoreError {
    CoreError::BadFile(format!("the file is not a readable XLSX workbook: {e}"))
}

fn read_cells(bytes: &[u8]) -> Result<Table> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let name = workbook.sheet_names().first().cloned().ok_or_else(|| CoreError::BadFile("the workbook has no worksheet".into()))?;
    // Non-empty cells by row, then column (0-based, as calamine gives them).
    let mut cells: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    {
        let mut reader = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| CoreError::BadFile(format!("the first worksheet cannot be read: {e}")))?;
        while let Some(cell) = reader.next_cell().map_err(|e| CoreError::BadFile(format!("the first worksheet cannot be read: {e}")))? {
            let (row, column) = cell.get_position();
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if !text.is_empty() {
                cells.entry(row).or_default().push((column, text));
            }
        }
    }
    let Some(origin) = cells.values().flatten().map(|(column, _)| *column).min() else {
        return Err(CoreError::BadFile("the first worksheet is empty: there is no header row".into()));
    };
    let mut rows = cells.into_iter();
    let (header_row, header_cells) = rows.next().expect("a sheet with a cell has a first row");
    let width = header_cells.iter().map(|(column, _)| (column - origin) as usize + 1).max().unwrap_or(0);
    if width > MAX_COLUMNS {
        return Err(CoreError::BadFile(format!(
            "line {}: the header row spans {width} columns; at most {MAX_COLUMNS} can be read",
            u64::from(header_row) + 1
        )));
    }
    let spread = |cells: Vec<(u32, String)>| {
        let mut out = vec![String::new(); width];
        for (column, text) in cells {
            if let Some(slot) = out.get_mut((column - origin) as usize) {
                *slot = text;
            }
        }
        out
    };
    let headers: Vec<String> = spread(header_cells).into_iter().map(|h| h.trim().to_string()).collect();
    let rows = rows.map(|(row, cells)| TableRow { line: u64::from(row) + 1, cells: spread(cells) }).collect();
    Ok(Table { headers, rows, encoding: "xlsx", delimiter: '\0' })
}

/// calamine reserves room for the `uniqueCount` a workbook's shared strings declare before it
/// reads them, so a damaged or hostile count (`uniqueCount="9999999999"`) would abort the
/// process on the allocation. A string takes at least `<si></si>`, nine bytes of the part, so a
/// count above the part's real size over nine is refused here, before calamine sees it.
fn check_shared_strings(bytes: &[u8]) -> Result<()> {
    // What is not a ZIP, or not readable, is calamine's to report.
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index(index) else { continue };
        let Ok(name) = part.name() else { continue };
        if !name.replace('\\', "/").to_ascii_lowercase().ends_with("sharedstrings.xml") {
            continue;
        }
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
        let mut buf = Vec::new();
        let declared = loop {
            match xml.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                    let count = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "uniqueCount")
                        .map(|a| a.value.to_string());
                    break count;
                }
                Ok(quick_xml::events::Event::Eof) | Err(_) => break None,
                Ok(_) => buf.clear(),
            }
        };
        let Some(declared) = declared else { continue };
        let digits = declared.trim_start_matches('+');
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let declared: u128 = digits.parse().unwrap_or(u128::MAX);
        let read = xml.buffer_position();
        let rest = std::io::copy(xml.get_mut(), &mut std::io::sink()).unwrap_or(0);
        let size = u128::from(read) + u128::from(rest);
        if declared > size / 9 + 1 {
            return Err(CoreError::BadFile(format!(
                "the file is not a readable XLSX workbook: its shared strings declare {declared} strings in {size} bytes"
            )));
        }
    }
    Ok(())
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
