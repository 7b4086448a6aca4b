//! `coalition letters ...` and `coalition signatures ...`: letters, their signatures, and
//! the published signatory lists.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::letters::import::{self as signature_import, SignatureImportOptions};
use coalition_core::letters::publish::{self, ExportFormat, ExportOptions, SignatoryOrder};
use coalition_core::letters::{self, LetterInput, LetterKind, LetterStatus, SignatureInput, SignatureState};
use coalition_core::matching::MatchOutcome;
use coalition_core::Store;

use crate::output::{table, with_output};
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum LettersCommand {
    /// Create a letter.
    Add(AddArgs),
    /// List letters with their signature counts.
    List(ListArgs),
    /// Export a letter's published signatories (signed and publishable only).
    Export(ExportArgs),
}

#[derive(Subcommand)]
pub(crate) enum SignaturesCommand {
    /// Record one organisation's signature (or invitation, refusal, withdrawal).
    Add(SignArgs),
    /// Import signatures from a CSV or XLSX file (web-form exports, partners' lists).
    Import(ImportArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
    Csv,
    Xlsx,
    Docx,
    Pdf,
    Txt,
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum OrderArg {
    Alpha,
    Country,
    SteeringFirst,
}

fn kind_arg(s: &str) -> Result<LetterKind, String> {
    LetterKind::parse(s)
}
fn status_arg(s: &str) -> Result<LetterStatus, String> {
    LetterStatus::parse(s)
}
fn state_arg(s: &str) -> Result<SignatureState, String> {
    SignatureState::parse(s)
}

#[derive(Args)]
pub(crate) struct AddArgs {
    /// Short unique reference for scripts, such as open-letter-2022.
    #[arg(long = "ref", value_name = "REF")]
    reference: String,
    /// Title.
    #[arg(long)]
    title: String,
    /// open_letter, joint_statement, position_paper, consultation_response, petition.
    #[arg(long, value_parser = kind_arg)]
    kind: Option<LetterKind>,
    /// drafting, collecting, published, closed.
    #[arg(long, value_parser = status_arg)]
    status: Option<LetterStatus>,
    /// Signature deadline.
    #[arg(long, value_name = "YYYY-MM-DD")]
    deadline: Option<String>,
    /// Who it is addressed to.
    #[arg(long)]
    target: Option<String>,
    /// A link to the text.
    #[arg(long)]
    link: Option<String>,
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    /// The letter's reference.
    #[arg(value_name = "REF")]
    reference: String,
    /// File format.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Order of the list.
    #[arg(long, value_enum, default_value = "alpha")]
    order: OrderArg,
    /// Put signatories under country headings.
    #[arg(long)]
    group_by_country: bool,
    /// Include signers' names and titles where they agreed to be named.
    #[arg(long)]
    with_signers: bool,
    /// Write to this file (required for xlsx, docx and pdf on a terminal).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Name signers flagged sensitive too (otherwise their organisation is listed without
    /// their name and title); prints a warning.
    #[arg(long)]
    include_sensitive: bool,
}

#[derive(Args)]
pub(crate) struct SignArgs {
    /// The letter's reference.
    #[arg(long, value_name = "REF")]
    letter: String,
    /// The organisation's name or acronym (exact, ignoring case, accents and punctuation).
    #[arg(long, value_name = "NAME_OR_ACRONYM")]
    org: String,
    /// signed, invited, declined or withdrawn.
    #[arg(long, value_parser = state_arg, default_value = "signed")]
    state: SignatureState,
    /// The date of this state (default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// The named signer.
    #[arg(long)]
    signer: Option<String>,
    /// The signer's title.
    #[arg(long)]
    signer_title: Option<String>,
    /// The organisation asked not to be named in the published list.
    #[arg(long)]
    no_publish: bool,
    /// The name to publish instead of the registered name.
    #[arg(long)]
    display_name: Option<String>,
    /// Why the signature was withdrawn.
    #[arg(long)]
    reason: Option<String>,
}

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// A CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or XLSX file.
    file: PathBuf,
    /// The letter's reference.
    #[arg(long, value_name = "REF")]
    letter: String,
    /// Import the rows that match and report the others, instead of importing nothing.
    #[arg(long)]
    skip_invalid: bool,
    /// Check and report, write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Create organisations for rows that match none (the row needs a country).
    #[arg(long)]
    create_missing: bool,
}

pub(crate) fn run_letters(store: &Store, command: LettersCommand) -> Result<(), Failure> {
    match command {
        LettersCommand::Add(args) => {
            let input = LetterInput {
                reference: args.reference,
                title: args.title,
                kind: args.kind,
                status: args.status,
                deadline: args.deadline,
                target: args.target,
                link: args.link,
                ..Default::default()
            };
            let detail = letters::create(store, input)?;
            println!("{}", detail.letter.id);
            eprintln!("added letter {} \"{}\"", detail.letter.reference, detail.letter.title);
            Ok(())
        }
        LettersCommand::List(args) => list(store, args),
        LettersCommand::Export(args) => export(store, args),
    }
}

pub(crate) fn run_signatures(store: &Store, command: SignaturesCommand) -> Result<(), Failure> {
    match command {
        SignaturesCommand::Add(args) => sign(store, args),
        SignaturesCommand::Import(args) => import(store, args),
    }
}

fn list(store: &Store, args: ListArgs) -> Result<(), Failure> {
    let summaries = letters::list(store)?;
    let records: Vec<serde_json::Value> = summaries
        .iter()
        .map(|s| {
            serde_json::json!({
                "reference": s.letter.reference, "title": s.letter.title, "kind": s.letter.kind,
                "status": s.letter.status, "deadline": s.letter.deadline, "published_on": s.letter.published_on,
                "invited": s.counts.invited, "signed": s.counts.signed, "declined": s.counts.declined,
                "withdrawn": s.counts.withdrawn, "silent": s.counts.silent,
            })
        })
        .collect();
    const COLUMNS: [&str; 11] =
        ["reference", "title", "kind", "status", "deadline", "published_on", "invited", "signed", "declined", "withdrawn", "silent"];
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match args.format {
        ListFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&records).expect("serialisable"));
        }
        ListFormat::Csv => {
            with_output(None, |out| {
                let mut writer = csv::Writer::from_writer(out);
                let io = |e: csv::Error| coalition_core::CoreError::BadFile(e.to_string());
                writer.write_record(COLUMNS).map_err(io)?;
                for record in &records {
                    writer
                        .write_record(COLUMNS.iter().map(|c| coalition_core::tabular::inert(&text(&record[*c])).into_owned()))
                        .map_err(io)?;
                }
                writer.flush().map_err(|e| coalition_core::CoreError::BadFile(e.to_string()))?;
                Ok(())
            })?;
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = records
                .iter()
                .map(|r| ["reference", "title", "status", "deadline", "signed", "invited", "silent"].iter().map(|c| text(&r[*c])).collect())
                .collect();
            table(&["REFERENCE", "TITLE", "STATUS", "DEADLINE", "SIGNED", "INVITED", "SILENT"], &rows)?;
        }
    }
    Ok(())
}

