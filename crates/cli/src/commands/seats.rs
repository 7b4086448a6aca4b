//! `coalition seats ...`: who holds which seat, and recording terms.

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::interactions;
use coalition_core::letters::import as signature_import;
use coalition_core::matching::MatchOutcome;
use coalition_core::seats::{self, BodyKind, SeatRole, SeatTermInput};
use coalition_core::Store;
use serde_json::json;

use crate::output::table;
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum SeatsCommand {
    /// List seat terms: every term, or those held on a day with --on.
    List(ListArgs),
    /// Record a term, held by an organisation (--org), a person (--person) or both.
    Add(AddArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Table,
    Json,
}

fn role_arg(s: &str) -> Result<SeatRole, String> {
    SeatRole::parse(s)
}
fn kind_arg(s: &str) -> Result<BodyKind, String> {
    BodyKind::parse(s)
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Only the terms held on this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    on: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Args)]
pub(crate) struct AddArgs {
    /// The body's name; created when new (case and accents ignored).
    #[arg(long)]
    body: String,
    /// member, chair, co_chair, vice_chair, lead, secretariat.
    #[arg(long, value_parser = role_arg)]
    role: SeatRole,
    /// The holding organisation: its name or acronym.
    #[arg(long, value_name = "NAME_OR_ACRONYM")]
    org: Option<String>,
    /// The holding person: an id or a full name.
    #[arg(long, value_name = "NAME_OR_ID")]
    person: Option<String>,
    /// First day, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: String,
    /// Last day, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    /// The body's kind when it is new: steering_group, working_group, secretariat, other.
    #[arg(long, value_parser = kind_arg, default_value = "working_group")]
    kind: BodyKind,
}

pub(crate) fn run(store: &Store, command: SeatsCommand) -> Result<(), Failure> {
    match command {
        SeatsCommand::List(args) => list(store, args),
        SeatsCommand::Add(args) => add(store, args),
    }
}

fn list(store: &Store, args: ListArgs) -> Result<(), Failure> {
    let terms = match &args.on {
        Some(day) => seats::held_on(store, day)?,
        None => seats::all_terms(store)?,
    };
    match args.format {
        Format::Json => {
            let items: Vec<_> = terms
                .iter()
                .map(|t| {
                    json!({
                        "id": t.id,
                        "body": t.body.name,
                        "role": t.role,
                        "organisation": t.organisation_name,
                        "person": t.person_name,
                        "starts_on": t.starts_on,
                        "ends_on": t.ends_on,
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&items).expect("serialisable"));
        }
        Format::Table => {
            let cells: Vec<Vec<String>> = terms
                .iter()
                .map(|t| {
                    vec![
                        t.body.name.clone(),
                        t.role.to_string(),
                        t.organisation_name.clone().unwrap_or_default(),
                        t.person_name.clone().unwrap_or_default(),
                        t.starts_on.clone(),
                        t.ends_on.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            table(&["body", "role", "organisation", "person", "from", "to"], &cells)?;
        }
    }
    Ok(())
}

fn add(store: &Store, args: AddArgs) -> Result<(), Failure> {
    let organisation_id = match &args.org {
        None => None,
        Some(text) => match signature_import::matcher(store)?.find(text) {
            MatchOutcome::Exact { id, .. } => Some(id),
            MatchOutcome::Suggestions { suggestions } => {
                let hint = if suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean: {})", suggestions.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; "))
                };
                return Err(Failure::refused(format!("org: no match for \"{}\"{hint}", text.trim())));
            }
        },
    };
    let person_id = args.person.as_deref().map(|p| interactions::resolve_person(store, p)).transpose()?;
    let term = seats::add_term(
        store,
        SeatTermInput { body: args.body, kind: args.kind, role: args.role, organisation_id, person_id, starts_on: args.from, ends_on: args.to },
    )?;
    let holder = term.holder();
    println!("{} of {}: {holder} from {}", term.role, term.body.name, term.starts_on);
    Ok(())
}
