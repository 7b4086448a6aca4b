//! The subject-access export as a readable A4 PDF: the title and date, one section per
//! category with a heading and a rule, each record as a bold first line and its fields as
//! label/value lines (values wrapped beside their label), and "Page N of M" on every page.
//! It reuses the letters' embedded DejaVu fonts (accents and other scripts), metrics and wrapping.

use krilla::color::luma;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use serde_json::Value;

use super::model::*;
use crate::error::{CoreError, Result};
use crate::letters::publish::pdf::{
    draw_page_number, wrap_within, Metrics, BODY_W, BOLD, BOTTOM, MARGIN_X, PAGE_H, PAGE_W, REGULAR, TOP,
};

const SIZE: f32 = 10.0;
const LEADING: f32 = 13.5;
const LABEL_W: f32 = 130.0;
const INDENT: f32 = 10.0;

struct Placed {
    x: f32,
    baseline: f32,
    bold: bool,
    size: f32,
    text: String,
}

#[derive(Default)]
struct Page {
    texts: Vec<Placed>,
    rules: Vec<f32>,
}

struct Sheet<'m> {
    regular: &'m Metrics,
    bold: &'m Metrics,
    pages: Vec<Page>,
    y: f32,
}

impl Sheet<'_> {
    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP + 1.0 {
            self.pages.push(Page::default());
            self.y = TOP;
        }
    }

    fn lines(&mut self, x: f32, width: f32, text: &str, bold: bool, size: f32, leading: f32) {
        let metrics = if bold { self.bold } else { self.regular };
        for paragraph in text.lines() {
            for line in wrap_within(paragraph, size, width, width, metrics) {
                self.room(leading);
                let baseline = self.y + size;
                self.page().texts.push(Placed { x, baseline, bold, size, text: line });
                self.y += leading;
            }
        }
    }

    fn title(&mut self, text: &str) {
        self.lines(MARGIN_X, BODY_W, text, true, 18.0, 23.0);
    }

    fn heading(&mut self, text: &str) {
        // keep the heading with at least two lines of what follows
        self.room(18.0 + 10.0 + 3.0 * LEADING);
        if self.y > TOP + 1.0 {
            self.y += 10.0;
        }
        self.lines(MARGIN_X, BODY_W, text, true, 12.5, 16.0);
        let y = self.y + 1.0;
        self.page().rules.push(y);
        self.y += 5.0;
    }

    /// A record's first line, in bold.
    fn item(&mut self, text: &str) {
        self.room(2.0 * LEADING);
        self.y += 3.0;
        self.lines(MARGIN_X, BODY_W, text, true, SIZE, LEADING);
    }

    fn plain(&mut self, text: &str) {
        self.lines(MARGIN_X, BODY_W, text, false, SIZE, LEADING);
    }

    /// A label and its value beside it (wrapped within the value's column); nothing for an
    /// empty value.
    fn field(&mut self, label: &str, value: Option<&str>) {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return };
        let x = MARGIN_X + INDENT;
        let value_x = x + LABEL_W;
        let width = BODY_W - INDENT - LABEL_W;
        let mut lines: Vec<String> = Vec::new();
        for paragraph in value.lines() {
            lines.extend(wrap_within(paragraph, SIZE, width, width, self.regular));
        }
        let labels = wrap_within(label, SIZE, LABEL_W - 6.0, LABEL_W - 6.0, self.regular);
        let count = lines.len().max(labels.len());
        for n in 0..count {
            self.room(LEADING);
            let baseline = self.y + SIZE;
            if let Some(label) = labels.get(n) {
                self.page().texts.push(Placed { x, baseline, bold: false, size: SIZE, text: label.clone() });
            }
            if let Some(line) = lines.get(n) {
                self.page().texts.push(Placed { x: value_x, baseline, bold: false, size: SIZE, text: line.clone() });
            }
            self.y += LEADING;
        }
    }

    fn none(&mut self) {
        self.lines(MARGIN_X + INDENT, BODY_W - INDENT, "None held.", false, SIZE, LEADING);
    }
}

fn pdf_error(e: impl std::fmt::Debug) -> CoreError {
    CoreError::BadFile(format!("cannot write the subject-access export as PDF: {e:?}"))
}

fn words(code: &str) -> String {
    let spaced = code.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn dates(from: Option<&str>, to: Option<&str>) -> Option<String> {
    match (from, to) {
        (None, None) => None,
        (from, to) => Some(format!("{} – {}", from.unwrap_or("?"), to.unwrap_or("today"))),
    }
}

fn yes(b: bool) -> Option<&'static str> {
    Some(if b { "yes" } else { "no" })
}

