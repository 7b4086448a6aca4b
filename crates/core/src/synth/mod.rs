//! Synthetic data: realistic, deterministic organisations (with memberships and their status
//! history), people (emails, phones, languages, affiliations, focal points), interactions
//! spread over years with participants and follow-up tasks, and signatures on a few letters,
//! written through core's tables in batched transactions for benchmarks and load tests.
//!
//! The same seed gives the same data (names, countries, dates, links); only the ids (UUIDv7)
//! and the recording timestamps differ between runs. Each batch is one transaction and
//! appends one `synth` entry to the audit log (what was generated, from which seed), rather
//! than one entry per row.

mod names;

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::json;

use crate::audit;
use crate::error::{CoreError, Result};
use crate::store::{new_id, now};
use crate::text::{fold, tidy};
use crate::Store;

/// The 27 EU member states synthetic data covers, as ISO codes.
pub fn countries() -> Vec<&'static str> {
    names::LOCALES.iter().map(|l| l.code).collect()
}

/// How much to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthOptions {
    /// Organisations, each with a membership and its status history.
    pub organisations: u32,
    /// People, most affiliated to an organisation of their country.
    pub people: u32,
    /// Interactions, with participants among the store's people and organisations.
    pub interactions: u32,
    /// Signatures, spread over a few letters.
    pub signatures: u32,
    /// The seed: the same seed gives the same data.
    pub seed: u64,
}

/// What a synth run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SynthReport {
    /// Organisations created.
    pub organisations: u64,
    /// Membership status changes recorded (the history).
    pub status_changes: u64,
    /// People created.
    pub people: u64,
    /// Affiliations created (current and former).
    pub affiliations: u64,
    /// Current focal points among them.
    pub focal_points: u64,
    /// Interactions created.
    pub interactions: u64,
    /// Interaction participants (people and organisations).
    pub participants: u64,
    /// Follow-up tasks.
    pub tasks: u64,
    /// Letters created to carry the signatures.
    pub letters: u64,
    /// Signatures created.
    pub signatures: u64,
}

/// How far a long run has got: `phase` (`organisations`, `people`, `interactions`,
/// `signatures`), rows done and rows wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is being generated.
    pub phase: &'static str,
    /// Rows written so far.
    pub done: u64,
    /// Rows wanted.
    pub total: u64,
}

/// Rows per transaction.
const BATCH: usize = 10_000;
/// Interactions are smaller: more per transaction.
const INTERACTION_BATCH: usize = 50_000;

/// A small deterministic generator (SplitMix64): no dependency, same stream everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn by weight.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut n = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if n < *w {
                return i;
            }
            n -= w;
        }
        weights.len() - 1
    }
}

/// Days since 2000-01-01 as an ISO date.
fn day(days: i64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
    (base + chrono::Duration::days(days)).format("%Y-%m-%d").to_string()
}

fn days_of(year: i32, month: u32, d: u32) -> i64 {
    let base = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
    (chrono::NaiveDate::from_ymd_opt(year, month, d).expect("valid date") - base).num_days()
}

/// The window synthetic history ends in, fixed so that the same seed gives the same data
/// whatever the day it runs.
fn last_day() -> i64 {
    days_of(2026, 10, 31)
}

/// Rough weights of the 27 countries (bigger countries have more organisations and people),
/// in the order of `names::LOCALES`.
const COUNTRY_WEIGHTS: [u32; 27] = [3, 4, 2, 2, 1, 3, 3, 1, 3, 9, 10, 3, 3, 2, 8, 1, 2, 1, 1, 5, 6, 3, 4, 2, 1, 7, 4];

fn locale_index(rng: &mut Rng, n: u64) -> usize {
    // The first 27 cover every country once; the rest follow the weights.
    if n < names::LOCALES.len() as u64 {
        n as usize
    } else {
        rng.weighted(&COUNTRY_WEIGHTS)
    }
}

fn locale_of(code: &str) -> Option<&'static names::Locale> {
    names::LOCALES.iter().find(|l| l.code == code)
}

