//! The PDF rendering (through krilla): A4 pages, DejaVu Sans embedded (subset, with a
//! Unicode map so that the text can be searched and copied), wrapped lines, page numbers.

use krilla::color::luma;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use super::model::{ExportOptions, PublishedList};
use super::order::{clean, count_line, entry_line, sections};
use crate::error::{CoreError, Result};

pub(crate) static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
/// 20 mm either side and at the top; the body stops 25 mm above the bottom edge.
pub(crate) const MARGIN_X: f32 = 56.69;
pub(crate) const TOP: f32 = 56.69;
pub(crate) const BOTTOM: f32 = PAGE_H - 70.87;
/// The page number's baseline, 12 mm above the bottom edge.
pub(crate) const FOOTER_BASELINE: f32 = PAGE_H - 34.0;
pub(crate) const BODY_W: f32 = PAGE_W - 2.0 * MARGIN_X;
/// Continuation lines of a wrapped entry are indented by this much.
const HANG: f32 = 14.0;

/// Advance widths from the font's own tables, for wrapping and centring.
pub(crate) struct Metrics {
    face: ttf_parser::Face<'static>,
    per_unit: f32,
}

impl Metrics {
    pub(crate) fn new(data: &'static [u8]) -> Result<Self> {
        let face = ttf_parser::Face::parse(data, 0)
            .map_err(|e| CoreError::BadFile(format!("the embedded PDF font cannot be read: {e}")))?;
        let per_unit = 1.0 / f32::from(face.units_per_em());
        Ok(Metrics { face, per_unit })
    }

    /// The width of a text at a size, in points (kerning ignored, so never too narrow).
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                u32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0))
            })
            .sum();
        units as f32 * self.per_unit * size
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Weight {
    Regular,
    Bold,
}

/// A kind of paragraph and how it looks.
#[derive(Clone, Copy)]
struct Style {
    weight: Weight,
    size: f32,
    leading: f32,
    space_before: f32,
    /// Keep this paragraph on the same page as the next one's first line.
    keep_next: bool,
    /// The indent of a wrapped paragraph's continuation lines.
    hang: f32,
}

const TITLE: Style =
    Style { weight: Weight::Bold, size: 18.0, leading: 23.0, space_before: 0.0, keep_next: true, hang: 0.0 };
const HEADING: Style =
    Style { weight: Weight::Bold, size: 12.5, leading: 17.0, space_before: 10.0, keep_next: true, hang: 0.0 };
const ENTRY: Style =
    Style { weight: Weight::Regular, size: 10.5, leading: 14.0, space_before: 0.0, keep_next: false, hang: HANG };
const COUNT: Style =
    Style { weight: Weight::Regular, size: 10.5, leading: 14.0, space_before: 14.0, keep_next: false, hang: 0.0 };
pub(crate) const FOOTER_SIZE: f32 = 9.0;

/// One line placed on a page: its baseline origin, weight and size.
struct Placed {
    x: f32,
    baseline: f32,
    weight: Weight,
    size: f32,
    text: String,
}

/// Cuts a paragraph into lines no wider than the body (continuation lines less the hanging
/// indent), breaking at spaces, and inside a word only when the word alone is too wide.
fn wrap(text: &str, style: Style, metrics: &Metrics) -> Vec<String> {
    wrap_within(text, style.size, BODY_W, BODY_W - style.hang, metrics)
}