fn plain_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// A JSON value of the history, in a line: `family name: Kohiyama; ...`; empty fields and
/// record ids (which mean nothing to a reader) are left out, the JSON file keeps them.
fn changes(value: &Option<Value>) -> Option<String> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::Object(map)) => {
            let parts: Vec<String> = map
                .iter()
                .filter(|(k, v)| !v.is_null() && v.as_str() != Some("") && k.as_str() != "id" && !k.ends_with("_id") && v.as_array().is_none_or(|a| !a.is_empty()))
                .map(|(k, v)| format!("{}: {}", k.replace('_', " "), plain_value(v)))
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Some(other) => Some(other.to_string()),
    }
}

fn layout(sheet: &mut Sheet<'_>, a: &SubjectAccess) {
    let p = &a.person;
    sheet.title(&format!("Subject access export: {}", p.display_name));
    sheet.plain(&format!("Everything this store holds about {}, as of {} UTC.", p.display_name, a.generated_at.get(..16).unwrap_or(&a.generated_at).replace('T', " ")));
    sheet.plain("Other people's names are left out: interactions list the organisations present and a count of other people.");

    sheet.heading("Identity");
    sheet.field("Record id", Some(&p.id));
    sheet.field("Display name", Some(&p.display_name));
    sheet.field("Given name", Some(&p.given_name));
    sheet.field("Family name", Some(&p.family_name));
    sheet.field("Honorific", p.honorific.as_deref());
    sheet.field("Country", p.country.as_deref());
    sheet.field("Languages", Some(&p.languages.join(", ")));
    for e in &p.emails {
        sheet.field(&format!("Email ({})", e.label.as_str()), Some(&e.email));
    }
    for ph in &p.phones {
        sheet.field(&format!("Phone ({})", ph.label.as_str()), Some(&ph.phone));
    }
    sheet.field("Notes", p.notes.as_deref());
    sheet.field("Archived", yes(p.archived));
    sheet.field("Recorded since", Some(&p.created_at));
    sheet.field("Last changed", Some(&p.updated_at));

    if let Some(d) = &a.data_protection {
        sheet.heading("Data protection");
        sheet.field("Lawful basis", d.lawful_basis.as_deref().map(words).as_deref());
        sheet.field("Source of the data", d.source.as_deref());
        sheet.field("Consent given on", d.consent_date.as_deref());
        sheet.field("Sensitive", yes(d.sensitive));
        sheet.field("Why sensitive", d.sensitive_reason.as_deref());
    }

    sheet.heading("Affiliations");
    if a.affiliations.is_empty() {
        sheet.none();
    }
    for x in &a.affiliations {
        sheet.item(&x.organisation);
        sheet.field("Job title", x.job_title.as_deref());
        sheet.field("Dates", dates(x.starts_on.as_deref(), x.ends_on.as_deref()).as_deref());
        sheet.field("Focal point", yes(x.focal_point));
    }

    sheet.heading("Seats");
    if a.seat_terms.is_empty() {
        sheet.none();
    }
    for t in &a.seat_terms {
        sheet.item(&format!("{} — {}", t.body, words(&t.role)));
        sheet.field("With organisation", t.organisation.as_deref());
        sheet.field("Dates", dates(Some(&t.starts_on), t.ends_on.as_deref()).as_deref());
    }

    if let Some(pm) = &a.policy_maker {
        sheet.heading("Office");
        sheet.field("Office", Some(&words(&pm.office)));
        sheet.field("Institution", pm.institution.as_deref());
        sheet.field("Position", pm.position_title.as_deref());
        sheet.field("EP id", pm.ep_id.map(|i| i.to_string()).as_deref());
        sheet.field("Official name", pm.official_name.as_deref());
        sheet.field("Political group", pm.group_code.as_deref());
        sheet.field("National party", pm.national_party.as_deref());
        sheet.field("MEP status", pm.mep_status.as_deref());
        for c in &pm.committees {
            let when = dates(c.starts_on.as_deref(), c.ends_on.as_deref()).map(|d| format!(", {d}")).unwrap_or_default();
            sheet.field("Committee", Some(&format!("{} ({}), {}{when}", c.code, c.name, words(&c.role).to_lowercase())));
        }
        for r in &pm.dossier_roles {
            sheet.field("Dossier role", Some(&format!("{} {}: {}", r.dossier, r.title, words(&r.role).to_lowercase())));
        }
    }

    sheet.heading("Stances recorded");
    if a.stances.is_empty() {
        sheet.none();
    }
    for s in &a.stances {
        sheet.item(&format!("{} — {} ({})", s.dossier, words(&s.level), s.stated_on));
        sheet.field("Evidence", Some(&words(&s.evidence)));
        sheet.field("Source", s.source.as_deref());
        sheet.field("Recorded by", Some(&format!("{}, {}", s.recorded_by, s.recorded_at)));
    }

    sheet.heading("Votes");
    if a.votes.is_empty() {
        sheet.none();
    }
    for v in &a.votes {
        sheet.field(&format!("{} {}", v.voted_on, v.dossier), Some(&format!("{}: {}", v.title, words(&v.position).to_lowercase())));
    }

    sheet.heading("Interactions");
    if a.interactions.is_empty() {
        sheet.none();
    }
    for i in &a.interactions {
        sheet.item(&format!("{} — {}: {}", i.occurred_on, words(&i.kind), i.subject));
        sheet.field("Outcome", i.outcome.as_deref());
        sheet.field("Organisations", Some(&i.organisations.join(", ")));
        sheet.field("Other people", Some(&i.other_people.to_string()));
    }

    sheet.heading("Tasks");
    if a.tasks.is_empty() {
        sheet.none();
    }
    for t in &a.tasks {
        sheet.item(&t.title);
        sheet.field("Relation", Some(if t.relation == "assigned" { "assigned to them" } else { "from an interaction of theirs" }));
        sheet.field("Due", t.due_on.as_deref());
        sheet.field("Done", Some(&match (&t.done, &t.done_on) {
            (true, Some(on)) => format!("yes, {on}"),
            (true, None) => "yes".into(),
            _ => "no".into(),
        }));
        sheet.field("Notes", t.notes.as_deref());
    }

    sheet.heading("Signatures");
    if a.signatures.is_empty() {
        sheet.none();
    }
    for s in &a.signatures {
        sheet.item(&s.letter);
        sheet.field("For", Some(&s.organisation));
        sheet.field("Name as recorded", s.signer_name.as_deref());
        sheet.field("Title as recorded", s.signer_title.as_deref());
        sheet.field("State", Some(&words(&s.state)));
        sheet.field("Signed on", s.signed_on.as_deref());
    }

    sheet.heading("Events");
    if a.events.is_empty() && a.speaking.is_empty() {
        sheet.none();
    }
    for e in &a.events {
        sheet.item(&format!("{} ({})", e.event, e.starts_at.replace('T', " ")));
        sheet.field("Role", Some(&words(&e.role)));
        sheet.field("Status", Some(&words(&e.status)));
        sheet.field("Organisation", e.organisation.as_deref());
        sheet.field("Registered", e.registered_at.as_deref());
        sheet.field("Checked in", e.checked_in_at.as_deref());
        sheet.field("Dietary needs", e.dietary_needs.as_deref());
        sheet.field("Access needs", e.access_needs.as_deref());
        sheet.field("Notes", e.notes.as_deref());
    }
    for s in &a.speaking {
        sheet.item(&format!("Speaker: {} — {} ({})", s.event, s.session, s.starts_at.replace('T', " ")));
        sheet.field("Role", Some(&words(&s.role)));
        sheet.field("Confirmation", Some(&words(&s.state)));
    }

    sheet.heading("Lists");
    if a.lists.is_empty() {
        sheet.none();
    }
    for l in &a.lists {
        sheet.field("On the list", Some(l));
    }

    sheet.heading("History of the record");
    if a.history.is_empty() {
        sheet.none();
    }
    for h in &a.history {
        let who = h.actor_initials.as_deref().map(|i| format!(" by {i}")).unwrap_or_default();
        sheet.item(&format!("{} — {} {}{who}", h.at.get(..16).unwrap_or(&h.at).replace('T', " "), words(&h.entity), h.action.replace('_', " ")));
        sheet.field("Before", changes(&h.before).as_deref());
        sheet.field("After", changes(&h.after).as_deref());
    }
}

