//! The XLSX reader. An input that is a ZIP (starts with `PK\3\4`) is read as a workbook as
//! it is; any other input is a worksheet's XML (and, after a NUL byte, the shared strings'
//! XML) wrapped into a valid workbook, so that mutations reach calamine's XML reading.
#![no_main]

use coalition_core::tabular::{looks_like_xlsx, read_any};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coalition_fuzz::init();
    let workbook = if looks_like_xlsx(data) {
        data.to_vec()
    } else {
        coalition_fuzz::xlsx_from_parts(data)
    };
    if let Ok(table) = read_any(&workbook) {
        for row in &table.rows {
            assert!(
                row.cells.len() >= table.headers.len(),
                "a row narrower than the header"
            );
        }
    }
});
