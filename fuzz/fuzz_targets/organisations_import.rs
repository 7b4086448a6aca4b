//! Organisations import: bytes (CSV in any encoding, or XLSX) → `tabular::read_any` → every
//! row's validation and matching against the demo organisations, in a dry run.
#![no_main]

use coalition_core::organisations::{import_csv, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coalition_fuzz::init();
    let fixture = coalition_fuzz::fixture();
    let options = ImportOptions {
        dry_run: true,
        skip_invalid: true,
        columns: None,
    };
    if let Ok(report) = import_csv(&fixture.store, data, "fuzz.csv", options) {
        assert!(!report.committed, "a dry run committed");
        let _ = report.summary();
    }
});
