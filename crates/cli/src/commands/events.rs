//! `coalition events ...`: events (list, add) and their exports.

use clap::{Args, Subcommand, ValueEnum};
use coalition_core::events::{self, EventInput, EventKind, EventQuery, EventStatus};
use coalition_core::Store;

use crate::output::{table, with_output};
use crate::Failure;

#[derive(Subcommand)]
pub(crate) enum EventsCommand {
    /// List events in start order, with participant counts and open tasks.
    List(ListArgs),
    /// Create an event (a conference in planning; times in the event's zone).
    Add(AddArgs),
    /// Export an event's participant list, name badges, calendar file or run sheet.
    Export(ExportArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Args)]
pub(crate) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Args)]
pub(crate) struct AddArgs {
    /// Short unique reference for scripts, such as eclag-hle-2023.
    #[arg(long = "ref", value_name = "REF")]
    reference: String,
    /// Title.
    #[arg(long)]
    title: String,
    /// Local start in the event's zone.
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    start: String,
    /// Local end in the event's zone.
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    end: String,
    /// IANA time zone.
    #[arg(long, value_name = "ZONE", default_value = events::DEFAULT_ZONE)]
    tz: String,
    /// Seats.
    #[arg(long, value_name = "N")]
    capacity: Option<u32>,
    /// Venue name.
    #[arg(long, value_name = "V")]
    venue: Option<String>,
}

pub(crate) fn run(store: &Store, command: EventsCommand) -> Result<(), Failure> {
    match command {
        EventsCommand::List(args) => list(store, args),
        EventsCommand::Add(args) => add(store, args),
        EventsCommand::Export(args) => export(store, args),
    }
}

fn add(store: &Store, args: AddArgs) -> Result<(), Failure> {
    let input = EventInput {
        reference: args.reference,
        title: args.title,
        kind: EventKind::Conference,
        status: EventStatus::Planning,
        time_zone: Some(args.tz),
        starts_at: args.start,
        ends_at: args.end,
        venue_name: args.venue,
        venue_address: None,
        venue_room: None,
        online_link: None,
        capacity: args.capacity,
        organiser_ids: Vec::new(),
        notes: None,
    };
    let event = events::create(store, input)?.event;
    println!("{}", event.id);
    eprintln!(
        "added event {} \"{}\" from {} to {} {} ({})",
        event.reference,
        event.title,
        event.starts_at.replace('T', " "),
        event.ends_at.replace('T', " "),
        event.zone_label,
        event.time_zone
    );
    Ok(())
}

const COLUMNS: [&str; 16] = [
    "reference", "title", "kind", "status", "time_zone", "starts_at", "ends_at", "venue", "capacity", "invited",
    "registered", "waitlisted", "attended", "seats_taken", "open_tasks", "overdue_tasks",
];

