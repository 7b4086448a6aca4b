//! `coalition search QUERY`: the app's global search (Ctrl+K) from the command line.

use clap::{Args, ValueEnum};
use coalition_core::search;
use coalition_core::Store;
use serde_json::Value;

use crate::output::table;
use crate::Failure;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Table,
    Json,
}

#[derive(Args)]
pub(crate) struct SearchArgs {
    /// What to look for: words in any order, case and accents ignored, the last one a prefix.
    query: String,
    /// The most hits to show (at most 200).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=200))]
    limit: u32,
    /// Output format: a table, or a JSON array of {kind, id, title}, best match first.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

/// One hit as the JSON contract has it: exactly `kind`, `id` and `title`, in that order
/// (serde_json's maps would sort the keys).
fn json_hit(hit: &search::SearchHit) -> String {
    let text = |s: &str| Value::from(s).to_string();
    format!("  {{\n    \"kind\": {},\n    \"id\": {},\n    \"title\": {}\n  }}", text(hit.kind.as_str()), text(&hit.id), text(&hit.title))
}

pub(crate) fn run(store: &Store, args: SearchArgs) -> Result<(), Failure> {
    let hits = search::search(store, &args.query, args.limit)?;
    match args.format {
        Format::Json => {
            if hits.is_empty() {
                println!("[]");
            } else {
                println!("[\n{}\n]", hits.iter().map(json_hit).collect::<Vec<_>>().join(",\n"));
            }
        }
        Format::Table => {
            let cells: Vec<Vec<String>> = hits
                .iter()
                .map(|h| vec![h.kind.to_string(), h.title.clone(), h.subtitle.clone().unwrap_or_default(), h.id.clone()])
                .collect();
            table(&["kind", "title", "detail", "id"], &cells)?;
        }
    }
    Ok(())
}
