//! The benchmark behind `coalition bench`: on a fresh temporary store, in one process and
//! one run, it measures the physical insert limit, the people import through core, list
//! pages, global search, the streaming interactions export and its memory, and the
//! organisation duplicate scan, and reports them as JSON beside the targets of issue 6.
//! It measures; it never asserts speed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rusqlite::params;
use serde_json::{json, Value};

use crate::error::{CoreError, Result};
use crate::organisations::ImportOptions;
use crate::people::{PersonQuery, PersonSort};
use crate::store::new_id;
use crate::synth::{self, Rng, SynthOptions};
use crate::text::{fold, tidy};
use crate::Store;

/// How big the benchmark's store is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Seconds in a debug build: for CI, which only checks that the JSON is complete.
    Small,
    /// The issue's scale: 10k organisations, 100k people, 1M interactions.
    Full,
}

impl Scale {
    fn name(self) -> &'static str {
        match self {
            Scale::Small => "small",
            Scale::Full => "full",
        }
    }

    /// (organisations, people, interactions, signatures, list samples, search samples)
    fn sizes(self) -> (u32, u32, u32, u32, usize, usize) {
        match self {
            Scale::Small => (300, 2_000, 10_000, 500, 60, 60),
            Scale::Full => (10_000, 100_000, 1_000_000, 5_000, 300, 300),
        }
    }
}

/// The seed of every benchmark run, so that runs compare.
const SEED: u64 = 2022_0155;

/// A temporary folder removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let path = std::env::temp_dir().join(format!("coalition-bench-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)
            .map_err(|source| CoreError::Io { context: format!("cannot create {}", path.display()), source })?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the process's peak resident size (Linux `clear_refs` 5), so that a later VmHWM is
/// the peak of what follows. Returns whether it worked.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|m| m.trim().to_string());
    let memory_mb = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().find(|l| l.starts_with("MemTotal")).and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok()))
        .map(|kb| kb / 1024);
    json!({
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "cpu_model": model,
        "memory_mb": memory_mb,
        "os": std::env::consts::OS,
        "arch": std::env::consts::ARCH,
        "sqlite": rusqlite::version(),
        // Other work on the machine during the run inflates every timing: say how busy it was.
        "load_average": std::fs::read_to_string("/proc/loadavg").ok().map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")),
    })
}

/// Nearest-rank percentile of durations in milliseconds.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn round(value: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (value * f).round() / f
}

fn checkpoint(store: &Store) -> Result<()> {
    store.read(|conn| {
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    })
}

/// One row of the people CSV, ready for the bare insert.
struct RawPerson {
    id: String,
    given: String,
    family: String,
    display: String,
    family_key: String,
    name_key: String,
    country: String,
    email: String,
    phone: Option<String>,
    languages: Vec<String>,
    organisation: Option<(String, String, bool)>,
}

