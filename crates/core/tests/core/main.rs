//! Core integration tests: one binary, a module per area, each test on its own store.

mod audit;
mod backup;
mod dashboard;
mod data_protection;
mod demo;
mod events;
mod dossiers;
mod encryption;
mod events_export;
mod export;
mod fuzz_regressions;
mod history;
mod import;
mod interactions;
mod letters;
mod merge;
mod migration_fixtures;
mod memberships;
mod organisations;
mod people;
mod properties;
mod policy;
mod progress;
mod search;
mod seats;
mod stances;
mod store;
mod subject_rights;
mod synth;

use coalition_core::memberships::{MembershipStatus, MembershipTier, NewMembership};
use coalition_core::organisations::{NewOrganisation, OrgType, OrganisationDetail, OrganisationInput};
use coalition_core::Store;

pub fn store() -> Store {
    Store::open_in_memory().expect("in-memory store")
}

pub fn input(name: &str, country: &str) -> OrganisationInput {
    OrganisationInput { name: name.into(), country: country.into(), org_type: OrgType::Ngo, ..Default::default() }
}

pub fn add(store: &Store, name: &str, country: &str) -> OrganisationDetail {
    coalition_core::organisations::create(store, NewOrganisation { organisation: input(name, country), membership: None }).expect("created")
}

pub fn add_member(store: &Store, name: &str, country: &str, status: MembershipStatus, tier: MembershipTier, joined: &str) -> OrganisationDetail {
    let membership = NewMembership { status, tier, joined_on: Some(joined.into()) };
    coalition_core::organisations::create(store, NewOrganisation { organisation: input(name, country), membership: Some(membership) }).expect("created")
}

pub fn count(store: &Store, table: &str) -> i64 {
    store.read(|c| Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)).unwrap()
}
