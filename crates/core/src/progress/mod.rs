//! Progress and cancellation of long operations (imports, the MEP sync, big exports): a
//! [`Progress`] reports how far an operation got through a callback, throttled so that a
//! million rows do not make a million events, and carries a [`CancelFlag`] that the
//! operation checks as it goes. A cancelled operation returns [`CoreError::Cancelled`]: an
//! import's transaction rolls back, an export's temporary file is removed and the target
//! file is left as it was. [`Operations`] is the registry of running operations by the id the
//! caller chose, so that another thread (the app's `cancel_operation` command) can cancel one.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enums::string_enum;
use crate::error::{CoreError, Result};

string_enum! {
    /// What a long operation is doing now.
    ProgressPhase ("progress phase") {
        /// Reading and checking the file.
        Reading => "reading",
        /// Matching rows with what is stored.
        Matching => "matching",
        /// Writing rows into the store (an import or a sync).
        Importing => "importing",
        /// Writing rows to the export file.
        Exporting => "exporting",
        /// Finishing: committing, or moving the finished file into place.
        Finishing => "finishing",
    }
}

/// One report of how far an operation got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OperationProgress {
    /// What the operation is doing.
    pub phase: ProgressPhase,
    /// Units (rows, MEPs) done in this phase.
    pub done: u64,
    /// Units this phase has in all, when known beforehand.
    pub total: Option<u64>,
}

/// A cancel request shared between the thread running an operation and whoever may cancel it.
#[derive(Debug, Clone, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    /// A flag that nobody has raised.
    pub fn new() -> CancelFlag {
        CancelFlag::default()
    }

    /// Asks the operation to stop at its next check.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether cancelling was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Events closer together than this are dropped (unless a phase starts or ends)...
const MIN_INTERVAL: Duration = Duration::from_millis(50);

/// ...unless the operation moved on by at least this fraction of its total (in thousandths).
const MIN_STEP_PER_MILLE: u64 = 10;

/// How far a long operation got, and whether it should stop. Operations call
/// [`Progress::phase`] when a phase starts, [`Progress::tick`] after each unit (a row) and
/// [`Progress::check`] where they may stop; each returns `Err(CoreError::Cancelled)` once the
/// flag is raised.
pub struct Progress<'a> {
    report: Option<Box<dyn FnMut(OperationProgress) + 'a>>,
    cancel: CancelFlag,
    phase: ProgressPhase,
    total: Option<u64>,
    done: u64,
    sent_done: u64,
    sent_at: Option<Instant>,
}

impl<'a> Progress<'a> {
    /// Progress that nobody watches and nobody cancels (the CLI, tests, older callers).
    pub fn none() -> Progress<'static> {
        Progress::with_cancel(CancelFlag::new())
    }

    /// Progress that nobody watches, cancelled through `cancel`.
    pub fn with_cancel(cancel: CancelFlag) -> Progress<'static> {
        Progress { report: None, cancel, phase: ProgressPhase::Reading, total: None, done: 0, sent_done: 0, sent_at: None }
    }

    /// Progress reported to `report` (throttled), cancelled through `cancel`.
    pub fn new(cancel: CancelFlag, report: impl FnMut(OperationProgress) + 'a) -> Progress<'a> {
        Progress {
            report: Some(Box::new(report)),
            cancel,
            phase: ProgressPhase::Reading,
            total: None,
            done: 0,
            sent_done: 0,
            sent_at: None,
        }
    }

    /// The flag this progress is cancelled through.
    pub fn cancel_flag(&self) -> &CancelFlag {
        &self.cancel
    }

    /// `Err(CoreError::Cancelled)` once cancelling was asked for.
    pub fn check(&self) -> Result<()> {
        if self.cancel.is_cancelled() {
            Err(CoreError::Cancelled)
        } else {
            Ok(())
        }
    }

    /// A phase starts with `total` units (when known); always reported.
    pub fn phase(&mut self, phase: ProgressPhase, total: Option<u64>) -> Result<()> {
        self.check()?;
        self.phase = phase;
        self.total = total;
        self.done = 0;
        self.send();
        Ok(())
    }

    /// One more unit done; reported when enough time passed or enough was done since the last
    /// report, and always for the last unit of a known total.
    pub fn tick(&mut self) -> Result<()> {
        self.advance(1)
    }

    /// `units` more done (see [`Progress::tick`]).
    pub fn advance(&mut self, units: u64) -> Result<()> {
        self.check()?;
        self.done += units;
        if self.report.is_none() {
            return Ok(());
        }
        let finished = self.total.is_some_and(|total| self.done >= total);
        let step = self.total.map(|t| (t * MIN_STEP_PER_MILLE / 1000).max(1)).unwrap_or(u64::MAX);
        let late = self.sent_at.is_none_or(|at| at.elapsed() >= MIN_INTERVAL);
        if finished || late || self.done - self.sent_done >= step {
            self.send();
        }
        Ok(())
    }

    /// Units done in the current phase.
    pub fn done(&self) -> u64 {
        self.done
    }

    fn send(&mut self) {
        if let Some(report) = self.report.as_mut() {
            report(OperationProgress { phase: self.phase, done: self.done, total: self.total });
            self.sent_done = self.done;
            self.sent_at = Some(Instant::now());
        }
    }
}

