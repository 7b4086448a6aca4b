//! Signature import: the wizard's preview (column guesses), the matching of every row
//! against the demo organisations (exact, acronyms, suggestions), and the CLI's automatic
//! import with missing organisations created, in a dry run.
#![no_main]

use coalition_core::letters::import::{analyse, import_file, preview_file, SignatureImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coalition_fuzz::init();
    let fixture = coalition_fuzz::fixture();
    let Ok(preview) = preview_file(data) else {
        return;
    };
    let _ = analyse(&fixture.store, data, &preview.columns);
    let options = SignatureImportOptions {
        dry_run: true,
        skip_invalid: true,
        create_missing: true,
    };
    let _ = import_file(&fixture.store, &fixture.letter_id, data, &options);
});