fn export(store: &Store, args: ExportArgs) -> Result<(), Failure> {
    let format = match args.format {
        FormatArg::Csv => ExportFormat::Csv,
        FormatArg::Xlsx => ExportFormat::Xlsx,
        FormatArg::Docx => ExportFormat::Docx,
        FormatArg::Pdf => ExportFormat::Pdf,
        FormatArg::Txt => ExportFormat::Txt,
        FormatArg::Md => ExportFormat::Md,
        FormatArg::Json => ExportFormat::Json,
    };
    let order = match args.order {
        OrderArg::Alpha => SignatoryOrder::Alpha,
        OrderArg::Country => SignatoryOrder::Country,
        OrderArg::SteeringFirst => SignatoryOrder::SteeringFirst,
    };
    let binary = matches!(format, ExportFormat::Xlsx | ExportFormat::Docx | ExportFormat::Pdf);
    if binary && args.out.is_none() && std::io::stdout().is_terminal() {
        eprintln!("error: {} is a binary format: give --out FILE (or redirect stdout)", publish::file_extension(format));
        return Err(Failure { code: 2, message: None });
    }
    let letter = letters::by_reference(store, &args.reference)?;
    let options = ExportOptions { format, order, group_by_country: args.group_by_country, with_signers: args.with_signers };
    let (bytes, (list, hidden)) = letters::export_with(store, &letter.id, &options, args.include_sensitive)?;
    let count = list.signatories.len() as u32;
    match &args.out {
        Some(path) => {
            coalition_core::tabular::write_atomically(path, |out| {
                out.write_all(&bytes).map_err(|source| coalition_core::CoreError::Io { context: format!("cannot write {}", path.display()), source })
            })?;
            eprintln!("exported {count} signatories of {} to {}", letter.reference, path.display());
        }
        None => {
            std::io::stdout().write_all(&bytes)?;
        }
    }
    let entry = letters::export_log_entry(store, &letter.id, &options, count, hidden, args.include_sensitive)?;
    super::privacy::logged(store, entry, args.out.as_deref())
}

