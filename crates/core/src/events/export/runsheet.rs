//! The run sheet: the event's title, date and venue, then a table of the programme in time
//! order (time, session, who is on stage with their role and confirmation state, notes),
//! as DOCX (docx-rs) and PDF (krilla), with page numbers. The fonts, page geometry, line
//! wrapping and page-number footers are the letters' publication helpers.

use std::io::Cursor;

use docx_rs::{Docx, PageMargin, Paragraph, Run, Shading, Table, TableCell, TableCellMargins, TableRow, WidthType};
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use super::{clean, hm, parse_local, venue_line, when_line};
use crate::error::{CoreError, Result};
use crate::events::{Event, Programme, Session, SessionKind, SpeakerRole, SpeakerState};
use crate::letters::publish::docx::{fonts, heading_style, page_number_footer, A4};
use crate::letters::publish::pdf::{
    draw_page_number, wrap_within, Metrics, BODY_W, BOLD, BOTTOM, MARGIN_X, PAGE_H, PAGE_W, REGULAR, TOP,
};

/// The table's column headings.
pub const HEADINGS: [&str; 4] = ["Time", "Session", "On stage", "Notes"];

fn kind_label(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Keynote => "Keynote",
        SessionKind::Panel => "Panel",
        SessionKind::Break => "Break",
        SessionKind::Networking => "Networking",
        SessionKind::Other => "Other",
    }
}

fn role_label(role: SpeakerRole) -> &'static str {
    match role {
        SpeakerRole::KeynoteSpeaker => "Keynote speaker",
        SpeakerRole::Panellist => "Panellist",
        SpeakerRole::Moderator => "Moderator",
        SpeakerRole::Host => "Host",
    }
}

fn state_label(state: SpeakerState) -> &'static str {
    match state {
        SpeakerState::ToAsk => "to ask",
        SpeakerState::Asked => "asked",
        SpeakerState::Confirmed => "confirmed",
        SpeakerState::Declined => "declined",
    }
}

/// One row of the run sheet, as lines of text per column.
struct Row {
    time: String,
    session: Vec<String>,
    stage: Vec<String>,
    notes: Vec<String>,
}

/// The programme's rows. When it runs over more than one day, times carry their date.
fn rows(programme: &Programme) -> Vec<Row> {
    let days: std::collections::BTreeSet<String> =
        programme.sessions.iter().map(|s| s.starts_at.get(..10).unwrap_or_default().to_string()).collect();
    let dated = days.len() > 1;
    programme.sessions.iter().map(|s| row(s, dated)).collect()
}

fn row(session: &Session, dated: bool) -> Row {
    let mut time = format!("{}–{}", hm(&session.starts_at), hm(&session.ends_at));
    if dated {
        if let Ok(start) = parse_local(&session.starts_at) {
            time = format!("{} {time}", start.format("%a %-d %b"));
        }
    }
    let stage = session
        .speakers
        .iter()
        .map(|s| {
            let mut line = format!("{}: {}", role_label(s.role), clean(&s.display_name));
            if let Some(org) = s.organisation.as_deref().map(clean).filter(|o| !o.is_empty()) {
                line.push_str(&format!(" ({org})"));
            }
            line.push_str(&format!(" — {}", state_label(s.state)));
            line
        })
        .collect();
    let notes =
        session.notes.as_deref().map(|n| n.lines().map(clean).filter(|l| !l.is_empty()).collect()).unwrap_or_default();
    Row { time, session: vec![clean(&session.title), kind_label(session.kind).to_string()], stage, notes }
}

/// The lines under the title: when, where, organisers.
fn header_lines(event: &Event) -> Vec<String> {
    let mut lines = vec![when_line(event)];
    if let Some(venue) = venue_line(event) {
        lines.push(venue);
    }
    if !event.organisers.is_empty() {
        let names: Vec<String> = event.organisers.iter().map(|o| clean(&o.name)).collect();
        lines.push(format!("Organised by {}", names.join(", ")));
    }
    lines
}

// ---------------------------------------------------------------- DOCX

