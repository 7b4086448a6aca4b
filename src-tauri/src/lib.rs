//! Coalition Desk's Tauri shell: setup and the list of commands. The commands themselves
//! are one-line wrappers over coalition-core, in `commands/` (one module per feature).

mod commands;
mod startup;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use coalition_core::backup::{self, RestoreReport, Trigger};
use coalition_core::encryption::{self, SecurityStatus};
use coalition_core::store::Passphrase;
use coalition_core::{ApiError, CoreError, Store};
use tauri::Manager;

/// The open store, or why it could not be opened (shown by every command). A damaged store
/// stays closed until a backup is restored over it, which opens it (`Desk::restore`). An
/// encrypted store stays closed (`passphrase_required`) until `Desk::unlock`; once open it
/// can be locked again (`locked`), its connection closed and its passphrase forgotten.
pub struct Desk {
    store: OnceLock<Store>,
    failure: Mutex<Option<ApiError>>,
    path: Result<PathBuf, ApiError>,
    /// The passphrase of an encrypted store found damaged on unlock, for its recovery.
    recovery_key: Mutex<Option<Passphrase>>,
}

impl Desk {
    fn open() -> Desk {
        let path = coalition_core::store::resolve_path(db_argument().as_deref()).map_err(ApiError::from);
        let desk = Desk { store: OnceLock::new(), failure: Mutex::new(None), path, recovery_key: Mutex::new(None) };
        match desk.path.clone().and_then(|path| Store::open(&path).map_err(ApiError::from)) {
            Ok(store) => {
                let _ = desk.store.set(store);
            }
            Err(error) => {
                eprintln!("coalition-desk: the store could not be opened: {}", error.message);
                *desk.failure.lock().unwrap_or_else(|p| p.into_inner()) = Some(error);
            }
        }
        desk
    }

    /// The store, or the error that kept it closed.
    pub fn store(&self) -> Result<&Store, ApiError> {
        self.store.get().ok_or_else(|| {
            self.failure.lock().unwrap_or_else(|p| p.into_inner()).clone().unwrap_or_else(|| ApiError {
                code: "internal".into(),
                message: "the store is not open".into(),
                field: None,
            })
        })
    }

    /// The store's file, known even when it could not be opened.
    pub fn path(&self) -> Result<&Path, ApiError> {
        self.path.as_deref().map_err(Clone::clone)
    }

    /// Unlocks the store with its passphrase: opens an encrypted store that was never opened,
    /// or reopens a locked one. `wrong_passphrase` leaves everything as it was.
    pub fn unlock(&self, passphrase: Passphrase) -> Result<SecurityStatus, ApiError> {
        if let Some(store) = self.store.get() {
            store.unlock(passphrase)?;
            return Ok(encryption::status(store)?);
        }
        let mut failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(store) = self.store.get() {
            store.unlock(passphrase)?;
            return Ok(encryption::status(store)?);
        }
        match Store::open_with(self.path()?, Some(passphrase.clone())) {
            Ok(store) => {
                let status = encryption::status(&store)?;
                let _ = self.store.set(store);
                *failure = None;
                Ok(status)
            }
            Err(error @ CoreError::Damaged { .. }) => {
                // The right passphrase, a damaged file: the recovery screen takes over.
                *self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()) = Some(passphrase);
                let error = ApiError::from(error);
                *failure = Some(error.clone());
                Err(error)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// What the recovery screen shows; an encrypted damaged store is read with the passphrase
    /// that unlocked it.
    pub fn recovery_info(&self) -> Result<backup::RecoveryInfo, ApiError> {
        let key = self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()).clone();
        Ok(backup::recovery_info_with(self.path()?, key.as_ref())?)
    }

    /// Locks the store (an encrypted one only).
    pub fn lock(&self) -> Result<SecurityStatus, ApiError> {
        let store = self.store()?;
        store.lock()?;
        Ok(encryption::status(store)?)
    }

    /// The store's protection; an encrypted store not opened yet reads as locked.
    pub fn security_status(&self) -> Result<SecurityStatus, ApiError> {
        match self.store() {
            Ok(store) => Ok(encryption::status(store)?),
            Err(error) if error.code == "passphrase_required" => {
                Ok(SecurityStatus { encrypted: true, locked: true, idle_lock_minutes: 0, plain_backups: 0 })
            }
            Err(error) => Err(error),
        }
    }

    /// Restores a backup: into the open store, or over a damaged one, which is then opened.
    /// `passphrase` opens an encrypted backup made under another passphrase than the store's.
    pub fn restore(&self, file: &Path, passphrase: Option<&Passphrase>) -> Result<RestoreReport, ApiError> {
        if let Some(store) = self.store.get() {
            return Ok(backup::restore_with(store, file, passphrase)?);
        }
        let mut failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(store) = self.store.get() {
            return Ok(backup::restore_with(store, file, passphrase)?);
        }
        match failure.as_ref() {
            Some(error) if error.code == "store_damaged" => {}
            Some(error) => return Err(error.clone()),
            None => {}
        }
        let remembered = self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let (store, report) = backup::recover_with(self.path()?, file, passphrase.or(remembered.as_ref()))?;
        *self.recovery_key.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let _ = self.store.set(store);
        *failure = None;
        Ok(report)
    }
}

/// SIGTERM and SIGINT (a desktop session ending, `kill`, Ctrl+C in a terminal) exit the app
/// the way closing its window does, so the exit seals the store.
fn exit_on_termination(app: tauri::AppHandle) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        match signal_hook::iterator::Signals::new([SIGTERM, SIGINT]) {
            Ok(mut signals) => {
                std::thread::spawn(move || {
                    if signals.forever().next().is_some() {
                        app.exit(0);
                    }
                });
            }
            Err(error) => eprintln!("coalition-desk: cannot watch for SIGTERM: {error}"),
        }
    }
    #[cfg(not(unix))]
    let _ = app;
}

