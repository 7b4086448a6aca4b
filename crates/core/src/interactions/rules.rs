//! Validation of interactions and tasks. Fields of the n-th task are named `tasks.n.title`,
//! `tasks.n.due_on`...; the participants' field is `participants`.

use chrono::NaiveDate;

use super::model::{InteractionInput, InteractionKind, TaskInput};
use crate::error::FieldError;
use crate::memberships::rules::{optional_date, required_date};
use crate::text::tidy;

const SUBJECT_MAX: usize = 200;
const TITLE_MAX: usize = 200;
const NOTE_MAX: usize = 20_000;

/// A task that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValidTask {
    pub id: Option<String>,
    pub title: String,
    pub owner_person_id: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub done: bool,
    pub notes: Option<String>,
}

/// An interaction that passed validation (references are checked by the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValidInteraction {
    pub kind: InteractionKind,
    pub occurred_on: NaiveDate,
    pub subject: String,
    pub outcome: Option<String>,
    pub dossier_id: Option<String>,
    pub person_ids: Vec<String>,
    pub organisation_ids: Vec<String>,
    pub tasks: Vec<ValidTask>,
}

pub(crate) fn optional_text(input: Option<&str>) -> Option<String> {
    input.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

fn ids(input: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in input.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    }
    out
}

/// Validates one task; `prefix` is `tasks.n.` inside an interaction, empty when standalone.
pub(crate) fn validate_task(prefix: &str, input: &TaskInput, errors: &mut Vec<FieldError>) -> Option<ValidTask> {
    let before = errors.len();
    let title = tidy(&input.title);
    if title.is_empty() {
        errors.push(FieldError::new(format!("{prefix}title"), "task title is required"));
    } else if title.chars().count() > TITLE_MAX {
        errors.push(FieldError::new(format!("{prefix}title"), format!("task title is longer than {TITLE_MAX} characters")));
    }
    let due_on = match optional_date("due_on", input.due_on.as_deref()) {
        Ok(date) => date,
        Err(e) => {
            errors.push(FieldError::new(format!("{prefix}due_on"), e.message));
            None
        }
    };
    let notes = optional_text(input.notes.as_deref());
    if notes.as_ref().is_some_and(|n| n.chars().count() > NOTE_MAX) {
        errors.push(FieldError::new(format!("{prefix}notes"), format!("notes are longer than {NOTE_MAX} characters")));
    }
    (errors.len() == before).then(|| ValidTask {
        id: optional_text(input.id.as_deref()),
        title,
        owner_person_id: optional_text(input.owner_person_id.as_deref()),
        due_on,
        done: input.done,
        notes,
    })
}

/// Validates every field and returns all the failures, in form order.
pub(crate) fn validate(input: &InteractionInput) -> Result<ValidInteraction, Vec<FieldError>> {
    let mut errors = Vec::new();
    let occurred_on = required_date("occurred_on", &input.occurred_on).map_err(|e| errors.push(e)).ok();
    let subject = tidy(&input.subject);
    if subject.is_empty() {
        errors.push(FieldError::new("subject", "subject is required"));
    } else if subject.chars().count() > SUBJECT_MAX {
        errors.push(FieldError::new("subject", format!("subject is longer than {SUBJECT_MAX} characters")));
    }
    let person_ids = ids(&input.person_ids);
    let organisation_ids = ids(&input.organisation_ids);
    if person_ids.is_empty() && organisation_ids.is_empty() {
        errors.push(FieldError::new("participants", "add at least one participant: a person or an organisation"));
    }
    let outcome = optional_text(input.outcome.as_deref());
    if outcome.as_ref().is_some_and(|o| o.chars().count() > NOTE_MAX) {
        errors.push(FieldError::new("outcome", format!("outcome is longer than {NOTE_MAX} characters")));
    }
    let mut tasks = Vec::new();
    for (n, task) in input.tasks.iter().enumerate() {
        // A row left entirely blank in a form is no task.
        if task.id.is_none() && task.title.trim().is_empty() && optional_text(task.due_on.as_deref()).is_none()
            && optional_text(task.owner_person_id.as_deref()).is_none()
        {
            continue;
        }
        if let Some(valid) = validate_task(&format!("tasks.{n}."), task, &mut errors) {
            tasks.push(valid);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidInteraction {
        kind: input.kind,
        occurred_on: occurred_on.expect("checked"),
        subject,
        outcome,
        dossier_id: optional_text(input.dossier_id.as_deref()),
        person_ids,
        organisation_ids,
        tasks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> InteractionInput {
        InteractionInput {
            kind: InteractionKind::Meeting,
            occurred_on: "2023-03-20".into(),
            subject: "  First  high-level event ".into(),
            outcome: Some("  ".into()),
            dossier_id: None,
            person_ids: vec!["p1".into(), " p1 ".into()],
            organisation_ids: vec![],
            tasks: vec![TaskInput { title: "".into(), ..Default::default() }],
        }
    }

    #[test]
    fn tidies_and_drops_blank_rows() {
        let valid = validate(&input()).unwrap();
        assert_eq!(valid.subject, "First high-level event");
        assert_eq!(valid.outcome, None);
        assert_eq!(valid.person_ids, ["p1"]);
        assert!(valid.tasks.is_empty());
    }

    #[test]
    fn names_every_failing_field() {
        let mut bad = input();
        bad.occurred_on = "20/03/2023".into();
        bad.subject = " ".into();
        bad.person_ids.clear();
        bad.tasks = vec![
            TaskInput { title: "Send the paper".into(), ..Default::default() },
            TaskInput { title: " ".into(), due_on: Some("2023-02-30".into()), ..Default::default() },
        ];
        let fields: Vec<String> = validate(&bad).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["occurred_on", "subject", "participants", "tasks.1.title", "tasks.1.due_on"]);
    }
}
