//! One module per command group.

pub(crate) mod backup;
pub(crate) mod interactions;
pub(crate) mod bench;
pub(crate) mod synth;
pub(crate) mod dossiers;
pub(crate) mod encryption;
pub(crate) mod events;
pub(crate) mod history;
pub(crate) mod letters;
pub(crate) mod meps;
pub(crate) mod orgs;
pub(crate) mod people;
pub(crate) mod privacy;
pub(crate) mod search;
pub(crate) mod seats;
pub(crate) mod stances;
pub(crate) mod subject_rights;
pub(crate) mod votes;
