//! Membership: an organisation's standing in the coalition (tier, status, joined and left
//! dates) and the history of every status change with its effective date and note.

mod model;
pub(crate) mod rules;
pub(crate) mod store;

pub use model::{Membership, MembershipStatus, MembershipTier, MembershipUpdate, NewMembership, StatusChange, StatusChangeInput};

use crate::error::Result;
use crate::organisations::{self, OrganisationDetail};
use crate::Store;

/// Gives an organisation that has none a membership, with its first history entry.
pub fn start(store: &Store, organisation_id: &str, membership: NewMembership) -> Result<OrganisationDetail> {
    store.write(|conn| {
        store::start(conn, organisation_id, &membership, None)?;
        organisations::store::detail(conn, organisation_id)
    })
}

/// Changes the status, effective on a date, with a note; kept in the history.
pub fn change_status(store: &Store, organisation_id: &str, change: StatusChangeInput) -> Result<OrganisationDetail> {
    store.write(|conn| {
        store::change_status(conn, organisation_id, &change)?;
        organisations::store::detail(conn, organisation_id)
    })
}

/// Changes the tier and the joined and left dates.
pub fn update(store: &Store, organisation_id: &str, update: MembershipUpdate) -> Result<OrganisationDetail> {
    store.write(|conn| {
        store::update(conn, organisation_id, &update)?;
        organisations::store::detail(conn, organisation_id)
    })
}
