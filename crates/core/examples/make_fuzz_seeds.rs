//! Writes the XLSX seeds of the fuzz corpus (`fuzz/corpus/<target>/*.xlsx`) and, for the
//! `xlsx_read` target, the worksheet XML they hold (its raw-XML mode). Run it from the
//! repository's root when the seeds should change:
//!
//!     cargo run -p coalition-core --example make_fuzz_seeds
//!
//! Small workbooks as coordinators make them: a header row, accents, numbers, dates, booleans,
//! a formula, blank rows, a second sheet.

use std::io::Read;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn workbook(rows: &[&[&str]], extras: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (r, c) = (r as u32 + if extras && r > 1 { 1 } else { 0 }, c as u16);
            if value.is_empty() {
                continue;
            }
            if let Ok(n) = value.parse::<f64>() {
                sheet.write_number(r, c, n).unwrap();
            } else if let Ok(d) = ExcelDateTime::parse_from_str(value) {
                sheet.write_datetime_with_format(r, c, d, &date).unwrap();
            } else if *value == "TRUE" || *value == "FALSE" {
                sheet.write_boolean(r, c, *value == "TRUE").unwrap();
            } else {
                sheet.write_string(r, c, *value).unwrap();
            }
        }
    }
    if extras {
        let last = rows.len() as u32 + 2;
        sheet
            .write_formula(last, 0, "=CONCATENATE(\"Fondation \",\"Été\")")
            .unwrap();
        sheet.write_number(last, 1, 1e16).unwrap();
        sheet.write_number(last, 2, -0.5).unwrap();
        let other = book.add_worksheet();
        other.write_string(0, 0, "ignored second sheet").unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn sheet_xml(xlsx: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut part = |name: &str| {
        let mut out = Vec::new();
        if let Ok(mut file) = zip.by_name(name) {
            file.read_to_end(&mut out).unwrap();
        }
        out
    };
    // The fuzz target's raw mode: the worksheet, a NUL, the shared strings.
    let mut data = part("xl/worksheets/sheet1.xml");
    data.push(0);
    data.extend(part("xl/sharedStrings.xml"));
    data
}

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new("fuzz/corpus").join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn main() {
    let organisations: &[&[&str]] = &[
        &[
            "Name",
            "Short name",
            "Country",
            "Type",
            "Website",
            "Membership status",
            "Tier",
            "Joined",
        ],
        &[
            "Eurochild",
            "",
            "BE",
            "network",
            "https://www.eurochild.org",
            "active",
            "full",
            "2022-01-10",
        ],
        &[
            "École des Parents",
            "EPE",
            "France",
            "ngo",
            "",
            "applied",
            "associate",
            "",
        ],
        &[
            "Fundación ANAR",
            "ANAR",
            "ES",
            "foundation",
            "",
            "active",
            "full",
            "2021-12-31",
        ],
    ];
    let people: &[&[&str]] = &[
        &[
            "Given name",
            "Family name",
            "Email (work)",
            "Mobile",
            "Country",
            "Languages",
            "Organisation",
            "Job title",
            "Focal point",
        ],
        &[
            "Mié",
            "Kohiyama",
            "mie@brave.org",
            "+33 6 00",
            "France",
            "fr; en",
            "Brave Movement",
            "Co-founder",
            "FALSE",
        ],
        &[
            "Michael",
            "Tunks",
            "m.tunks@iwf.org.uk",
            "",
            "GB",
            "en",
            "IWF",
            "Head of Policy",
            "TRUE",
        ],
        &[
            "Łukasz",
            "Wiśniewski",
            "",
            "48600000000",
            "PL",
            "pl",
            "Eurochild",
            "",
            "",
        ],
    ];
    let signatures: &[&[&str]] = &[
        &[
            "Timestamp",
            "Organisation",
            "Country",
            "Your name",
            "Job title",
            "Email",
        ],
        &[
            "2022-06-02",
            "Eurochild",
            "Belgium",
            "Jana Hainsworth",
            "Secretary General",
            "j@eurochild.org",
        ],
        &[
            "2022-06-03",
            "IWF",
            "United Kingdom",
            "Michael Tunks",
            "Head of Policy",
            "",
        ],
        &[
            "2022-06-04",
            "Terre des Hommes NL",
            "Netherlands",
            "",
            "",
            "",
        ],
    ];
    let orgs = workbook(organisations, false);
    let orgs_extra = workbook(organisations, true);
    let ppl = workbook(people, true);
    let sigs = workbook(signatures, false);
    write("organisations_import", "organisations.xlsx", &orgs);
    write("people_import", "people.xlsx", &ppl);
    write("signature_match", "signatures.xlsx", &sigs);
    write("xlsx_read", "organisations.xlsx", &orgs);
    write("xlsx_read", "organisations-extra.xlsx", &orgs_extra);
    write("xlsx_read", "people.xlsx", &ppl);
    write(
        "xlsx_read",
        "organisations.sheet.xml",
        &sheet_xml(&orgs_extra),
    );
    write("xlsx_read", "people.sheet.xml", &sheet_xml(&ppl));
    write("xlsx_read", "signatures.sheet.xml", &sheet_xml(&sigs));
    println!("fuzz seeds written under fuzz/corpus/");
}
