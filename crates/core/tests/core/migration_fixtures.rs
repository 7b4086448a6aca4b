//! Stores made at every schema version, filled with data, upgrade to the latest schema
//! without losing a row. The stores live in `tests/fixtures/stores/vNN.sqlite`; each was made
//! once, by the schema of its time, and is never remade (that is the point). When a migration
//! is added, write `tests/fixtures/stores/seed/NNNN.sql` (rows for what it adds) and run
//!
//!     cargo test -p coalition-core --test core migration_fixtures::generate -- --ignored
//!
//! which makes only the missing stores (`STORE_FIXTURES_UP_TO=N` stops at version N); commit
//! them with the seed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use coalition_core::store::{latest_version, migrations};
use coalition_core::Store;
use rusqlite::types::Value;
use rusqlite::Connection;

const GENERATE: &str =
    "cargo test -p coalition-core --test core migration_fixtures::generate -- --ignored";

/// Tables whose rows are derived from others (the search index): a migration may rebuild
/// them, so only their row counts must survive.
const DERIVED: &[&str] = &["search_docs"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stores")
}

fn fixture(version: u32) -> PathBuf {
    dir().join(format!("v{version:02}.sqlite"))
}

fn seed(version: u32) -> PathBuf {
    dir().join("seed").join(format!("{version:04}.sql"))
}

/// A plain connection with the SQL functions the search triggers call.
fn raw(path: &Path) -> Connection {
    let conn =
        Connection::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    coalition_core::search::register_functions(&conn).expect("SQL functions");
    conn
}

fn user_version(conn: &Connection) -> u32 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// Column name and whether it is declared NOT NULL (or part of the primary key).
type Columns = Vec<(String, bool)>;

