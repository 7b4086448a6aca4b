//! Dossiers: the legislative files the coalition campaigns on (a procedure reference such
//! as 2022/0155(COD), a short title, the lead committee) and the MEPs' roles on them
//! (rapporteur, shadow rapporteur).

mod model;
pub(crate) mod rules;
pub(crate) mod store;

pub use model::{Dossier, DossierDetail, DossierInput, DossierRole, DossierRoleHolder, LeadCommittee};
pub use rules::procedure_reference;

use crate::error::Result;
use crate::Store;

fn detail(conn: &rusqlite::Connection, id: &str) -> Result<DossierDetail> {
    Ok(DossierDetail { dossier: store::get(conn, id)?, roles: store::roles(conn, id)? })
}

/// Creates a dossier.
pub fn create(store: &Store, input: DossierInput) -> Result<DossierDetail> {
    store.write(|conn| {
        let dossier = store::insert(conn, &input)?;
        detail(conn, &dossier.id)
    })
}

/// Edits a dossier.
pub fn update(store: &Store, id: &str, input: DossierInput) -> Result<DossierDetail> {
    store.write(|conn| {
        store::update(conn, id, &input)?;
        detail(conn, id)
    })
}

/// Every dossier, newest reference first.
pub fn list(store: &Store) -> Result<Vec<Dossier>> {
    store.read(store::list)
}

/// One dossier with its role holders.
pub fn get(store: &Store, id: &str) -> Result<DossierDetail> {
    store.read(|conn| detail(conn, id))
}

/// The dossier with this procedure reference.
pub fn by_reference(store: &Store, reference: &str) -> Result<Dossier> {
    store.read(|conn| store::by_reference(conn, reference))
}

/// The committees a dossier can be led by, by code.
pub fn committees(store: &Store) -> Result<Vec<LeadCommittee>> {
    store.read(store::committees)
}

/// Gives a policy-maker a role on a dossier (twice is once).
pub fn add_role(store: &Store, dossier_id: &str, person_id: &str, role: DossierRole) -> Result<DossierDetail> {
    store.write(|conn| {
        store::add_role(conn, dossier_id, person_id, role)?;
        detail(conn, dossier_id)
    })
}

/// Removes a role by its id.
pub fn remove_role(store: &Store, role_id: &str) -> Result<DossierDetail> {
    store.write(|conn| {
        let dossier_id = store::remove_role(conn, role_id)?;
        detail(conn, &dossier_id)
    })
}
