//! People: staff of member organisations, survivors, experts, and every policy-maker (a
//! policy-maker is a person with an office). Their names, labelled emails and phones,
//! languages, dated affiliations to organisations, list view, import and export.

mod model;
pub(crate) mod rules;
pub(crate) mod store;

pub use model::{EmailLabel, LabelledEmail, LabelledPhone, Person, PersonInput, PhoneLabel};

use crate::error::Result;
use crate::Store;

/// Creates a person.
pub fn create(store: &Store, input: PersonInput) -> Result<Person> {
    store.write(|conn| store::insert(conn, &input))
}

/// One person.
pub fn get(store: &Store, id: &str) -> Result<Person> {
    store.read(|conn| store::get(conn, id))
}
