//! The tabular renderings: CSV and XLSX (spreadsheet-safe cells), and JSON.

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Serialize;

use super::model::{ExportOptions, PublishedList, PublishedSignatory};
use super::order::{clean, country_name, ordered, rows, signer};
use crate::error::{CoreError, Result};
use crate::tabular::inert;

/// The header of CSV and XLSX.
pub(crate) const COLUMNS: [&str; 5] = ["organisation", "country", "signer_name", "signer_title", "signed_on"];

/// One row's cells, not yet made inert: the published name, the English country name, the
/// signer's name and title (empty unless asked for), the date.
fn cells(s: &PublishedSignatory, with_signers: bool) -> [String; 5] {
    let (signer_name, signer_title) = match signer(s, with_signers) {
        Some((name, title)) => (name, title.unwrap_or_default()),
        None => (String::new(), String::new()),
    };
    [
        clean(&s.display_name),
        country_name(&s.country).to_string(),
        signer_name,
        signer_title,
        s.signed_on.clone().unwrap_or_default(),
    ]
}

/// CSV, UTF-8 with a byte-order mark so that Excel shows accents right; every cell inert.
pub(crate) fn csv(list: &PublishedList, options: &ExportOptions) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 + list.signatories.len() * 64);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::Writer::from_writer(out);
    let fail = |e: csv::Error| CoreError::BadFile(format!("cannot write the signatory list as CSV: {e}"));
    writer.write_record(COLUMNS).map_err(fail)?;
    for s in rows(list, options) {
        let row = cells(s, options.with_signers);
        let safe = row.iter().map(|c| inert(c));
        writer.write_record(safe.collect::<Vec<_>>().iter().map(|c| c.as_bytes())).map_err(fail)?;
    }
    writer.into_inner().map_err(|e| CoreError::BadFile(format!("cannot write the signatory list as CSV: {e}")))
}

fn xlsx_error(e: XlsxError) -> CoreError {
    CoreError::BadFile(format!("cannot write the signatory list as XLSX: {e}"))
}

/// An Excel workbook with one sheet "Signatories": a bold, frozen header row, columns as
/// wide as their content (within limits), every cell a string made inert.
pub(crate) fn xlsx(list: &PublishedList, options: &ExportOptions) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Signatories").map_err(xlsx_error)?;
    let bold = Format::new().set_bold();
    let mut widths: [usize; 5] = COLUMNS.map(str::len);
    for (col, name) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &bold).map_err(xlsx_error)?;
    }
    for (i, s) in rows(list, options).into_iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(|_| CoreError::BadFile("too many signatories for a sheet".into()))?;
        for (col, cell) in cells(s, options.with_signers).iter().enumerate() {
            let cell = inert(cell);
            widths[col] = widths[col].max(cell.chars().count());
            if !cell.is_empty() {
                sheet.write_string(row, col as u16, cell.as_ref()).map_err(xlsx_error)?;
            }
        }
    }
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*width).clamp(10, 60) as f64 + 2.0).map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// One JSON entry: exactly these keys.
#[derive(Serialize)]
struct JsonEntry<'a> {
    organisation: &'a str,
    display_name: &'a str,
    country: &'a str,
    signer_name: Option<&'a str>,
    signer_title: Option<&'a str>,
    signed_on: Option<&'a str>,
}

