//! Grading workers: threads that take jobs from the `grading_jobs` queue
//! and grade them. They run inside `rehearse serve` and on their own in
//! `rehearse worker`; any number of processes can share one PostgreSQL
//! database.
//!
//! A worker leases a job, renews the lease while it grades (a lost lease
//! cancels the grading: another worker has the job), writes progress per
//! test, and stores the result in the same transaction that finishes the
//! job. A failure that may pass (a panic, an unavailable runtime) puts the
//! job back with a delay; after `max_attempts` claims the submission ends
//! as an internal error the user can see. On shutdown, jobs in hand are
//! cancelled and handed back to the queue without counting the attempt.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::Utc;
use rehearse_sandbox::CancelToken;

use crate::catalog::Catalog;
use crate::challenges::model::TestInput;
use crate::db::jobs::{self, ClaimedJob};
use crate::db::submissions::{self as store, GradedResult};
use crate::db::{Db, DbError};
use crate::domain::{Mode, SubmissionId};
use crate::grading::{Answer, GradeError, ProgressItem, Scope};

/// How long a lease lasts; it is renewed every third of that.
pub const LEASE: Duration = Duration::from_secs(30);
/// How long an idle worker waits before looking at the queue again (other
/// processes' submissions do not wake it).
const IDLE_POLL: Duration = Duration::from_millis(500);

/// Signals within one process: a new submission wakes idle workers, and a
/// worker's progress wakes the event streams following it (other processes
/// find out by polling the database).
pub struct Wake {
    generation: Mutex<u64>,
    changed: Condvar,
    news: tokio::sync::broadcast::Sender<SubmissionId>,
}

impl Default for Wake {
    fn default() -> Self {
        Self {
            generation: Mutex::new(0),
            changed: Condvar::new(),
            news: tokio::sync::broadcast::Sender::new(1024),
        }
    }
}

impl Wake {
    /// A worker recorded progress or a result of `submission`.
    pub fn graded(&self, submission: SubmissionId) {
        // Nobody listening is fine.
        let _ = self.news.send(submission);
    }

    /// Hears of every `graded`, with the submission it was about.
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<SubmissionId> {
        self.news.subscribe()
    }

    pub fn notify(&self) {
        let mut generation = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        *generation += 1;
        self.changed.notify_all();
    }

    fn wait(&self, seen: u64, timeout: Duration) -> u64 {
        let generation = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        let (generation, _) = self
            .changed
            .wait_timeout_while(generation, timeout, |g| *g == seen)
            .unwrap_or_else(|e| e.into_inner());
        *generation
    }

    fn current(&self) -> u64 {
        *self.generation.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A running pool of workers.
pub struct WorkerPool {
    stopping: Arc<AtomicBool>,
    wake: Arc<Wake>,
    in_hand: Arc<Mutex<Vec<(crate::domain::JobId, CancelToken)>>>,
    threads: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    /// Starts `size` workers named `<name>-<n>` (the lease owner).
    pub fn start(
        catalog: Catalog,
        size: usize,
        name: &str,
        wake: Arc<Wake>,
    ) -> std::io::Result<Self> {
        let stopping = Arc::new(AtomicBool::new(false));
        let in_hand = Arc::new(Mutex::new(Vec::new()));
        let mut threads = Vec::with_capacity(size);
        for n in 0..size {
            let worker = Worker {
                owner: format!("{name}-{n}"),
                catalog: catalog.clone(),
                db: catalog.db().clone(),
                stopping: stopping.clone(),
                wake: wake.clone(),
                in_hand: in_hand.clone(),
            };
            threads.push(
                std::thread::Builder::new()
                    .name(format!("grader-{n}"))
                    .spawn(move || worker.run())?,
            );
        }
        tracing::info!(workers = size, "grading workers started");
        Ok(Self {
            stopping,
            wake,
            in_hand,
            threads,
        })
    }

    /// Stops taking jobs, cancels the ones in hand (they go back to the
    /// queue) and waits for the workers to finish.
    pub fn shutdown(mut self) {
        self.stop();
        for thread in std::mem::take(&mut self.threads) {
            // A worker that panicked has already lost its job's lease; say so.
            if thread.join().is_err() {
                tracing::error!("a grading worker thread panicked");
            }
        }
        tracing::info!("grading workers stopped");
    }

    /// Tells every worker to stop: no new job is taken, the ones in hand
    /// are cancelled (their jobs go back to the queue).
    fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        for (_, token) in self
            .in_hand
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            token.cancel();
        }
        self.wake.notify();
    }
}

/// A pool dropped without `shutdown` (its server's task was cancelled)
/// still stops its threads, which would otherwise poll the queue, and keep
/// the database pool open, for as long as the process lives.
impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.stop();
    }
}

