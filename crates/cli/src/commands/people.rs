//! `coalition people ...`: list, import and export people, and flag possible duplicates.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::countries;
use coalition_core::organisations::ImportOptions;
use coalition_core::people::{self, PersonQuery, PersonRow, PolicyMakerFilter};
use coalition_core::Store;

use crate::output::{table, with_output};
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum PeopleCommand {
    /// List people, sorted by family name (archived ones only with --include-archived).
    List(ListArgs),
    /// Import people from CSV or XLSX: all or nothing unless --skip-invalid; an email that
    /// already belongs to a person updates that person.
    Import(ImportArgs),
    /// Export every person, archived included.
    Export(ExportArgs),
    /// List possible duplicates: a shared email, or the same name at the same organisation.
    Duplicates(DuplicatesArgs),
    /// Retention review: people (not archived) with no activity for N years, the longest
    /// inactive first; public-role people flagged.
    Review(super::privacy::ReviewArgs),
    /// People flagged sensitive (kept out of every export unless included on purpose).
    Sensitive(super::privacy::SensitiveArgs),
    /// Subject-access export: everything held about one person, as JSON and PDF, into a folder.
    Sar(super::subject_rights::SarArgs),
    /// Erase a person everywhere (signatures kept with the signer anonymised); prints what
    /// will go, and erases only with --yes.
    Erase(super::subject_rights::EraseArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum DuplicatesFormat {
    Table,
    Json,
}

fn country_arg(s: &str) -> Result<String, String> {
    countries::resolve(s).map(str::to_string)
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Keep names or emails containing this text (case and accents ignored).
    #[arg(long)]
    search: Option<String>,
    /// Keep only this country, as a code or an English name (repeatable).
    #[arg(long, value_parser = country_arg)]
    country: Vec<String>,
    /// Keep only people speaking this language, an ISO 639-1 code (repeatable).
    #[arg(long)]
    language: Vec<String>,
    /// Keep only current focal points.
    #[arg(long)]
    focal_points: bool,
    /// Keep only policy-makers.
    #[arg(long, conflicts_with = "no_policy_makers")]
    policy_makers: bool,
    /// Leave policy-makers out.
    #[arg(long)]
    no_policy_makers: bool,
    /// List archived people too.
    #[arg(long)]
    include_archived: bool,
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// A CSV file (UTF-8 with or without BOM, UTF-16 or Windows-1252; comma, semicolon or tab) or an XLSX workbook.
    file: PathBuf,
    /// Import the good rows and report the bad ones, instead of importing nothing.
    #[arg(long)]
    skip_invalid: bool,
    /// Check and report, write nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// Write to this file instead of stdout (written whole or not at all).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Include people flagged sensitive (left out otherwise); prints a warning.
    #[arg(long)]
    include_sensitive: bool,
}

#[derive(Args)]
pub(crate) struct DuplicatesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: DuplicatesFormat,
}

pub(crate) fn run(store: &Store, command: PeopleCommand) -> Result<(), Failure> {
    match command {
        PeopleCommand::List(args) => {
            let query = PersonQuery {
                text: args.search,
                countries: args.country,
                languages: args.language,
                focal_points_only: args.focal_points,
                policy_makers: if args.policy_makers {
                    PolicyMakerFilter::Only
                } else if args.no_policy_makers {
                    PolicyMakerFilter::Exclude
                } else {
                    PolicyMakerFilter::All
                },
                include_archived: args.include_archived,
                ..Default::default()
            };
            write(store, &query, args.format, None)
        }
        PeopleCommand::Export(args) => {
            let query = PersonQuery {
                include_archived: true,
                include_sensitive: Some(args.include_sensitive),
                ..Default::default()
            };
            let (kind, count) = match args.format {
                Format::Json => ("people.json", with_output(args.out.as_deref(), |w| people::export_json(store, &query, w))?),
                Format::Csv => ("people.csv", with_output(args.out.as_deref(), |w| people::export_csv(store, &query, w, false))?),
                Format::Table => return write(store, &query, args.format, None),
            };
            if let Some(path) = &args.out {
                eprintln!("exported {count} people to {}", path.display());
            }
            let entry = people::log_entry(store, &query, kind, count)?;
            super::privacy::logged(store, entry, args.out.as_deref())
        }
        PeopleCommand::Import(args) => import(store, args),
        PeopleCommand::Duplicates(args) => duplicates(store, args),
        PeopleCommand::Review(args) => super::privacy::review(store, args),
        PeopleCommand::Sensitive(args) => super::privacy::sensitive(store, args),
        PeopleCommand::Sar(args) => super::subject_rights::sar(store, args),
        PeopleCommand::Erase(args) => super::subject_rights::erase(store, args),
    }
}

fn write(store: &Store, query: &PersonQuery, format: Format, out: Option<PathBuf>) -> Result<(), Failure> {
    let count = match format {
        Format::Csv => with_output(out.as_deref(), |w| people::export_csv(store, query, w, false))?,
        Format::Json => with_output(out.as_deref(), |w| people::export_json(store, query, w))?,
        Format::Table => {
            let rows = people::list_all(store, query)?;
            print_table(&rows)?;
            eprintln!("{} people", rows.len());
            return Ok(());
        }
    };
    // CSV and JSON are data that may leave the terminal: sensitive people are left out, as in exports.
    let hidden = u64::from(people::list(store, &PersonQuery { offset: 0, limit: 1, ..query.clone() })?.total).saturating_sub(count);
    if hidden > 0 {
        eprintln!("note: {hidden} sensitive {} not listed (people export --include-sensitive includes them)", if hidden == 1 { "person" } else { "people" });
    }
    if let Some(path) = &out {
        eprintln!("exported {count} people to {}", path.display());
    }
    Ok(())
}

fn print_table(rows: &[PersonRow]) -> Result<(), Failure> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.family_name.clone(),
                r.given_name.clone(),
                text(&r.email),
                text(&r.organisation),
                text(&r.job_title),
                if r.focal_point { "yes".into() } else { String::new() },
                text(&r.country),
                r.languages.join(","),
            ]
        })
        .collect();
    table(&["FAMILY NAME", "GIVEN NAME", "EMAIL", "ORGANISATION", "JOB TITLE", "FOCAL", "COUNTRY", "LANGUAGES"], &cells)?;
    Ok(())
}

