//! Passphrases on the command line, and `coalition encrypt`, `change-passphrase` and
//! `decrypt`.
//!
//! The passphrase of an encrypted store comes from `COALITION_PASSPHRASE`, else it is asked
//! for on the terminal without echo (when standard input is one), else the command stops with
//! `passphrase_required` (exit 1). A new passphrase comes from `COALITION_NEW_PASSPHRASE`,
//! else it is asked for twice on the terminal. The no-echo prompt is implemented here with
//! termios through `libc` (Unix); elsewhere the variables are needed.

use std::io::{BufRead, Write};
use std::path::Path;

use coalition_core::encryption;
use coalition_core::store::Passphrase;
use coalition_core::{CoreError, Store};

use crate::Failure;

/// The variable that holds the passphrase of an encrypted store.
pub(crate) const PASSPHRASE_ENV: &str = "COALITION_PASSPHRASE";
/// The variable that holds the new passphrase for `encrypt` and `change-passphrase`.
pub(crate) const NEW_PASSPHRASE_ENV: &str = "COALITION_NEW_PASSPHRASE";

fn from_env(name: &str) -> Option<Passphrase> {
    std::env::var(name).ok().filter(|v| !v.is_empty()).map(Passphrase::new)
}

fn stdin_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// Reads one line from the terminal with echo off; the prompt goes to stderr.
#[cfg(unix)]
fn prompt_hidden(prompt: &str) -> Result<Passphrase, Failure> {
    let mut stderr = std::io::stderr();
    let _ = write!(stderr, "{prompt}");
    let _ = stderr.flush();
    let fd = libc::STDIN_FILENO;
    // SAFETY: termios is plain data; tcgetattr fills it for a terminal file descriptor.
    let mut original: libc::termios = unsafe { std::mem::zeroed() };
    let is_tty = unsafe { libc::tcgetattr(fd, &mut original) } == 0;
    if is_tty {
        let mut silent = original;
        silent.c_lflag &= !libc::ECHO;
        silent.c_lflag |= libc::ECHONL;
        // SAFETY: a valid termios for the same descriptor.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &silent) };
    }
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if is_tty {
        // SAFETY: restores the settings read above.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &original) };
    }
    read?;
    let text = line.trim_end_matches(['\n', '\r']).to_string();
    line.clear();
    Ok(Passphrase::new(text))
}

#[cfg(not(unix))]
fn prompt_hidden(_prompt: &str) -> Result<Passphrase, Failure> {
    Err(Failure::refused(format!("set {PASSPHRASE_ENV} (this system has no hidden terminal prompt)")))
}

fn required() -> Failure {
    Failure::refused(format!(
        "passphrase_required: {} Set {PASSPHRASE_ENV}, or run the command in a terminal to be asked for it.",
        CoreError::PassphraseRequired
    ))
}

/// The passphrase to open the store at `path` with: `None` when it is not encrypted.
pub(crate) fn passphrase_for(path: &Path) -> Result<Option<Passphrase>, Failure> {
    if !coalition_core::store::is_encrypted(path)? {
        return Ok(None);
    }
    current_passphrase().map(Some)
}

/// The current passphrase: `COALITION_PASSPHRASE`, else asked for on the terminal.
pub(crate) fn current_passphrase() -> Result<Passphrase, Failure> {
    if let Some(passphrase) = from_env(PASSPHRASE_ENV) {
        return Ok(passphrase);
    }
    if !stdin_is_terminal() {
        return Err(required());
    }
    prompt_hidden("Passphrase of the store: ")
}

/// A new passphrase: `COALITION_NEW_PASSPHRASE`, else asked for twice on the terminal.
fn new_passphrase() -> Result<Passphrase, Failure> {
    if let Some(passphrase) = from_env(NEW_PASSPHRASE_ENV) {
        return Ok(passphrase);
    }
    if !stdin_is_terminal() {
        return Err(Failure::refused(format!(
            "no new passphrase: set {NEW_PASSPHRASE_ENV}, or run the command in a terminal to be asked for it"
        )));
    }
    eprintln!("A forgotten passphrase cannot be recovered: without it the store and its backups cannot be read.");
    let first = prompt_hidden("New passphrase: ")?;
    let second = prompt_hidden("The new passphrase again: ")?;
    if !first.same_as(&second) {
        return Err(Failure::refused("the two passphrases differ; nothing was changed"));
    }
    Ok(first)
}

/// Opens the store at `path`, asking for its passphrase when it is encrypted. Returns the
/// passphrase it was opened with too.
pub(crate) fn open(path: &Path) -> Result<(Store, Option<Passphrase>), Failure> {
    let passphrase = passphrase_for(path)?;
    let store = Store::open_with(path, passphrase.clone()).map_err(opening_failure)?;
    Ok((store, passphrase))
}

/// The message of a failure to open, with its code first for the passphrase errors.
pub(crate) fn opening_failure(error: CoreError) -> Failure {
    match error {
        CoreError::PassphraseRequired => required(),
        CoreError::WrongPassphrase => Failure::refused(format!("wrong_passphrase: {error}")),
        other => other.into(),
    }
}

fn report(report: &encryption::EncryptionReport) {
    if !report.backups_encrypted.is_empty() {
        println!("{} backups in the backup folder were encrypted with it too", report.backups_encrypted.len());
    }
}

/// `coalition encrypt`: encrypts an unencrypted store (and the backups in its folder).
pub(crate) fn run_encrypt(store: &Store) -> Result<(), Failure> {
    if store.is_encrypted() {
        return Err(Failure::refused("this store is already encrypted; use change-passphrase"));
    }
    let new = new_passphrase()?;
    let done = encryption::encrypt(store, new)?;
    println!("the store is encrypted; keep its passphrase safe: it cannot be recovered");
    report(&done);
    Ok(())
}

/// `coalition change-passphrase`: the store was opened with the current passphrase.
pub(crate) fn run_change(store: &Store, current: Option<Passphrase>) -> Result<(), Failure> {
    let Some(current) = current else {
        return Err(Failure::refused("this store is not encrypted; use encrypt"));
    };
    let new = new_passphrase()?;
    let done = encryption::change_passphrase(store, &current, new)?;
    println!("the passphrase is changed");
    report(&done);
    Ok(())
}

/// `coalition decrypt`: removes the encryption (the backups stay encrypted).
pub(crate) fn run_decrypt(store: &Store, current: Option<Passphrase>) -> Result<(), Failure> {
    let Some(current) = current else {
        return Err(Failure::refused("this store is not encrypted"));
    };
    encryption::decrypt(store, &current)?;
    println!("the store is no longer encrypted; its existing backups stay encrypted with the old passphrase");
    Ok(())
}
