//! Coalition Desk's core: the domain, its validation rules, the SQLite store, and the
//! imports and exports that the app and the `coalition` CLI share. It never depends on Tauri.
#![deny(missing_docs)]

pub mod audit;
pub mod bench;
pub mod backup;
pub mod bindings;
pub mod countries;
pub mod dashboard;
pub mod data_protection;
pub mod demo;
pub mod dossiers;
pub mod encryption;
mod enums;
pub mod error;
pub mod events;
pub mod history;
pub mod interactions;
pub mod letters;
pub mod matching;
pub mod memberships;
pub mod organisations;
pub mod people;
pub mod policy;
pub mod profile;
pub mod progress;
pub mod search;
pub mod seats;
pub mod stances;
pub mod store;
pub mod subject_rights;
pub mod synth;
pub mod tabular;
pub mod text;

pub use error::{ApiError, CoreError, FieldError, Result};
pub use store::Store;