/// Column widths in twentieths of a point (the A4 body is 9,638 wide with 2 cm margins).
const DOCX_COLUMNS: [usize; 4] = [1500, 2450, 3400, 2288];

fn docx_cell(lines: &[String], width: usize, bold_first: bool) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    if lines.is_empty() {
        return cell.add_paragraph(Paragraph::new());
    }
    for (i, line) in lines.iter().enumerate() {
        let mut run = Run::new().add_text(line.as_str());
        if bold_first && i == 0 {
            run = run.bold();
        }
        cell = cell.add_paragraph(Paragraph::new().add_run(run));
    }
    cell
}

/// A Word run sheet: the title as a heading, when and where, the programme as a table with
/// a bold header row, and "Page N of M" in the footer.
pub fn runsheet_docx(event: &Event, programme: &Programme) -> Result<Vec<u8>> {
    let (footer, footer_style) = page_number_footer();
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin::new().top(1134).bottom(1134).left(1134).right(1134).header(567).footer(567))
        .default_fonts(fonts())
        .default_size(20)
        .add_style(heading_style("Heading1", "heading 1", 32, 0, 0))
        .add_style(footer_style)
        .footer(footer)
        .add_paragraph(
            Paragraph::new().style("Heading1").keep_next(true).add_run(Run::new().add_text(clean(&event.title))),
        );
    for line in header_lines(event) {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
    }
    doc = doc.add_paragraph(Paragraph::new());
    let header = TableRow::new(
        HEADINGS
            .iter()
            .zip(DOCX_COLUMNS)
            .map(|(h, w)| docx_cell(&[h.to_string()], w, true).shading(Shading::new().fill("E7E6E6")))
            .collect(),
    )
    .cant_split();
    let mut table_rows = vec![header];
    for r in rows(programme) {
        table_rows.push(
            TableRow::new(vec![
                docx_cell(&[r.time], DOCX_COLUMNS[0], false),
                docx_cell(&r.session, DOCX_COLUMNS[1], true),
                docx_cell(&r.stage, DOCX_COLUMNS[2], false),
                docx_cell(&r.notes, DOCX_COLUMNS[3], false),
            ])
            .cant_split(),
        );
    }
    if programme.sessions.is_empty() {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text("No sessions in the programme yet.")));
    } else {
        let margins = TableCellMargins::new().margin(60, 100, 60, 100);
        doc = doc.add_table(Table::new(table_rows).set_grid(DOCX_COLUMNS.to_vec()).margins(margins));
    }
    let mut out = Cursor::new(Vec::with_capacity(16_384));
    doc.pack(&mut out).map_err(|e| CoreError::BadFile(format!("cannot write the run sheet as DOCX: {e}")))?;
    Ok(out.into_inner())
}

// ---------------------------------------------------------------- PDF

const SIZE: f32 = 9.5;
const LEADING: f32 = 12.5;
const CELL_PAD: f32 = 4.0;
/// Column widths in points; they add up to the body's width.
const PDF_COLUMNS: [f32; 4] = [74.0, 118.0, 176.0, BODY_W - 74.0 - 118.0 - 176.0];

/// A line of text placed on a page.
struct Placed {
    x: f32,
    baseline: f32,
    bold: bool,
    size: f32,
    text: String,
}

#[derive(Default)]
struct Page {
    texts: Vec<Placed>,
    /// Horizontal rules: (y, weight).
    rules: Vec<(f32, f32)>,
}

struct Sheet<'m> {
    regular: &'m Metrics,
    bold: &'m Metrics,
    pages: Vec<Page>,
    y: f32,
}

