//! `coalition history ENTITY ID` and `coalition undo SEQ|--last`: a record's change history
//! and undo, the same as the app's History panel and Ctrl+Z.

use clap::{ArgGroup, Args, ValueEnum};
use coalition_core::history::{self, UndoReport};
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
pub(crate) struct HistoryArgs {
    /// The kind of record: organisation, person, policy_maker, letter, event, interaction...
    entity: String,
    /// The record's id.
    id: String,
    /// The most entries to show, newest first (at most 200).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=200))]
    limit: u32,
    /// Output format: a table, or the JSON array of entries.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Args)]
#[command(group(ArgGroup::new("which").required(true).args(["seq", "last"])))]
pub(crate) struct UndoArgs {
    /// The history entry to undo (its `seq`).
    seq: Option<u32>,
    /// Undo the latest change not undone yet.
    #[arg(long)]
    last: bool,
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `field: from → to; ...` for an update, `field=value, ...` for a create or a removal.
fn changes(before: Option<&Value>, after: Option<&Value>) -> String {
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    if before.is_none() || after.is_none() {
        let only = if after.is_some() { a } else { b };
        return only.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| format!("{k}={}", text(v))).collect::<Vec<_>>().join(", ");
    }
    let mut keys: Vec<&String> = a.keys().collect();
    keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
    keys.iter()
        .map(|k| format!("{k}: {} → {}", text(b.get(*k).unwrap_or(&Value::Null)), text(a.get(*k).unwrap_or(&Value::Null))))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn run_history(store: &Store, args: HistoryArgs) -> Result<(), Failure> {
    let page = history::for_record(store, &args.entity, &args.id, 0, args.limit)?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&page.entries).expect("serialisable")),
        Format::Table => {
            let rows: Vec<Vec<String>> = page
                .entries
                .iter()
                .map(|h| {
                    let e = &h.entry;
                    let state = match (h.undone_by, e.undo_of) {
                        (Some(by), _) => format!("undone by {by}"),
                        (None, Some(of)) => format!("undoes {of}"),
                        _ => String::new(),
                    };
                    vec![
                        e.seq.to_string(),
                        e.at.clone(),
                        e.actor.clone().unwrap_or_default(),
                        e.entity.clone(),
                        e.action.clone(),
                        state,
                        changes(e.before.as_ref(), e.after.as_ref()),
                    ]
                })
                .collect();
            table(&["seq", "at", "actor", "entity", "action", "undo", "changes"], &rows)?;
            if page.total > page.entries.len() as u32 {
                eprintln!("{} of {} entries shown (--limit)", page.entries.len(), page.total);
            }
        }
    }
    Ok(())
}

pub(crate) fn run_undo(store: &Store, args: UndoArgs) -> Result<(), Failure> {
    let report: UndoReport = match args.seq {
        Some(seq) => history::undo(store, seq)?,
        None => history::undo_last(store)?,
    };
    println!(
        "undone entry {} ({} of {} {}), recorded as entry {}",
        report.undone_seq, report.action, report.entity, report.entity_id, report.audit_seq
    );
    Ok(())
}
