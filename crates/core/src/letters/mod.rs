//! Letters (open letters, joint statements, petitions...) and the organisations' signatures.

pub mod publish;
