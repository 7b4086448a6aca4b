//! `coalition votes import`: a roll-call vote from CSV, with its counts by position and group.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::dossiers;
use coalition_core::stances::{self, PositionCounts, VoteInput};
use coalition_core::Store;

use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum VotesCommand {
    /// Import a roll-call vote on a dossier from CSV (one row per MEP).
    Import(ImportArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// A CSV file (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) with an MEP column
    /// (ep_id, mep_id, member_id, or name, full_name, mep) and a position column (position or vote).
    file: PathBuf,
    /// The dossier's procedure reference.
    #[arg(long, value_name = "REF")]
    dossier: String,
    /// The date of the vote.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: String,
    /// What was voted.
    #[arg(long, value_name = "T")]
    title: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn counts(c: &PositionCounts) -> String {
    format!("for {}, against {}, abstention {}, did_not_vote {}", c.for_, c.against, c.abstention, c.did_not_vote)
}

pub(crate) fn run(store: &Store, command: VotesCommand) -> Result<(), Failure> {
    let VotesCommand::Import(args) = command;
    let dossier = dossiers::by_reference(store, &args.dossier)?;
    let input = VoteInput { dossier_id: dossier.id.clone(), voted_on: args.date, title: args.title };
    let report = stances::import_vote_file(store, &input, &args.file)?;
    for row in &report.unmatched {
        eprintln!("line {}: mep: {}", row.line, row.reason);
    }
    let result = &report.result;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report).expect("serialisable")),
        Format::Text => {
            println!(
                "vote \"{}\" of {} on {}: {} rows, {} matched, {} unmatched",
                result.vote.title,
                result.vote.voted_on,
                dossier.reference,
                report.rows,
                report.matched,
                report.unmatched.len()
            );
            println!("{}", counts(&result.counts));
            for group in &result.by_group {
                let key = if group.key.is_empty() { "(no group)" } else { group.key.as_str() };
                println!("{key}: {}", counts(&group.counts));
            }
            println!("proposed stance updates: {}", result.proposals.len());
        }
    }
    if !report.unmatched.is_empty() {
        eprintln!("{} rows matched no MEP and were left out; the vote was stored", report.unmatched.len());
    }
    Ok(())
}