/// Cuts a text at a size into lines: the first no wider than `first`, the others no wider
/// than `rest`, breaking at spaces, and inside a word only when the word alone is too wide.
pub(crate) fn wrap_within(text: &str, size: f32, first: f32, rest: f32, metrics: &Metrics) -> Vec<String> {
    if metrics.width(text, size) <= first {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let limit = |lines: &Vec<String>| if lines.is_empty() { first } else { rest };
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if metrics.width(&candidate, size) <= limit(&lines) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word starts a line; split it if even that is too wide.
        let mut left = word;
        while metrics.width(left, size) > limit(&lines) {
            let mut cut = 0;
            for (i, c) in left.char_indices() {
                let end = i + c.len_utf8();
                if metrics.width(&left[..end], size) > limit(&lines) {
                    break;
                }
                cut = end;
            }
            if cut == 0 {
                // Not even one character fits: place it anyway.
                cut = left.chars().next().map_or(left.len(), char::len_utf8);
            }
            lines.push(left[..cut].to_string());
            left = &left[cut..];
        }
        line = left.to_string();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays paragraphs out on pages.
struct Layout<'m> {
    regular: &'m Metrics,
    bold: &'m Metrics,
    pages: Vec<Vec<Placed>>,
    y: f32,
}

impl<'m> Layout<'m> {
    fn new(regular: &'m Metrics, bold: &'m Metrics) -> Self {
        Layout { regular, bold, pages: vec![Vec::new()], y: TOP }
    }

    fn metrics(&self, weight: Weight) -> &'m Metrics {
        match weight {
            Weight::Regular => self.regular,
            Weight::Bold => self.bold,
        }
    }

    fn at_page_top(&self) -> bool {
        self.pages.last().is_none_or(Vec::is_empty)
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Places a paragraph. `then` is the leading of the paragraph that follows, which must
    /// fit beside this one when the style keeps with the next.
    fn paragraph(&mut self, text: &str, style: Style, then: Option<f32>) {
        let lines = wrap(text, style, self.metrics(style.weight));
        let before = if self.at_page_top() { 0.0 } else { style.space_before };
        let mut needed = before + style.leading;
        if style.keep_next {
            needed = before + style.leading * lines.len() as f32 + then.unwrap_or(0.0);
        }
        if self.y + needed > BOTTOM && !self.at_page_top() {
            self.new_page();
        } else {
            self.y += before;
        }
        for (i, line) in lines.into_iter().enumerate() {
            if self.y + style.leading > BOTTOM && !self.at_page_top() {
                self.new_page();
            }
            let x = MARGIN_X + if i > 0 { style.hang } else { 0.0 };
            let baseline = self.y + style.size;
            if let Some(page) = self.pages.last_mut() {
                page.push(Placed { x, baseline, weight: style.weight, size: style.size, text: line });
            }
            self.y += style.leading;
        }
    }
}

/// Draws "Page N of M" (N counted from 1) centred at the foot of an A4 page, in grey.
pub(crate) fn draw_page_number(surface: &mut Surface<'_>, font: &Font, metrics: &Metrics, index: usize, total: usize) {
    let number = format!("Page {} of {total}", index + 1);
    let x = (PAGE_W - metrics.width(&number, FOOTER_SIZE)) / 2.0;
    surface.set_fill(Some(Fill { paint: luma::Color::new(90).into(), ..Fill::default() }));
    surface.draw_text(
        Point::from_xy(x, FOOTER_BASELINE),
        font.clone(),
        FOOTER_SIZE,
        &number,
        false,
        TextDirection::LeftToRight,
    );
    surface.set_fill(None);
}

fn pdf_error(e: impl std::fmt::Debug) -> CoreError {
    CoreError::BadFile(format!("cannot write the signatory list as PDF: {e:?}"))
}

/// A PDF document: the title in bold, country headings when grouped, one entry a line
/// (wrapped when long), the count line last, and "Page N of M" at the foot of every page.
pub(crate) fn pdf(list: &PublishedList, options: &ExportOptions) -> Result<Vec<u8>> {
    let regular_metrics = Metrics::new(REGULAR)?;
    let bold_metrics = Metrics::new(BOLD)?;
    let mut layout = Layout::new(&regular_metrics, &bold_metrics);

    let title = clean(&list.title);
    let sections = sections(list, options);
    let first_after_title = match sections.first() {
        Some(s) if s.heading.is_some() => HEADING.leading,
        _ => ENTRY.leading,
    };
    layout.paragraph(&title, TITLE, Some(first_after_title));
    layout.y += 6.0;
    for section in &sections {
        if let Some(heading) = section.heading {
            layout.paragraph(heading, HEADING, Some(ENTRY.leading));
        }
        for entry in &section.entries {
            layout.paragraph(&entry_line(entry, options.with_signers), ENTRY, None);
        }
    }
    layout.paragraph(&count_line(list), COUNT, None);

    let regular = Font::new(REGULAR.into(), 0).ok_or_else(|| pdf_error("the regular font cannot be loaded"))?;
    let bold = Font::new(BOLD.into(), 0).ok_or_else(|| pdf_error("the bold font cannot be loaded"))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(title.clone()).language("en".to_string()).creator("Coalition Desk".to_string()),
    );
    let total = layout.pages.len();
    for (index, lines) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| pdf_error("bad page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for line in lines {
            let font = match line.weight {
                Weight::Regular => regular.clone(),
                Weight::Bold => bold.clone(),
            };
            surface.draw_text(
                Point::from_xy(line.x, line.baseline),
                font,
                line.size,
                &line.text,
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
    use super::super::testing::{many, opts, sample};
    use super::*;
    use crate::letters::publish::{ExportFormat, SignatoryOrder};

    fn text_of(bytes: &[u8]) -> String {
        pdf_extract::extract_text_from_mem(bytes).expect("the PDF's text can be extracted")
    }

    fn pages_of(bytes: &[u8]) -> Vec<String> {
        pdf_extract::extract_text_from_mem_by_pages(bytes).expect("the PDF's text can be extracted")
    }

    #[test]
    fn pdf_text_is_extractable_with_accents() {
        let bytes = pdf(&sample(), &opts(ExportFormat::Pdf)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = text_of(&bytes);
        for needle in [
            "Open letter in support of the CSA Regulation",
            "Mié Kohiyama",
            "École de la Paix",
            "Eurochild — Jana Hainsworth, Secretary General",
            "Page 1 of 1",
        ] {
            assert!(text.contains(needle), "{needle:?} not in {text:?}");
        }
        let count = "Signed by 5 organisations from 3 countries.";
        assert!(text.find(count).unwrap() > text.find("Thorn").unwrap(), "{text}");
    }

    #[test]
    fn pdf_without_signers_names_no_one() {
        let mut o = opts(ExportFormat::Pdf);
        o.with_signers = false;
        let text = text_of(&pdf(&sample(), &o).unwrap());
        assert!(text.contains("Eurochild"));
        assert!(!text.contains("Kohiyama"), "{text}");
    }

    #[test]
    fn pdf_long_list_pages_and_numbers_every_page() {
        let mut o = opts(ExportFormat::Pdf);
        o.group_by_country = true;
        o.order = SignatoryOrder::Country;
        let list = many(500);
        let pages = pages_of(&pdf(&list, &o).unwrap());
        assert!(pages.len() >= 10, "{} pages", pages.len());
        let total = pages.len();
        for (i, page) in pages.iter().enumerate() {
            assert!(page.contains(&format!("Page {} of {total}", i + 1)), "page {}: {page:?}", i + 1);
        }
        let all = pages.concat();
        for i in [0, 1, 249, 499] {
            let name = &list.signatories[i].display_name;
            assert!(all.contains(name.as_str()), "{name} missing");
        }
        assert!(pages[0].contains("Belgium"));
        assert!(pages.last().unwrap().contains("Signed by 500 organisations from 10 countries."));
    }

    #[test]
    fn wrap_breaks_long_names_within_the_body() {
        let metrics = Metrics::new(REGULAR).unwrap();
        let long = "Fédération internationale des associations de protection de l'enfance et de la jeunesse \
                    — Marie-Émilie Dupont-Aignan, Directrice générale adjointe chargée des affaires européennes";
        let lines = wrap(long, ENTRY, &metrics);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(metrics.width(&lines[0], ENTRY.size) <= BODY_W);
        for line in &lines[1..] {
            assert!(metrics.width(line, ENTRY.size) <= BODY_W - HANG, "{line}");
        }
        assert_eq!(lines.join(" "), long);
        let word = "X".repeat(200);
        let pieces = wrap(&word, ENTRY, &metrics);
        assert!(pieces.len() >= 2);
        assert_eq!(pieces.concat(), word);
    }
}