fn draw_rules(surface: &mut Surface<'_>, rules: &[f32]) {
    for y in rules {
        let mut path = PathBuilder::new();
        path.move_to(MARGIN_X, *y);
        path.line_to(MARGIN_X + BODY_W, *y);
        if let Some(path) = path.finish() {
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke { paint: luma::Color::new(120).into(), width: 0.8, ..Stroke::default() }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
    }
}

pub(super) fn render(access: &SubjectAccess) -> Result<Vec<u8>> {
    let regular_metrics = Metrics::new(REGULAR)?;
    let bold_metrics = Metrics::new(BOLD)?;
    let mut sheet = Sheet { regular: &regular_metrics, bold: &bold_metrics, pages: vec![Page::default()], y: TOP };
    layout(&mut sheet, access);

    let regular = Font::new(REGULAR.into(), 0).ok_or_else(|| pdf_error("the regular font cannot be loaded"))?;
    let bold = Font::new(BOLD.into(), 0).ok_or_else(|| pdf_error("the bold font cannot be loaded"))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("Subject access export: {}", access.person.display_name))
            .language("en".to_string())
            .creator("Coalition Desk".to_string()),
    );
    let total = sheet.pages.len();
    for (index, page_content) in sheet.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| pdf_error("bad page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        draw_rules(&mut surface, &page_content.rules);
        for line in &page_content.texts {
            let font = if line.bold { bold.clone() } else { regular.clone() };
            surface.draw_text(Point::from_xy(line.x, line.baseline), font, line.size, &line.text, false, TextDirection::Auto);
        }
        draw_page_number(&mut surface, &regular, &regular_metrics, index, total);
        surface.finish();
        page.finish();
    }
    document.finish().map_err(pdf_error)
}
