//! Roll-call vote import: CSV bytes → matching each row by EP id or folded name against the
//! stored MEPs, the counts, breakdowns and proposals, rolled back.
#![no_main]

use coalition_core::stances::{import_vote_dry_run, VoteInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coalition_fuzz::init();
    let fixture = coalition_fuzz::fixture();
    let input = VoteInput {
        dossier_id: fixture.dossier_id.clone(),
        voted_on: "2023-11-14".into(),
        title: "LIBE final vote".into(),
    };
    let _ = import_vote_dry_run(&fixture.store, &input, data);
});
