//! Demo data from public sources (see the project's DOMAIN notes): the organisations named
//! in public material about ECLAG's work, each with its country, type and membership.
//! Loading it twice adds nothing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::memberships::{self, MembershipStatus as S, MembershipTier as T, NewMembership};
use crate::organisations::{self, OrgType as O, OrganisationInput};
use crate::seats::{self, BodyKind, SeatRole, SeatTermInput};
use crate::text::fold;
use crate::Store;

/// What loading the demo data did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoReport {
    /// Organisations added now.
    pub organisations_added: u32,
    /// Demo organisations that were already there (by name).
    pub organisations_present: u32,
    /// Steering-group seats given now.
    pub seats_added: u32,
    /// People (with their affiliations) added now.
    pub people_added: u32,
    /// Events added now (the 20 March 2023 high-level event).
    pub events_added: u32,
    /// Policy-makers added now (two MEPs and a Commissioner).
    pub policy_makers_added: u32,
}

struct DemoOrganisation {
    name: &'static str,
    short_name: Option<&'static str>,
    org_type: O,
    country: &'static str,
    website: &'static str,
    status: S,
    tier: T,
    joined_on: &'static str,
    notes: Option<&'static str>,
}

const fn org(
    name: &'static str,
    short_name: Option<&'static str>,
    org_type: O,
    country: &'static str,
    website: &'static str,
    status: S,
    tier: T,
    joined_on: &'static str,
) -> DemoOrganisation {
    DemoOrganisation { name, short_name, org_type, country, website, status, tier, joined_on, notes: None }
}

/// The seven steering-group members come first; all are active full members.
const ORGANISATIONS: &[DemoOrganisation] = &[
    org("Brave Movement", None, O::SurvivorNetwork, "US", "www.bravemovement.org", S::Active, T::Full, "2022-04-01"),
    org("ECPAT International", Some("ECPAT"), O::Network, "TH", "www.ecpat.org", S::Active, T::Full, "2022-04-01"),
    org("Eurochild", None, O::Network, "BE", "www.eurochild.org", S::Active, T::Full, "2022-04-01"),
    org("Missing Children Europe", Some("MCE"), O::Network, "BE", "missingchildreneurope.eu", S::Active, T::Full, "2022-04-01"),
    org("Internet Watch Foundation", Some("IWF"), O::Hotline, "GB", "www.iwf.org.uk", S::Active, T::Full, "2022-04-01"),
    org("Terre des Hommes", Some("TdH"), O::Ngo, "NL", "www.terredeshommes.nl", S::Active, T::Full, "2022-04-01"),
    org("Thorn", None, O::Ngo, "US", "www.thorn.org", S::Active, T::Full, "2022-04-01"),
    org("International Justice Mission Netherlands", Some("IJM"), O::Ngo, "NL", "www.ijm.nl", S::Active, T::Full, "2022-06-01"),
    org("Centrum Kinderhandel Mensenhandel", Some("CKM"), O::Ngo, "NL", "www.ckm.nl", S::Active, T::Full, "2022-06-01"),
    org("Defence for Children", None, O::Ngo, "NL", "www.defenceforchildren.nl", S::Active, T::Full, "2022-06-01"),
    DemoOrganisation {
        notes: Some("A founding member of Missing Children Europe; runs the Belgian reporting point for abuse images."),
        ..org("Child Focus", None, O::Hotline, "BE", "www.childfocus.be", S::Active, T::Full, "2022-04-01")
    },
    org("WeProtect Global Alliance", Some("WPGA"), O::Network, "GB", "www.weprotect.org", S::Active, T::Observer, "2022-09-01"),
    org("NSPCC", None, O::Ngo, "GB", "www.nspcc.org.uk", S::Active, T::Associate, "2022-06-01"),
    org("Canadian Centre for Child Protection", Some("C3P"), O::Hotline, "CA", "www.protectchildren.ca", S::Active, T::Associate, "2022-07-01"),
    org("End Violence Against Children", Some("EVAC"), O::Network, "US", "www.end-violence.org", S::Active, T::Associate, "2022-07-01"),
    org("5Rights Foundation", Some("5Rights"), O::Foundation, "GB", "5rightsfoundation.com", S::Active, T::Full, "2022-09-01"),
    org("INHOPE", None, O::Network, "NL", "www.inhope.org", S::Active, T::Full, "2022-06-01"),
    org("Child Helpline International", Some("CHI"), O::Network, "NL", "www.childhelplineinternational.org", S::Active, T::Full, "2022-06-01"),
    DemoOrganisation {
        notes: Some("US; not an EU body: a partner of the coalition."),
        ..org("National Center for Missing & Exploited Children", Some("NCMEC"), O::Hotline, "US", "www.missingkids.org", S::Active, T::Supporter, "2022-10-01")
    },
];

/// The steering group's seven organisations (DOMAIN.md): the first seven of the list.
const STEERING_GROUP: usize = 7;

