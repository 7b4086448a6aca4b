//! Commands for Policy-makers, MEPs (the Parliament's list and its sync), committees and dossiers.
//! One-line wrappers over coalition-core, like every command.

#[allow(unused_imports)]
use super::Reply;
#[allow(unused_imports)]
use crate::Desk;