/// The operations running now, by the id their caller chose, so that they can be cancelled
/// from elsewhere (the app keeps one; its `cancel_operation` command calls [`Operations::cancel`]).
#[derive(Debug, Default)]
pub struct Operations {
    running: Mutex<HashMap<String, CancelFlag>>,
}

impl Operations {
    /// An empty registry.
    pub fn new() -> Operations {
        Operations::default()
    }

    /// Runs `work` with a progress reported to `report`, registered under `id` (when given)
    /// until it returns. A second operation with a running one's id is refused.
    pub fn run<'a, T>(
        &self,
        id: Option<&str>,
        report: impl FnMut(OperationProgress) + 'a,
        work: impl FnOnce(&mut Progress<'a>) -> Result<T>,
    ) -> Result<T> {
        let cancel = CancelFlag::new();
        let _registration = match id {
            Some(id) => Some(self.register(id, cancel.clone())?),
            None => None,
        };
        let mut progress = Progress::new(cancel, report);
        work(&mut progress)
    }

    /// Asks the operation `id` to stop. Returns whether such an operation was running.
    pub fn cancel(&self, id: &str) -> bool {
        match self.lock().get(id) {
            Some(flag) => {
                flag.cancel();
                true
            }
            None => false,
        }
    }

    /// Whether the operation `id` is running.
    pub fn is_running(&self, id: &str) -> bool {
        self.lock().contains_key(id)
    }

    fn register(&self, id: &str, cancel: CancelFlag) -> Result<Registration<'_>> {
        let mut running = self.lock();
        if running.contains_key(id) {
            return Err(CoreError::Conflict(format!("an operation with id {id} is already running")));
        }
        running.insert(id.to_string(), cancel);
        Ok(Registration { operations: self, id: id.to_string() })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, CancelFlag>> {
        self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Removes an operation from the registry when it ends, however it ends.
struct Registration<'a> {
    operations: &'a Operations,
    id: String,
}

impl Drop for Registration<'_> {
    fn drop(&mut self) {
        self.operations.lock().remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_throttled_but_phases_and_the_end_always_arrive() {
        let mut events = Vec::new();
        {
            let mut progress = Progress::new(CancelFlag::new(), |e| events.push(e));
            progress.phase(ProgressPhase::Importing, Some(100_000)).unwrap();
            for _ in 0..100_000 {
                progress.tick().unwrap();
            }
        }
        assert_eq!(events.first().map(|e| (e.phase, e.done)), Some((ProgressPhase::Importing, 0)));
        assert_eq!(events.last().map(|e| e.done), Some(100_000));
        assert!(events.len() <= 102, "{} events", events.len());
        assert!(events.windows(2).all(|w| w[0].done < w[1].done));
    }

    #[test]
    fn a_raised_flag_stops_the_next_tick() {
        let flag = CancelFlag::new();
        let mut progress = Progress::with_cancel(flag.clone());
        progress.tick().unwrap();
        flag.cancel();
        assert!(matches!(progress.tick(), Err(CoreError::Cancelled)));
    }

    #[test]
    fn the_registry_cancels_by_id_and_forgets_finished_operations() {
        let operations = Operations::new();
        let result = operations.run(Some("op-1"), |_| {}, |progress| {
            assert!(operations.is_running("op-1"));
            assert!(operations.run(Some("op-1"), |_| {}, |_| Ok(())).is_err());
            assert!(operations.cancel("op-1"));
            progress.tick()
        });
        assert!(matches!(result, Err(CoreError::Cancelled)));
        assert!(!operations.is_running("op-1"));
        assert!(!operations.cancel("op-1"));
    }
}