struct Worker {
    owner: String,
    catalog: Catalog,
    db: Db,
    stopping: Arc<AtomicBool>,
    wake: Arc<Wake>,
    in_hand: Arc<Mutex<Vec<(crate::domain::JobId, CancelToken)>>>,
}

/// How handling one job ended.
enum Outcome {
    Stored,
    LeaseLost,
    HandedBack,
}

impl Worker {
    fn run(self) {
        let mut seen = self.wake.current();
        while !self.stopping.load(Ordering::SeqCst) {
            let now = Utc::now();
            let lease_until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
            match self
                .db
                .run_blocking(|conn| jobs::claim(conn, &self.owner, now, lease_until))
            {
                Ok(Some(job)) => {
                    let started = Instant::now();
                    match self.handle(&job) {
                        Ok(Outcome::Stored) => tracing::info!(
                            submission = %job.submission_id,
                            attempt = job.attempts,
                            elapsed_ms = started.elapsed().as_millis() as u64,
                            "graded"
                        ),
                        Ok(Outcome::LeaseLost) => {
                            tracing::warn!(submission = %job.submission_id, "lease lost; another worker has the job")
                        }
                        Ok(Outcome::HandedBack) => {
                            tracing::info!(submission = %job.submission_id, "handed back to the queue")
                        }
                        Err(e) => {
                            tracing::error!(submission = %job.submission_id, error = %e, "grading job failed; it will be retried");
                            self.retry_later(&job, &e.to_string());
                        }
                    }
                }
                Ok(None) => seen = self.wake.wait(seen, IDLE_POLL),
                Err(e) => {
                    tracing::error!(error = %e, "cannot read the grading queue");
                    std::thread::sleep(IDLE_POLL);
                }
            }
        }
    }

    fn retry_later(&self, job: &ClaimedJob, error: &str) {
        let now = Utc::now();
        // Back off a little more each attempt: 2 s, 4 s, 8 s …
        let delay = chrono::Duration::seconds(1i64 << job.attempts.min(6));
        if let Err(e) = self.db.run_blocking(|conn| {
            jobs::retry_later(conn, job.id, &self.owner, error, now, now + delay)
        }) {
            tracing::error!(error = %e, "cannot put a job back in the queue; its lease will expire");
        }
    }