/// The physical limit: the CSV's rows inserted into a copy of the store with bare prepared
/// statements in one transaction (people, emails, phones, languages, affiliations), every
/// value computed beforehand. Returns rows per second.
fn raw_insert(store_path: &Path, csv_bytes: &[u8]) -> Result<f64> {
    let store = Store::open(store_path)?;
    let orgs: HashMap<String, String> = store.read(|conn| {
        let mut stmt = conn.prepare("SELECT name_key, id FROM organisations")?;
        let map = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(map)
    })?;
    let mut reader = csv::Reader::from_reader(csv_bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let r = record.map_err(|e| CoreError::BadFile(format!("bench CSV: {e}")))?;
        let cell = |i: usize| r.get(i).unwrap_or("").to_string();
        let (given, family) = (cell(0), cell(1));
        let email = cell(2);
        let org = orgs.get(&fold(&tidy(&cell(6)))).map(|id| (id.clone(), cell(7), cell(8) == "yes"));
        rows.push(RawPerson {
            id: new_id(),
            display: tidy(&format!("{given} {family}")),
            family_key: format!("{} {}", fold(&family), fold(&given)).trim().to_string(),
            name_key: fold(&format!("{given} {family}")),
            given,
            family,
            country: cell(4),
            email,
            phone: Some(cell(3)).filter(|p| !p.is_empty()),
            languages: cell(5).split(';').filter(|l| !l.is_empty()).map(str::to_string).collect(),
            organisation: org,
        });
    }
    let ids: Vec<(String, String, String)> = rows.iter().map(|_| (new_id(), new_id(), new_id())).collect();
    let stamp = crate::store::now();
    let start = Instant::now();
    store.write(|conn| {
        let mut person = conn.prepare(
            "INSERT INTO people (id, given_name, family_name, display_name, family_key, name_key, country, archived, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?8)",
        )?;
        let mut email = conn.prepare(
            "INSERT INTO person_emails (id, person_id, label, email, email_key, position) VALUES (?1, ?2, 'work', ?3, ?4, 0)",
        )?;
        let mut phone =
            conn.prepare("INSERT INTO person_phones (id, person_id, label, phone, position) VALUES (?1, ?2, 'work', ?3, 0)")?;
        let mut language = conn.prepare("INSERT INTO person_languages (person_id, language) VALUES (?1, ?2)")?;
        let mut affiliation = conn.prepare(
            "INSERT INTO affiliations (id, person_id, organisation_id, job_title, focal_point, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        )?;
        for (row, (email_id, phone_id, affiliation_id)) in rows.iter().zip(&ids) {
            person.execute(params![
                row.id,
                row.given,
                row.family,
                row.display,
                row.family_key,
                row.name_key,
                row.country,
                stamp
            ])?;
            email.execute(params![email_id, row.id, row.email, row.email.to_lowercase()])?;
            if let Some(p) = &row.phone {
                phone.execute(params![phone_id, row.id, p])?;
            }
            for code in &row.languages {
                language.execute(params![row.id, code])?;
            }
            if let Some((org, title, focal)) = &row.organisation {
                affiliation.execute(params![affiliation_id, row.id, org, title, focal, stamp])?;
            }
        }
        Ok(())
    })?;
    let seconds = start.elapsed().as_secs_f64();
    Ok(rows.len() as f64 / seconds)
}

fn target(name: &str, wanted: &str, value: Option<f64>, pass: Option<bool>) -> Value {
    json!({"metric": name, "target": wanted, "value": value, "pass": pass})
}

/// Runs the benchmark at `scale` and returns its report. `progress` receives a line per
/// step, for stderr.
pub fn run(scale: Scale, progress: &mut dyn FnMut(&str)) -> Result<Value> {
    let started = Instant::now();
    let (n_orgs, n_people, n_interactions, n_signatures, list_samples, search_samples) = scale.sizes();
    let dir = TempDir::new()?;
    let main_path = dir.0.join("bench.db");
    let store = Store::open(&main_path)?;
    let mut report = serde_json::Map::new();
    report.insert("scale".into(), json!(scale.name()));
    report.insert("build".into(), json!(if cfg!(debug_assertions) { "debug" } else { "release" }));
    report.insert("seed".into(), json!(SEED));
    report.insert("machine".into(), machine());
    report.insert(
        "sizes".into(),
        json!({"organisations": n_orgs, "people": n_people, "interactions": n_interactions, "signatures": n_signatures}),
    );

    // Organisations, through synth (memberships and history included).
    progress(&format!("synth: {n_orgs} organisations"));
    let t = Instant::now();
    let none = &mut |_: synth::Progress| {};
    synth::synth(&store, &SynthOptions { organisations: n_orgs, people: 0, interactions: 0, signatures: 0, seed: SEED }, none)?;
    report.insert("synth_organisations_ms".into(), json!(round(ms(t), 1)));

    // The people CSV, and the bare insert of the same rows into a copy of the store.
    let csv_bytes = synth::people_csv(&store, n_people, SEED)?;
    let raw_path = dir.0.join("raw.db");
    store.read(|conn| {
        conn.execute("VACUUM INTO ?1", [raw_path.to_string_lossy()])?;
        Ok(())
    })?;
    progress(&format!("raw insert: {n_people} people with bare prepared statements"));
    let raw_rate = raw_insert(&raw_path, &csv_bytes)?;
    report.insert("raw_insert_rows_per_s".into(), json!(round(raw_rate, 0)));

    // The same rows through core's people import.
    progress(&format!("import: {n_people} people through core (validation, matching, audit)"));
    let t = Instant::now();
    let imported = crate::people::import_bytes(&store, &csv_bytes, ImportOptions { dry_run: false, skip_invalid: false, columns: None })?;
    let import_seconds = t.elapsed().as_secs_f64();
    if !imported.committed || imported.created != n_people {
        return Err(CoreError::BadFile(format!(
            "bench: the people import created {} of {n_people} ({} issues, first: {:?})",
            imported.created,
            imported.issues.len(),
            imported.issues.first().map(|i| format!("line {}: {}: {}", i.line, i.field, i.message))
        )));
    }
    drop(csv_bytes);
    let import_rate = f64::from(n_people) / import_seconds;
    let import_ratio = import_rate / raw_rate;
    report.insert("import_rows_per_s".into(), json!(round(import_rate, 0)));
    report.insert("import_ratio".into(), json!(round(import_ratio, 3)));
    report.insert("import_possible_duplicates".into(), json!(imported.possible_duplicates.len()));

    // Reads are measured on a settled store, as the app sees it: the WAL checkpointed.
    checkpoint(&store)?;
    // List pages: 50 people of a country, by family name, at random offsets.
    progress(&format!("list: {list_samples} pages of 50"));
    let countries = synth::countries();
    let mut rng = Rng::new(SEED);
    let mut totals: HashMap<&str, u32> = HashMap::new();
    for code in &countries {
        let page = crate::people::list(&store, &PersonQuery { countries: vec![code.to_string()], limit: 50, ..Default::default() })?;
        totals.insert(code, page.total);
    }
    let mut timings = Vec::with_capacity(list_samples);
    for _ in 0..list_samples {
        let code = *rng.pick(&countries);
        let total = totals[code];
        let query = PersonQuery {
            countries: vec![code.to_string()],
            sort: PersonSort::FamilyName,
            offset: rng.below(total.saturating_sub(50).max(1) as usize) as u32,
            limit: 50,
            ..Default::default()
        };
        let t = Instant::now();
        let page = crate::people::list(&store, &query)?;
        timings.push(ms(t));
        if page.rows.is_empty() && total > 0 {
            return Err(CoreError::BadFile(format!("bench: an empty page at offset {} of {code}", query.offset)));
        }
    }
    timings.sort_by(f64::total_cmp);
    report.insert("list_page_p50_ms".into(), json!(round(percentile(&timings, 50.0), 3)));
    report.insert("list_page_p99_ms".into(), json!(round(percentile(&timings, 99.0), 3)));
    report.insert("list_page_samples".into(), json!(list_samples));

    // Interactions and signatures, through synth.
    progress(&format!("synth: {n_interactions} interactions, {n_signatures} signatures"));
    let t = Instant::now();
    let written = synth::synth(
        &store,
        &SynthOptions { organisations: 0, people: 0, interactions: n_interactions, signatures: n_signatures, seed: SEED },
        &mut |p| {
            if p.done % 200_000 == 0 && p.phase == "interactions" {
                progress(&format!("  {} {}/{}", p.phase, p.done, p.total));
            }
        },
    )?;
    let seconds = t.elapsed().as_secs_f64();
    report.insert("synth_interactions_rows_per_s".into(), json!(round(written.interactions as f64 / seconds, 0)));
    report.insert("interaction_participants".into(), json!(written.participants));

    checkpoint(&store)?;
    // Global search.
    progress(&format!("search: {search_samples} prefixes"));
    let search = search_timings(&store, search_samples)?;
    match search {
        Some(mut timings) => {
            timings.sort_by(f64::total_cmp);
            report.insert("search_p50_ms".into(), json!(round(percentile(&timings, 50.0), 3)));
            report.insert("search_p99_ms".into(), json!(round(percentile(&timings, 99.0), 3)));
            report.insert("search_samples".into(), json!(search_samples));
        }
        None => {
            report.insert("search_p50_ms".into(), Value::Null);
            report.insert("search_p99_ms".into(), Value::Null);
            report.insert("search_note".into(), json!("global search (coalition_core::search) is not in this build yet"));
        }
    }

    // The streaming export, and the memory it needs.
    progress(&format!("export: {n_interactions} interactions to CSV"));
    let out = dir.0.join("interactions.csv");
    let peak_reset = reset_peak_rss();
    let baseline_kb = status_kb("VmRSS:").unwrap_or(0);
    let t = Instant::now();
    let rows = crate::interactions::export_csv_file(&store, &out)?;
    let seconds = t.elapsed().as_secs_f64();
    let peak_kb = status_kb("VmHWM:").unwrap_or(0);
    let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_file(&out);
    report.insert("export_rows".into(), json!(rows));
    report.insert("export_bytes".into(), json!(bytes));
    report.insert("export_rows_per_s".into(), json!(round(rows as f64 / seconds, 0)));
    report.insert("export_peak_rss_mb".into(), json!(round(peak_kb as f64 / 1024.0, 1)));
    report.insert("export_rss_growth_mb".into(), json!(round(peak_kb.saturating_sub(baseline_kb) as f64 / 1024.0, 1)));
    if !peak_reset {
        report.insert("export_rss_note".into(), json!("the peak could not be reset: it is the whole run's peak"));
    }

    // The organisation duplicate finder.
    progress(&format!("duplicates: {n_orgs} organisations"));
    let t = Instant::now();
    let pairs = crate::organisations::duplicates(&store)?;
    let scan_ms = ms(t);
    report.insert("duplicate_scan_ms".into(), json!(round(scan_ms, 1)));
    report.insert("duplicate_pairs".into(), json!(pairs.len()));
    drop(store);

    let scan_100k = if scale == Scale::Full {
        progress("duplicates: 100000 organisations (stretch)");
        let big = Store::open(&dir.0.join("orgs100k.db"))?;
        synth::synth(&big, &SynthOptions { organisations: 100_000, people: 0, interactions: 0, signatures: 0, seed: SEED }, &mut |_| {})?;
        let t = Instant::now();
        let pairs = crate::organisations::duplicates(&big)?;
        let scan = ms(t);
        report.insert("duplicate_pairs_100k".into(), json!(pairs.len()));
        Some(scan)
    } else {
        None
    };
    report.insert("duplicate_scan_100k_ms".into(), json!(scan_100k.map(|v| round(v, 1))));
    if scan_100k.is_none() {
        report.insert("duplicate_scan_100k_note".into(), json!("measured at full scale only"));
    }

    let get = |key: &str| report.get(key).and_then(Value::as_f64);
    let below = |key: &str, limit: f64| get(key).map(|v| v < limit);
    let targets = vec![
        target("import_ratio", ">= 0.5", get("import_ratio"), get("import_ratio").map(|v| v >= 0.5)),
        target("list_page_p99_ms", "< 5", get("list_page_p99_ms"), below("list_page_p99_ms", 5.0)),
        target("search_p99_ms", "< 5", get("search_p99_ms"), below("search_p99_ms", 5.0)),
        target("export_peak_rss_mb", "< 100", get("export_peak_rss_mb"), below("export_peak_rss_mb", 100.0)),
        target("duplicate_scan_ms", "< 1000", get("duplicate_scan_ms"), below("duplicate_scan_ms", 1000.0)),
    ];
    let all_met = targets.iter().all(|t| t["pass"] == json!(true));
    report.insert("targets".into(), Value::Array(targets));
    report.insert("all_targets_met".into(), json!(all_met));
    if let Some(machine) = report.get_mut("machine").and_then(Value::as_object_mut) {
        let end = std::fs::read_to_string("/proc/loadavg").ok().map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
        machine.insert("load_average_end".into(), json!(end));
    }
    report.insert("total_s".into(), json!(round(started.elapsed().as_secs_f64(), 1)));
    Ok(Value::Object(report))
}

/// What coordinators type: prefixes of family names (with and without the given name),
/// of organisation names, acronyms, and words of interaction subjects, folded or not.
fn search_queries(store: &Store, samples: usize) -> Result<Vec<String>> {
    let (families, people, orgs, acronyms) = store.read(|conn| {
        let pick = |sql: &str| -> Result<Vec<String>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        };
        Ok((
            pick("SELECT family_name FROM people ORDER BY rowid LIMIT 5000")?,
            pick("SELECT given_name || ' ' || family_name FROM people ORDER BY rowid LIMIT 5000")?,
            pick("SELECT name FROM organisations ORDER BY rowid LIMIT 5000")?,
            pick("SELECT short_name FROM organisations WHERE short_name IS NOT NULL ORDER BY rowid LIMIT 2000")?,
        ))
    })?;
    let prefix = |text: &str, n: usize| text.chars().take(n).collect::<String>();
    let mut rng = Rng::new(SEED ^ 0x5EA2C4);
    let subjects = ["detec", "encryp", "trilog", "hotline fund", "age verif", "EU Cen", "groom"];
    let mut queries = Vec::with_capacity(samples);
    while queries.len() < samples {
        let query = match rng.below(10) {
            0..=3 if !families.is_empty() => {
                let name = rng.pick(families.as_slice());
                let typed = if rng.chance(50) { fold(name) } else { name.clone() };
                prefix(&typed, 3 + rng.below(4))
            }
            4 | 5 if !people.is_empty() => {
                let picked: &String = rng.pick(people.as_slice());
                let name = fold(picked);
                let cut = name.find(' ').map(|i| i + 1 + 2 + rng.below(3)).unwrap_or(name.len());
                prefix(&name, cut)
            }
            6 | 7 if !orgs.is_empty() => {
                let name = rng.pick(orgs.as_slice());
                prefix(name, 4 + rng.below(8))
            }
            8 if !acronyms.is_empty() => rng.pick(acronyms.as_slice()).clone(),
            _ => rng.pick(subjects.as_slice()).to_string(),
        };
        if query.chars().any(char::is_alphanumeric) {
            queries.push(query);
        }
    }
    Ok(queries)
}

