//! The Parliament's MEP list: the XML parser, then the sync plan (the apply rolled back)
//! against a store that already holds a few MEPs.
#![no_main]

use coalition_core::policy::{parse_meps, sync_meps};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coalition_fuzz::init();
    let Ok(records) = parse_meps(data) else {
        return;
    };
    let fixture = coalition_fuzz::fixture();
    if let Ok(report) = sync_meps(&fixture.store, &records, true) {
        assert!(!report.committed, "a plan committed");
    }
});
