//! The one error type of the core, and the one error shape that crosses into the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Shorthand for results of core operations.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// One field that failed validation, and why, in words a coordinator understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    /// The field's name as the UI and the import files know it (`name`, `country`...).
    pub field: String,
    /// A self-contained sentence, such as `unknown country "Narnia"`.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), message: message.into() }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Input was refused; the first failing field leads, all of them follow.
    #[error("{}", .0.first().map(|e| e.to_string()).unwrap_or_default())]
    Invalid(Vec<FieldError>),
    /// The record asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request contradicts the current state of the store.
    #[error("{0}")]
    Conflict(String),
    /// A file could not be read or written.
    #[error("{context}: {source}")]
    Io {
        /// What was being done, naming the file.
        context: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// A file was read but its content cannot be used as a whole.
    #[error("{0}")]
    BadFile(String),
    /// A remote site could not be reached or answered with an error (the message says which).
    #[error("{0}")]
    Network(String),
    /// The coordinator cancelled a long operation; everything it did was undone.
    #[error("Cancelled; nothing was changed.")]
    Cancelled,
    /// SQLite refused or failed.
    #[error("storage error: {0}")]
    Storage(#[from] rusqlite::Error),
    /// The schema could not be brought up to date.
    #[error("the store could not be migrated: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The store was written by a newer version of the app.
    #[error("this store was written by a newer version of Coalition Desk (schema {found}, this version knows up to {known})")]
    TooNew {
        /// The store's schema version.
        found: i64,
        /// The newest schema this build knows.
        known: i64,
    },
    /// The store's file failed its integrity check; it is left untouched (the message says why).
    #[error("the store at {path} is damaged: {problem}")]
    Damaged {
        /// The damaged file.
        path: String,
        /// SQLite's first complaint.
        problem: String,
    },
    /// The store is encrypted and no passphrase was given.
    #[error("This store is encrypted. Enter its passphrase to open it.")]
    PassphraseRequired,
    /// The passphrase given does not open the store (or the backup).
    #[error("The passphrase is not right for this store.")]
    WrongPassphrase,
    /// The store was locked: its connection is closed and its key forgotten.
    #[error("The store is locked. Enter the passphrase to unlock it.")]
    Locked,
}

impl CoreError {
    /// A refusal of one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Invalid(vec![FieldError::new(field, message)])
    }

    /// The stable machine-readable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid(_) => "validation",
            CoreError::NotFound(_) => "not_found",
            CoreError::Conflict(_) => "conflict",
            CoreError::Io { .. } => "io",
            CoreError::BadFile(_) => "bad_file",
            CoreError::Network(_) => "network",
            CoreError::Cancelled => "cancelled",
            CoreError::Storage(_) | CoreError::Migration(_) => "storage",
            CoreError::TooNew { .. } => "too_new",
            CoreError::Damaged { .. } => "store_damaged",
            CoreError::PassphraseRequired => "passphrase_required",
            CoreError::WrongPassphrase => "wrong_passphrase",
            CoreError::Locked => "locked",
        }
    }

    /// True when the user's input was refused (the CLI exits 1), false for faults.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            CoreError::Invalid(_)
                | CoreError::NotFound(_)
                | CoreError::Conflict(_)
                | CoreError::BadFile(_)
                | CoreError::PassphraseRequired
                | CoreError::WrongPassphrase
                | CoreError::Locked
        )
    }
}

/// The single error shape the UI receives: `{code, message, field?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    /// Stable code: validation, not_found, conflict, io, bad_file, network, cancelled, storage, too_new, store_damaged, passphrase_required, wrong_passphrase, locked, internal.
    pub code: String,
    /// A sentence to show as is.
    pub message: String,
    /// The form field to show the message next to, when there is one.
    pub field: Option<String>,
}

impl From<&CoreError> for ApiError {
    fn from(error: &CoreError) -> Self {
        match error {
            CoreError::Invalid(errors) => {
                let first = errors.first();
                ApiError {
                    code: error.code().into(),
                    message: first.map(|e| e.message.clone()).unwrap_or_else(|| "invalid input".into()),
                    field: first.map(|e| e.field.clone()),
                }
            }
            other => ApiError { code: other.code().into(), message: other.to_string(), field: None },
        }
    }
}

impl From<CoreError> for ApiError {
    fn from(error: CoreError) -> Self {
        ApiError::from(&error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_error_has_the_agreed_shape() {
        let error = CoreError::invalid("name", "name already used by \"Terre des Hommes\"");
        let json = serde_json::to_value(ApiError::from(error)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "validation", "message": "name already used by \"Terre des Hommes\"", "field": "name"})
        );
        let json = serde_json::to_value(ApiError::from(CoreError::NotFound("no organisation with id x".into()))).unwrap();
        assert_eq!(json, serde_json::json!({"code": "not_found", "message": "no organisation with id x", "field": null}));
    }
}
