//! Reading the Parliament's MEP list: `<meps><mep>` with `fullName`, `country`,
//! `politicalGroup`, `id` and `nationalPoliticalGroup`, in any order; other elements ignored.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::model::{GroupCode, MepRecord};
use crate::countries;
use crate::error::{CoreError, Result};
use crate::text::tidy;

#[derive(Default)]
struct Draft {
    full_name: Option<String>,
    country: Option<String>,
    group: Option<String>,
    id: Option<String>,
    party: Option<String>,
}

/// Where a MEP is, for messages: `MEP 3 (id 12345)` or `MEP 3`.
fn position(n: usize, id: Option<&str>) -> String {
    match id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => format!("MEP {n} (id {id})"),
        None => format!("MEP {n}"),
    }
}

fn bad(message: impl Into<String>) -> CoreError {
    CoreError::BadFile(message.into())
}

/// Parses the list. Every MEP needs an id, a name, a country and a group; a missing one, an
/// unknown country or group, a repeated id, or malformed XML refuses the whole file with a
/// message naming the MEP's position in the file (and its id when known).
pub fn parse_meps(bytes: &[u8]) -> Result<Vec<MepRecord>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| bad(format!("the MEP list is not UTF-8 text: {e}")))?;
    let mut reader = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut saw_root = false;
    let mut draft: Option<Draft> = None;
    let mut count = 0usize;
    let mut text_buf = String::new();
    let mut records: Vec<MepRecord> = Vec::new();
    let mut seen: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    loop {
        let event = reader.read_event().map_err(|e| {
            let where_ = if draft.is_some() { format!(" in {}", position(count, draft.as_ref().and_then(|d| d.id.as_deref()))) } else { String::new() };
            bad(format!("the MEP list is not well-formed XML{where_} (at byte {}): {e}", reader.error_position()))
        })?;
        match event {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_string();
                if path.is_empty() {
                    if name != "meps" {
                        return Err(bad(format!("this is not the Parliament's MEP list: the root element is <{name}>, not <meps>")));
                    }
                    saw_root = true;
                } else if path.len() == 1 && name == "mep" {
                    count += 1;
                    draft = Some(Draft::default());
                }
                path.push(name);
                text_buf.clear();
            }
            Event::Empty(start) => {
                let name = start.local_name().as_ref().to_string();
                if path.is_empty() && name == "meps" {
                    saw_root = true;
                } else if path.len() == 1 && name == "mep" {
                    count += 1;
                    return Err(bad(format!("{}: the MEP has no id", position(count, None))));
                }
            }
            Event::Text(t) => text_buf.push_str(&t.html_content()),
            Event::CData(t) => text_buf.push_str(&t.html_content()),
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| bad(format!("{}: {e}", position(count, None))))? {
                    text_buf.push(c);
                } else {
                    let name = r.into_inner();
                    match quick_xml::escape::resolve_xml_entity(&name) {
                        Some(value) => text_buf.push_str(value),
                        None => {
                            return Err(bad(format!(
                                "{}: unknown entity &{name}; in the MEP list",
                                position(count, draft.as_ref().and_then(|d| d.id.as_deref()))
                            )))
                        }
                    }
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                if path.len() == 2 && path[1] == "mep" {
                    if let Some(d) = draft.as_mut() {
                        let value = Some(tidy(&text_buf));
                        match name.as_str() {
                            "fullName" => d.full_name = value,
                            "country" => d.country = value,
                            "politicalGroup" => d.group = value,
                            "id" => d.id = value,
                            "nationalPoliticalGroup" => d.party = value,
                            _ => {}
                        }
                    }
                } else if path.len() == 1 && name == "mep" {
                    if let Some(d) = draft.take() {
                        let record = finish(count, d)?;
                        if let Some(first) = seen.insert(record.ep_id, count) {
                            return Err(bad(format!(
                                "{}: the id appears twice in the list (also MEP {first})",
                                position(count, Some(&record.ep_id.to_string()))
                            )));
                        }
                        records.push(record);
                    }
                }
                text_buf.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(bad("this is not the Parliament's MEP list: there is no <meps> element"));
    }
    if !path.is_empty() {
        let inside = path.last().cloned().unwrap_or_default();
        return Err(bad(match &draft {
            Some(d) => format!("{}: the MEP list ends early, inside <{inside}>", position(count, d.id.as_deref())),
            None => format!("the MEP list ends early, inside <{inside}>"),
        }));
    }
    Ok(records)
}

fn finish(n: usize, d: Draft) -> Result<MepRecord> {
    let nonempty = |v: Option<String>| v.filter(|s| !s.is_empty());
    let id_text = nonempty(d.id).ok_or_else(|| bad(format!("{}: the MEP has no id", position(n, None))))?;
    let at = position(n, Some(&id_text));
    let ep_id: i64 = id_text
        .parse()
        .ok()
        .filter(|id: &i64| *id > 0)
        .ok_or_else(|| bad(format!("{at}: id \"{id_text}\" is not a number")))?;
    let full_name = nonempty(d.full_name).ok_or_else(|| bad(format!("{at}: the MEP has no fullName")))?;
    let country_name = nonempty(d.country).ok_or_else(|| bad(format!("{at}: the MEP has no country")))?;
    let country = countries::resolve(&country_name).map_err(|e| bad(format!("{at}: country: {e}")))?.to_string();
    let group_name = nonempty(d.group).ok_or_else(|| bad(format!("{at}: the MEP has no politicalGroup")))?;
    let group = GroupCode::parse(&group_name).map_err(|e| bad(format!("{at}: politicalGroup: {e}")))?;
    Ok(MepRecord { ep_id, full_name, country, group, national_party: nonempty(d.party) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_name_of_the_parliament_is_known() {
        for group in GroupCode::ALL {
            assert_eq!(GroupCode::parse(group.full_name()).unwrap(), *group);
            assert_eq!(GroupCode::parse(group.as_str()).unwrap(), *group);
        }
        assert!(GroupCode::parse("Identity and Democracy Group").unwrap_err().contains("unknown political group"));
    }
}