impl Sheet<'_> {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn text(&mut self, x: f32, baseline: f32, bold: bool, size: f32, text: String) {
        self.page().texts.push(Placed { x, baseline, bold, size, text });
    }

    fn paragraph(&mut self, text: &str, bold: bool, size: f32, leading: f32) {
        let metrics = if bold { self.bold } else { self.regular };
        for line in wrap_within(text, size, BODY_W, BODY_W, metrics) {
            if self.y + leading > BOTTOM {
                self.pages.push(Page::default());
                self.y = TOP;
            }
            self.text(MARGIN_X, self.y + size, bold, size, line);
            self.y += leading;
        }
    }

    /// Each column's cells as wrapped lines (a bold flag per line).
    fn cells(&self, columns: [Vec<(String, bool)>; 4]) -> [Vec<(String, bool)>; 4] {
        let mut out: [Vec<(String, bool)>; 4] = Default::default();
        for (i, column) in columns.iter().enumerate() {
            let width = PDF_COLUMNS[i] - 2.0 * CELL_PAD;
            for (line, bold) in column {
                let metrics = if *bold { self.bold } else { self.regular };
                out[i].extend(wrap_within(line, SIZE, width, width, metrics).into_iter().map(|piece| (piece, *bold)));
            }
        }
        out
    }

    fn header_row(&mut self) {
        let cells = self.cells(HEADINGS.map(|h| vec![(h.to_string(), true)]));
        self.table_row(cells, 1.0);
    }

    /// Places a table row, breaking the page first (and repeating the header) if it does
    /// not fit.
    fn row(&mut self, columns: [Vec<(String, bool)>; 4]) {
        let cells = self.cells(columns);
        let height = row_height(&cells);
        if self.y + height > BOTTOM && self.y > TOP + 1.0 {
            self.pages.push(Page::default());
            self.y = TOP;
            self.header_row();
        }
        self.table_row(cells, 0.4);
    }

    fn table_row(&mut self, cells: [Vec<(String, bool)>; 4], rule: f32) {
        let height = row_height(&cells);
        let mut x = MARGIN_X;
        let top = self.y;
        for (i, lines) in cells.into_iter().enumerate() {
            for (n, (text, bold)) in lines.into_iter().enumerate() {
                self.text(x + CELL_PAD, top + CELL_PAD + SIZE + n as f32 * LEADING, bold, SIZE, text);
            }
            x += PDF_COLUMNS[i];
        }
        self.y += height;
        let y = self.y;
        self.page().rules.push((y, rule));
    }
}

fn row_height(cells: &[Vec<(String, bool)>; 4]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * LEADING + 2.0 * CELL_PAD
}

fn pdf_error(e: impl std::fmt::Debug) -> CoreError {
    CoreError::BadFile(format!("cannot write the run sheet as PDF: {e:?}"))
}

