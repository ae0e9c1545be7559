//! Packages into the catalog fast, checked after.
//!
//! At start-up the bundled library is *staged*: each new or changed
//! package is read and validated (cheap) and stored at once as a version
//! whose solution check is pending, so the catalog is full within seconds
//! of the server listening. Checking (running every reference and wrong
//! solution in the sandbox, which takes minutes on a fresh machine) comes
//! after, in the background; its outcome is recorded on the version and
//! shown to instructors and admins. `make test` checks the whole library
//! too, so a failure here means the machine differs, not the package.
//!
//! A version stored before its generated tests were made has them made
//! the first time it is needed (`Catalog::version_blocking`): by the check,
//! or by a worker grading an answer that arrived first.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use rehearse_sandbox::CancelToken;
use serde::{Deserialize, Serialize};

use super::{Catalog, CatalogError, Imported};
use crate::challenges::load_package;
use crate::db::challenges::{self as store, CheckRecord};
use crate::domain::{ChallengeId, CheckStatus};
use crate::grading::check::{run_expectations, CheckLine, PackageCheck};

/// What checking a package found, for display (and stored with a version
/// checked in the background).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CheckResult {
    pub passed: bool,
    pub problems: Vec<String>,
    pub lines: Vec<CheckLineView>,
    pub seconds: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CheckLineView {
    pub path: String,
    pub expectation: String,
    pub ok: bool,
    pub outcome: String,
}

impl From<CheckLine> for CheckLineView {
    fn from(l: CheckLine) -> Self {
        Self {
            path: l.path,
            expectation: l.expectation,
            ok: l.ok,
            outcome: l.outcome,
        }
    }
}

impl From<&PackageCheck> for CheckResult {
    fn from(check: &PackageCheck) -> Self {
        CheckResult {
            passed: check.passed(),
            problems: check.problems.iter().map(ToString::to_string).collect(),
            lines: check
                .lines
                .iter()
                .cloned()
                .map(CheckLineView::from)
                .collect(),
            seconds: check.duration.as_secs_f64(),
        }
    }
}

/// A current version's check as instructors see it.
#[derive(Debug, Clone, Serialize)]
pub struct VersionCheck {
    pub slug: String,
    pub title: String,
    pub version: u32,
    pub status: CheckStatus,
    pub result: Option<CheckResult>,
    pub checked_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl VersionCheck {
    fn from_record(record: CheckRecord) -> Self {
        Self {
            result: record
                .report
                .as_deref()
                .and_then(|json| serde_json::from_str(json).ok()),
            slug: record.slug,
            title: record.title,
            version: record.version,
            status: record.status,
            checked_at: record.checked_at,
        }
    }
}

/// How far this process's library import has come, for the catalog's
/// notice. Shared by every clone of the catalog.
#[derive(Debug, Default)]
pub struct ImportProgress {
    /// Packages found in the library (0 until they are listed).
    found: AtomicUsize,
    /// Packages staged (stored, unchanged or refused) so far.
    staged: AtomicUsize,
    staging: AtomicBool,
    /// Versions waiting for, and done with, their background check.
    to_check: AtomicUsize,
    checked: AtomicUsize,
    checking: AtomicBool,
}

/// A snapshot of [`ImportProgress`].
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct ImportState {
    /// Packages are still being added to the catalog.
    pub importing: bool,
    pub found: usize,
    pub staged: usize,
    /// Solutions are still being checked in the background.
    pub checking: bool,
    pub to_check: usize,
    pub checked: usize,
}

impl ImportProgress {
    pub fn state(&self) -> ImportState {
        ImportState {
            importing: self.staging.load(Ordering::Relaxed),
            found: self.found.load(Ordering::Relaxed),
            staged: self.staged.load(Ordering::Relaxed),
            checking: self.checking.load(Ordering::Relaxed),
            to_check: self.to_check.load(Ordering::Relaxed),
            checked: self.checked.load(Ordering::Relaxed),
        }
    }