fn resolve_organisation(store: &Store, text: &str) -> Result<String, Failure> {
    match signature_import::matcher(store)?.find(text) {
        MatchOutcome::Exact { id, .. } => Ok(id),
        MatchOutcome::Suggestions { suggestions } => {
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                format!(" (did you mean: {})", suggestions.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; "))
            };
            Err(Failure::refused(format!("organisation: no match for \"{}\"{hint}", text.trim())))
        }
    }
}

fn sign(store: &Store, args: SignArgs) -> Result<(), Failure> {
    let letter = letters::by_reference(store, &args.letter)?;
    let organisation_id = resolve_organisation(store, &args.org)?;
    let input = SignatureInput {
        state: args.state,
        date: args.date,
        channel: None,
        publish_organisation: !args.no_publish,
        publish_signer: args.signer.is_some(),
        display_name: args.display_name,
        signer_name: args.signer,
        signer_title: args.signer_title,
        signer_person_id: None,
        withdrawal_reason: args.reason,
    };
    let detail = letters::sign(store, &letter.id, &organisation_id, input)?;
    let signature = detail.signatures.iter().find(|s| s.organisation_id == organisation_id).expect("just recorded");
    println!("{}", signature.id);
    eprintln!("{} is now {} on {}", signature.organisation_name, signature.state, letter.reference);
    Ok(())
}

fn import(store: &Store, args: ImportArgs) -> Result<(), Failure> {
    let letter = letters::by_reference(store, &args.letter)?;
    let bytes = std::fs::read(&args.file).map_err(|e| Failure::refused(format!("cannot read {}: {e}", args.file.display())))?;
    let options = SignatureImportOptions { dry_run: args.dry_run, skip_invalid: args.skip_invalid, create_missing: args.create_missing };
    let report = signature_import::import_file(store, &letter.id, &bytes, &options)?;
    for issue in &report.issues {
        eprintln!("{issue}");
    }
    if !report.issues.is_empty() && !args.skip_invalid {
        eprintln!(
            "nothing imported: {} of {} rows refused (fix them, use --create-missing, or --skip-invalid to import the others)",
            report.rejected, report.rows
        );
        return Err(Failure::refused_silently());
    }
    println!("{}", report.summary());
    if report.organisations_created > 0 {
        eprintln!("created {} organisations", report.organisations_created);
    }
    if args.dry_run {
        eprintln!("dry run: nothing was written");
    }
    Ok(())
}
