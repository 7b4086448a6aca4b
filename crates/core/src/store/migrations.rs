//! The schema's history: numbered SQL files in `migrations/`, embedded at compile time and
//! applied in one transaction, tracked by `PRAGMA user_version`.

use rusqlite_migration::{Migrations, M};

const STEPS: &[&str] = &[
    include_str!("../../../../migrations/0001_foundation.sql"),
    include_str!("../../../../migrations/0002_letters.sql"),
    include_str!("../../../../migrations/0003_seats.sql"),
    include_str!("../../../../migrations/0004_people.sql"),
    include_str!("../../../../migrations/0005_policy.sql"),
    include_str!("../../../../migrations/0006_interactions.sql"),
    include_str!("../../../../migrations/0007_events.sql"),
    include_str!("../../../../migrations/0008_search.sql"),
    include_str!("../../../../migrations/0009_history.sql"),
    include_str!("../../../../migrations/0010_signers.sql"),
    include_str!("../../../../migrations/0011_people_list_index.sql"),
    include_str!("../../../../migrations/0012_data_protection.sql"),
    include_str!("../../../../migrations/0013_people_list_speed.sql"),
];

/// Every migration, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version a fully migrated store has.
pub fn latest_version() -> u32 {
    STEPS.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        // Like `Migrations::validate`, on a connection with the SQL functions the search
        // index's migration calls (the store registers them before migrating).
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::search::register_functions(&conn).unwrap();
        migrations().to_latest(&mut conn).expect("migrations validate");
    }

    #[test]
    fn every_sql_file_is_embedded_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        assert_eq!(files.len(), STEPS.len(), "a migration file is not listed in STEPS");
        for (i, name) in files.iter().enumerate() {
            assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name} is out of sequence");
        }
    }
}
