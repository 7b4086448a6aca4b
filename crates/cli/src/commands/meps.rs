//! `coalition meps ...`: sync the store with the Parliament's MEP list (from a file or the
//! Parliament's site) and list the MEPs.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::countries;
use coalition_core::policy::{self, GroupCode, MepStatus, MepSyncReport};
use coalition_core::Store;

use crate::output::{table, with_output};
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum MepsCommand {
    /// Sync the store with the Parliament's XML list: new MEPs are added, changes updated,
    /// MEPs missing from the list marked outgoing (never deleted).
    Import(ImportArgs),
    /// Download the Parliament's current list and sync the store with it.
    Fetch(FetchArgs),
    /// List the MEPs, by family name.
    List(ListArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ReportFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// The Parliament's XML list (`<meps><mep>...`), such as a saved copy of full-list/xml.
    file: PathBuf,
    /// Plan and report, write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

#[derive(Args)]
pub(crate) struct FetchArgs {
    /// Where to download from (default: COALITION_EP_URL, else the Parliament's site).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Plan and report, write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

fn group_arg(s: &str) -> Result<GroupCode, String> {
    GroupCode::parse(s)
}
fn country_arg(s: &str) -> Result<String, String> {
    countries::resolve(s).map(str::to_string)
}
fn status_arg(s: &str) -> Result<MepStatus, String> {
    MepStatus::parse(s)
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    /// Keep only this political group: EPP, S&D, PfE, ECR, Renew, Greens/EFA, "The Left", ESN, NI (repeatable).
    #[arg(long, value_parser = group_arg)]
    group: Vec<GroupCode>,
    /// Keep only this country, as a code or an English name (repeatable).
    #[arg(long, value_parser = country_arg)]
    country: Vec<String>,
    /// Keep only current or outgoing MEPs (repeatable).
    #[arg(long, value_parser = status_arg)]
    status: Vec<MepStatus>,
}

pub(crate) fn run(store: &Store, command: MepsCommand) -> Result<(), Failure> {
    match command {
        MepsCommand::Import(args) => {
            let report = policy::import_file(store, &args.file, args.dry_run)?;
            print_report(&report, args.format, args.dry_run)
        }
        MepsCommand::Fetch(args) => fetch(store, args),
        MepsCommand::List(args) => list(store, args),
    }
}

/// The JSON object of the contract: the four counts and the changes.
fn report_json(report: &MepSyncReport) -> serde_json::Value {
    serde_json::json!({
        "added": report.added,
        "updated": report.updated,
        "outgoing": report.outgoing,
        "unchanged": report.unchanged,
        "changes": report.changes,
    })
}

fn print_report(report: &MepSyncReport, format: ReportFormat, dry_run: bool) -> Result<(), Failure> {
    match format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report_json(report)).expect("serialisable")),
        ReportFormat::Text => println!(
            "added {}, updated {}, outgoing {}, unchanged {}",
            report.added, report.updated, report.outgoing, report.unchanged
        ),
    }
    if dry_run {
        eprintln!("dry run: nothing was written");
    }
    Ok(())
}

fn fetch(store: &Store, args: FetchArgs) -> Result<(), Failure> {
    let url = policy::list_url(args.url.as_deref());
    eprintln!("fetching {url}");
    let mut last_shown = 0u64;
    let fetched = policy::fetch(store, Some(&url), &mut |p| {
        if p.received > last_shown && (p.received >= last_shown + 256 * 1024 || p.total == Some(p.received)) {
            last_shown = p.received;
            match p.total {
                Some(total) => eprint!("\rreceived {} of {} kB", p.received / 1024, total / 1024),
                None => eprint!("\rreceived {} kB", p.received / 1024),
            }
            let _ = std::io::stderr().flush();
        }
    })?;
    eprintln!();
    let report = if args.dry_run {
        fetched.plan
    } else {
        policy::import_file(store, std::path::Path::new(&fetched.path), false)?
    };
    let _ = std::fs::remove_file(&fetched.path);
    print_report(&report, args.format, args.dry_run)
}

const COLUMNS: [&str; 9] =
    ["ep_id", "full_name", "display_name", "family_name", "country", "group", "group_name", "national_party", "status"];

fn list(store: &Store, args: ListArgs) -> Result<(), Failure> {
    let meps = policy::meps(store, &args.group, &args.country, &args.status)?;
    match args.format {
        ListFormat::Json => {
            with_output(None, |out| {
                let io = |source| coalition_core::CoreError::Io { context: "cannot write to stdout".into(), source };
                serde_json::to_writer_pretty(&mut *out, &meps).map_err(|e| io(e.into()))?;
                writeln!(out).map_err(io)
            })?;
        }
        ListFormat::Csv => {
            with_output(None, |out| {
                let mut writer = csv::Writer::from_writer(out);
                let io = |e: csv::Error| coalition_core::CoreError::BadFile(e.to_string());
                writer.write_record(COLUMNS).map_err(io)?;
                for mep in &meps {
                    let value = serde_json::to_value(mep).expect("serialisable");
                    let cells = COLUMNS.iter().map(|c| match &value[*c] {
                        serde_json::Value::Null => String::new(),
                        serde_json::Value::String(s) => coalition_core::tabular::inert(s).into_owned(),
                        other => other.to_string(),
                    });
                    writer.write_record(cells).map_err(io)?;
                }
                writer.flush().map_err(|e| coalition_core::CoreError::BadFile(e.to_string()))?;
                Ok(())
            })?;
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = meps
                .iter()
                .map(|m| {
                    vec![
                        m.ep_id.to_string(),
                        m.display_name.clone(),
                        m.country.clone().unwrap_or_default(),
                        m.group.map(|g| g.to_string()).unwrap_or_default(),
                        m.national_party.clone().unwrap_or_default(),
                        m.status.to_string(),
                    ]
                })
                .collect();
            table(&["EP_ID", "NAME", "COUNTRY", "GROUP", "PARTY", "STATUS"], &rows)?;
            eprintln!("{} MEPs", meps.len());
        }
    }
    Ok(())
}
