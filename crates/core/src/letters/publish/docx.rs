//! The Word rendering (DOCX, through docx-rs).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum, Paragraph, Run, RunFonts, Style, StyleType,
};

use super::model::{ExportOptions, PublishedList};
use super::order::{clean, count_line, entry_line, sections};
use crate::error::{CoreError, Result};

/// The font family asked for. Word shows it with the reader's own fonts: Calibri ships with
/// every Word and covers Latin, Greek and Cyrillic with all their accents (LibreOffice
/// substitutes the metric-compatible Carlito).
pub(crate) const FONT: &str = "Calibri";

/// A4 in twentieths of a point.
pub(crate) const A4: (u32, u32) = (11_906, 16_838);

pub(crate) fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT)
}

pub(crate) fn heading_style(id: &str, name: &str, size: usize, level: usize, before: u32) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .fonts(fonts())
        .size(size)
        .bold()
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(before).after(120))
}

/// A Word document: the title as a heading, country headings when grouped, one paragraph per
/// entry, the count line last, and "Page N of M" in the footer of every page.
pub(crate) fn docx(list: &PublishedList, options: &ExportOptions) -> Result<Vec<u8>> {
    let (footer, footer_style) = page_number_footer();
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin::new().top(1134).bottom(1134).left(1134).right(1134).header(567).footer(567))
        .default_fonts(fonts())
        .default_size(22)
        .add_style(heading_style("Heading1", "heading 1", 32, 0, 0))
        .add_style(heading_style("Heading2", "heading 2", 26, 1, 240))
        .add_style(footer_style)
        .footer(footer)
        .add_paragraph(
            Paragraph::new().style("Heading1").keep_next(true).add_run(Run::new().add_text(clean(&list.title))),
        );
    for section in sections(list, options) {
        if let Some(heading) = section.heading {
            doc = doc.add_paragraph(
                Paragraph::new().style("Heading2").keep_next(true).add_run(Run::new().add_text(heading)),
            );
        }
        for entry in section.entries {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .line_spacing(LineSpacing::new().after(40))
                    .add_run(Run::new().add_text(entry_line(entry, options.with_signers))),
            );
        }
    }
    doc = doc.add_paragraph(
        Paragraph::new().line_spacing(LineSpacing::new().before(240)).add_run(Run::new().add_text(count_line(list))),
    );
    let mut out = Cursor::new(Vec::with_capacity(16_384 + list.signatories.len() * 160));
    doc.pack(&mut out).map_err(|e| CoreError::BadFile(format!("cannot write the signatory list as DOCX: {e}")))?;
    Ok(out.into_inner())
}

/// A footer with "Page N of M" (Word fields), and the "Footer" style it uses: small, grey,
/// centred.
pub(crate) fn page_number_footer() -> (Footer, Style) {
    // The field runs carry no properties of their own: the paragraph's style sizes them.
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new()),
    );
    let style = Style::new("Footer", StyleType::Paragraph)
        .name("footer")
        .based_on("Normal")
        .fonts(fonts())
        .size(18)
        .color("595959")
        .align(AlignmentType::Center);
    (footer, style)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::super::testing::{many, opts, sample};
    use super::*;
    use crate::letters::publish::ExportFormat;

    fn parts(bytes: Vec<u8>) -> Vec<(String, String)> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut file = zip.by_index(i).unwrap();
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                (file.name().unwrap().to_string(), text)
            })
            .collect()
    }

    fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
        &parts.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}")).1
    }

    #[test]
    fn docx_has_the_names_with_accents_headings_and_count_line_last() {
        let mut o = opts(ExportFormat::Docx);
        o.group_by_country = true;
        let parts = parts(docx(&sample(), &o).unwrap());
        let document = part(&parts, "word/document.xml");
        for needle in [
            "Open letter in support of the CSA Regulation",
            "Be Brave Movement France — Mié Kohiyama, Co-founder",
            "École de la Paix",
            "Belgium",
            "United States",
        ] {
            assert!(document.contains(needle), "{needle} missing");
        }
        let count = "Signed by 5 organisations from 3 countries. 2 further organisations signed without being named.";
        let at = document.find(count).expect("the count line");
        assert!(!document[at..].contains("Thorn"), "the count line comes last");
        assert!(document.find("École de la Paix").unwrap() < document.find("Thorn").unwrap());
        assert!(document.contains(r#"w:val="Heading1""#));
        assert!(document.contains(r#"w:val="Heading2""#));
        let styles = part(&parts, "word/styles.xml");
        assert!(styles.contains(r#"w:ascii="Calibri""#), "{styles}");
    }

    #[test]
    fn docx_escapes_xml_in_names() {
        let mut l = sample();
        l.signatories[0].display_name = "Save <the> Children & Co".into();
        let parts = parts(docx(&l, &opts(ExportFormat::Docx)).unwrap());
        assert!(part(&parts, "word/document.xml").contains("Save &lt;the&gt; Children &amp; Co"));
    }

    #[test]
    fn docx_footer_has_a_page_field_on_every_page() {
        let parts = parts(docx(&many(300), &opts(ExportFormat::Docx)).unwrap());
        let footers: Vec<&(String, String)> =
            parts.iter().filter(|(n, _)| n.starts_with("word/footer") && n.ends_with(".xml")).collect();
        assert!(!footers.is_empty(), "no footer part");
        assert!(footers.iter().all(|(_, xml)| xml.contains(">PAGE<") || xml.contains("PAGE ")), "{footers:?}");
        assert!(footers.iter().any(|(_, xml)| xml.contains("NUMPAGES")));
        assert!(footers.iter().all(|(_, xml)| xml.contains(r#"<w:pStyle w:val="Footer" />"#)), "{footers:?}");
        // The footer is the section's default footer, so it applies to every page.
        let document = part(&parts, "word/document.xml");
        assert!(document.contains(r#"<w:footerReference w:type="default""#), "no default footer reference");
        assert!(document.contains("Child numéro 00006"));
    }
}
