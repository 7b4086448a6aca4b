//! Commands for Stances on dossiers, and roll-call votes.
//! One-line wrappers over coalition-core, like every command.

#[allow(unused_imports)]
use super::Reply;
#[allow(unused_imports)]
use crate::Desk;
