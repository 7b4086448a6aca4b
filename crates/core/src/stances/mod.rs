//! Stances: where each policy-maker stands on a dossier, with evidence and history; and
//! roll-call votes, imported from CSV and kept as stance evidence.