/// A JSON array in the chosen order (grouping does not apply): registered and published
/// names, the country code, and the signer (null unless asked for).
pub(crate) fn json(list: &PublishedList, options: &ExportOptions) -> Result<Vec<u8>> {
    let entries: Vec<JsonEntry<'_>> = ordered(list, options.order)
        .into_iter()
        .map(|s| {
            let named = options.with_signers && s.signer_name.is_some();
            JsonEntry {
                organisation: &s.organisation,
                display_name: &s.display_name,
                country: &s.country,
                signer_name: if named { s.signer_name.as_deref() } else { None },
                signer_title: if named { s.signer_title.as_deref() } else { None },
                signed_on: s.signed_on.as_deref(),
            }
        })
        .collect();
    let mut out = serde_json::to_vec_pretty(&entries)
        .map_err(|e| CoreError::BadFile(format!("cannot write the signatory list as JSON: {e}")))?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx};

    use super::super::testing::{list, opts, sample, sig, signed};
    use super::*;
    use crate::letters::publish::{ExportFormat, SignatoryOrder};
    use crate::tabular::inert_cell_needed;

    const LEADS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

    fn dangerous() -> PublishedList {
        let mut signatories = Vec::new();
        for (i, lead) in LEADS.iter().enumerate() {
            let mut s = signed(
                &format!("{lead}HYPERLINK(\"http://x\",\"{i}\")"),
                "BE",
                &format!("{lead}cmd"),
                Some(&format!("{lead}1+1")),
            );
            s.signed_on = Some(format!("{lead}2022-06-{i:02}"));
            signatories.push(s);
        }
        // An unknown country code that is itself dangerous.
        signatories.push(sig("Plain", "=1"));
        // Spaces before a formula are tidied away, and the formula is still caught.
        signatories.push(sig("  =spaced", "BE"));
        list(signatories)
    }

    fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        let text = text.strip_prefix('\u{feff}').expect("a BOM");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
    }

    #[test]
    fn csv_has_bom_header_and_english_country_names() {
        let bytes = csv(&sample(), &opts(ExportFormat::Csv)).unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let rows = read_csv(&bytes);
        assert_eq!(rows[0], COLUMNS);
        assert_eq!(rows[1], ["Be Brave Movement France", "France", "Mié Kohiyama", "Co-founder", "2022-06-14"]);
        assert_eq!(rows[3], ["École de la Paix", "France", "", "", ""]);
        assert_eq!(rows.len(), 6);
        assert!(!String::from_utf8(bytes).unwrap().contains("Signed by"));
    }

    #[test]
    fn csv_signer_columns_empty_without_signers() {
        let mut o = opts(ExportFormat::Csv);
        o.with_signers = false;
        let rows = read_csv(&csv(&sample(), &o).unwrap());
        assert_eq!(rows[0], COLUMNS);
        for row in &rows[1..] {
            assert_eq!(row.len(), 5);
            assert_eq!((row[2].as_str(), row[3].as_str()), ("", ""), "{row:?}");
        }
    }

    #[test]
    fn csv_groups_rows_by_country() {
        let mut o = opts(ExportFormat::Csv);
        o.group_by_country = true;
        o.order = SignatoryOrder::SteeringFirst;
        let rows = read_csv(&csv(&sample(), &o).unwrap());
        let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(names, ["Eurochild", "Child Focus", "Be Brave Movement France", "École de la Paix", "Thorn"]);
    }

    #[test]
    fn csv_cells_are_inert_for_every_dangerous_lead() {
        let rows = read_csv(&csv(&dangerous(), &opts(ExportFormat::Csv)).unwrap());
        assert_eq!(rows.len(), 1 + LEADS.len() + 2);
        for row in &rows {
            for cell in row {
                assert!(!inert_cell_needed(cell), "{cell:?}");
            }
        }
        let all: Vec<&String> = rows.iter().flatten().collect();
        for lead in LEADS {
            // Names are tidied first (a leading tab or CR goes), then made inert.
            if !lead.is_whitespace() {
                assert!(all.iter().any(|c| c.starts_with(&format!("'{lead}HYPERLINK"))), "{lead:?}");
                assert!(all.iter().any(|c| **c == format!("'{lead}cmd")), "{lead:?}");
            }
            assert!(all.iter().any(|c| c.starts_with(&format!("'{lead}2022-06-"))), "{lead:?}");
        }
        assert!(all.iter().any(|c| *c == "'=1"));
        assert!(all.iter().any(|c| *c == "'=spaced"));
    }

    fn read_xlsx(bytes: Vec<u8>) -> Vec<Vec<String>> {
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["Signatories"]);
        let range = book.worksheet_range("Signatories").unwrap();
        range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::String(s) => s.clone(),
                        Data::Empty => String::new(),
                        other => panic!("not a string cell: {other:?}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn xlsx_cells_are_inert_strings_for_every_dangerous_lead() {
        let rows = read_xlsx(xlsx(&dangerous(), &opts(ExportFormat::Xlsx)).unwrap());
        assert_eq!(rows[0], COLUMNS);
        assert_eq!(rows.len(), 1 + LEADS.len() + 2);
        for row in &rows {
            assert_eq!(row.len(), 5);
            for cell in row {
                assert!(!inert_cell_needed(cell), "{cell:?}");
            }
        }
        let all: Vec<&String> = rows.iter().flatten().collect();
        for lead in LEADS {
            if !lead.is_whitespace() {
                assert!(all.iter().any(|c| c.starts_with(&format!("'{lead}HYPERLINK"))), "{lead:?}");
                assert!(all.iter().any(|c| **c == format!("'{lead}1+1")), "{lead:?}");
            }
            assert!(all.iter().any(|c| c.starts_with(&format!("'{lead}2022-06-"))), "{lead:?}");
        }
        assert!(all.iter().any(|c| *c == "'=1"));
        assert!(all.iter().any(|c| *c == "'=spaced"));
    }

    #[test]
    fn xlsx_has_the_list_in_order_and_a_frozen_bold_header() {
        let bytes = xlsx(&sample(), &opts(ExportFormat::Xlsx)).unwrap();
        let rows = read_xlsx(bytes.clone());
        assert_eq!(rows[1], ["Be Brave Movement France", "France", "Mié Kohiyama", "Co-founder", "2022-06-14"]);
        assert_eq!(rows[5], ["Thorn", "United States", "Cathal Delaney", "", "2022-06-14"]);
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut sheet = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet).unwrap();
        assert!(sheet.contains(r#"state="frozen""#), "{sheet}");
        assert!(sheet.contains("<cols>"), "{sheet}");
        let mut styles = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
        assert!(styles.contains("<b/>"), "{styles}");
    }

    #[test]
    fn json_has_exactly_the_keys_in_the_chosen_order() {
        let mut o = opts(ExportFormat::Json);
        o.group_by_country = true; // ignored
        o.order = SignatoryOrder::SteeringFirst;
        let value: serde_json::Value = serde_json::from_slice(&json(&sample(), &o).unwrap()).unwrap();
        let entries = value.as_array().unwrap();
        let names: Vec<&str> = entries.iter().map(|e| e["display_name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Eurochild", "Be Brave Movement France", "Child Focus", "École de la Paix", "Thorn"]);
        for entry in entries {
            let mut keys: Vec<&str> = entry.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["country", "display_name", "organisation", "signed_on", "signer_name", "signer_title"]);
        }
        assert_eq!(entries[1]["organisation"], "Brave Movement France");
        assert_eq!(entries[1]["country"], "FR");
        assert_eq!(entries[1]["signer_name"], "Mié Kohiyama");
        assert_eq!(entries[1]["signer_title"], "Co-founder");
        assert_eq!(entries[4]["signer_title"], serde_json::Value::Null);
    }

    #[test]
    fn json_signers_are_null_without_signers() {
        let mut o = opts(ExportFormat::Json);
        o.with_signers = false;
        let value: serde_json::Value = serde_json::from_slice(&json(&sample(), &o).unwrap()).unwrap();
        for entry in value.as_array().unwrap() {
            assert!(entry["signer_name"].is_null());
            assert!(entry["signer_title"].is_null());
            assert!(entry.get("signed_on").is_some());
        }
    }
}