    /// The import is about to start: pages say so from the first request.
    pub fn begin(&self) {
        self.staging.store(true, Ordering::Relaxed);
    }
}

/// What a background check pass did.
#[derive(Debug, Default, Clone, Copy)]
pub struct CheckCounts {
    pub passed: usize,
    pub failed: usize,
}

impl Catalog {
    /// This process's import progress.
    pub fn import_progress(&self) -> ImportState {
        self.progress.state()
    }

    /// Stores the package in `dir` without running anything (blocking): a
    /// package that loads is stored at once with its check pending; one
    /// that does not is refused with its problems; an unchanged one is
    /// left alone.
    pub fn stage_package(&self, dir: &Path) -> Result<Imported, CatalogError> {
        let started = Instant::now();
        let package = match load_package(dir, crate::harness::SUPPORT) {
            Ok(package) => package,
            Err(problems) => {
                return Ok(Imported::Refused(Box::new(PackageCheck {
                    name: dir
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    challenge: None,
                    hash: None,
                    problems,
                    lines: Vec::new(),
                    duration: started.elapsed(),
                })))
            }
        };
        if let Some(unchanged) = self.unchanged(&package)? {
            return Ok(unchanged);
        }
        self.store_library_version(dir, &package.challenge, &package.hash, CheckStatus::Pending)
    }

    /// Checks one stored version (blocking) and records the outcome;
    /// `None` when `cancel` stopped it (nothing is recorded then, so the
    /// next start checks it again).
    pub fn check_version(
        &self,
        id: ChallengeId,
        version: u32,
        cancel: &CancelToken,
    ) -> Result<Option<CheckStatus>, CatalogError> {
        let started = Instant::now();
        let mut result = CheckResult {
            passed: false,
            problems: Vec::new(),
            lines: Vec::new(),
            seconds: 0.0,
        };
        match self.concrete_version(id, version, cancel) {
            Ok(Some(challenge)) => {
                result.lines = run_expectations(&self.grader, &challenge, cancel)
                    .into_iter()
                    .map(CheckLineView::from)
                    .collect();
                result.passed = result.lines.iter().all(|l| l.ok);
            }
            Ok(None) => return Ok(None),
            Err(CatalogError::TestsUnavailable { reason, .. }) => result.problems.push(reason),
            Err(e) => return Err(e),
        }
        if cancel.is_cancelled() {
            return Ok(None);
        }
        result.seconds = started.elapsed().as_secs_f64();
        let status = if result.passed {
            CheckStatus::Passed
        } else {
            CheckStatus::Failed
        };
        let json = serde_json::to_string(&result)
            .map_err(|e| CatalogError::Internal(format!("cannot serialise a check: {e}")))?;
        self.db
            .run_blocking(|conn| store::record_check(conn, id, version, status, Some(&json)))?;
        Ok(Some(status))
    }

    /// Imports the library folders in `dirs` the fast way (blocking): every
    /// package staged first, on `threads` threads, then every pending check
    /// run. Failures are logged and recorded, never fatal.
    pub fn import_library(
        &self,
        packages: &[std::path::PathBuf],
        threads: usize,
        cancel: &CancelToken,
    ) {
        let progress = &self.progress;
        progress.found.store(packages.len(), Ordering::Relaxed);
        progress.staging.store(true, Ordering::Relaxed);
        let counts = std::sync::Mutex::new((0usize, 0usize, 0usize));
        // Staged one at a time, in the library's (sorted) order: it is
        // cheap, challenge numbers then follow the folder names on every
        // fresh install, and SQLite's writers do not trip over each other
        // (two deferred transactions upgrading at once fail as locked).
        for_each_on(1, packages, cancel, |package| {
            let outcome = self.stage_package(package);
            progress.staged.fetch_add(1, Ordering::Relaxed);
            let mut counts = counts.lock().unwrap_or_else(|e| e.into_inner());
            match outcome {
                Ok(Imported::Created { version } | Imported::NewVersion { version }) => {
                    counts.0 += 1;
                    tracing::info!(package = %package.display(), version, "challenge imported; its check follows");
                }
                Ok(Imported::Unchanged { .. } | Imported::Interrupted) => counts.1 += 1,
                Ok(Imported::Refused(check)) => {
                    counts.2 += 1;
                    for reason in super::describe_refusal(&check) {
                        tracing::warn!(package = %package.display(), %reason, "challenge not imported");
                    }
                }
                Err(e) => {
                    counts.2 += 1;
                    tracing::error!(package = %package.display(), error = %e, "challenge import failed");
                }
            }
        });
        progress.staging.store(false, Ordering::Relaxed);
        let (stored, unchanged, refused) = counts.into_inner().unwrap_or_else(|e| e.into_inner());
        tracing::info!(stored, unchanged, refused, "challenge library imported");
        if cancel.is_cancelled() {
            return;
        }
        if let Err(e) = self.check_pending(threads, cancel) {
            tracing::error!(error = %e, "the library's solution checks could not run");
        }
    }

