//! `coalition synth`: fills a store with realistic, deterministic synthetic data.

use clap::Args;
use coalition_core::synth::{self, SynthOptions};
use coalition_core::Store;

use crate::Failure;

#[derive(Args)]
pub(crate) struct SynthArgs {
    /// Organisations to create, each with a membership and its status history.
    #[arg(long, default_value_t = 0)]
    orgs: u32,
    /// People to create, most affiliated to an organisation of their country.
    #[arg(long, default_value_t = 0)]
    people: u32,
    /// Interactions to create, spread over 2015–2026, with participants and some tasks.
    #[arg(long, default_value_t = 0)]
    interactions: u32,
    /// Signatures to create, on a few new letters.
    #[arg(long, default_value_t = 0)]
    signatures: u32,
    /// The seed: the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub(crate) fn run(store: &Store, args: SynthArgs) -> Result<(), Failure> {
    let options = SynthOptions {
        organisations: args.orgs,
        people: args.people,
        interactions: args.interactions,
        signatures: args.signatures,
        seed: args.seed,
    };
    let started = std::time::Instant::now();
    let report = synth::synth(store, &options, &mut |p| {
        eprintln!("{}: {}/{} ({:.1} s)", p.phase, p.done, p.total, started.elapsed().as_secs_f64());
    })?;
    println!(
        "created {} organisations ({} status changes), {} people ({} affiliations, {} focal points), {} interactions ({} participants, {} tasks), {} letters, {} signatures",
        report.organisations,
        report.status_changes,
        report.people,
        report.affiliations,
        report.focal_points,
        report.interactions,
        report.participants,
        report.tasks,
        report.letters,
        report.signatures
    );
    Ok(())
}
