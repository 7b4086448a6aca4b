//! Seats: the coalition's bodies (steering group, working groups, secretariat) and who holds
//! which seat for which term. A seat meant for one holder (a chair) never has overlapping terms.

mod model;
pub(crate) mod store;

pub use model::{Body, BodyKind, SeatRole, SeatTerm, SeatTermInput};

use crate::error::Result;
use crate::Store;

/// Gives an organisation a seat for a term.
pub fn add_term(store: &Store, input: SeatTermInput) -> Result<SeatTerm> {
    store.write(|conn| store::add_term(conn, &input))
}

/// Who held which seat on a date (YYYY-MM-DD), by body and role.
pub fn held_on(store: &Store, date: &str) -> Result<Vec<SeatTerm>> {
    store.read(|conn| store::held_on(conn, date))
}
