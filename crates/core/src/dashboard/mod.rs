//! The home screen: membership by status over time, the steering group today, upcoming events,
//! overdue tasks, letters collecting signatures, the stance breakdown on the main dossier by
//! political group, and the latest interactions. Each card is one statement over indexes its
//! feature already has, never a query per row; the main dossier is a setting
//! (`dashboard.main_dossier`) that defaults to the dossier with the most stances.

mod model;
pub(crate) mod store;

pub use model::{
    CollectingLetter, CollectingLetters, Dashboard, GroupStances, MembershipMonth, OverdueTask, OverdueTasks, RecentInteraction,
    StanceBreakdown, UpcomingEvent,
};

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};

use crate::error::Result;
use crate::memberships::rules::iso;
use crate::Store;

/// How long an event may last and still show while it runs: the start is bounded below by
/// this many days before now, so the upcoming-events query is an index range.
const LONGEST_EVENT_DAYS: i64 = 31;

/// Everything the home screen shows, as of now (the coordinator's today and the current instant).
pub fn get(store: &Store) -> Result<Dashboard> {
    get_as_of(store, crate::store::today(), Utc::now())
}

/// The home screen as of a given local day and instant (tests fix both).
pub fn get_as_of(store: &Store, today: NaiveDate, now: DateTime<Utc>) -> Result<Dashboard> {
    let day = iso(today);
    let instant = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let earliest = (now - Duration::days(LONGEST_EVENT_DAYS)).to_rfc3339_opts(SecondsFormat::Secs, true);
    store.read(|conn| {
        Ok(Dashboard {
            membership: store::membership(conn, today)?,
            steering: store::steering(conn, &day)?,
            upcoming_events: store::upcoming_events(conn, &instant, &earliest)?,
            overdue: store::overdue(conn, &day)?,
            letters: store::collecting_letters(conn)?,
            stances: store::stances(conn)?,
            interactions: store::recent_interactions(conn)?,
            today: day,
        })
    })
}

/// The stance card alone (after the main dossier changes).
pub fn stance_breakdown(store: &Store) -> Result<StanceBreakdown> {
    store.read(store::stances)
}

/// Makes a dossier the main one on the home screen (`None`: back to the default, the dossier
/// with the most stances). Audited; returns the stance card for it.
pub fn set_main_dossier(store: &Store, dossier_id: Option<&str>) -> Result<StanceBreakdown> {
    store.write(|conn| {
        store::set_main_dossier(conn, dossier_id)?;
        store::stances(conn)
    })
}
