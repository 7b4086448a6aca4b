//! People import: bytes (CSV or XLSX) → `tabular::read_any` → every row's validation, the
//! email lookup, affiliations to the demo organisations and the duplicate flags, in a dry run.
#![no_main]

use coalition_core::organisations::ImportOptions;
use coalition_core::people::import_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coalition_fuzz::init();
    let fixture = coalition_fuzz::fixture();
    let options = ImportOptions {
        dry_run: true,
        skip_invalid: true,
        columns: None,
    };
    if let Ok(report) = import_bytes(&fixture.store, data, options) {
        let _ = report.summary();
    }
});