/// Letters and digits of a folded text, for e-mail local parts and domains.
fn slug(text: &str, sep: &str) -> String {
    // Greek and Cyrillic are kept by `fold`; addresses transliterate them.
    deunicode::deunicode(&fold(text))
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

fn acronym(name: &str) -> Option<String> {
    let letters: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (2..=6).contains(&letters.chars().count()).then_some(letters)
}

// ---------------------------------------------------------------------------------------
// Organisations

/// One generated organisation.
#[derive(Debug, Clone)]
pub(crate) struct OrgRecord {
    pub name: String,
    pub short_name: Option<String>,
    pub org_type: &'static str,
    pub country: &'static str,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub tier: &'static str,
    /// (from, to, effective_on), oldest first; the last `to` is the status now.
    pub history: Vec<(Option<&'static str>, &'static str, String)>,
    pub joined_on: Option<String>,
    pub left_on: Option<String>,
}

const ORG_TYPES: [(&str, u32); 9] = [
    ("ngo", 50),
    ("network", 10),
    ("hotline", 10),
    ("survivor_network", 5),
    ("foundation", 10),
    ("research", 7),
    ("company", 3),
    ("public_body", 3),
    ("other", 2),
];
const TIERS: [(&str, u32); 4] = [("full", 50), ("associate", 25), ("observer", 15), ("supporter", 10)];

fn phone(rng: &mut Rng, dial: &str) -> String {
    format!("{dial} {} {:03} {:04}", 10 + rng.below(90), rng.below(1000), rng.below(10_000))
}

fn org_name(rng: &mut Rng, locale: &names::Locale, taken: &mut HashSet<String>) -> String {
    for attempt in 0..12 {
        let pattern = if rng.chance(20) { *rng.pick(names::ENGLISH_PATTERNS) } else { *rng.pick(locale.patterns) };
        let city = *rng.pick(locale.cities);
        let family = *rng.pick(locale.family);
        let mut name = pattern.replace("{c}", city).replace("{f}", family);
        if attempt >= 4 {
            // Branches of big networks carry a district or a number, as real ones do.
            name = format!("{name} {}", 2 + rng.below(40 + attempt * 50));
        }
        let name = tidy(&name);
        if taken.insert(fold(&name)) {
            return name;
        }
    }
    let mut n = 2;
    let base = tidy(&locale.patterns[0].replace("{c}", locale.cities[0]).replace("{f}", locale.family[0]));
    loop {
        let name = format!("{base} {}", 1000 + n);
        if taken.insert(fold(&name)) {
            return name;
        }
        n += 1;
    }
}

fn membership_history(rng: &mut Rng) -> (Vec<(Option<&'static str>, &'static str, String)>, Option<String>, Option<String>) {
    let end = last_day();
    let mut date = days_of(2008, 1, 1) + rng.below((days_of(2025, 6, 30) - days_of(2008, 1, 1)) as usize) as i64;
    let mut path: Vec<&'static str> = Vec::new();
    let roll = rng.below(100);
    if roll < 8 {
        path.push("prospect");
    } else if roll < 13 {
        path.extend(["prospect", "applied"]);
    } else {
        if rng.chance(50) {
            path.push("prospect");
        }
        path.extend(["applied", "active"]);
        let after = rng.below(100);
        if after < 12 {
            path.push("suspended");
            if rng.chance(50) {
                path.push("active");
            }
        } else if after < 24 {
            path.push("lapsed");
        } else if after < 34 {
            path.push("withdrawn");
            if rng.chance(20) {
                path.push("active");
            }
        }
    }
    let mut history = Vec::new();
    let mut joined = None;
    let mut left = None;
    let mut from: Option<&'static str> = None;
    for (i, status) in path.into_iter().enumerate() {
        if i > 0 {
            date += 20 + rng.below(900) as i64;
            if date > end {
                break;
            }
        }
        let on = day(date);
        match status {
            "active" => {
                joined.get_or_insert_with(|| on.clone());
                left = None;
            }
            "lapsed" | "withdrawn" => left = Some(on.clone()),
            _ => {}
        }
        history.push((from, status, on));
        from = Some(status);
    }
    (history, joined, left)
}

fn organisation(rng: &mut Rng, n: u64, taken: &mut HashSet<String>) -> OrgRecord {
    let locale = &names::LOCALES[locale_index(rng, n)];
    let name = org_name(rng, locale, taken);
    let short_name = if rng.chance(40) { acronym(&name) } else { None };
    let domain_base = match &short_name {
        Some(s) => slug(s, ""),
        None => slug(&name, "-").chars().take(40).collect::<String>().trim_end_matches('-').to_string(),
    };
    let domain_base = if domain_base.len() < 2 { format!("org{n}") } else { domain_base };
    let domain = format!("{domain_base}.{}", locale.tld);
    let org_type = ORG_TYPES[rng.weighted(&ORG_TYPES.map(|t| t.1))].0;
    let tier = TIERS[rng.weighted(&TIERS.map(|t| t.1))].0;
    let (history, joined_on, left_on) = membership_history(rng);
    OrgRecord {
        name,
        short_name,
        org_type,
        country: locale.code,
        website: rng.chance(90).then(|| format!("https://www.{domain}")),
        email: rng.chance(80).then(|| format!("{}@{domain}", rng.pick(&["info", "contact", "office", "hello"]))),
        phone: rng.chance(60).then(|| phone(rng, locale.dial)),
        tier,
        history,
        joined_on,
        left_on,
    }
}

fn write_organisations(conn: &Connection, records: &[OrgRecord], report: &mut SynthReport) -> Result<()> {
    let mut org = conn.prepare_cached(
        "INSERT INTO organisations (id, name, name_key, short_name, short_name_key, org_type, country, website, email, phone, notes, archived, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, 0, ?11, ?11)",
    )?;
    let mut membership = conn.prepare_cached(
        "INSERT INTO memberships (organisation_id, tier, status, joined_on, left_on, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut change = conn.prepare_cached(
        "INSERT INTO membership_status_changes (id, organisation_id, from_status, to_status, effective_on, note, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let stamp = now();
    for r in records {
        let id = new_id();
        org.execute(params![
            id,
            r.name,
            fold(&r.name),
            r.short_name,
            r.short_name.as_deref().map(fold),
            r.org_type,
            r.country,
            r.website,
            r.email,
            r.phone,
            stamp
        ])?;
        let status = r.history.last().map(|h| h.1).unwrap_or("prospect");
        membership.execute(params![id, r.tier, status, r.joined_on, r.left_on, stamp])?;
        for (i, (from, to, on)) in r.history.iter().enumerate() {
            let note = if i == 0 { Some("Membership recorded") } else { None };
            change.execute(params![new_id(), id, from, to, on, note, stamp])?;
        }
        report.organisations += 1;
        report.status_changes += r.history.len() as u64;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// People

/// An organisation people can be affiliated to.
#[derive(Debug, Clone)]
pub(crate) struct OrgRef {
    pub id: String,
    pub name: String,
    pub country: String,
    pub domain: Option<String>,
}

/// One generated person.
#[derive(Debug, Clone)]
pub(crate) struct PersonRecord {
    pub given_name: String,
    pub family_name: String,
    pub country: &'static str,
    pub languages: Vec<&'static str>,
    pub email: String,
    pub phone: Option<String>,
    /// Index into the organisations pool, job title, start, focal point.
    pub current: Option<(usize, &'static str, String, bool)>,
    /// A former affiliation: pool index, job title, start, end.
    pub former: Option<(usize, &'static str, String, String)>,
}

/// Generates people against a pool of organisations.
pub(crate) struct PeopleGenerator<'a> {
    rng: Rng,
    pool: &'a [OrgRef],
    by_country: HashMap<&'a str, Vec<usize>>,
    has_focal: HashSet<usize>,
    emails: HashSet<String>,
    count: u64,
}

impl<'a> PeopleGenerator<'a> {
    pub fn new(seed: u64, pool: &'a [OrgRef], taken_emails: HashSet<String>, has_focal: HashSet<usize>) -> Self {
        let mut by_country: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, org) in pool.iter().enumerate() {
            by_country.entry(org.country.as_str()).or_default().push(i);
        }
        PeopleGenerator { rng: Rng::new(seed ^ 0x5EED_0F_9E09_1E), pool, by_country, has_focal, emails: taken_emails, count: 0 }
    }

    fn org_for(&mut self, country: &str) -> Option<usize> {
        if self.pool.is_empty() {
            return None;
        }
        match self.by_country.get(country) {
            Some(list) if self.rng.chance(85) => Some(list[self.rng.below(list.len())]),
            _ => Some(self.rng.below(self.pool.len())),
        }
    }

    pub fn next(&mut self) -> PersonRecord {
        let rng = &mut self.rng;
        let locale = &names::LOCALES[locale_index(rng, self.count)];
        self.count += 1;
        let given = *rng.pick(locale.given);
        // Some people carry two given names or a double family name.
        let given_name = if rng.chance(6) { format!("{given}-{}", rng.pick(locale.given)) } else { given.to_string() };
        let family = *rng.pick(locale.family);
        let family_name = if rng.chance(5) && !family.contains(' ') {
            format!("{family}-{}", rng.pick(locale.family))
        } else {
            family.to_string()
        };
        let mut languages = vec![locale.language];
        if locale.language != "en" && rng.chance(65) {
            languages.push("en");
        }
        if rng.chance(20) {
            let other = rng.pick(&["fr", "de", "es", "it", "nl"]);
            if !languages.contains(other) {
                languages.push(other);
            }
        }
        let affiliated = rng.chance(85);
        let phone = rng.chance(50).then(|| phone(rng, locale.dial));
        let current = if affiliated {
            self.org_for(locale.code).map(|org| {
                let rng = &mut self.rng;
                let start = day(days_of(2008, 1, 1) + rng.below((days_of(2026, 6, 30) - days_of(2008, 1, 1)) as usize) as i64);
                let focal = self.has_focal.insert(org);
                (org, *rng.pick(names::JOB_TITLES), start, focal)
            })
        } else {
            None
        };
        let former = match &current {
            Some((_, _, start, _)) if self.rng.chance(15) => {
                let end = start.clone();
                let end_days = chrono::NaiveDate::parse_from_str(&end, "%Y-%m-%d").expect("own date")
                    - chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid");
                let ends = end_days.num_days() - 1;
                let starts = ends - 200 - self.rng.below(2500) as i64;
                self.org_for(locale.code)
                    .map(|org| (org, *self.rng.pick(names::JOB_TITLES), day(starts), day(ends)))
            }
            _ => None,
        };
        let local = format!("{}.{}", slug(&given_name, "-"), slug(&family_name, "-"));
        let local = if local.len() < 3 { format!("contact{}", self.count) } else { local };
        let domain = match &current {
            Some((org, ..)) => self.pool[*org].domain.clone(),
            None => None,
        }
        .unwrap_or_else(|| format!("{}.{}", self.rng.pick(&["mail", "post", "inbox", "web"]), locale.tld));
        let mut email = format!("{local}@{domain}");
        let mut n = 2;
        while !self.emails.insert(email.clone()) {
            email = format!("{local}{n}@{domain}");
            n += 1;
        }
        PersonRecord { given_name, family_name, country: locale.code, languages, email, phone, current, former }
    }
}

/// The people pool's e-mail keys and the organisations that already have a focal point.
fn people_context(conn: &Connection, pool: &[OrgRef]) -> Result<(HashSet<String>, HashSet<usize>)> {
    let mut stmt = conn.prepare("SELECT email_key FROM person_emails")?;
    let emails = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
    let index: HashMap<&str, usize> = pool.iter().enumerate().map(|(i, o)| (o.id.as_str(), i)).collect();
    let mut stmt = conn.prepare("SELECT DISTINCT organisation_id FROM affiliations WHERE focal_point = 1 AND ends_on IS NULL")?;
    let focal = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(|id| id.ok().and_then(|id| index.get(id.as_str()).copied()))
        .collect();
    Ok((emails, focal))
}

/// Every organisation not archived, in the order they were written.
fn organisation_pool(conn: &Connection) -> Result<Vec<OrgRef>> {
    let mut stmt = conn.prepare("SELECT id, name, country, website FROM organisations WHERE archived = 0 ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        let website: Option<String> = r.get(3)?;
        Ok(OrgRef {
            id: r.get(0)?,
            name: r.get(1)?,
            country: r.get(2)?,
            domain: website.map(|w| w.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.").to_string()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn write_people(conn: &Connection, records: &[PersonRecord], pool: &[OrgRef], report: &mut SynthReport) -> Result<()> {
    let mut person = conn.prepare_cached(
        "INSERT INTO people (id, given_name, family_name, display_name, honorific, family_key, name_key, country, notes, archived, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, NULL, 0, ?8, ?8)",
    )?;
    let mut language = conn.prepare_cached("INSERT OR IGNORE INTO person_languages (person_id, language) VALUES (?1, ?2)")?;
    let mut email = conn.prepare_cached(
        "INSERT INTO person_emails (id, person_id, label, email, email_key, position) VALUES (?1, ?2, 'work', ?3, ?4, 0)",
    )?;
    let mut phone = conn.prepare_cached(
        "INSERT INTO person_phones (id, person_id, label, phone, position) VALUES (?1, ?2, 'work', ?3, 0)",
    )?;
    let mut affiliation = conn.prepare_cached(
        "INSERT INTO affiliations (id, person_id, organisation_id, job_title, starts_on, ends_on, focal_point, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?;
    let stamp = now();
    for r in records {
        let id = new_id();
        let display = tidy(&format!("{} {}", r.given_name, r.family_name));
        person.execute(params![
            id,
            r.given_name,
            r.family_name,
            display,
            crate::people::rules::family_key(&r.given_name, &r.family_name),
            crate::people::rules::name_key(&r.given_name, &r.family_name),
            r.country,
            stamp
        ])?;
        for code in &r.languages {
            language.execute(params![id, code])?;
        }
        email.execute(params![new_id(), id, r.email, r.email.to_lowercase()])?;
        if let Some(p) = &r.phone {
            phone.execute(params![new_id(), id, p])?;
        }
        if let Some((org, title, start, end)) = &r.former {
            affiliation.execute(params![new_id(), id, pool[*org].id, title, start, end, false, stamp])?;
            report.affiliations += 1;
        }
        if let Some((org, title, start, focal)) = &r.current {
            affiliation.execute(params![new_id(), id, pool[*org].id, title, start, Option::<String>::None, focal, stamp])?;
            report.affiliations += 1;
            report.focal_points += u64::from(*focal);
        }
        report.people += 1;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Interactions

const KINDS: [(&str, u32); 5] = [("meeting", 30), ("call", 20), ("email", 35), ("letter", 10), ("hearing", 5)];

fn write_interactions(
    conn: &Connection,
    rng: &mut Rng,
    count: usize,
    people: &[String],
    orgs: &[OrgRef],
    report: &mut SynthReport,
) -> Result<()> {
    let mut interaction = conn.prepare_cached(
        "INSERT INTO interactions (id, kind, occurred_on, subject, outcome, dossier_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?6)",
    )?;
    let mut participant = conn.prepare_cached(
        "INSERT OR IGNORE INTO interaction_participants (interaction_id, person_id, organisation_id) VALUES (?1, ?2, ?3)",
    )?;
    let mut task = conn.prepare_cached(
        "INSERT INTO tasks (id, interaction_id, title, owner_person_id, due_on, done, done_on, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, ?8)",
    )?;
    let stamp = now();
    let first = days_of(2015, 1, 1);
    let span = (last_day() - first) as usize;
    for _ in 0..count {
        let id = new_id();
        let kind = KINDS[rng.weighted(&KINDS.map(|k| k.1))].0;
        let occurred = first + rng.below(span) as i64;
        let topic = rng.pick(names::TOPICS);
        let subject = match kind {
            "meeting" => format!("Meeting on {topic}"),
            "call" => format!("Call about {topic}"),
            "email" => format!("Email exchange on {topic}"),
            "letter" => format!("Letter on {topic}"),
            _ => format!("Hearing: {topic}"),
        };
        let outcome = rng.chance(55).then(|| *rng.pick(names::OUTCOMES));
        interaction.execute(params![id, kind, day(occurred), subject, outcome, stamp])?;
        let mut first_person = None;
        if !people.is_empty() {
            for _ in 0..1 + rng.below(3) {
                let who = &people[rng.below(people.len())];
                first_person.get_or_insert(who);
                report.participants += participant.execute(params![id, who, Option::<String>::None])? as u64;
            }
        }
        if !orgs.is_empty() && (people.is_empty() || rng.chance(45)) {
            for _ in 0..1 + rng.below(2) {
                let org = &orgs[rng.below(orgs.len())].id;
                report.participants += participant.execute(params![id, Option::<String>::None, org])? as u64;
            }
        }
        if rng.chance(6) {
            let due = occurred + 7 + rng.below(30) as i64;
            let done = due < days_of(2026, 9, 1) && rng.chance(90);
            let done_on = done.then(|| day(due - rng.below(5) as i64));
            task.execute(params![new_id(), id, rng.pick(names::TASKS), first_person, day(due), done, done_on, stamp])?;
            report.tasks += 1;
        }
        report.interactions += 1;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Letters and signatures

fn write_signatures(conn: &Connection, rng: &mut Rng, count: usize, orgs: &[OrgRef], seed: u64, report: &mut SynthReport) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    if orgs.is_empty() {
        return Err(CoreError::invalid("signatures", "signatures need organisations: add --orgs"));
    }
    let letters = 5.max(count.div_ceil(orgs.len()));
    let stamp = now();
    let mut insert_letter = conn.prepare_cached(
        "INSERT INTO letters (id, reference, title, kind, target, status, deadline, published_on, languages, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '[\"en\"]', ?9, ?9)",
    )?;
    let mut insert_signature = conn.prepare_cached(
        "INSERT INTO signatures (id, letter_id, organisation_id, state, invited_on, signed_on, declined_on, withdrawn_on, withdrawal_reason,
                                 channel, publish_organisation, publish_signer, signer_name, signer_title, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
    )?;
    let mut exists = conn.prepare_cached("SELECT count(*) FROM letters WHERE reference = ?1")?;
    let titles = [
        ("open_letter", "Open letter: protect children online, keep detection lawful"),
        ("joint_statement", "Joint statement ahead of the trilogue on the CSA Regulation"),
        ("position_paper", "Coalition position on the EU Centre"),
        ("petition", "Petition: no gap in protection when the interim rules expire"),
        ("consultation_response", "Response to the consultation on the interim derogation"),
    ];
    let mut remaining = count;
    let mut number = 1u32;
    for l in 0..letters {
        let mut reference = format!("synth-{seed}-{number}");
        while exists.query_row([&reference], |r| r.get::<_, i64>(0))? > 0 {
            number += 1;
            reference = format!("synth-{seed}-{number}");
        }
        number += 1;
        let letter_id = new_id();
        let (kind, title) = titles[l % titles.len()];
        let sent = days_of(2020, 1, 1) + rng.below(2200) as i64;
        let status = if l == 0 { "collecting" } else { *rng.pick(&["published", "closed", "collecting"]) };
        let published = (status != "collecting").then(|| day(sent + 40));
        insert_letter.execute(params![
            letter_id,
            reference,
            format!("{title} ({})", l + 1),
            kind,
            "Members of the European Parliament",
            status,
            day(sent + 30),
            published,
            stamp
        ])?;
        report.letters += 1;
        let here = remaining.div_ceil(letters - l).min(orgs.len());
        // Distinct organisations per letter: a partial shuffle of the pool.
        let mut order: Vec<usize> = (0..orgs.len()).collect();
        for i in 0..here {
            let j = i + rng.below(orgs.len() - i);
            order.swap(i, j);
            let org = &orgs[order[i]];
            let state = *rng.pick(&["signed", "signed", "signed", "signed", "signed", "signed", "invited", "invited", "declined", "withdrawn"]);
            let invited = day(sent + rng.below(10) as i64);
            let signed = matches!(state, "signed" | "withdrawn").then(|| day(sent + 10 + rng.below(20) as i64));
            let declined = (state == "declined").then(|| day(sent + 12 + rng.below(15) as i64));
            let withdrawn = (state == "withdrawn").then(|| day(sent + 35 + rng.below(15) as i64));
            let reason = (state == "withdrawn").then_some("Board decided not to sign");
            let locale = locale_of(&org.country).unwrap_or(&names::LOCALES[0]);
            let signer = signed.is_some().then(|| format!("{} {}", rng.pick(locale.given), rng.pick(locale.family)));
            let title = signer.is_some().then(|| *rng.pick(names::JOB_TITLES));
            let consent = signer.is_some() && rng.chance(60);
            insert_signature.execute(params![
                new_id(),
                letter_id,
                org.id,
                state,
                invited,
                signed,
                declined,
                withdrawn,
                reason,
                rng.pick(&["email", "web_form", "phone", "in_person"]),
                !rng.chance(5),
                consent,
                signer,
                title,
                stamp
            ])?;
            report.signatures += 1;
        }
        remaining -= here;
        if remaining == 0 {
            break;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The run

fn audit_batch(conn: &Connection, phase: &str, seed: u64, first: usize, count: usize) -> Result<()> {
    audit::append(conn, "synth", phase, "create", None, Some(&json!({"seed": seed, "first": first, "count": count})))
}

/// Fills the store with synthetic data, in batches of one transaction each. Organisations
/// come first; people are affiliated to the store's organisations (those just written and
/// any already there); interactions involve the store's people and organisations.
pub fn synth(store: &Store, options: &SynthOptions, progress: &mut dyn FnMut(Progress)) -> Result<SynthReport> {
    let mut report = SynthReport::default();
    let seed = options.seed;

    // Organisations.
    let mut rng = Rng::new(seed);
    let mut taken: HashSet<String> = store.read(|conn| {
        let mut stmt = conn.prepare("SELECT name_key FROM organisations")?;
        let keys = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<HashSet<_>>>()?;
        Ok(keys)
    })?;
    let total = u64::from(options.organisations);
    let mut done = 0u64;
    while done < total {
        let size = (total - done).min(BATCH as u64);
        let records: Vec<OrgRecord> = (0..size).map(|i| organisation(&mut rng, done + i, &mut taken)).collect();
        store.write(|conn| {
            write_organisations(conn, &records, &mut report)?;
            audit_batch(conn, "organisations", seed, done as usize, records.len())
        })?;
        done += size;
        progress(Progress { phase: "organisations", done, total });
    }

    // People.
    let pool = store.read(organisation_pool)?;
    let total = u64::from(options.people);
    if total > 0 {
        let (emails, focal) = store.read(|conn| people_context(conn, &pool))?;
        let mut generator = PeopleGenerator::new(seed, &pool, emails, focal);
        let mut done = 0u64;
        while done < total {
            let size = (total - done).min(BATCH as u64);
            let records: Vec<PersonRecord> = (0..size).map(|_| generator.next()).collect();
            store.write(|conn| {
                write_people(conn, &records, &pool, &mut report)?;
                audit_batch(conn, "people", seed, done as usize, records.len())
            })?;
            done += size;
            progress(Progress { phase: "people", done, total });
        }
    }

    // Interactions.
    let total = u64::from(options.interactions);
    if total > 0 {
        let people: Vec<String> = store.read(|conn| {
            let mut stmt = conn.prepare("SELECT id FROM people WHERE archived = 0 ORDER BY rowid")?;
            let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(ids)
        })?;
        if people.is_empty() && pool.is_empty() {
            return Err(CoreError::invalid("interactions", "interactions need people or organisations: add --people or --orgs"));
        }
        let mut rng = Rng::new(seed ^ 0x1A7E_4AC7_10A5);
        let mut done = 0u64;
        while done < total {
            let size = (total - done).min(INTERACTION_BATCH as u64);
            store.write(|conn| {
                write_interactions(conn, &mut rng, size as usize, &people, &pool, &mut report)?;
                audit_batch(conn, "interactions", seed, done as usize, size as usize)
            })?;
            done += size;
            progress(Progress { phase: "interactions", done, total });
        }
    }

    // Signatures.
    if options.signatures > 0 {
        let mut rng = Rng::new(seed ^ 0x516A_7E5);
        let count = options.signatures as usize;
        store.write(|conn| {
            write_signatures(conn, &mut rng, count, &pool, seed, &mut report)?;
            audit_batch(conn, "signatures", seed, 0, count)
        })?;
        progress(Progress { phase: "signatures", done: report.signatures, total: u64::from(options.signatures) });
    }
    Ok(report)
}

/// A people CSV of `count` synthetic rows (the people import's columns), affiliated to the
/// store's organisations: the benchmark's import file. Deterministic for a seed and a store.
pub fn people_csv(store: &Store, count: u32, seed: u64) -> Result<Vec<u8>> {
    let pool = store.read(organisation_pool)?;
    let (emails, focal) = store.read(|conn| people_context(conn, &pool))?;
    let mut generator = PeopleGenerator::new(seed, &pool, emails, focal);
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(count as usize * 120));
    let header = ["given_name", "family_name", "email", "phone", "country", "languages", "organisation", "job_title", "focal_point"];
    let csv_error = |e: csv::Error| CoreError::BadFile(format!("cannot write CSV: {e}"));
    writer.write_record(header).map_err(csv_error)?;
    for _ in 0..count {
        let r = generator.next();
        let (org, title, focal) = match &r.current {
            Some((org, title, _, focal)) => (pool[*org].name.as_str(), *title, if *focal { "yes" } else { "no" }),
            None => ("", "", ""),
        };
        writer
            .write_record([
                r.given_name.as_str(),
                r.family_name.as_str(),
                r.email.as_str(),
                r.phone.as_deref().unwrap_or(""),
                r.country,
                &r.languages.join(";"),
                org,
                title,
                focal,
            ])
            .map_err(csv_error)?;
    }
    writer.into_inner().map_err(|e| CoreError::BadFile(format!("cannot write CSV: {e}")))
}