/// Every ordinary table (not SQLite's own, not virtual tables or their shadow tables) and its
/// columns.
fn tables(conn: &Connection) -> BTreeMap<String, Columns> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    names
        .into_iter()
        .map(|name| {
            let columns = conn
                .prepare(
                    "SELECT name, \"notnull\" OR pk > 0 FROM pragma_table_info(?1) ORDER BY cid",
                )
                .unwrap()
                .query_map([&name], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (name, columns)
        })
        .collect()
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every row of a table over the given columns, in a stable order.
fn rows(conn: &Connection, table: &str, columns: &[String]) -> Vec<Vec<Value>> {
    let list = columns
        .iter()
        .map(|c| quoted(c))
        .collect::<Vec<_>>()
        .join(", ");
    let order = (1..=columns.len())
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("SELECT {list} FROM {} ORDER BY {order}", quoted(table));
    let mut stmt = conn.prepare(&sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    stmt.query_map([], |r| {
        (0..columns.len()).map(|i| r.get::<_, Value>(i)).collect()
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(
        &format!("SELECT count(*) FROM {}", quoted(table)),
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn every_schema_version_has_a_fixture_store() {
    let missing: Vec<u32> = (1..=latest_version())
        .filter(|v| !fixture(*v).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture store for schema version(s) {missing:?} in {}: write the seed of each new migration in \
         seed/NNNN.sql, then run `{GENERATE}` and commit the new vNN.sqlite files",
        dir().display()
    );
}

#[test]
fn every_fixture_store_upgrades_to_the_latest_schema_keeping_every_row() {
    let latest = latest_version();
    let mut checked = 0;
    for version in (1..=latest).filter(|v| fixture(*v).exists()) {
        let name = format!("v{version:02}.sqlite");
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join(&name);
        std::fs::copy(fixture(version), &path).unwrap();

        let before = raw(&path);
        assert_eq!(
            user_version(&before),
            version,
            "{name} is not at schema version {version}"
        );
        let old: BTreeMap<String, (Columns, i64, Vec<Vec<Value>>)> = tables(&before)
            .into_iter()
            .map(|(table, columns)| {
                let names: Vec<String> = columns.iter().map(|(c, _)| c.clone()).collect();
                let n = count(&before, &table);
                let data = rows(&before, &table, &names);
                (table, (columns, n, data))
            })
            .collect();
        drop(before);

        let store = Store::open(&path).unwrap_or_else(|e| panic!("{name} does not open: {e}"));
        assert_eq!(store.info().unwrap().schema_version, latest, "{name}");
        drop(store);

        let after = raw(&path);
        let integrity: String = after
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "{name}: integrity check after the upgrade");
        assert_eq!(
            user_version(&after),
            latest,
            "{name}: user_version after the upgrade"
        );
        let new = tables(&after);
        for (table, (columns, n, data)) in &old {
            let Some(now) = new.get(table) else {
                panic!("{name}: table {table} is gone after the upgrade")
            };
            let names: Vec<String> = columns.iter().map(|(c, _)| c.clone()).collect();
            for column in &names {
                assert!(
                    now.iter().any(|(c, _)| c == column),
                    "{name}: column {table}.{column} is gone after the upgrade"
                );
            }
            assert_eq!(
                count(&after, table),
                *n,
                "{name}: {table} had {n} rows before the upgrade"
            );
            if DERIVED.contains(&table.as_str()) {
                continue;
            }
            let upgraded = rows(&after, table, &names);
            if let Some(i) = (0..data.len()).find(|&i| upgraded.get(i) != data.get(i)) {
                panic!(
                    "{name}: {table} changed in the upgrade: row {i} over ({}) was {:?}, is {:?}",
                    names.join(", "),
                    data[i],
                    upgraded.get(i)
                );
            }
        }
        let violations = after
            .prepare("PRAGMA foreign_key_check")
            .unwrap()
            .query_map([], |_| Ok(()))
            .unwrap()
            .count();
        assert_eq!(
            violations, 0,
            "{name}: foreign keys broken after the upgrade"
        );
        checked += 1;
    }
    assert!(
        checked > 0,
        "no fixture store at all in {}: run `{GENERATE}`",
        dir().display()
    );
}

/// Problems that make a freshly made store a poor fixture: a table with fewer than two rows,
/// a column never filled, a nullable column never NULL.
fn thin_spots(conn: &Connection) -> Vec<String> {
    let mut problems = Vec::new();
    for (table, columns) in tables(conn) {
        let n = count(conn, &table);
        if n < 2 {
            problems.push(format!("table {table} has {n} row(s); give it several"));
            continue;
        }
        for (column, not_null) in columns {
            let filled: i64 = conn
                .query_row(
                    &format!("SELECT count({}) FROM {}", quoted(&column), quoted(&table)),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            if filled == 0 {
                problems.push(format!(
                    "column {table}.{column} is NULL in every row; fill it in some"
                ));
            } else if !not_null && filled == n {
                problems.push(format!(
                    "column {table}.{column} may be NULL but never is; leave it NULL in some row"
                ));
            }
        }
    }
    problems
}

/// Makes the store of one schema version: each migration in turn, each followed by its seed.
fn make(version: u32) {
    let target = fixture(version);
    let partial = target.with_extension("sqlite.partial");
    let _ = std::fs::remove_file(&partial);
    let mut conn = raw(&partial);
    // Small pages keep the committed files small (an empty table or index costs one page).
    conn.execute_batch("PRAGMA page_size = 512; PRAGMA foreign_keys = ON")
        .unwrap();
    for step in 1..=version {
        migrations()
            .to_version(&mut conn, step as usize)
            .unwrap_or_else(|e| panic!("migration {step}: {e}"));
        let seed = seed(step);
        if seed.exists() {
            let sql = std::fs::read_to_string(&seed).unwrap();
            conn.execute_batch(&format!("BEGIN; {sql}\nCOMMIT;"))
                .unwrap_or_else(|e| panic!("{}: {e}", seed.display()));
        }
    }
    let violations = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count();
    let mut problems = thin_spots(&conn);
    if violations > 0 {
        problems.push(format!("{violations} rows break a foreign key"));
    }
    if !problems.is_empty() {
        drop(conn);
        let _ = std::fs::remove_file(&partial);
        panic!(
            "the store of schema version {version} is not a good fixture; write or extend {} (or an earlier seed):\n{}",
            seed(version).display(),
            problems.join("\n")
        );
    }
    conn.execute_batch("VACUUM").unwrap();
    drop(conn);
    std::fs::rename(&partial, &target).unwrap();
    println!("made {}", target.display());
}

#[test]
#[ignore = "makes the missing fixture stores; run it after adding a migration (see the module's doc)"]
fn generate() {
    // STORE_FIXTURES_UP_TO stops early, so that a migration still in the works gets no store.
    let last = std::env::var("STORE_FIXTURES_UP_TO")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(latest_version());
    for version in 1..=last.min(latest_version()) {
        if !fixture(version).exists() {
            make(version);
        }
    }
}

#[test]
fn the_seeds_make_well_filled_stores() {
    // The seeds of the versions whose stores exist already must still run on a fresh store of
    // the same history, so that a store for a new version can be made; the latest schema's
    // store is made in memory and checked like a new fixture.
    let latest = latest_version();
    let mut conn = Connection::open_in_memory().unwrap();
    coalition_core::search::register_functions(&conn).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    for step in 1..=latest {
        migrations().to_version(&mut conn, step as usize).unwrap();
        if seed(step).exists() {
            let sql = std::fs::read_to_string(seed(step)).unwrap();
            conn.execute_batch(&sql)
                .unwrap_or_else(|e| panic!("{}: {e}", seed(step).display()));
        }
    }
    let problems = thin_spots(&conn);
    assert!(
        problems.is_empty(),
        "the seeds leave the latest schema thinly filled (write seed/{latest:04}.sql):\n{}",
        problems.join("\n")
    );
}
