//! Commands for The engagement log: interactions, timelines and follow-up tasks.
//! One-line wrappers over coalition-core, like every command.

#[allow(unused_imports)]
use super::Reply;
#[allow(unused_imports)]
use crate::Desk;
