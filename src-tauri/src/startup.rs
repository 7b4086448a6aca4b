//! Startup timing for `scripts/measure-app`: when `COALITION_MEASURE` is set, the app prints
//! on stderr how long after its start the UI reported its first data painted. Nothing is
//! printed otherwise.

use std::sync::OnceLock;
use std::time::Instant;

/// The environment variable that turns the report on.
pub const MEASURE_ENV: &str = "COALITION_MEASURE";

static START: OnceLock<Instant> = OnceLock::new();

/// Notes the process's start; called first thing in `run`.
pub fn begin() {
    let _ = START.get_or_init(Instant::now);
}

/// Prints `coalition-desk: <stage> <ms> ms after start` when measuring.
pub fn mark(stage: &str) {
    if std::env::var_os(MEASURE_ENV).is_none() {
        return;
    }
    let elapsed = START.get().map(|start| start.elapsed().as_secs_f64() * 1000.0).unwrap_or(f64::NAN);
    eprintln!("coalition-desk: {stage} {elapsed:.1} ms after start");
}
