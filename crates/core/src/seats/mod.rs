//! Seats: the coalition's bodies (steering group, working groups, secretariat) and who holds
//! which seat for which term: an organisation, a person, or a person for an organisation.
//! A seat meant for one holder (a chair) never has overlapping terms.

mod model;
pub(crate) mod store;

pub use model::{Body, BodyKind, SeatRole, SeatTerm, SeatTermInput};

use crate::error::Result;
use crate::Store;

/// Gives an organisation and/or a person a seat for a term.
pub fn add_term(store: &Store, input: SeatTermInput) -> Result<SeatTerm> {
    store.write(|conn| store::add_term(conn, &input))
}

/// Ends a term: `ends_on` is its last day (`None` reopens it).
pub fn end_term(store: &Store, id: &str, ends_on: Option<&str>) -> Result<SeatTerm> {
    store.write(|conn| store::end_term(conn, id, ends_on))
}

/// Who held which seat on a date (YYYY-MM-DD), by body and role.
pub fn held_on(store: &Store, date: &str) -> Result<Vec<SeatTerm>> {
    store.read(|conn| store::held_on(conn, date))
}

/// Every term ever recorded, by body, role and start.
pub fn all_terms(store: &Store) -> Result<Vec<SeatTerm>> {
    store.read(store::all_terms)
}

/// Every body, by name.
pub fn bodies(store: &Store) -> Result<Vec<Body>> {
    store.read(store::bodies)
}
