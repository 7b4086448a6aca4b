//! Demo policy-makers from the DOMAIN notes: the two MEPs who spoke at ECLAG's first
//! high-level event (Zarzalejos, EPP, Spain, on LIBE; Vautmans, Renew, Belgium) and Ylva
//! Johansson, European Commissioner for Home Affairs. Loading twice adds nothing.

use rusqlite::{Connection, OptionalExtension};

use super::model::{CommitteeMembershipInput, CommitteeRole, GroupCode, MepRecord, Office, PolicyMakerInput};
use super::{store, sync};
use crate::error::Result;
use crate::people;

/// The MEPs, with the Parliament's ids and spellings from its list.
fn meps() -> [MepRecord; 2] {
    [
        MepRecord {
            ep_id: 197606,
            full_name: "Javier ZARZALEJOS".into(),
            country: "ES".into(),
            group: GroupCode::Epp,
            national_party: Some("Partido Popular".into()),
        },
        MepRecord {
            ep_id: 130100,
            full_name: "Hilde VAUTMANS".into(),
            country: "BE".into(),
            group: GroupCode::Renew,
            national_party: Some("Anders".into()),
        },
    ]
}

/// Adds what is missing; returns how many policy-makers were added.
pub(crate) fn load(conn: &Connection) -> Result<u32> {
    let mut added = 0;
    for mep in meps() {
        let known: Option<String> =
            conn.query_row("SELECT person_id FROM policy_makers WHERE ep_id = ?1", [mep.ep_id], |r| r.get(0)).optional()?;
        if known.is_none() {
            sync::add(conn, &mep)?;
            added += 1;
        }
    }
    // Zarzalejos sits on LIBE, the lead committee on the CSA regulation.
    let zarzalejos: String = conn.query_row("SELECT person_id FROM policy_makers WHERE ep_id = 197606", [], |r| r.get(0))?;
    let on_libe: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM committee_memberships WHERE person_id = ?1 AND committee_code = 'LIBE')",
        [&zarzalejos],
        |r| r.get(0),
    )?;
    if !on_libe {
        let libe = CommitteeMembershipInput { committee_code: "LIBE".into(), role: CommitteeRole::Member, starts_on: Some("2024-07-23".into()) };
        store::add_membership(conn, &zarzalejos, &libe)?;
    }

    let key = people::rules::name_key("Ylva", "Johansson");
    let existing: Option<(String, bool)> = conn
        .query_row(
            "SELECT p.id, pm.person_id IS NOT NULL FROM people p LEFT JOIN policy_makers pm ON pm.person_id = p.id
             WHERE p.name_key = ?1 ORDER BY pm.person_id IS NULL LIMIT 1",
            [&key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let commissioner = PolicyMakerInput {
        given_name: "Ylva".into(),
        family_name: "Johansson".into(),
        display_name: None,
        honorific: None,
        country: Some("SE".into()),
        office: Office::Commission,
        institution: Some("European Commission".into()),
        position_title: Some("European Commissioner for Home Affairs".into()),
        ep_id: None,
        group_code: None,
        national_party: None,
        emails: vec![],
        phones: vec![],
        notes: Some("Presented the proposal for the CSA regulation, 11 May 2022.".into()),
    };
    match existing {
        Some((_, true)) => {}
        Some((id, false)) => {
            store::add_office(conn, &id, &commissioner)?;
            added += 1;
        }
        None => {
            store::insert(conn, &commissioner)?;
            added += 1;
        }
    }
    Ok(added)
}
