//! The people list's page queries timed on an existing store (each shape run N times, p50
//! and p99 printed, with the total and a digest of the page's ids to compare results across
//! versions): `[CACHE_KB=N] [ONLY=TEXT] cargo run -p coalition-core --example people_list_bench -- STORE.db [SAMPLES]`.

use coalition_core::organisations::SortDirection;
use coalition_core::people::{PersonQuery, PersonSort};
use std::hash::{Hash, Hasher};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: people_list_bench STORE.db [SAMPLES]")?;
    let samples: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(50);
    let store = coalition_core::Store::open(std::path::Path::new(&path))?;
    // CACHE_KB=N: a page cache of N KiB for the run (SQLite's default is 2 000 KiB).
    if let Some(kb) = std::env::var("CACHE_KB").ok().and_then(|v| v.parse::<i64>().ok()) {
        store.read(|conn| Ok(conn.execute_batch(&format!("PRAGMA cache_size = -{kb}"))?))?;
    }
    // An organisation with many current people and the most spoken language.
    let (organisation, language): (String, String) = store.read(|conn| {
        let org = conn.query_row(
            "SELECT organisation_id FROM affiliations WHERE ends_on IS NULL GROUP BY organisation_id ORDER BY count(*) DESC, organisation_id LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        let lang = conn.query_row(
            "SELECT language FROM person_languages GROUP BY language ORDER BY count(*) DESC, language LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        Ok((org, lang))
    })?;
    let base = PersonQuery::default();
    let shapes: Vec<(&str, PersonQuery)> = vec![
        ("family name", base.clone()),
        ("family name, page 100", PersonQuery { offset: 5000, ..base.clone() }),
        ("display name", PersonQuery { sort: PersonSort::DisplayName, ..base.clone() }),
        ("display name desc", PersonQuery { sort: PersonSort::DisplayName, direction: SortDirection::Desc, ..base.clone() }),
        ("country", PersonQuery { sort: PersonSort::Country, ..base.clone() }),
        ("country desc", PersonQuery { sort: PersonSort::Country, direction: SortDirection::Desc, ..base.clone() }),
        ("last contact", PersonQuery { sort: PersonSort::LastContact, ..base.clone() }),
        ("last contact desc", PersonQuery { sort: PersonSort::LastContact, direction: SortDirection::Desc, ..base.clone() }),
        ("organisation", PersonQuery { organisation_id: Some(organisation.clone()), ..base.clone() }),
        ("organisation, focal", PersonQuery { organisation_id: Some(organisation), focal_points_only: true, ..base.clone() }),
        ("focal points", PersonQuery { focal_points_only: true, ..base.clone() }),
        ("language", PersonQuery { languages: vec![language.clone()], ..base.clone() }),
        ("language, offset 40000", PersonQuery { languages: vec![language], offset: 40000, ..base.clone() }),
        ("country FR", PersonQuery { countries: vec!["FR".into()], ..base.clone() }),
        ("text mar", PersonQuery { text: Some("mar".into()), ..base.clone() }),
        ("text müller", PersonQuery { text: Some("müller".into()), ..base.clone() }),
        ("text email", PersonQuery { text: Some("example.org".into()), ..base.clone() }),
        ("archived too", PersonQuery { include_archived: true, ..base.clone() }),
    ];
    println!("{:<24} {:>9} {:>9} {:>8} {:>18}", "shape", "p50 ms", "p99 ms", "total", "ids digest");
    // ONLY=TEXT: only the shapes whose name contains TEXT.
    let only = std::env::var("ONLY").unwrap_or_default();
    for (name, query) in shapes.into_iter().filter(|(name, _)| name.contains(only.as_str())) {
        let mut times = Vec::with_capacity(samples);
        let mut digest = 0u64;
        let mut total = 0;
        for n in 0..samples {
            let start = Instant::now();
            let page = coalition_core::people::list(&store, &query)?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            if n == 0 {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                for row in &page.rows {
                    row.id.hash(&mut h);
                    row.last_contact.hash(&mut h);
                }
                digest = h.finish();
                total = page.total;
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!("{:<24} {:>9.2} {:>9.2} {:>8} {:>18x}", name, at(0.5), at(0.99), total, digest);
    }
    Ok(())
}
