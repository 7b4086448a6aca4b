//! `coalition`: Coalition Desk from the command line, for scripts and benchmarks. The
//! commands, flags, output formats and exit codes are a stable contract:
//! 0 success, 1 input refused (the reason on stderr), 2 wrong usage.

mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use coalition_core::{CoreError, Store};

/// Coalition Desk: the coalition's CRM on a local SQLite store.
#[derive(Parser)]
#[command(name = "coalition", version, about, propagate_version = true)]
struct Cli {
    /// The store to use (default: the app's store in the platform's app-data folder).
    #[arg(long, global = true, env = "COALITION_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the store, or bring it up to date.
    Init,
    /// Load the demo data (loading it twice adds nothing).
    Demo,
    /// Organisations and their membership.
    #[command(subcommand)]
    Orgs(commands::orgs::OrgsCommand),
    /// People: contacts at organisations, and policy-makers.
    #[command(subcommand)]
    People(commands::people::PeopleCommand),
    /// Events: the programme, participants, tasks and exports.
    #[command(subcommand)]
    Events(commands::events::EventsCommand),
    /// Letters and their published signatory lists.
    #[command(subcommand)]
    Letters(commands::letters::LettersCommand),
    /// Organisations' signatures on letters.
    #[command(subcommand)]
    Signatures(commands::letters::SignaturesCommand),
    /// MEPs: sync with the Parliament's list, and list them.
    #[command(subcommand)]
    Meps(commands::meps::MepsCommand),
    /// Dossiers (legislative files such as 2022/0155(COD)).
    #[command(subcommand)]
    Dossiers(commands::dossiers::DossiersCommand),
    /// Where policy-makers stand on a dossier.
    #[command(subcommand)]
    Stances(commands::stances::StancesCommand),
    /// Roll-call votes on a dossier.
    #[command(subcommand)]
    Votes(commands::votes::VotesCommand),
    /// Who holds which seat in the coalition's bodies, and recording terms.
    #[command(subcommand)]
    Seats(commands::seats::SeatsCommand),
    /// The engagement log: meetings, calls, emails, letters and hearings.
    #[command(subcommand)]
    Interactions(commands::interactions::InteractionsCommand),
    /// Follow-up tasks: what is due and what is overdue.
    #[command(subcommand)]
    Tasks(commands::interactions::TasksCommand),
    /// A record's change history, newest first: who changed which field, from what, to what.
    History(commands::history::HistoryArgs),
    /// Undo one history entry (SEQ), or the latest change (--last).
    Undo(commands::history::UndoArgs),
    /// Search everything (organisations, people, policy-makers, events, letters, interactions, dossiers).
    Search(commands::search::SearchArgs),
    /// Fill the store with realistic, deterministic synthetic data.
    Synth(commands::synth::SynthArgs),
    /// Measure on a fresh temporary store (--db is not used) and print JSON.
    Bench(commands::bench::BenchArgs),
    /// Data protection: the log of exports (what, when, by whom; never the data).
    #[command(subcommand)]
    Exports(commands::privacy::ExportsCommand),
    /// Back the store up (to the backup folder, rotated, or to --out FILE).
    Backup(commands::backup::BackupArgs),
    /// Replace the store with a backup, after checking it; the store as it was is kept as a backup.
    Restore(commands::backup::RestoreArgs),
    /// Encrypt the store (and the backups in its folder) with a new passphrase, from
    /// COALITION_NEW_PASSPHRASE or asked twice on the terminal. It cannot be recovered if forgotten.
    Encrypt,
    /// Change the passphrase of an encrypted store (the current one from COALITION_PASSPHRASE
    /// or asked; the new one from COALITION_NEW_PASSPHRASE or asked twice).
    ChangePassphrase,
    /// Remove the encryption of the store (its existing backups stay encrypted).
    Decrypt,
}

/// A failure with the exit code it deserves.
pub(crate) struct Failure {
    code: u8,
    message: Option<String>,
}

impl Failure {
    /// Input refused: exit 1 with `message`.
    pub(crate) fn refused(message: impl Into<String>) -> Self {
        Failure { code: 1, message: Some(message.into()) }
    }

    /// Input refused, the reasons already printed.
    pub(crate) fn refused_silently() -> Self {
        Failure { code: 1, message: None }
    }
}

impl From<CoreError> for Failure {
    fn from(error: CoreError) -> Self {
        let message = match &error {
            CoreError::Invalid(errors) => errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"),
            other => other.to_string(),
        };
        Failure { code: 1, message: Some(message) }
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::refused(error.to_string())
    }
}

/// Opens the store; an encrypted one with its passphrase (COALITION_PASSPHRASE, or asked
/// for on the terminal), which is returned too.
fn open(db: Option<&std::path::Path>) -> Result<(Store, Option<coalition_core::store::Passphrase>), Failure> {
    let path = coalition_core::store::resolve_path(db)?;
    commands::encryption::open(&path)
}

fn run(cli: Cli) -> Result<(), Failure> {
    if let Command::Bench(args) = &cli.command {
        return commands::bench::run(args);
    }
    let cli = match cli.command {
        Command::Restore(args) => {
            return commands::backup::run_restore(&coalition_core::store::resolve_path(cli.db.as_deref())?, args)
        }
        command => Cli { command, ..cli },
    };
    let (store, passphrase) = open(cli.db.as_deref())?;
    match cli.command {
        Command::Init => {
            let info = store.info()?;
            let encrypted = if store.is_encrypted() { ", encrypted" } else { "" };
            println!("store ready at {} (schema version {}{encrypted})", info.path, info.schema_version);
            Ok(())
        }
        Command::Demo => {
            let report = coalition_core::demo::load(&store)?;
            println!("added {} organisations, {} already present", report.organisations_added, report.organisations_present);
            Ok(())
        }
        Command::Orgs(command) => commands::orgs::run(&store, command),
        Command::People(command) => commands::people::run(&store, command),
        Command::Events(command) => commands::events::run(&store, command),
        Command::Letters(command) => commands::letters::run_letters(&store, command),
        Command::Signatures(command) => commands::letters::run_signatures(&store, command),
        Command::Meps(command) => commands::meps::run(&store, command),
        Command::Dossiers(command) => commands::dossiers::run(&store, command),
        Command::Stances(command) => commands::stances::run(&store, command),
        Command::Votes(command) => commands::votes::run(&store, command),
        Command::Seats(command) => commands::seats::run(&store, command),
        Command::Interactions(command) => commands::interactions::run_interactions(&store, command),
        Command::Tasks(command) => commands::interactions::run_tasks(&store, command),
        Command::History(args) => commands::history::run_history(&store, args),
        Command::Undo(args) => commands::history::run_undo(&store, args),
        Command::Search(args) => commands::search::run(&store, args),
        Command::Synth(args) => commands::synth::run(&store, args),
        Command::Bench(_) => unreachable!("bench runs on its own temporary store"),
        Command::Exports(command) => commands::privacy::run_exports(&store, command),
        Command::Backup(args) => commands::backup::run_backup(&store, args),
        Command::Restore(_) => unreachable!("restore runs before the store is opened"),
        Command::Encrypt => commands::encryption::run_encrypt(&store),
        Command::ChangePassphrase => commands::encryption::run_change(&store, passphrase),
        Command::Decrypt => commands::encryption::run_decrypt(&store, passphrase),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if let Some(message) = failure.message {
                eprintln!("error: {message}");
            }
            ExitCode::from(failure.code)
        }
    }
}
