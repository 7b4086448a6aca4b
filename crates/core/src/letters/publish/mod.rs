//! Publication-ready signatory lists: ordering, grouping and rendering to every format.
//!
//! The caller gathers a [`PublishedList`] (signed and publishable organisations only, signers
//! already withheld unless they consented to be named); this module orders it, groups it by
//! country when asked, and renders it as CSV, XLSX, DOCX, PDF, plain text, Markdown or JSON.
//! Every format shares the same order, grouping and entry wording; the text-like ones
//! (TXT, Markdown, DOCX, PDF) open with the letter's title and close with [`count_line`].

pub(crate) mod docx;
mod model;
pub(crate) mod order;
pub(crate) mod pdf;
mod table;
#[cfg(test)]
mod testing;
mod text;

pub use model::{ExportFormat, ExportOptions, PublishedList, PublishedSignatory, SignatoryOrder};
pub use order::{count_line, ordered};

use crate::error::Result;

/// Renders the list as the bytes of a file in the format the options ask for.
pub fn render(list: &PublishedList, options: &ExportOptions) -> Result<Vec<u8>> {
    match options.format {
        ExportFormat::Csv => table::csv(list, options),
        ExportFormat::Xlsx => table::xlsx(list, options),
        ExportFormat::Docx => docx::docx(list, options),
        ExportFormat::Pdf => pdf::pdf(list, options),
        ExportFormat::Txt => Ok(text::txt(list, options).into_bytes()),
        ExportFormat::Md => Ok(text::md(list, options).into_bytes()),
        ExportFormat::Json => table::json(list, options),
    }
}

/// What the UI shows before export: the plain-text rendering, with the options' order,
/// grouping and signers whatever their format.
pub fn preview(list: &PublishedList, options: &ExportOptions) -> String {
    text::txt(list, options)
}

/// The file name extension of a format, without the dot.
pub fn file_extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Docx => "docx",
        ExportFormat::Pdf => "pdf",
        ExportFormat::Txt => "txt",
        ExportFormat::Md => "md",
        ExportFormat::Json => "json",
    }
}

#[cfg(test)]
mod tests {

    use super::testing::{many, opts, sample};
    use super::*;

    const FORMATS: [ExportFormat; 7] = [
        ExportFormat::Csv,
        ExportFormat::Xlsx,
        ExportFormat::Docx,
        ExportFormat::Pdf,
        ExportFormat::Txt,
        ExportFormat::Md,
        ExportFormat::Json,
    ];

    #[test]
    fn formats_and_orders_serialise_in_snake_case() {
        let names: Vec<String> = FORMATS.iter().map(|f| serde_json::to_string(f).unwrap()).collect();
        assert_eq!(names, [r#""csv""#, r#""xlsx""#, r#""docx""#, r#""pdf""#, r#""txt""#, r#""md""#, r#""json""#]);
        for format in FORMATS {
            assert_eq!(serde_json::to_string(&format).unwrap(), format!("\"{}\"", file_extension(format)));
        }
        assert_eq!(serde_json::to_string(&SignatoryOrder::SteeringFirst).unwrap(), r#""steering_first""#);
        let options: ExportOptions =
            serde_json::from_str(r#"{"format":"pdf","order":"country","group_by_country":true,"with_signers":false}"#)
                .unwrap();
        assert_eq!(options.format, ExportFormat::Pdf);
        assert_eq!(options.order, SignatoryOrder::Country);
    }

    #[test]
    fn preview_is_the_text_rendering_whatever_the_format() {
        let mut o = opts(ExportFormat::Pdf);
        o.group_by_country = true;
        let shown = preview(&sample(), &o);
        o.format = ExportFormat::Txt;
        assert_eq!(shown.as_bytes(), render(&sample(), &o).unwrap());
        assert!(shown.contains("\nBelgium\n"));
        assert!(shown.contains("Mié Kohiyama"));
    }

    #[test]
    fn every_format_renders_an_empty_list() {
        let empty = PublishedList { signatories: Vec::new(), ..sample() };
        for format in FORMATS {
            let bytes = render(&empty, &opts(format)).unwrap();
            assert!(!bytes.is_empty(), "{format:?}");
        }
    }

    // Speed is measured by the benchmark, never asserted in tests.
    #[test]
    fn every_format_renders_five_thousand_entries() {
        let list = many(5_000);
        for format in FORMATS {
            let bytes = render(&list, &opts(format)).unwrap();
            assert!(!bytes.is_empty(), "{format:?}");
        }
    }
}
