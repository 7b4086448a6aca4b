//! Which backups to keep: the newest of each of the 7 most recent days, 4 most recent ISO
//! weeks and 12 most recent months that have a backup (a grandfather-father-son rotation).
//! Pure over timestamps, so it is tested with any calendar.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

/// How many days, weeks and months keep a backup.
pub const KEEP_DAILY: usize = 7;
/// See [`KEEP_DAILY`].
pub const KEEP_WEEKLY: usize = 4;
/// See [`KEEP_DAILY`].
pub const KEEP_MONTHLY: usize = 12;

/// The timestamps to keep, out of `stamps` (in any order, duplicates allowed). Every other
/// backup may be deleted.
pub fn keep(stamps: &[NaiveDateTime]) -> BTreeSet<NaiveDateTime> {
    let mut newest_first: Vec<NaiveDateTime> = stamps.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut kept = BTreeSet::new();
    pick(&newest_first, KEEP_DAILY, |t| (t.year(), t.ordinal()), &mut kept);
    pick(&newest_first, KEEP_WEEKLY, |t| (t.iso_week().year(), t.iso_week().week()), &mut kept);
    pick(&newest_first, KEEP_MONTHLY, |t| (t.year(), t.month()), &mut kept);
    kept
}

/// Keeps the newest stamp of each of the `count` most recent periods named by `period`.
fn pick<P: PartialEq>(
    newest_first: &[NaiveDateTime],
    count: usize,
    period: impl Fn(&NaiveDateTime) -> P,
    kept: &mut BTreeSet<NaiveDateTime>,
) {
    let mut last: Option<P> = None;
    let mut periods = 0;
    for stamp in newest_first {
        let this = period(stamp);
        if last.as_ref() == Some(&this) {
            continue;
        }
        if periods == count {
            break;
        }
        kept.insert(*stamp);
        periods += 1;
        last = Some(this);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(date: &str, hour: u32) -> NaiveDateTime {
        NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap().and_hms_opt(hour, 0, 0).unwrap()
    }

    #[test]
    fn nothing_to_keep_from_nothing() {
        assert!(keep(&[]).is_empty());
    }

    #[test]
    fn a_few_backups_are_all_kept() {
        let stamps = [at("2026-01-01", 9), at("2026-01-02", 9), at("2026-01-03", 9)];
        assert_eq!(keep(&stamps).len(), 3);
    }

    #[test]
    fn one_per_day_the_newest_of_the_day() {
        let stamps = [at("2026-03-10", 8), at("2026-03-10", 12), at("2026-03-10", 16)];
        let kept = keep(&stamps);
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), [at("2026-03-10", 16)]);
    }

    #[test]
    fn every_four_hours_for_two_years() {
        let start = at("2024-01-01", 0);
        let now = at("2025-12-31", 20);
        let mut stamps = Vec::new();
        let mut t = start;
        while t <= now {
            stamps.push(t);
            t += Duration::hours(4);
        }
        let kept = keep(&stamps);
        // The newest backup is always kept.
        assert!(kept.contains(&now));
        // 7 daily: the last backup of each of the last 7 days.
        for d in 0..7 {
            let day = now.date() - Duration::days(d);
            assert!(kept.contains(&day.and_hms_opt(20, 0, 0).unwrap()), "day {day}");
        }
        // 12 monthly: the last backup of each of the last 12 months (Jan..Dec 2025).
        for month in 1..=12u32 {
            let last_day = if month == 12 {
                NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
            } else {
                NaiveDate::from_ymd_opt(2025, month + 1, 1).unwrap() - Duration::days(1)
            };
            assert!(kept.contains(&last_day.and_hms_opt(20, 0, 0).unwrap()), "month {month}");
        }
        // Nothing older than the 12th month back survives.
        assert!(kept.iter().all(|t| *t >= at("2025-01-01", 0)));
        // At most 7 + 4 + 12 entries; overlaps make it fewer.
        assert!(kept.len() <= 23 && kept.len() >= 12, "{}", kept.len());
        // Exactly one per day among the daily ones.
        let mut days: Vec<_> = kept.iter().map(|t| t.date()).collect();
        days.dedup();
        assert_eq!(days.len(), kept.len());
    }

    #[test]
    fn weekly_keeps_the_newest_of_each_iso_week() {
        // One backup a day for 60 days ending on Wednesday 2026-04-15.
        let end = at("2026-04-15", 10);
        let stamps: Vec<_> = (0..60).map(|d| end - Duration::days(d)).collect();
        let kept = keep(&stamps);
        // Sundays ending the previous 3 ISO weeks (the current week's newest is the 15th).
        for sunday in ["2026-04-12", "2026-04-05", "2026-03-29"] {
            assert!(kept.contains(&at(sunday, 10)), "{sunday}");
        }
        assert!(!kept.contains(&at("2026-03-22", 10)));
        // Month ends: March 31st and February 28th (the newest of those months).
        assert!(kept.contains(&at("2026-03-31", 10)));
        assert!(kept.contains(&at("2026-02-28", 10)));
        // A mid-February day that is no one's newest goes.
        assert!(!kept.contains(&at("2026-02-20", 10)));
        // 7 daily (09..15 April, the 12th among them) + 2 more Sundays + 2 month ends.
        assert_eq!(kept.len(), 11, "{kept:?}");
    }

    #[test]
    fn iso_weeks_across_the_new_year() {
        // 2026-01-01 is a Thursday in ISO week 1 of 2026; 2025-12-29 (Monday) is too.
        let stamps = [at("2025-12-28", 9), at("2025-12-29", 9), at("2026-01-01", 9)];
        let kept = keep(&stamps);
        assert_eq!(kept.len(), 3);
        // With daily set aside, 12-29 shares the week with 01-01.
        let mut only_weeks = BTreeSet::new();
        let mut sorted = stamps.to_vec();
        sorted.sort_by(|a, b| b.cmp(a));
        pick(&sorted, 4, |t| (t.iso_week().year(), t.iso_week().week()), &mut only_weeks);
        assert_eq!(only_weeks.into_iter().collect::<Vec<_>>(), [at("2025-12-28", 9), at("2026-01-01", 9)]);
    }

    #[test]
    fn sparse_backups_over_years_keep_twelve_months() {
        // One backup on the 15th of every month for three years.
        let stamps: Vec<_> = (0..36)
            .map(|i| NaiveDate::from_ymd_opt(2023 + i / 12, (i % 12) as u32 + 1, 15).unwrap().and_hms_opt(12, 0, 0).unwrap())
            .collect();
        let kept = keep(&stamps);
        assert_eq!(kept.len(), 12);
        assert_eq!(*kept.iter().next().unwrap(), at("2025-01-15", 12));
        assert_eq!(*kept.iter().last().unwrap(), at("2025-12-15", 12));
    }

    #[test]
    fn order_and_duplicates_do_not_matter() {
        let a = [at("2026-05-01", 1), at("2026-04-01", 1), at("2026-05-01", 1), at("2026-03-01", 1)];
        let mut b = a.to_vec();
        b.reverse();
        assert_eq!(keep(&a), keep(&b));
        assert_eq!(keep(&a).len(), 3);
    }
}