/// Backs up at startup when anything changed since the last backup, then every few minutes
/// checks whether the chosen interval has passed (with changes). A locked store is skipped
/// (its startup backup waits for the unlock).
fn backup_timer(app: tauri::AppHandle) {
    let mut trigger = Trigger::Startup;
    loop {
        if let Some(store) = app.state::<Desk>().store().ok().filter(|store| !store.is_locked()) {
            if let Err(error) = backup::auto_backup_now(store, trigger) {
                eprintln!("coalition-desk: automatic backup failed: {error}");
            }
            trigger = Trigger::Periodic;
        }
        std::thread::sleep(std::time::Duration::from_secs(120));
    }
}

/// `--db PATH` (or `--db=PATH`) from the command line, like the CLI's.
fn db_argument() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// Starts the app.
pub fn run() {
    startup::begin();
    let desk = Desk::open();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(desk)
        .manage(coalition_core::progress::Operations::new())
        .setup(|app| {
            let handle = app.handle().clone();
            std::thread::spawn(move || backup_timer(handle));
            exit_on_termination(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::store_info,
            commands::countries_list,
            commands::orgs_list,
            commands::org_get,
            commands::org_create,
            commands::org_update,
            commands::org_set_archived,
            commands::membership_start,
            commands::membership_change_status,
            commands::membership_update,
            commands::orgs_export_csv,
            commands::orgs_import,
            commands::orgs_guess_columns,
            commands::demo_load,
            commands::letters_list,
            commands::letter_get,
            commands::letter_create,
            commands::letter_update,
            commands::signature_set,
            commands::letter_invite,
            commands::letter_not_signed,
            commands::letter_preview,
            commands::letter_export,
            commands::signatures_matrix,
            commands::matrix_export_csv,
            commands::import_preview,
            commands::signatures_analyse,
            commands::signatures_import,
            commands::orgs_duplicates,
            commands::orgs_merge,
            commands::orgs_merge_undo,
            commands::seats_held_on,
            // backups
            commands::backup::backup_settings,
            commands::backup::backup_settings_set,
            commands::backup::backups_list,
            commands::backup::backup_now,
            commands::backup::backup_restore,
            commands::backup::recovery_info,
            // encryption and the lock
            commands::encryption::security_status,
            commands::encryption::store_unlock,
            commands::encryption::store_lock,
            commands::encryption::store_encrypt,
            commands::encryption::store_change_passphrase,
            commands::encryption::store_decrypt,
            commands::encryption::security_set_idle_lock,
            // dashboard
            commands::dashboard::dashboard_get,
            commands::dashboard::dashboard_set_main_dossier,
            commands::dashboard::dashboard_painted,
            // history and undo
            commands::history::history_for_record,
            commands::history::history_undo,
            commands::history::history_undo_last,
            // subject access and erasure
            commands::subject_rights::sar_write,
            commands::subject_rights::erasure_preview,
            commands::subject_rights::person_erase,
            // search
            commands::search::search,
            // long operations
            commands::operations::cancel_operation,
            // events
            commands::events::events_list,
            commands::events::event_get,
            commands::events::event_create,
            commands::events::event_update,
            commands::events::session_add,
            commands::events::session_update,
            commands::events::session_delete,
            commands::events::participants_list,
            commands::events::participants_invite,
            commands::events::participant_set_state,
            commands::events::participant_update,
            commands::events::participant_check_in,
            commands::events::event_attendance,
            commands::events::event_task_add,
            commands::events::event_task_update,
            commands::events::event_task_set_done,
            commands::events::event_tasks_copy,
            commands::events::event_emails,
            commands::events::event_export,
            commands::events::person_lists_list,
            commands::events::person_list_create,
            // data protection
            commands::data_protection::privacy_export_log,
            commands::data_protection::privacy_sensitive_people,
            commands::data_protection::privacy_sensitive_count,
            commands::data_protection::privacy_retention_review,
            commands::data_protection::privacy_retention_years,
            commands::data_protection::privacy_set_retention_years,
            // people
            commands::people::people_list,
            commands::people::person_get,
            commands::people::person_create,
            commands::people::person_update,
            commands::people::person_set_archived,
            commands::people::affiliation_add,
            commands::people::affiliation_update,
            commands::people::affiliation_end,
            commands::people::affiliation_delete,
            commands::people::organisation_people,
            commands::people::people_duplicates,
            commands::people::people_import,
            commands::people::people_guess_columns,
            commands::people::people_export_csv,
            commands::people::people_export_json,
            // policy-makers, MEPs, dossiers
            commands::policy::policy_makers_list,
            commands::policy::policy_maker_get,
            commands::policy::policy_maker_create,
            commands::policy::policy_maker_update,
            commands::policy::committees_list,
            commands::policy::political_groups,
            commands::policy::committee_membership_add,
            commands::policy::committee_membership_end,
            commands::policy::meps_preview,
            commands::policy::meps_import,
            commands::policy::meps_fetch,
            // stances and votes
            commands::stances::dossiers_list,
            commands::stances::dossier_get,
            commands::stances::dossier_create,
            commands::stances::dossier_update,
            commands::stances::dossier_committees,
            commands::stances::dossier_role_add,
            commands::stances::dossier_role_remove,
            commands::stances::stance_record,
            commands::stances::stances_for_person,
            commands::stances::stance_board,
            commands::stances::vote_import,
            commands::stances::vote_result,
            commands::stances::votes_list,
            commands::stances::vote_accept,
            commands::stances::vote_accept_all,
            commands::stances::profile_get,
            commands::stances::profile_set,
            // interactions and tasks
            commands::interactions::interactions_list,
            commands::interactions::interaction_get,
            commands::interactions::interaction_create,
            commands::interactions::interaction_update,
            commands::interactions::interaction_delete,
            commands::interactions::timeline_get,
            commands::interactions::tasks_list,
            commands::interactions::task_create,
            commands::interactions::task_update,
            commands::interactions::task_set_done,
            commands::interactions::task_delete,
            commands::interactions::tasks_overdue_count,
            commands::interactions::parties_search,
            commands::interactions::dossier_choices,
            commands::interactions::seat_term_add,
            commands::interactions::seat_term_end,
            commands::interactions::seat_bodies,
        ])
        .build(tauri::generate_context!())
        .expect("error while building Coalition Desk")
        .run(|app, event| {
            // A clean exit seals the store, so the next start skips the full quick check
            // when nothing touched the file meanwhile (coalition_core::store::Store::seal).
            if let tauri::RunEvent::Exit = event {
                if let Ok(store) = app.state::<Desk>().store() {
                    if let Err(error) = store.seal() {
                        eprintln!("coalition-desk: the store could not be sealed at exit: {error}");
                    }
                }
            }
        });
}