fn draw_rules(surface: &mut Surface<'_>, rules: &[(f32, f32)]) {
    for (y, width) in rules {
        let mut path = PathBuilder::new();
        path.move_to(MARGIN_X, *y);
        path.line_to(MARGIN_X + BODY_W, *y);
        if let Some(path) = path.finish() {
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: luma::Color::new(120).into(),
                width: *width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
    }
}

/// A PDF run sheet: A4, the title in bold, when and where, the programme table (its header
/// repeated on every page), and "Page N of M" at the foot of every page.
pub fn runsheet_pdf(event: &Event, programme: &Programme) -> Result<Vec<u8>> {
    let regular_metrics = Metrics::new(REGULAR)?;
    let bold_metrics = Metrics::new(BOLD)?;
    let mut sheet = Sheet { regular: &regular_metrics, bold: &bold_metrics, pages: vec![Page::default()], y: TOP };
    let title = clean(&event.title);
    sheet.paragraph(&title, true, 18.0, 23.0);
    sheet.y += 2.0;
    for line in header_lines(event) {
        sheet.paragraph(&line, false, 10.5, 14.0);
    }
    sheet.y += 10.0;
    if programme.sessions.is_empty() {
        sheet.paragraph("No sessions in the programme yet.", false, 10.5, 14.0);
    } else {
        let top = sheet.y;
        sheet.page().rules.push((top, 1.0));
        sheet.header_row();
        for r in rows(programme) {
            let flag = |lines: Vec<String>, bold_first: bool| -> Vec<(String, bool)> {
                lines.into_iter().enumerate().map(|(i, l)| (l, bold_first && i == 0)).collect()
            };
            sheet.row([vec![(r.time, false)], flag(r.session, true), flag(r.stage, false), flag(r.notes, false)]);
        }
    }

    let regular = Font::new(REGULAR.into(), 0).ok_or_else(|| pdf_error("the regular font cannot be loaded"))?;
    let bold = Font::new(BOLD.into(), 0).ok_or_else(|| pdf_error("the bold font cannot be loaded"))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("Run sheet — {title}"))
            .language("en".to_string())
            .creator("Coalition Desk".to_string()),
    );
    let total = sheet.pages.len();
    for (index, content) in sheet.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| pdf_error("bad page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        draw_rules(&mut surface, &content.rules);
        surface.set_fill(Some(Fill::default()));
        for placed in &content.texts {
            surface.draw_text(
                Point::from_xy(placed.x, placed.baseline),
                if placed.bold { bold.clone() } else { regular.clone() },
                placed.size,
                &placed.text,
                false,
                TextDirection::Auto,
            );
        }
        draw_page_number(&mut surface, &regular, &regular_metrics, index, total);
        surface.finish();
        page.finish();
    }
    document.finish().map_err(pdf_error)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::super::testing::{event, programme, session};
    use super::*;

    fn document_xml(bytes: Vec<u8>) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut file = zip.by_name("word/document.xml").unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn docx_has_the_title_when_where_and_every_speaker() {
        let xml = document_xml(runsheet_docx(&event(), &programme()).unwrap());
        for needle in [
            "ECLAG high-level event: Protégeons les enfants",
            "Monday 20 March 2023, 09:30–13:00 (Europe/Brussels)",
            "Résidence Palace, Salle Polak, Rue de la Loi 155, 1040 Bruxelles",
            "09:30–11:00",
            "Keynote speaker: Mié Kohiyama (Be Brave Movement France) — confirmed",
            "Moderator: Heidi De Pauw (Child Focus) — confirmed",
            "Panellist: Michael Tunks (Internet Watch Foundation) — declined",
            "Panel: détection et prévention",
            "Mics on the lectern; interpretation FR/EN",
        ] {
            assert!(xml.contains(needle), "{needle} not in the document");
        }
        assert!(xml.find("Keynotes").unwrap() < xml.find("Coffee").unwrap());
    }

    #[test]
    fn pdf_has_the_names_with_accents_and_page_numbers() {
        let bytes = runsheet_pdf(&event(), &programme()).unwrap();
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        // Wrapped lines come out joined without a space: compare without white space.
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for needle in [
            "ECLAG high-level event: Protégeons les enfants",
            "Mié Kohiyama (Be Brave Movement France)",
            "Moderator: Heidi De Pauw",
            "Panel: détection et prévention",
            "Résidence Palace",
            "Page 1 of 1",
        ] {
            let needle: String = needle.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(squeezed.contains(&needle), "{needle:?} not in {text:?}");
        }
        assert!(squeezed.find("09:30–11:00").unwrap() < squeezed.find("11:15–12:45").unwrap());
    }

    #[test]
    fn long_programmes_run_over_pages_with_the_header_repeated() {
        let mut long = programme();
        long.sessions = (0..60)
            .map(|i| {
                let start = format!("2023-03-20T{:02}:{:02}", 8 + i / 6, (i % 6) * 10);
                let end = format!("2023-03-20T{:02}:{:02}", 8 + i / 6, (i % 6) * 10 + 9);
                let mut s = session(
                    &format!("s{i}"),
                    &format!("Atelier n°{i:02}"),
                    SessionKind::Other,
                    &start,
                    &end,
                    programme().sessions[0].speakers.clone(),
                );
                s.notes = Some("Micro HF; traduction simultanée".into());
                s
            })
            .collect();
        let pages = pdf_extract::extract_text_from_mem_by_pages(&runsheet_pdf(&event(), &long).unwrap()).unwrap();
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let total = pages.len();
        for (i, page) in pages.iter().enumerate() {
            assert!(page.contains(&format!("Page {} of {total}", i + 1)));
            assert!(page.contains("On stage"), "page {} has no header", i + 1);
        }
        assert!(pages.concat().contains("Atelier n°59"));
        assert!(runsheet_pdf(&event(), &Programme { sessions: Vec::new(), issues: Vec::new() }).is_ok());
    }
}
