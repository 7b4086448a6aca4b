//! Events: conferences, roundtables, webinars, press briefings and meetings, from first idea
//! to the attendance report: time zones, the programme and its speakers, participants with
//! capacity and the waitlist, check-in, checklist tasks, and the exports (participants,
//! badges, calendar files, the run sheet).

mod model;

pub use model::*;
