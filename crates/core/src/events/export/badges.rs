//! Name badges: an A4 sheet of 2 × 4 badges per page, with dashed cut lines; each badge has
//! the event's title, the name large, the organisation and the role. DejaVu Sans is embedded
//! (with a Unicode map), so accents print and the names can be searched and copied.

use krilla::color::{luma, rgb};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use super::{clean, role_label};
use crate::error::{CoreError, Result};
use crate::events::{Event, Participant};
use crate::letters::publish::pdf::{wrap_within, Metrics, BOLD, PAGE_H, PAGE_W, REGULAR};

/// Badges across and down a page.
pub const COLUMNS: usize = 2;
/// Rows of badges on a page.
pub const ROWS: usize = 4;
/// 10 mm around the sheet.
const SHEET_MARGIN: f32 = 28.35;
const CELL_W: f32 = (PAGE_W - 2.0 * SHEET_MARGIN) / COLUMNS as f32;
const CELL_H: f32 = (PAGE_H - 2.0 * SHEET_MARGIN) / ROWS as f32;
/// Space between a badge's edge and its text.
const PAD: f32 = 16.0;
const INNER_W: f32 = CELL_W - 2.0 * PAD;

const EVENT_SIZE: f32 = 8.5;
const NAME_MAX: f32 = 24.0;
const NAME_MIN: f32 = 13.0;
const ORG_SIZE: f32 = 12.0;
const ROLE_SIZE: f32 = 10.5;

fn pdf_error(e: impl std::fmt::Debug) -> CoreError {
    CoreError::BadFile(format!("cannot write the name badges as PDF: {e:?}"))
}

/// One line of a badge: centred on the badge, at a baseline.
struct Line {
    bold: bool,
    size: f32,
    grey: bool,
    baseline: f32,
    text: String,
}

/// The largest name size (down to a minimum) at which the name fits on two lines.
fn fit_name(name: &str, bold: &Metrics) -> (f32, Vec<String>) {
    let mut size = NAME_MAX;
    loop {
        let lines = wrap_within(name, size, INNER_W, INNER_W, bold);
        if lines.len() <= 2 || size <= NAME_MIN {
            return (size, lines);
        }
        size -= 1.0;
    }
}

/// At most `keep` lines; the last one marked with an ellipsis when text was cut.
fn at_most(mut lines: Vec<String>, keep: usize) -> Vec<String> {
    if lines.len() > keep {
        lines.truncate(keep);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// The lines of one badge, with baselines relative to the badge's top edge.
fn badge_lines(event_title: &str, p: &Participant, regular: &Metrics, bold: &Metrics) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, text) in at_most(wrap_within(event_title, EVENT_SIZE, INNER_W, INNER_W, regular), 2).into_iter().enumerate()
    {
        out.push(Line {
            bold: false,
            size: EVENT_SIZE,
            grey: true,
            baseline: PAD + EVENT_SIZE + i as f32 * 11.0,
            text,
        });
    }
    let (name_size, name_lines) = fit_name(&clean(&p.display_name), bold);
    let name_lines = at_most(name_lines, 3);
    // A policy-maker with no organisation on record shows their political group instead.
    let org_lines = p
        .organisation_name
        .as_deref()
        .or(p.group_code.as_deref())
        .map(clean)
        .filter(|o| !o.is_empty())
        .map(|o| at_most(wrap_within(&o, ORG_SIZE, INNER_W, INNER_W, regular), 2))
        .unwrap_or_default();
    // The name and organisation block sits in the middle of the badge.
    let name_leading = name_size * 1.2;
    let org_leading = ORG_SIZE * 1.3;
    let gap = if org_lines.is_empty() { 0.0 } else { 8.0 };
    let block = name_lines.len() as f32 * name_leading + gap + org_lines.len() as f32 * org_leading;
    let mut y = (CELL_H - block) / 2.0;
    for text in name_lines {
        out.push(Line { bold: true, size: name_size, grey: false, baseline: y + name_size, text });
        y += name_leading;
    }
    y += gap;
    for text in org_lines {
        out.push(Line { bold: false, size: ORG_SIZE, grey: false, baseline: y + ORG_SIZE, text });
        y += org_leading;
    }
    out.push(Line {
        bold: true,
        size: ROLE_SIZE,
        grey: false,
        baseline: CELL_H - PAD,
        text: role_label(p.role).to_uppercase(),
    });
    out
}

