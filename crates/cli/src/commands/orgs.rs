//! `coalition orgs ...`: list, add, import and export organisations.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::countries;
use coalition_core::memberships::{MembershipStatus, MembershipTier, NewMembership};
use coalition_core::organisations::{self, ImportOptions, NewOrganisation, OrgType, OrganisationInput, OrganisationQuery};
use coalition_core::Store;

use crate::output::{table, with_output};
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum OrgsCommand {
    /// List organisations (archived ones only with --include-archived).
    List(ListArgs),
    /// Add one organisation, with a membership when --status, --tier or --joined is given.
    Add(AddArgs),
    /// Import organisations from CSV or XLSX: all or nothing unless --skip-invalid.
    Import(ImportArgs),
    /// Export every organisation, archived included.
    Export(ExportArgs),
    /// List likely duplicate organisations (equal names, acronym equal to a name, similar names).
    Duplicates(DuplicatesArgs),
    /// Merge DROP_ID into KEEP_ID: memberships and signatures move to KEEP_ID (undo with merge --undo SEQ).
    Merge(MergeArgs),
}

#[derive(Args)]
pub(crate) struct DuplicatesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: DuplicatesFormat,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum DuplicatesFormat {
    Table,
    Json,
}

#[derive(Args)]
pub(crate) struct MergeArgs {
    /// The organisation that stays.
    #[arg(required_unless_present = "undo")]
    keep_id: Option<String>,
    /// The organisation merged into it.
    #[arg(required_unless_present = "undo")]
    drop_id: Option<String>,
    /// Undo the merge recorded at this audit entry instead.
    #[arg(long, value_name = "SEQ", conflicts_with_all = ["keep_id", "drop_id"])]
    undo: Option<u32>,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Csv,
    Json,
}

fn status_arg(s: &str) -> Result<MembershipStatus, String> {
    MembershipStatus::parse(s)
}
fn tier_arg(s: &str) -> Result<MembershipTier, String> {
    MembershipTier::parse(s)
}
fn type_arg(s: &str) -> Result<OrgType, String> {
    OrgType::parse(s)
}
fn country_arg(s: &str) -> Result<String, String> {
    countries::resolve(s).map(str::to_string)
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    /// Keep only this membership status (repeatable).
    #[arg(long, value_parser = status_arg)]
    status: Vec<MembershipStatus>,
    /// Keep only this country, as a code or an English name (repeatable).
    #[arg(long, value_parser = country_arg)]
    country: Vec<String>,
    /// Keep only this organisation type (repeatable).
    #[arg(long = "type", value_parser = type_arg)]
    org_type: Vec<OrgType>,
    /// Keep only this tier (repeatable).
    #[arg(long, value_parser = tier_arg)]
    tier: Vec<MembershipTier>,
    /// Keep names or short names containing this text (case and accents ignored).
    #[arg(long)]
    search: Option<String>,
    /// List archived organisations too.
    #[arg(long)]
    include_archived: bool,
}

#[derive(Args)]
pub(crate) struct AddArgs {
    /// The organisation's name (unique, ignoring case, accents and spaces).
    #[arg(long)]
    name: String,
    /// Country: ISO code in any case, or English name.
    #[arg(long)]
    country: String,
    /// Short name or acronym.
    #[arg(long)]
    short_name: Option<String>,
    /// ngo, network, hotline, survivor_network, foundation, research, company, public_body, other.
    #[arg(long = "type", default_value = "other")]
    org_type: String,
    /// Website; a bare www.example.org is stored as https://www.example.org.
    #[arg(long)]
    website: Option<String>,
    /// General email address.
    #[arg(long)]
    email: Option<String>,
    /// General phone number.
    #[arg(long)]
    phone: Option<String>,
    /// Free notes.
    #[arg(long)]
    notes: Option<String>,
    /// Membership status: prospect, applied, active, suspended, lapsed, withdrawn.
    #[arg(long)]
    status: Option<String>,
    /// Membership tier: full, associate, observer, supporter (default full).
    #[arg(long)]
    tier: Option<String>,
    /// Joined date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    joined: Option<String>,
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
    format: ExportFormat,
    /// Write to this file instead of stdout (written whole or not at all).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub(crate) fn run(store: &Store, command: OrgsCommand) -> Result<(), Failure> {
    match command {
        OrgsCommand::List(args) => list(store, args),
        OrgsCommand::Add(args) => add(store, args),
        OrgsCommand::Import(args) => import(store, args),
        OrgsCommand::Export(args) => export(store, args),
        OrgsCommand::Duplicates(args) => duplicates(store, args),
        OrgsCommand::Merge(args) => merge(store, args),
    }
}