fn list(store: &Store, args: ListArgs) -> Result<(), Failure> {
    let summaries = events::list(store, &EventQuery::default())?;
    let records: Vec<serde_json::Value> = summaries
        .iter()
        .map(|e| {
            serde_json::json!({
                "reference": e.reference, "title": e.title, "kind": e.kind, "status": e.status,
                "time_zone": e.time_zone, "starts_at": e.starts_at, "ends_at": e.ends_at, "venue": e.venue_name,
                "capacity": e.counts.capacity, "invited": e.counts.invited, "registered": e.counts.registered,
                "waitlisted": e.counts.waitlisted, "attended": e.counts.attended, "seats_taken": e.counts.seats_taken,
                "open_tasks": e.open_tasks, "overdue_tasks": e.overdue_tasks,
            })
        })
        .collect();
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&records).expect("serialisable")),
        ListFormat::Csv => {
            with_output(None, |out| {
                let mut writer = csv::Writer::from_writer(out);
                let bad = |e: csv::Error| coalition_core::CoreError::BadFile(e.to_string());
                writer.write_record(COLUMNS).map_err(bad)?;
                for record in &records {
                    writer
                        .write_record(COLUMNS.iter().map(|c| coalition_core::tabular::inert(&text(&record[*c])).into_owned()))
                        .map_err(bad)?;
                }
                writer.flush().map_err(|e| coalition_core::CoreError::BadFile(e.to_string()))?;
                Ok(())
            })?;
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = summaries
                .iter()
                .map(|e| {
                    vec![
                        e.reference.clone(),
                        e.title.clone(),
                        e.status.to_string(),
                        e.starts_at.replace('T', " "),
                        e.ends_at.replace('T', " "),
                        e.time_zone.clone(),
                        e.venue_name.clone().unwrap_or_default(),
                        e.counts.registered.to_string(),
                        e.counts.attended.to_string(),
                        e.counts.capacity.map(|c| c.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            table(&["REFERENCE", "TITLE", "STATUS", "START", "END", "ZONE", "VENUE", "REGISTERED", "ATTENDED", "CAPACITY"], &rows)?;
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ export

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use coalition_core::events::export::{export_bytes_with, is_binary};
use coalition_core::events::{EventExportFormat, EventExportKind, EventExportOptions, ParticipantState};

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum WhatArg {
    Participants,
    Badges,
    Ics,
    Runsheet,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormatArg {
    Csv,
    Xlsx,
    Pdf,
    Docx,
    Ics,
}

fn parse_state(text: &str) -> Result<ParticipantState, String> {
    ParticipantState::parse(text)
}

#[derive(Args)]
pub(crate) struct ExportArgs {
    /// The event's reference.
    #[arg(value_name = "REF")]
    reference: String,
    /// What to export.
    #[arg(long, value_enum)]
    what: WhatArg,
    /// File format: participants csv|xlsx, badges pdf, ics ics, runsheet docx|pdf.
    #[arg(long, value_enum)]
    format: ExportFormatArg,
    /// Write to this file, whole or not at all (default: stdout, for text formats).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Participants: add the dietary and access needs columns (sensitive).
    #[arg(long)]
    include_needs: bool,
    /// ICS: one calendar event for each session this person speaks in.
    #[arg(long, value_name = "PERSON_ID")]
    speaker: Option<String>,
    /// Participants and badges: only these states, comma-separated (default: registered,attended).
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = parse_state)]
    states: Vec<ParticipantState>,
    /// Include people flagged sensitive (participants, speakers); prints a warning.
    #[arg(long)]
    include_sensitive: bool,
}

fn usage(message: &str) -> Failure {
    eprintln!("error: {message}");
    Failure { code: 2, message: None }
}

fn export(store: &Store, args: ExportArgs) -> Result<(), Failure> {
    let what = match args.what {
        WhatArg::Participants => EventExportKind::Participants,
        WhatArg::Badges => EventExportKind::Badges,
        WhatArg::Ics => EventExportKind::Ics,
        WhatArg::Runsheet => EventExportKind::Runsheet,
    };
    let format = match args.format {
        ExportFormatArg::Csv => EventExportFormat::Csv,
        ExportFormatArg::Xlsx => EventExportFormat::Xlsx,
        ExportFormatArg::Pdf => EventExportFormat::Pdf,
        ExportFormatArg::Docx => EventExportFormat::Docx,
        ExportFormatArg::Ics => EventExportFormat::Ics,
    };
    if args.speaker.is_some() && what != EventExportKind::Ics {
        return Err(usage("--speaker applies to --what ics"));
    }
    if args.include_needs && what != EventExportKind::Participants {
        return Err(usage("--include-needs applies to --what participants"));
    }
    if !args.states.is_empty() && !matches!(what, EventExportKind::Participants | EventExportKind::Badges) {
        return Err(usage("--state applies to --what participants or badges"));
    }
    let options = EventExportOptions {
        what,
        format,
        states: args.states,
        include_needs: args.include_needs,
        speaker_person_id: args.speaker,
    };
    events::export::check_format(&options)?;
    if is_binary(format) && args.out.is_none() && std::io::stdout().is_terminal() {
        return Err(usage(&format!("{format} is a binary format: give --out FILE (or redirect stdout)")));
    }
    let event = events::by_reference(store, &args.reference)?;
    let noun = match what {
        EventExportKind::Participants => ("participant", "participants"),
        EventExportKind::Badges => ("badge", "badges"),
        EventExportKind::Ics => ("calendar event", "calendar events"),
        EventExportKind::Runsheet => ("session", "sessions"),
    };
    let (bytes, count, left_out) = export_bytes_with(store, &event.id, &options, args.include_sensitive)?;
    match &args.out {
        Some(path) => {
            coalition_core::tabular::write_atomically(path, |out| {
                out.write_all(&bytes).map_err(|source| coalition_core::CoreError::Io { context: format!("cannot write {}", path.display()), source })
            })?;
            let noun = if count == 1 { noun.0 } else { noun.1 };
            eprintln!("exported {count} {noun} of {} to {}", event.reference, path.display());
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    let entry = events::export::log_entry(store, &event.id, &options, count, left_out, args.include_sensitive)?;
    super::privacy::logged(store, entry, args.out.as_deref())
}
