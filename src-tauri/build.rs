//! Declares the app's commands so that each one needs a permission in a capability file.

const COMMANDS: &[&str] = &[
    "store_info",
    "countries_list",
    "orgs_list",
    "org_get",
    "org_create",
    "org_update",
    "org_set_archived",
    "membership_start",
    "membership_change_status",
    "membership_update",
    "orgs_export_csv",
    "orgs_import",
    "demo_load",
    "letters_list",
    "letter_get",
    "letter_create",
    "letter_update",
    "signature_set",
    "letter_invite",
    "letter_not_signed",
    "letter_preview",
    "letter_export",
    "signatures_matrix",
    "matrix_export_csv",
    "import_preview",
    "signatures_analyse",
    "signatures_import",
    "orgs_duplicates",
    "orgs_merge",
    "orgs_merge_undo",
    "seats_held_on",
    // events
    "events_list",
    "event_get",
    "event_create",
    "event_update",
    "session_add",
    "session_update",
    "session_delete",
    "participants_list",
    "participants_invite",
    "participant_set_state",
    "participant_update",
    "participant_check_in",
    "event_attendance",
    "event_task_add",
    "event_task_update",
    "event_task_set_done",
    "event_tasks_copy",
    "event_emails",
    "person_lists_list",
    "person_list_create",
    // people
    // policy-makers, MEPs, dossiers
    // stances and votes
    // interactions and tasks
];

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)))
        .expect("failed to run tauri-build");
}