fn list(store: &Store, args: ListArgs) -> Result<(), Failure> {
    let query = OrganisationQuery {
        text: args.search,
        statuses: args.status,
        tiers: args.tier,
        types: args.org_type,
        countries: args.country,
        include_archived: args.include_archived,
        ..Default::default()
    };
    match args.format {
        ListFormat::Csv => {
            with_output(None, |out| organisations::export_csv(store, &query, out, false))?;
        }
        ListFormat::Json => {
            with_output(None, |out| organisations::export_json(store, &query, out))?;
        }
        ListFormat::Table => {
            let rows = organisations::list_all(store, &query)?;
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.name.clone(),
                        r.short_name.clone().unwrap_or_default(),
                        r.org_type.to_string(),
                        r.country.clone(),
                        r.membership_status.map(|s| s.to_string()).unwrap_or_default(),
                        r.tier.map(|t| t.to_string()).unwrap_or_default(),
                        r.joined_on.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            table(&["NAME", "SHORT", "TYPE", "COUNTRY", "STATUS", "TIER", "JOINED"], &cells)?;
            eprintln!("{} organisations", rows.len());
        }
    }
    Ok(())
}

fn field<T>(name: &str, parsed: Result<T, String>) -> Result<T, Failure> {
    parsed.map_err(|message| Failure::refused(format!("{name}: {message}")))
}

fn add(store: &Store, args: AddArgs) -> Result<(), Failure> {
    let org_type = field("type", OrgType::parse(&args.org_type))?;
    let status = args.status.as_deref().map(|s| field("status", MembershipStatus::parse(s))).transpose()?;
    let tier = args.tier.as_deref().map(|t| field("tier", MembershipTier::parse(t))).transpose()?;
    let membership = (status.is_some() || tier.is_some() || args.joined.is_some()).then(|| NewMembership {
        status: status.unwrap_or(if args.joined.is_some() { MembershipStatus::Active } else { MembershipStatus::Prospect }),
        tier: tier.unwrap_or(MembershipTier::Full),
        joined_on: args.joined,
    });
    let input = NewOrganisation {
        organisation: OrganisationInput {
            name: args.name,
            short_name: args.short_name,
            org_type,
            country: args.country,
            website: args.website,
            email: args.email,
            phone: args.phone,
            notes: args.notes,
        },
        membership,
    };
    let detail = organisations::create(store, input)?;
    println!("{}", detail.organisation.id);
    eprintln!("added \"{}\" ({})", detail.organisation.name, detail.organisation.country);
    Ok(())
}

fn import(store: &Store, args: ImportArgs) -> Result<(), Failure> {
    let options = ImportOptions { dry_run: args.dry_run, skip_invalid: args.skip_invalid, columns: None };
    let report = organisations::import_file(store, &args.file, options)?;
    for column in &report.ignored_columns {
        eprintln!("note: column \"{column}\" is not known and was ignored");
    }
    for issue in &report.issues {
        eprintln!("{issue}");
    }
    if !report.issues.is_empty() && !args.skip_invalid {
        eprintln!(
            "nothing imported: {} of {} rows refused (fix them, or use --skip-invalid to import the others)",
            report.rejected, report.rows
        );
        return Err(Failure::refused_silently());
    }
    println!("{}", report.summary());
    if args.dry_run {
        eprintln!("dry run: nothing was written");
    }
    Ok(())
}

fn export(store: &Store, args: ExportArgs) -> Result<(), Failure> {
    let query = OrganisationQuery { include_archived: true, ..Default::default() };
    let count = with_output(args.out.as_deref(), |out| match args.format {
        ExportFormat::Csv => organisations::export_csv(store, &query, out, false),
        ExportFormat::Json => organisations::export_json(store, &query, out),
    })?;
    if let Some(path) = &args.out {
        eprintln!("exported {count} organisations to {}", path.display());
    }
    let kind = match args.format {
        ExportFormat::Csv => "organisations.csv",
        ExportFormat::Json => "organisations.json",
    };
    super::privacy::logged(store, coalition_core::data_protection::ExportEntry::new(kind, count), args.out.as_deref())
}

fn duplicates(store: &Store, args: DuplicatesArgs) -> Result<(), Failure> {
    let pairs = organisations::duplicates(store)?;
    match args.format {
        DuplicatesFormat::Json => println!("{}", serde_json::to_string_pretty(&pairs).expect("serialisable")),
        DuplicatesFormat::Table => {
            let rows: Vec<Vec<String>> = pairs
                .iter()
                .map(|p| {
                    vec![
                        format!("{:.2}", p.score),
                        serde_json::to_value(p.reason).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                        p.a.name.clone(),
                        p.b.name.clone(),
                        p.a.id.clone(),
                        p.b.id.clone(),
                    ]
                })
                .collect();
            table(&["SCORE", "REASON", "A", "B", "A_ID", "B_ID"], &rows)?;
            eprintln!("{} likely pairs", pairs.len());
        }
    }
    Ok(())
}

fn merge(store: &Store, args: MergeArgs) -> Result<(), Failure> {
    if let Some(seq) = args.undo {
        let restored = organisations::undo_merge(store, seq)?;
        println!("restored \"{}\" ({})", restored.name, restored.id);
        return Ok(());
    }
    let (keep, drop) = (args.keep_id.unwrap_or_default(), args.drop_id.unwrap_or_default());
    let report = organisations::merge(store, &keep, &drop)?;
    println!(
        "merged \"{}\" into \"{}\": membership {}, {} signatures moved, {} set aside; undo with: coalition orgs merge --undo {}",
        report.merged_name,
        report.kept.name,
        if report.membership_moved { "moved" } else { "kept" },
        report.signatures_moved,
        report.signatures_dropped,
        report.audit_seq
    );
    Ok(())
}