    fn handle(&self, job: &ClaimedJob) -> Result<Outcome, WorkerError> {
        if job.attempts > job.max_attempts {
            let message = format!(
                "grading failed {} times in a row; the error was logged and this is not your fault",
                job.max_attempts
            );
            return self.fail(job, &message);
        }
        let Some(record) = self
            .db
            .run_blocking(|conn| store::find(conn, job.submission_id))?
        else {
            return Err(WorkerError::Other("the submission is gone".into()));
        };
        let Some(challenge) = self
            .catalog
            .version_blocking(record.challenge_id, record.challenge_version)
            .map_err(|e| WorkerError::Other(e.to_string()))?
        else {
            return self.fail(
                job,
                "the challenge version this answer was written for no longer exists",
            );
        };
        let answer: Answer = match serde_json::from_str(&record.answer) {
            Ok(answer) => answer,
            Err(e) => return self.fail(job, &format!("the stored answer cannot be read: {e}")),
        };
        let scope = match (record.mode, &record.custom_input) {
            (Mode::Run, Some(input)) => match serde_json::from_str::<TestInput>(input) {
                Ok(input) => Scope::Custom(input),
                Err(e) => return self.fail(job, &format!("the stored input cannot be read: {e}")),
            },
            (Mode::Run, None) => Scope::Samples,
            (Mode::Submit, _) => Scope::All,
        };
        let total = scope.test_count(&challenge.spec);
        self.db
            .run_blocking(|conn| store::mark_running(conn, record.id, total))?;

        let cancel = CancelToken::default();
        self.in_hand
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((job.id, cancel.clone()));
        // A shutdown that began before the token was registered.
        if self.stopping.load(Ordering::SeqCst) {
            cancel.cancel();
        }
        let budget = crate::grading::limits::grading_budget(&challenge.spec);
        let overran = AtomicBool::new(false);
        let graded = self.grade_with_lease(
            job,
            Grading {
                challenge: &challenge,
                answer: &answer,
                scope: &scope,
                submission: record.id,
            },
            &cancel,
            budget,
            &overran,
        );
        self.in_hand
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(id, _)| *id != job.id);
        let (report, progress) = match graded {
            Ok(done) => done,
            Err(GradeError::Cancelled) if self.stopping.load(Ordering::SeqCst) => {
                let now = Utc::now();
                self.db
                    .run_blocking(|conn| jobs::release(conn, job.id, &self.owner, now))?;
                return Ok(Outcome::HandedBack);
            }
            Err(GradeError::Cancelled) if overran.load(Ordering::SeqCst) => {
                return Err(WorkerError::Other(format!(
                    "grading took longer than its budget of {} s and was stopped",
                    budget.as_secs()
                )))
            }
            Err(GradeError::Cancelled) => return Ok(Outcome::LeaseLost),
            Err(
                e @ (GradeError::WrongKind { .. }
                | GradeError::Language(_)
                | GradeError::BadInput(_)),
            ) => {
                // Checked when the answer was taken; the challenge changed since?
                return self.fail(job, &e.to_string());
            }
            Err(e) => return Err(WorkerError::Other(e.to_string())),
        };
        let report_json =
            serde_json::to_string(&report).map_err(|e| WorkerError::Other(e.to_string()))?;
        let progress_json =
            serde_json::to_string(&progress).map_err(|e| WorkerError::Other(e.to_string()))?;
        let result = GradedResult {
            verdict: report.verdict,
            score: report.score,
            fuel: report.fuel,
            report: &report_json,
            progress: &progress_json,
            tests_total: progress.len() as u32,
        };
        let now = Utc::now();
        let stored = self.db.run_blocking(|conn| {
            store::complete(conn, job.id, &self.owner, record.id, &result, now)
        })?;
        self.wake.graded(record.id);
        Ok(if stored {
            Outcome::Stored
        } else {
            Outcome::LeaseLost
        })
    }

    /// Grades while a helper thread renews the lease; losing the lease
    /// cancels the grading, and so does running past `budget` (then
    /// `overran` is set and the lease is no longer renewed).
    fn grade_with_lease(
        &self,
        job: &ClaimedJob,
        grading: Grading<'_>,
        cancel: &CancelToken,
        budget: Duration,
        overran: &AtomicBool,
    ) -> Result<(crate::grading::Report, Vec<ProgressItem>), GradeError> {
        let Grading {
            challenge,
            answer,
            scope,
            submission,
        } = grading;
        // Dropping `done` ends the renewal thread at once (no sleep to wait out).
        let (done, finished) = std::sync::mpsc::channel::<()>();
        let renew_every = LEASE / 3;
        let started = Instant::now();
        std::thread::scope(|scope_threads| {
            scope_threads.spawn(move || {
                while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                    finished.recv_timeout(renew_every)
                {
                    if started.elapsed() > budget {
                        tracing::error!(%submission, budget_s = budget.as_secs(), "grading overran its budget; stopping it");
                        overran.store(true, Ordering::SeqCst);
                        cancel.cancel();
                        break;
                    }
                    let now = Utc::now();
                    let until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
                    match self
                        .db
                        .run_blocking(|conn| jobs::renew(conn, job.id, &self.owner, now, until))
                    {
                        Ok(true) => {}
                        Ok(false) => {
                            cancel.cancel();
                            break;
                        }
                        Err(e) => tracing::warn!(error = %e, "cannot renew a lease"),
                    }
                }
            });
            let mut progress: Vec<ProgressItem> = Vec::new();
            let grader = self.catalog.grader();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                grader.grade(challenge, answer, scope, cancel, &mut |p| {
                    progress.push(ProgressItem {
                        name: p.name.clone(),
                        verdict: p.verdict,
                    });
                    if let Ok(json) = serde_json::to_string(&progress) {
                        match self
                            .db
                            .run_blocking(|conn| store::record_progress(conn, submission, &json))
                        {
                            Ok(()) => self.wake.graded(submission),
                            Err(e) => tracing::warn!(error = %e, "cannot record progress"),
                        }
                    }
                })
            }));
            drop(done);
            match result {
                Ok(Ok(report)) => {
                    // Design answers have no tests; their progress is the rubric.
                    Ok((report, progress))
                }
                Ok(Err(e)) => Err(e),
                Err(_) => Err(GradeError::Internal("the grader panicked".into())),
            }
        })
    }

    fn fail(&self, job: &ClaimedJob, message: &str) -> Result<Outcome, WorkerError> {
        let now = Utc::now();
        let stored = self.db.run_blocking(|conn| {
            store::fail(conn, job.id, &self.owner, job.submission_id, message, now)
        })?;
        self.wake.graded(job.submission_id);
        tracing::warn!(submission = %job.submission_id, %message, "submission cannot be graded");
        Ok(if stored {
            Outcome::Stored
        } else {
            Outcome::LeaseLost
        })
    }
}

/// What one job grades.
struct Grading<'a> {
    challenge: &'a crate::challenges::model::Challenge,
    answer: &'a Answer,
    scope: &'a Scope,
    submission: SubmissionId,
}

#[derive(Debug, thiserror::Error)]
enum WorkerError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{0}")]
    Other(String),
}
