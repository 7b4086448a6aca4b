//! Data protection from the command line: `coalition exports log` (what was exported, when,
//! by whom), `coalition people review` (the retention review), `coalition people sensitive`,
//! and the helpers every export command uses for the sensitive flag and the export log.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::data_protection::{self, ExportEntry, PageQuery, RetentionQuery};
use coalition_core::Store;

use crate::output::table;
use crate::Failure;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Table,
    Json,
}

#[derive(Subcommand)]
pub(crate) enum ExportsCommand {
    /// The export log, newest first: what was exported (kind, record, rows, whether sensitive
    /// people were included), the file's name, when and by whom. Never the data.
    Log(LogArgs),
}

#[derive(Args)]
pub(crate) struct LogArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Entries to show, newest first.
    #[arg(long, default_value_t = 100)]
    limit: u32,
    /// Entries to skip.
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

#[derive(Args)]
pub(crate) struct ReviewArgs {
    /// Years without activity (default: the store's retention.years setting, 3 unless set).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=20))]
    years: Option<u32>,
    /// Save --years as the store's retention.years setting.
    #[arg(long, requires = "years")]
    save: bool,
    /// Leave out people holding a public role (policy-makers).
    #[arg(long)]
    no_public_role: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Rows to show, the longest inactive first.
    #[arg(long, default_value_t = 1000)]
    limit: u32,
    /// Rows to skip.
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

#[derive(Args)]
pub(crate) struct SensitiveArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

fn json(value: serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(&value).expect("serialisable"));
}

pub(crate) fn run_exports(store: &Store, command: ExportsCommand) -> Result<(), Failure> {
    match command {
        ExportsCommand::Log(args) => {
            let page = data_protection::export_log(store, PageQuery { offset: args.offset, limit: args.limit })?;
            match args.format {
                Format::Json => json(serde_json::to_value(&page).expect("serialisable")),
                Format::Table => {
                    let cells: Vec<Vec<String>> = page
                        .rows
                        .iter()
                        .map(|r| {
                            vec![
                                r.exported_at.clone(),
                                r.exported_by.clone(),
                                r.kind.clone(),
                                r.record_title.clone().unwrap_or_default(),
                                r.row_count.to_string(),
                                if r.sensitive_included {
                                    "included".into()
                                } else if r.sensitive_left_out > 0 {
                                    format!("{} left out", r.sensitive_left_out)
                                } else {
                                    String::new()
                                },
                                r.file_name.clone().unwrap_or_else(|| "(stdout)".into()),
                            ]
                        })
                        .collect();
                    table(&["EXPORTED AT", "BY", "KIND", "RECORD", "ROWS", "SENSITIVE", "FILE"], &cells)?;
                    eprintln!("{} of {} exports", page.rows.len(), page.total);
                }
            }
            Ok(())
        }
    }
}

pub(crate) fn review(store: &Store, args: ReviewArgs) -> Result<(), Failure> {
    if args.save {
        if let Some(years) = args.years {
            data_protection::set_retention_years(store, years)?;
            eprintln!("retention.years set to {years}");
        }
    }
    let query =
        RetentionQuery { years: args.years, exclude_public_role: args.no_public_role, offset: args.offset, limit: args.limit };
    let page = data_protection::retention_review(store, &query)?;
    match args.format {
        Format::Json => json(serde_json::to_value(&page).expect("serialisable")),
        Format::Table => {
            let cells: Vec<Vec<String>> = page
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.last_activity.clone(),
                        r.display_name.clone(),
                        r.country.clone().unwrap_or_default(),
                        r.lawful_basis.to_string(),
                        if r.public_role { "public role".into() } else { String::new() },
                        if r.sensitive { "sensitive".into() } else { String::new() },
                        r.id.clone(),
                    ]
                })
                .collect();
            table(&["LAST ACTIVITY", "NAME", "COUNTRY", "LAWFUL BASIS", "ROLE", "FLAG", "ID"], &cells)?;
            eprintln!("{} people with no activity since {} ({} years)", page.total, page.cutoff, page.years);
        }
    }
    Ok(())
}

pub(crate) fn sensitive(store: &Store, args: SensitiveArgs) -> Result<(), Failure> {
    let mut rows = Vec::new();
    let mut offset = 0;
    loop {
        let page = data_protection::sensitive_people(store, PageQuery { offset, limit: 1000 })?;
        let done = page.rows.len() < 1000;
        offset += page.rows.len() as u32;
        rows.extend(page.rows);
        if done {
            break;
        }
    }
    match args.format {
        Format::Json => json(serde_json::to_value(&rows).expect("serialisable")),
        Format::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| vec![r.display_name.clone(), r.country.clone().unwrap_or_default(), r.lawful_basis.to_string(), r.id.clone()])
                .collect();
            table(&["NAME", "COUNTRY", "LAWFUL BASIS", "ID"], &cells)?;
            eprintln!("{} sensitive people", rows.len());
        }
    }
    Ok(())
}

/// Says on stderr what the sensitive flag did to an export: a warning when sensitive people
/// were included on purpose, a note when some were left out.
pub(crate) fn tell(entry: &ExportEntry) {
    if entry.sensitive_included {
        eprintln!("warning: people flagged sensitive are INCLUDED in this export (--include-sensitive); handle the file with care");
    } else if entry.sensitive_left_out > 0 {
        eprintln!(
            "note: {} sensitive {} left out (named signers keep only their organisation); --include-sensitive includes them",
            entry.sensitive_left_out,
            if entry.sensitive_left_out == 1 { "person" } else { "people" }
        );
    }
}

/// Records an export the command wrote itself (to a file, or to stdout when `out` is none)
/// in the export log, and tells what the sensitive flag did.
pub(crate) fn logged(store: &Store, entry: ExportEntry, out: Option<&Path>) -> Result<(), Failure> {
    let entry = match out {
        Some(path) => entry.file(path),
        None => entry,
    };
    data_protection::record_export(store, &entry)?;
    tell(&entry);
    Ok(())
}