fn import(store: &Store, args: ImportArgs) -> Result<(), Failure> {
    let options = ImportOptions { dry_run: args.dry_run, skip_invalid: args.skip_invalid, columns: None };
    let report = people::import_file(store, &args.file, options)?;
    for column in &report.ignored_columns {
        eprintln!("note: column \"{column}\" is not known and was ignored");
    }
    for issue in &report.issues {
        eprintln!("{issue}");
    }
    if !report.issues.is_empty() && !args.skip_invalid {
        eprintln!(
            "nothing imported: {} of {} rows refused (fix them, or use --skip-invalid to import the others)",
            report.skipped, report.rows
        );
        return Err(Failure::refused_silently());
    }
    for flagged in &report.possible_duplicates {
        eprintln!("note: {flagged}");
    }
    println!("{}", report.summary());
    if args.dry_run {
        eprintln!("dry run: nothing was written");
    }
    Ok(())
}

fn duplicates(store: &Store, args: DuplicatesArgs) -> Result<(), Failure> {
    let pairs = people::duplicates(store)?;
    match args.format {
        DuplicatesFormat::Json => println!("{}", serde_json::to_string_pretty(&pairs).expect("serialisable")),
        DuplicatesFormat::Table => {
            let rows: Vec<Vec<String>> = pairs
                .iter()
                .map(|p| {
                    vec![
                        serde_json::to_value(p.reason).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                        p.shared.clone(),
                        p.a.display_name.clone(),
                        p.b.display_name.clone(),
                        p.a.id.clone(),
                        p.b.id.clone(),
                    ]
                })
                .collect();
            table(&["REASON", "SHARED", "PERSON A", "PERSON B", "ID A", "ID B"], &rows)?;
            eprintln!("{} possible duplicates", pairs.len());
        }
    }
    Ok(())
}
