//! Commands for People, their affiliations, import and export.
//! One-line wrappers over coalition-core, like every command.

#[allow(unused_imports)]
use super::Reply;
#[allow(unused_imports)]
use crate::Desk;
