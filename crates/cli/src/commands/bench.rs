//! `coalition bench`: measures the core on a fresh temporary store and prints JSON.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use coalition_core::bench::{self, Scale};

use crate::Failure;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ScaleArg {
    /// Seconds in a debug build, for CI.
    Small,
    /// 10k organisations, 100k people, 1M interactions.
    Full,
}

#[derive(Args)]
pub(crate) struct BenchArgs {
    /// How big the temporary store is.
    #[arg(long, value_enum, default_value = "small")]
    scale: ScaleArg,
    /// Also write the JSON to this file.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &BenchArgs) -> Result<(), Failure> {
    let scale = match args.scale {
        ScaleArg::Small => Scale::Small,
        ScaleArg::Full => Scale::Full,
    };
    let started = std::time::Instant::now();
    let report = bench::run(scale, &mut |line| eprintln!("[{:>6.1} s] {line}", started.elapsed().as_secs_f64()))?;
    let text = serde_json::to_string_pretty(&report).map_err(|e| Failure::refused(e.to_string()))?;
    if let Some(path) = &args.out {
        std::fs::write(path, format!("{text}\n"))
            .map_err(|e| Failure::refused(format!("cannot write {}: {e}", path.display())))?;
    }
    println!("{text}");
    Ok(())
}
