//! What the fuzz targets share: one in-memory store per process, filled once with the demo
//! organisations, a few MEPs (the test fixture `term-start.xml`), the CSA dossier and a
//! letter, so that every import has something to match and update. Every target works in a
//! dry run or a read, so the store is the same for every input.

use std::sync::OnceLock;

use coalition_core::{demo, dossiers, letters, policy, Store};

/// The shared store and the ids the targets need.
pub struct Fixture {
    /// In memory, migrated to the latest schema.
    pub store: Store,
    /// The CSA regulation's dossier.
    pub dossier_id: String,
    /// An open letter.
    pub letter_id: String,
}

const MEPS: &[u8] = include_bytes!("../../crates/core/tests/fixtures/meps/term-start.xml");

/// Called first by every target. libfuzzer-sys's panic hook aborts on every panic, even one
/// the core catches on purpose (a panic inside calamine becomes a bad-file error); with the
/// hook printing instead, only a panic that escapes the target aborts (libfuzzer-sys checks
/// with `catch_unwind` around each input), and that is the crash to find.
pub fn init() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("panic (caught or not): {info}"))));
}

/// The process's fixture, built on first use.
pub fn fixture() -> &'static Fixture {
    init();
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let store = Store::open_in_memory().expect("in-memory store");
        demo::load(&store).expect("demo data");
        let records = policy::parse_meps(MEPS).expect("MEP fixture parses");
        policy::sync_meps(&store, &records, false).expect("MEP fixture syncs");
        // The demo data holds the CSA dossier; a store without it gets one.
        let reference = "2022/0155(COD)";
        let dossier_id = match dossiers::by_reference(&store, reference) {
            Ok(dossier) => dossier.id,
            Err(_) => {
                let input = dossiers::DossierInput {
                    reference: reference.into(),
                    short_title: "CSA regulation".into(),
                    lead_committee: Some("LIBE".into()),
                };
                dossiers::create(&store, input).expect("dossier").dossier.id
            }
        };
        let letter_id = match letters::by_reference(&store, "open-letter-2022") {
            Ok(letter) => letter.id,
            Err(_) => {
                let input = letters::LetterInput {
                    reference: "open-letter-2022".into(),
                    title: "Open letter".into(),
                    ..Default::default()
                };
                letters::create(&store, input).expect("letter").letter.id
            }
        };
        Fixture {
            store,
            dossier_id,
            letter_id,
        }
    })
}

/// Wraps the XML of a worksheet (and, after a NUL byte, of the shared strings) into a
/// minimal XLSX container with stored (uncompressed) entries, so that libFuzzer's mutations
/// reach calamine's XML reading instead of dying on a broken ZIP or CRC.
pub fn xlsx_from_parts(data: &[u8]) -> Vec<u8> {
    let (sheet, strings) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(strings) = strings {
        entries.push(("xl/sharedStrings.xml", strings));
    }
    stored_zip(&entries)
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const ROOT_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP archive of stored entries (no compression), with the central directory.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let header = |sig: u32, central: bool, buf: &mut Vec<u8>| {
            buf.extend_from_slice(&sig.to_le_bytes());
            if central {
                buf.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            buf.extend_from_slice(&20u16.to_le_bytes()); // version needed
            buf.extend_from_slice(&0u16.to_le_bytes()); // flags
            buf.extend_from_slice(&0u16.to_le_bytes()); // stored
            buf.extend_from_slice(&0u32.to_le_bytes()); // time, date
            buf.extend_from_slice(&crc.to_le_bytes());
            buf.extend_from_slice(&size.to_le_bytes());
            buf.extend_from_slice(&size.to_le_bytes());
            buf.extend_from_slice(&(name.len() as u16).to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                buf.extend_from_slice(&0u16.to_le_bytes()); // comment
                buf.extend_from_slice(&0u16.to_le_bytes()); // disk
                buf.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
                buf.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                buf.extend_from_slice(&offset.to_le_bytes());
            }
            buf.extend_from_slice(name.as_bytes());
        };
        header(0x0403_4b50, false, &mut out);
        out.extend_from_slice(data);
        header(0x0201_4b50, true, &mut central);
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes()); // disk numbers
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    out
}
