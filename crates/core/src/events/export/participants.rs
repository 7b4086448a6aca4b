//! The participant list as CSV and XLSX: one header row, one row a participant, every cell
//! inert; dietary and access needs only when asked for.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{checked_in_local, clean};
use crate::error::{CoreError, Result};
use crate::events::{Event, Participant};
use crate::tabular::inert;

/// The header of CSV and XLSX (a stable contract for scripts), without the sensitive columns.
pub const PARTICIPANT_COLUMNS: [&str; 7] =
    ["name", "family_name", "organisation", "email", "role", "state", "checked_in"];

/// The sensitive columns, added at the end only when needs are asked for.
pub const NEEDS_COLUMNS: [&str; 2] = ["dietary_needs", "access_needs"];

fn header(include_needs: bool) -> Vec<&'static str> {
    let mut columns = PARTICIPANT_COLUMNS.to_vec();
    if include_needs {
        columns.extend(NEEDS_COLUMNS);
    }
    columns
}

/// One row's cells, not yet inert. The check-in time is local to the event's zone.
fn cells(event: &Event, p: &Participant, include_needs: bool) -> Vec<String> {
    let text = |v: &Option<String>| v.as_deref().map(clean).unwrap_or_default();
    let mut row = vec![
        clean(&p.display_name),
        clean(&p.family_name),
        text(&p.organisation_name),
        text(&p.email),
        p.role.to_string(),
        p.state.to_string(),
        p.checked_in_at.as_deref().map(|at| checked_in_local(event, at)).unwrap_or_default(),
    ];
    if include_needs {
        // Needs may run over several lines: a cell keeps them.
        let keep = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or_default().to_string();
        row.push(keep(&p.dietary_needs));
        row.push(keep(&p.access_needs));
    }
    row
}

/// CSV, UTF-8 with a byte-order mark so that Excel shows accents right; every cell inert.
pub fn participants_csv(event: &Event, participants: &[Participant], include_needs: bool) -> Result<Vec<u8>> {
    let fail = |e: csv::Error| CoreError::BadFile(format!("cannot write the participant list as CSV: {e}"));
    let mut out = Vec::with_capacity(128 + participants.len() * 96);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header(include_needs)).map_err(fail)?;
    for p in participants {
        let row = cells(event, p, include_needs);
        writer.write_record(row.iter().map(|c| inert(c).into_owned())).map_err(fail)?;
    }
    writer.into_inner().map_err(|e| CoreError::BadFile(format!("cannot write the participant list as CSV: {e}")))
}

fn xlsx_error(e: XlsxError) -> CoreError {
    CoreError::BadFile(format!("cannot write the participant list as XLSX: {e}"))
}

/// An Excel workbook with one sheet "Participants": a bold, frozen header row, columns as
/// wide as their content (within limits), every cell a string made inert.
pub fn participants_xlsx(event: &Event, participants: &[Participant], include_needs: bool) -> Result<Vec<u8>> {
    let columns = header(include_needs);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Participants").map_err(xlsx_error)?;
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = columns.iter().map(|c| c.len()).collect();
    for (col, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &bold).map_err(xlsx_error)?;
    }
    for (i, p) in participants.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(|_| CoreError::BadFile("too many participants for a sheet".into()))?;
        for (col, cell) in cells(event, p, include_needs).iter().enumerate() {
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

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx};

    use super::super::select_participants;
    use super::super::testing::{event, participants};
    use super::*;
    use crate::tabular::inert_cell_needed;

    fn sheet(bytes: Vec<u8>) -> Vec<Vec<String>> {
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Participants").unwrap();
        range
            .rows()
            .map(|r| r.iter().map(|c| if let Data::String(s) = c { s.clone() } else { String::new() }).collect())
            .collect()
    }

    #[test]
    fn xlsx_cells_are_inert_strings_and_needs_only_when_asked() {
        let people = select_participants(&participants(), &[]);
        let rows = sheet(participants_xlsx(&event(), &people, false).unwrap());
        assert_eq!(rows[0], PARTICIPANT_COLUMNS);
        assert_eq!(rows.len(), people.len() + 1);
        for row in &rows[1..] {
            assert!(row.iter().all(|c| !inert_cell_needed(c)), "{row:?}");
        }
        assert!(rows.iter().any(|r| r[0] == "'=HYPERLINK(\"http://x\")" && r[2] == "'+32 Org"), "{rows:?}");
        assert!(!rows.concat().iter().any(|c| c.contains("végétarienne")));
        // Heidi checked in at 08:05 UTC: 09:05 in Brussels.
        assert!(rows.iter().any(|r| r[0] == "Heidi De Pauw" && r[6] == "2023-03-20 09:05"), "{rows:?}");

        let rows = sheet(participants_xlsx(&event(), &people, true).unwrap());
        assert_eq!(&rows[0][7..], NEEDS_COLUMNS);
        let mie = rows.iter().find(|r| r[0] == "Mié Kohiyama").unwrap();
        assert_eq!(&mie[7..], ["végétarienne", "step-free access"]);
    }

    #[test]
    fn csv_has_a_bom_one_header_and_needs_only_when_asked() {
        let people = select_participants(&participants(), &[]);
        let csv = String::from_utf8(participants_csv(&event(), &people, false).unwrap()).unwrap();
        assert!(csv.starts_with("\u{feff}name,family_name,organisation,email,role,state,checked_in\n"), "{csv}");
        assert!(!csv.contains("dietary") && !csv.contains("végétarienne"));
        let csv = String::from_utf8(participants_csv(&event(), &people, true).unwrap()).unwrap();
        assert!(csv.contains(",checked_in,dietary_needs,access_needs\n"));
        assert!(csv.contains("speaker,registered,,végétarienne,step-free access\n"), "{csv}");
        let empty = String::from_utf8(participants_csv(&event(), &[], false).unwrap()).unwrap();
        assert_eq!(empty.lines().count(), 1);
    }
}
