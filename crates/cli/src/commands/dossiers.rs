//! `coalition dossiers ...`: the legislative files that stances and votes are about.

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::dossiers::{self, DossierInput};
use coalition_core::Store;

use crate::output::table;
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum DossiersCommand {
    /// Add a dossier, such as 2022/0155(COD).
    Add(AddArgs),
    /// List dossiers.
    List(ListArgs),
}

#[derive(Args)]
pub(crate) struct AddArgs {
    /// The procedure reference, YYYY/NNNN(XXX).
    #[arg(value_name = "REF")]
    reference: String,
    /// A short title.
    #[arg(long)]
    title: String,
    /// The lead committee's code, such as LIBE.
    #[arg(long)]
    committee: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Table,
    Json,
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

pub(crate) fn run(store: &Store, command: DossiersCommand) -> Result<(), Failure> {
    match command {
        DossiersCommand::Add(args) => {
            let input = DossierInput { reference: args.reference, short_title: args.title, lead_committee: args.committee };
            let detail = dossiers::create(store, input)?;
            println!("{}", detail.dossier.id);
            eprintln!("added dossier {} \"{}\"", detail.dossier.reference, detail.dossier.short_title);
            Ok(())
        }
        DossiersCommand::List(args) => {
            let list = dossiers::list(store)?;
            match args.format {
                ListFormat::Json => {
                    let records: Vec<serde_json::Value> = list
                        .iter()
                        .map(|d| {
                            serde_json::json!({
                                "id": d.id, "reference": d.reference, "short_title": d.short_title, "lead_committee": d.lead_committee,
                            })
                        })
                        .collect();
                    println!("{}", serde_json::to_string_pretty(&records).expect("serialisable"));
                }
                ListFormat::Table => {
                    let rows: Vec<Vec<String>> = list
                        .iter()
                        .map(|d| vec![d.reference.clone(), d.short_title.clone(), d.lead_committee.clone().unwrap_or_default()])
                        .collect();
                    table(&["REFERENCE", "TITLE", "COMMITTEE"], &rows)?;
                }
            }
            Ok(())
        }
    }
}
