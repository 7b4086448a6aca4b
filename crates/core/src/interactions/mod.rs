//! The engagement log: meetings, calls, emails, letters and hearings with their
//! participants and outcome, each record's timeline, and follow-up tasks.
