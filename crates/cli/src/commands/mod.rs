//! One module per command group.

pub(crate) mod letters;
pub(crate) mod meps;
pub(crate) mod orgs;
pub(crate) mod people;