/// Loads the demo organisations that are not there yet, and seats the steering group, in one
/// transaction.
pub fn load(store: &Store) -> Result<DemoReport> {
    store.write(|conn| {
        let mut report = DemoReport { organisations_added: 0, organisations_present: 0, seats_added: 0, people_added: 0, events_added: 0, policy_makers_added: 0 };
        for demo in ORGANISATIONS {
            if organisations::store::find_by_name_key(conn, &fold(demo.name))?.is_some() {
                report.organisations_present += 1;
                continue;
            }
            let input = OrganisationInput {
                name: demo.name.into(),
                short_name: demo.short_name.map(Into::into),
                org_type: demo.org_type,
                country: demo.country.into(),
                website: Some(demo.website.into()),
                email: None,
                phone: None,
                notes: demo.notes.map(Into::into),
            };
            let created = organisations::store::insert(conn, &input)?;
            let membership = NewMembership { status: demo.status, tier: demo.tier, joined_on: Some(demo.joined_on.into()) };
            memberships::store::start(conn, &created.id, &membership, Some("Demo data"))?;
            report.organisations_added += 1;
        }
        for demo in &ORGANISATIONS[..STEERING_GROUP] {
            let Some(org) = organisations::store::find_by_name_key(conn, &fold(demo.name))? else { continue };
            let seated: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM seat_terms t JOIN bodies b ON b.id = t.body_id
                 WHERE t.organisation_id = ?1 AND b.kind = 'steering_group')",
                [&org.id],
                |r| r.get(0),
            )?;
            if !seated {
                let term = SeatTermInput {
                    body: "Steering group".into(),
                    kind: BodyKind::SteeringGroup,
                    role: SeatRole::Member,
                    organisation_id: Some(org.id),
                    person_id: None,
                    starts_on: "2022-04-01".into(),
                    ends_on: None,
                };
                seats::store::add_term(conn, &term)?;
                report.seats_added += 1;
            }
        }
        report.people_added = load_people(conn)?;
        report.policy_makers_added = crate::policy::demo::load(conn)?;
        // After the MEPs: the CSA dossier, with its rapporteur when he is in the store.
        crate::dossiers::store::load_demo(conn)?;
        // Last: the event looks up the people, MEPs and organisations loaded above.
        report.events_added = crate::events::demo::load(conn)?;
        Ok(report)
    })
}

/// How many organisations the demo data holds.
pub fn organisation_count() -> usize {
    ORGANISATIONS.len()
}

/// The people of the DOMAIN notes, with their public roles at the time.
struct DemoPerson {
    given: &'static str,
    family: &'static str,
    country: Option<&'static str>,
    languages: &'static [&'static str],
    organisation: &'static str,
    job_title: Option<&'static str>,
    focal_point: bool,
    notes: Option<&'static str>,
}

const PEOPLE: &[DemoPerson] = &[
    DemoPerson { given: "Heidi", family: "De Pauw", country: Some("BE"), languages: &["nl", "fr", "en"], organisation: "Child Focus", job_title: Some("CEO"), focal_point: true, notes: None },
    DemoPerson { given: "Michael", family: "Tunks", country: Some("GB"), languages: &["en"], organisation: "Internet Watch Foundation", job_title: Some("Head of Policy and Public Affairs"), focal_point: true, notes: None },
    DemoPerson { given: "Cathal", family: "Delaney", country: None, languages: &["en"], organisation: "Thorn", job_title: None, focal_point: false, notes: Some("Formerly Europol.") },
    DemoPerson { given: "Mié", family: "Kohiyama", country: Some("FR"), languages: &["fr", "en"], organisation: "Brave Movement", job_title: Some("Co-founder, Be Brave Movement France"), focal_point: false, notes: None },
    DemoPerson { given: "Iain", family: "Drennan", country: Some("GB"), languages: &["en"], organisation: "WeProtect Global Alliance", job_title: Some("Executive Director"), focal_point: false, notes: None },
];

/// Adds the demo people that are not there yet (by name), each with an affiliation.
fn load_people(conn: &rusqlite::Connection) -> Result<u32> {
    use crate::people::{self, AffiliationInput, PersonInput};
    let mut added = 0;
    for demo in PEOPLE {
        let key = people::rules::name_key(demo.given, demo.family);
        let present: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM people WHERE name_key = ?1)", [&key], |r| r.get(0))?;
        if present {
            continue;
        }
        let input = PersonInput {
            given_name: demo.given.into(),
            family_name: demo.family.into(),
            country: demo.country.map(Into::into),
            languages: demo.languages.iter().map(|l| l.to_string()).collect(),
            notes: demo.notes.map(Into::into),
            ..Default::default()
        };
        let person = people::store::insert(conn, &input)?;
        if let Some(org) = organisations::store::find_by_name_key(conn, &fold(demo.organisation))? {
            let affiliation = AffiliationInput {
                organisation_id: org.id,
                job_title: demo.job_title.map(Into::into),
                starts_on: None,
                ends_on: None,
                focal_point: demo.focal_point,
            };
            people::store::add_affiliation(conn, &person.id, &affiliation)?;
        }
        added += 1;
    }
    Ok(added)
}

/// How many people the demo data holds.
pub fn people_count() -> usize {
    PEOPLE.len()
}