    /// Runs every pending check of a current version (blocking).
    pub fn check_pending(
        &self,
        threads: usize,
        cancel: &CancelToken,
    ) -> Result<CheckCounts, CatalogError> {
        let pending = self
            .db
            .run_blocking(|conn| store::current_checks(conn, Some(CheckStatus::Pending), None))?;
        let progress = &self.progress;
        progress.to_check.store(pending.len(), Ordering::Relaxed);
        progress.checked.store(0, Ordering::Relaxed);
        progress
            .checking
            .store(!pending.is_empty(), Ordering::Relaxed);
        let counts = std::sync::Mutex::new(CheckCounts::default());
        for_each_on(threads, &pending, cancel, |record| {
            let outcome = self.check_version(record.id, record.version, cancel);
            progress.checked.fetch_add(1, Ordering::Relaxed);
            let mut counts = counts.lock().unwrap_or_else(|e| e.into_inner());
            match outcome {
                Ok(Some(CheckStatus::Passed)) => counts.passed += 1,
                Ok(Some(_)) => {
                    counts.failed += 1;
                    tracing::warn!(challenge = %record.slug, version = record.version, "the challenge's solution check failed; instructors see why on /instructor");
                }
                Ok(None) => {}
                Err(e) => {
                    counts.failed += 1;
                    tracing::error!(challenge = %record.slug, error = %e, "the challenge could not be checked");
                }
            }
        });
        progress.checking.store(false, Ordering::Relaxed);
        let counts = counts.into_inner().unwrap_or_else(|e| e.into_inner());
        if cancel.is_cancelled() {
            tracing::info!(
                passed = counts.passed,
                failed = counts.failed,
                "solution checks stopped by shutdown"
            );
        } else if !pending.is_empty() {
            tracing::info!(
                passed = counts.passed,
                failed = counts.failed,
                "solution checks finished"
            );
        }
        Ok(counts)
    }

    /// Checks of current versions that did not pass (pending or failed),
    /// for instructors.
    pub async fn unsettled_checks(&self) -> Result<Vec<VersionCheck>, CatalogError> {
        let records = self
            .db
            .run(|conn| store::current_checks(conn, None, None))
            .await?;
        Ok(records
            .into_iter()
            .filter(|r| r.status != CheckStatus::Passed)
            .map(VersionCheck::from_record)
            .collect())
    }

    /// The check of one challenge's current version.
    pub async fn check_of(&self, slug: &str) -> Result<Option<VersionCheck>, CatalogError> {
        let slug = slug.to_owned();
        let records = self
            .db
            .run(move |conn| store::current_checks(conn, None, Some(&slug)))
            .await?;
        Ok(records.into_iter().next().map(VersionCheck::from_record))
    }
}

/// Calls `work` on each item from `threads` threads, taking items in turn
/// until they run out or `cancel` fires.
fn for_each_on<T: Sync>(
    threads: usize,
    items: &[T],
    cancel: &CancelToken,
    work: impl Fn(&T) + Sync,
) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                if cancel.is_cancelled() {
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                work(item);
            });
        }
    });
}
