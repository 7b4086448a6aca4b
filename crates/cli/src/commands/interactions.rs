//! `coalition interactions ...` and `coalition tasks ...`: the engagement log and its
//! follow-up tasks, for scripts.

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::interactions::{self, InteractionInput, InteractionKind, InteractionQuery, TaskQuery};
use coalition_core::letters::import as signature_import;
use coalition_core::matching::MatchOutcome;
use coalition_core::Store;
use serde_json::json;

use crate::output::table;
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum InteractionsCommand {
    /// List interactions, newest first.
    List(ListArgs),
    /// Record an interaction: at least one --person or --org.
    Add(AddArgs),
}

#[derive(Subcommand)]
pub(crate) enum TasksCommand {
    /// List open tasks: overdue first, then by due date, undated last.
    List(TasksListArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Table,
    Json,
}

fn kind_arg(s: &str) -> Result<InteractionKind, String> {
    InteractionKind::parse(s)
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Only this kind: meeting, call, email, letter, hearing.
    #[arg(long, value_parser = kind_arg)]
    kind: Option<InteractionKind>,
    /// From this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Up to this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    /// Text in the subject or the outcome.
    #[arg(long)]
    search: Option<String>,
    /// Only those this person took part in: an id or a full name.
    #[arg(long, value_name = "ID_OR_NAME")]
    person: Option<String>,
    /// Only those this organisation took part in: its name or acronym.
    #[arg(long, value_name = "NAME_OR_ACRONYM")]
    org: Option<String>,
}

#[derive(Args)]
pub(crate) struct AddArgs {
    /// meeting, call, email, letter or hearing.
    #[arg(long, value_parser = kind_arg)]
    kind: InteractionKind,
    /// The day it happened, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: String,
    /// What it was about.
    #[arg(long)]
    subject: String,
    /// A person who took part: an id or a full name (repeatable).
    #[arg(long = "person", value_name = "ID_OR_NAME")]
    people: Vec<String>,
    /// An organisation that took part: its name or acronym (repeatable).
    #[arg(long = "org", value_name = "NAME_OR_ACRONYM")]
    orgs: Vec<String>,
    /// What came out of it.
    #[arg(long)]
    outcome: Option<String>,
}

#[derive(Args)]
pub(crate) struct TasksListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Only open tasks due before today.
    #[arg(long)]
    overdue: bool,
    /// Done tasks too.
    #[arg(long, conflicts_with = "overdue")]
    all: bool,
}

pub(crate) fn run_interactions(store: &Store, command: InteractionsCommand) -> Result<(), Failure> {
    match command {
        InteractionsCommand::List(args) => list(store, args),
        InteractionsCommand::Add(args) => add(store, args),
    }
}

pub(crate) fn run_tasks(store: &Store, command: TasksCommand) -> Result<(), Failure> {
    match command {
        TasksCommand::List(args) => tasks(store, args),
    }
}

fn list(store: &Store, args: ListArgs) -> Result<(), Failure> {
    let person_id = args.person.as_deref().map(|p| interactions::resolve_person(store, p)).transpose()?;
    let organisation_id = args.org.as_deref().map(|o| resolve_organisation(store, o)).transpose()?;
    let mut query = InteractionQuery {
        kind: args.kind,
        from: args.from,
        to: args.to,
        text: args.search,
        person_id,
        organisation_id,
        limit: interactions::MAX_PAGE,
        ..Default::default()
    };
    let mut rows = Vec::new();
    loop {
        let page = interactions::list(store, &query)?;
        let got = page.rows.len() as u32;
        rows.extend(page.rows);
        if got == 0 || rows.len() as u32 >= page.total {
            break;
        }
        query.offset += got;
    }
    match args.format {
        Format::Json => {
            let items: Vec<_> = rows
                .iter()
                .map(|i| {
                    json!({
                        "id": i.id,
                        "kind": i.kind,
                        "date": i.occurred_on,
                        "subject": i.subject,
                        "outcome": i.outcome,
                        "dossier": i.dossier_reference,
                        "people": i.participants.iter().filter(|p| p.person_id.is_some()).map(|p| &p.name).collect::<Vec<_>>(),
                        "organisations": i.participants.iter().filter(|p| p.organisation_id.is_some()).map(|p| &p.name).collect::<Vec<_>>(),
                        "tasks": i.tasks.iter().map(|t| json!({"title": t.title, "owner": t.owner_name, "due_on": t.due_on, "done": t.done})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&items).expect("serialisable"));
        }
        Format::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|i| {
                    vec![
                        i.occurred_on.clone(),
                        i.kind.to_string(),
                        i.subject.clone(),
                        i.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("; "),
                        i.tasks.iter().filter(|t| !t.done).count().to_string(),
                    ]
                })
                .collect();
            table(&["date", "kind", "subject", "participants", "open tasks"], &cells)?;
        }
    }
    Ok(())
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
            Err(Failure::refused(format!("org: no match for \"{}\"{hint}", text.trim())))
        }
    }
}

fn add(store: &Store, args: AddArgs) -> Result<(), Failure> {
    let person_ids = args
        .people
        .iter()
        .map(|p| interactions::resolve_person(store, p).map_err(Failure::from))
        .collect::<Result<Vec<_>, _>>()?;
    let organisation_ids = args.orgs.iter().map(|o| resolve_organisation(store, o)).collect::<Result<Vec<_>, _>>()?;
    let input = InteractionInput {
        kind: args.kind,
        occurred_on: args.date,
        subject: args.subject,
        outcome: args.outcome,
        dossier_id: None,
        person_ids,
        organisation_ids,
        tasks: Vec::new(),
    };
    let created = interactions::create(store, input)?;
    println!("recorded {} {} on {} ({})", created.kind, created.subject, created.occurred_on, created.id);
    Ok(())
}

fn tasks(store: &Store, args: TasksListArgs) -> Result<(), Failure> {
    let mut query = TaskQuery {
        overdue: args.overdue,
        done: if args.all { None } else { Some(false) },
        limit: interactions::MAX_PAGE,
        ..Default::default()
    };
    let mut rows = Vec::new();
    loop {
        let page = interactions::tasks(store, &query)?;
        let got = page.rows.len() as u32;
        rows.extend(page.rows);
        if got == 0 || rows.len() as u32 >= page.total {
            break;
        }
        query.offset += got;
    }
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&rows).expect("serialisable")),
        Format::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|t| {
                    vec![
                        t.due_on.clone().unwrap_or_default(),
                        if t.done { "done".into() } else if t.overdue { "overdue".into() } else { "open".into() },
                        t.title.clone(),
                        t.owner_name.clone().unwrap_or_default(),
                        t.interaction_subject.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            table(&["due", "state", "task", "owner", "interaction"], &cells)?;
        }
    }
    Ok(())
}