/// The search part of the benchmark alone, on an existing store (such as one `coalition synth`
/// filled): the same queries as the full run, each with its time in milliseconds, slowest
/// first, and the p50/p99. For finding what makes a search slow without a whole run.
pub fn search_only(store: &Store, samples: usize) -> Result<Value> {
    let queries = search_queries(store, samples)?;
    for query in queries.iter().take(5) {
        crate::search::search(store, query, 20)?;
    }
    let mut timed = Vec::with_capacity(queries.len());
    for query in &queries {
        let t = Instant::now();
        let hits = crate::search::search(store, query, 20)?;
        timed.push((ms(t), query.clone(), hits.len()));
    }
    let mut timings: Vec<f64> = timed.iter().map(|(t, _, _)| *t).collect();
    timings.sort_by(f64::total_cmp);
    timed.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(json!({
        "search_p50_ms": round(percentile(&timings, 50.0), 3),
        "search_p99_ms": round(percentile(&timings, 99.0), 3),
        "search_samples": timings.len(),
        "slowest": timed.iter().take(15).map(|(t, q, n)| json!({"query": q, "ms": round(*t, 3), "hits": n})).collect::<Vec<_>>(),
    }))
}

/// Global search timings (a limit of 20, as the palette asks) for realistic prefixes.
fn search_timings(store: &Store, samples: usize) -> Result<Option<Vec<f64>>> {
    let queries = search_queries(store, samples)?;
    for query in queries.iter().take(5) {
        crate::search::search(store, query, 20)?;
    }
    let mut timings = Vec::with_capacity(samples);
    let mut empty = 0;
    for query in &queries {
        let t = Instant::now();
        let hits = crate::search::search(store, query, 20)?;
        timings.push(ms(t));
        empty += usize::from(hits.is_empty());
    }
    if empty * 2 > queries.len() {
        return Err(CoreError::BadFile(format!("bench: {empty} of {} searches found nothing", queries.len())));
    }
    Ok(Some(timings))
}