/// Dashed grey cut lines along every edge of the grid.
fn cut_lines(surface: &mut Surface<'_>) {
    let mut path = PathBuilder::new();
    for col in 0..=COLUMNS {
        let x = SHEET_MARGIN + col as f32 * CELL_W;
        path.move_to(x, SHEET_MARGIN);
        path.line_to(x, PAGE_H - SHEET_MARGIN);
    }
    for row in 0..=ROWS {
        let y = SHEET_MARGIN + row as f32 * CELL_H;
        path.move_to(SHEET_MARGIN, y);
        path.line_to(PAGE_W - SHEET_MARGIN, y);
    }
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: luma::Color::new(170).into(),
            width: 0.5,
            dash: Some(StrokeDash { array: vec![4.0, 3.0], offset: 0.0 }),
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

/// A PDF of name badges for these participants, in their order, 8 to an A4 page. Refuses an
/// empty list (there would be nothing to print).
pub fn badges_pdf(event: &Event, participants: &[Participant]) -> Result<Vec<u8>> {
    if participants.is_empty() {
        return Err(CoreError::invalid("states", "no participants in the chosen states: there are no badges to print"));
    }
    let regular_metrics = Metrics::new(REGULAR)?;
    let bold_metrics = Metrics::new(BOLD)?;
    let regular = Font::new(REGULAR.into(), 0).ok_or_else(|| pdf_error("the regular font cannot be loaded"))?;
    let bold = Font::new(BOLD.into(), 0).ok_or_else(|| pdf_error("the bold font cannot be loaded"))?;
    let title = clean(&event.title);
    let grey = Fill { paint: luma::Color::new(100).into(), ..Fill::default() };
    let accent = Fill { paint: rgb::Color::new(30, 80, 150).into(), ..Fill::default() };

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("Name badges — {title}"))
            .language("en".to_string())
            .creator("Coalition Desk".to_string()),
    );
    for page_people in participants.chunks(COLUMNS * ROWS) {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| pdf_error("bad page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        cut_lines(&mut surface);
        for (i, p) in page_people.iter().enumerate() {
            let left = SHEET_MARGIN + (i % COLUMNS) as f32 * CELL_W;
            let top = SHEET_MARGIN + (i / COLUMNS) as f32 * CELL_H;
            for line in badge_lines(&title, p, &regular_metrics, &bold_metrics) {
                let metrics = if line.bold { &bold_metrics } else { &regular_metrics };
                let x = left + (CELL_W - metrics.width(&line.text, line.size)) / 2.0;
                let fill = if line.grey {
                    grey.clone()
                } else if line.size == ROLE_SIZE && line.bold {
                    accent.clone()
                } else {
                    Fill::default()
                };
                surface.set_fill(Some(fill));
                surface.draw_text(
                    Point::from_xy(x, top + line.baseline),
                    if line.bold { bold.clone() } else { regular.clone() },
                    line.size,
                    &line.text,
                    false,
                    TextDirection::Auto,
                );
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(pdf_error)
}

#[cfg(test)]
mod tests {
    use super::super::select_participants;
    use super::super::testing::{event, participant, participants};
    use super::*;
    use crate::events::{ParticipantRole, ParticipantState};

    fn pages_of(bytes: &[u8]) -> Vec<String> {
        pdf_extract::extract_text_from_mem_by_pages(bytes).expect("the PDF's text can be extracted")
    }

    #[test]
    fn badges_show_names_with_accents_organisations_and_roles() {
        let people = select_participants(&participants(), &[]);
        let bytes = badges_pdf(&event(), &people).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let pages = pages_of(&bytes);
        assert_eq!(pages.len(), 1);
        for needle in [
            "Mié Kohiyama",
            "Be Brave Movement France",
            "Łukasz Żółć",
            "Heidi De Pauw",
            "SPEAKER",
            "POLICY-MAKER",
            "Protégeons",
        ] {
            assert!(pages[0].contains(needle), "{needle:?} not in {:?}", pages[0]);
        }
        // Not selected: the waitlisted and the declined.
        assert!(!pages[0].contains("Ærøskøbing"));
        assert!(!pages[0].contains("Anna Declined"));
    }

    #[test]
    fn a_policy_maker_without_an_organisation_shows_the_group() {
        let mut mep = participant(
            "m1",
            "Hilde Vautmans",
            "Vautmans",
            None,
            ParticipantRole::PolicyMaker,
            ParticipantState::Registered,
        );
        mep.group_code = Some("Renew".into());
        let text = pages_of(&badges_pdf(&event(), &[mep]).unwrap()).concat();
        assert!(text.contains("Renew") && text.contains("POLICY-MAKER"), "{text:?}");
    }

    #[test]
    fn eight_badges_to_a_page() {
        let people: Vec<Participant> = (0..17)
            .map(|i| {
                participant(
                    &format!("b{i}"),
                    &format!("Zoé Müller {i:02}"),
                    "Müller",
                    Some("Fédération"),
                    ParticipantRole::Guest,
                    ParticipantState::Registered,
                )
            })
            .collect();
        let pages = pages_of(&badges_pdf(&event(), &people).unwrap());
        assert_eq!(pages.len(), 3);
        assert!(pages[0].contains("Zoé Müller 07") && !pages[0].contains("Zoé Müller 08"));
        assert!(pages[2].contains("Zoé Müller 16"));
    }

    #[test]
    fn long_names_shrink_to_fit_the_badge() {
        let metrics = Metrics::new(BOLD).unwrap();
        let (size, lines) = fit_name("Maria do Carmo Albuquerque de Vasconcelos e Sá-Ferreira Nogueira", &metrics);
        assert!(size < NAME_MAX);
        assert!(lines.len() <= 2 || size == NAME_MIN);
        assert!(lines.iter().all(|l| metrics.width(l, size) <= INNER_W));
        assert!(badges_pdf(&event(), &[]).is_err());
    }
}
