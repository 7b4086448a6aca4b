//! `coalition stances ...`: recording a stance and exporting the current stances on a dossier.

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::dossiers;
use coalition_core::stances::{self, EvidenceKind, StanceInput, StanceLevel};
use coalition_core::Store;

use crate::output::with_output;
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum StancesCommand {
    /// Record where an MEP stands on a dossier (earlier stances stay as history).
    Set(SetArgs),
    /// Export the current stances on a dossier.
    Export(ExportArgs),
}

fn level_arg(s: &str) -> Result<StanceLevel, String> {
    StanceLevel::parse(s)
}
fn evidence_arg(s: &str) -> Result<EvidenceKind, String> {
    EvidenceKind::parse(s)
}

#[derive(Args)]
pub(crate) struct SetArgs {
    /// The dossier's procedure reference.
    #[arg(long, value_name = "REF")]
    dossier: String,
    /// The MEP's EP id.
    #[arg(long, value_name = "N")]
    ep_id: i64,
    /// champion, supportive, undecided, sceptical, opposed or unknown.
    #[arg(long, value_parser = level_arg)]
    level: StanceLevel,
    /// vote, meeting, public_statement, social_media or other.
    #[arg(long, value_parser = evidence_arg)]
    evidence: EvidenceKind,
    /// A link or a note (required for public_statement and social_media).
    #[arg(long, allow_hyphen_values = true)]
    source: Option<String>,
    /// When it was stated (default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Csv,
    Json,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    /// The dossier's procedure reference.
    #[arg(long, value_name = "REF")]
    dossier: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    format: ExportFormat,
    /// Include policy-makers flagged sensitive; prints a warning.
    #[arg(long)]
    include_sensitive: bool,
}

pub(crate) fn run(store: &Store, command: StancesCommand) -> Result<(), Failure> {
    match command {
        StancesCommand::Set(args) => {
            let dossier = dossiers::by_reference(store, &args.dossier)?;
            let person_id = stances::person_by_ep_id(store, args.ep_id)?;
            let input = StanceInput {
                person_id,
                dossier_id: dossier.id,
                level: args.level,
                stated_on: args.date,
                evidence: Some(args.evidence),
                source: args.source,
                vote_id: None,
                recorded_by: None,
            };
            let stance = stances::record(store, input)?;
            println!("{}", stance.id);
            eprintln!(
                "MEP {} is {} on {} since {} (recorded by {})",
                args.ep_id, stance.level, dossier.reference, stance.stated_on, stance.recorded_by
            );
            Ok(())
        }
        StancesCommand::Export(args) => {
            let dossier = dossiers::by_reference(store, &args.dossier)?;
            let (kind, count) = match args.format {
                ExportFormat::Csv => {
                    ("stances.csv", with_output(None, |out| stances::export_csv_with(store, &dossier.id, out, args.include_sensitive))?)
                }
                ExportFormat::Json => {
                    let rows = stances::current_with(store, &dossier.id, args.include_sensitive)?;
                    println!("{}", serde_json::to_string_pretty(&rows).expect("serialisable"));
                    ("stances.json", rows.len() as u32)
                }
            };
            let entry = stances::export_log_entry(store, &dossier.id, kind, count, args.include_sensitive)?;
            super::privacy::logged(store, entry, None)
        }
    }
}
