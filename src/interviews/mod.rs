//! The interviews service: solo mock interviews, timed on the server.
//!
//! A candidate picks a format (`format.rs`); starting it picks one
//! challenge per slot — pinned, or by kind, difficulty and skill,
//! preferring ones this candidate has not tried — and stores a timed
//! session (`db::timed_sessions`) with its deadline. The problems are not
//! shown before the start. Answers sent to those challenges while the clock
//! runs belong to the session (`Submissions::create` asks). At the deadline
//! the closer (`close_due`, run by every serving process on a timer, one
//! winning each session by its lease) submits each problem's last draft and
//! ends the session; ending early does the same at once. The report
//! (`report.rs`) is computed from the session's answers when asked.

pub mod format;
pub mod report;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rand::seq::SliceRandom;
use serde::Serialize;

use crate::catalog::{Catalog, CatalogError, Entry, Filter, Standing};
use crate::db::timed_sessions::{self as store, NewTimedSession, Started, TimedSessionRecord};
use crate::db::{Db, DbError};
use crate::domain::{ChallengeId, EndReason, Kind, Purpose, SessionState, TimedSessionId, User};
use crate::grading::Answer;
use crate::submissions::{SubmissionError, Submissions};

pub use format::{Format, FormatError, Slot};
pub use report::{Band, Report, BANDS};

/// How long a closer holds a due session before another may take it over.
const CLOSER_LEASE: Duration = Duration::from_secs(120);

#[derive(Debug, thiserror::Error)]
pub enum InterviewError {
    #[error("no interview format `{0}`")]
    FormatNotFound(String),
    #[error("no such interview")]
    NotFound,
    /// One mock interview at a time.
    #[error("you already have a mock interview running; finish or end it first")]
    AlreadyRunning(TimedSessionId),
    #[error("this interview has already ended")]
    Ended,
    #[error("{0}")]
    NoProblem(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Submission(#[from] SubmissionError),
}

/// A mock interview as its candidate (or an instructor) sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InterviewView {
    #[schema(value_type = String)]
    pub id: TimedSessionId,
    /// Whose it is (pages ask; never sent).
    #[serde(skip)]
    pub candidate: crate::domain::UserId,
    pub format: String,
    pub title: String,
    #[schema(value_type = String)]
    pub state: SessionState,
    pub started_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    #[schema(value_type = Option<String>)]
    pub end_reason: Option<EndReason>,
    /// Seconds left on the clock while it runs (0 once it has run out).
    pub remaining_seconds: Option<i64>,
    /// The problems, in order, and how each went: the answers so far while
    /// it runs, final once it has ended.
    pub report: Report,
}

/// A running interview's clock, as a challenge page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct InterviewClock {
    pub id: TimedSessionId,
    pub title: String,
    pub deadline: DateTime<Utc>,
    pub remaining_seconds: i64,
}

/// Seconds left on a running session's clock (0 once it has run out).
fn remaining(record: &TimedSessionRecord) -> Option<i64> {
    (record.state == SessionState::Active)
        .then(|| (record.deadline - crate::db::now()).num_seconds().max(0))
}

#[derive(Clone)]
pub struct Interviews {
    db: Db,
    catalog: Catalog,
    submissions: Submissions,
    formats: Arc<Vec<Format>>,
}

impl Interviews {
    pub fn new(db: Db, catalog: Catalog, submissions: Submissions, formats: Vec<Format>) -> Self {
        Self {
            db,
            catalog,
            submissions,
            formats: Arc::new(formats),
        }
    }

    pub fn formats(&self) -> &[Format] {
        &self.formats
    }

    /// Starts a mock interview of `format` for `user`: picks its problems
    /// and sets the clock.
    pub async fn start(&self, user: &User, format: &str) -> Result<InterviewView, InterviewError> {
        let format = self
            .formats
            .iter()
            .find(|f| f.slug == format)
            .cloned()
            .ok_or_else(|| InterviewError::FormatNotFound(format.to_owned()))?;
        let problems = self.pick(user, &format).await?;
        let started_at = crate::db::now();
        let deadline = started_at + chrono::Duration::minutes(i64::from(format.minutes));
        let id = TimedSessionId::new();
        let user_id = user.id;
        let started = self
            .db
            .run(move |conn| {
                store::start(
                    conn,
                    &NewTimedSession {
                        id,
                        user_id,
                        purpose: Purpose::Mock,
                        format: &format.slug,
                        title: &format.title,
                        started_at,
                        deadline,
                        problems: &problems,
                    },
                )
            })
            .await?;
        match started {
            Started::Created(id) => self.view(user, id).await,
            Started::AlreadyActive(id) => Err(InterviewError::AlreadyRunning(id)),
        }
    }

    /// One challenge per slot: the pinned one, or a published one of the
    /// slot's kind, difficulty and skills — new to this user if possible,
    /// then attempted, then solved — at random, never the same twice.
    async fn pick(&self, user: &User, format: &Format) -> Result<Vec<ChallengeId>, InterviewError> {
        let all = self
            .catalog
            .browse(
                Some(user),
                &Filter {
                    per_page: usize::MAX,
                    ..Filter::default()
                },
            )
            .await?
            .entries;
        let mut taken: HashSet<String> = HashSet::new();
        let mut slugs = Vec::new();
        for (i, slot) in format.problems.iter().enumerate() {
            let place = i + 1;
            let slug = match &slot.challenge {
                Some(pinned) => {
                    if !all.iter().any(|e| e.published && &e.slug == pinned) {
                        return Err(InterviewError::NoProblem(format!(
                            "problem {place} of “{}” is pinned to `{pinned}`, which is not in the library",
                            format.title
                        )));
                    }
                    pinned.clone()
                }
                None => choose(&all, slot, &taken).ok_or_else(|| {
                    InterviewError::NoProblem(format!(
                        "no published challenge fits problem {place} of “{}” ({})",
                        format.title,
                        describe(slot)
                    ))
                })?,
            };
            taken.insert(slug.clone());
            slugs.push(slug);
        }
        let mut ids = Vec::new();
        for slug in slugs {
            let slug = crate::challenges::Slug::parse(&slug)
                .map_err(|e| InterviewError::NoProblem(format!("`{slug}`: {e}")))?;
            let record = self
                .catalog
                .record(&slug)
                .await?
                .ok_or_else(|| InterviewError::NoProblem(format!("`{slug}` is gone")))?;
            ids.push(record.id);
        }
        Ok(ids)
    }

    /// A mock interview, for its candidate or an instructor; anyone else
    /// hears it does not exist.
    pub async fn view(
        &self,
        viewer: &User,
        id: TimedSessionId,
    ) -> Result<InterviewView, InterviewError> {
        let record = self.visible(viewer, id).await?;
        self.to_view(record).await
    }

    async fn visible(
        &self,
        viewer: &User,
        id: TimedSessionId,
    ) -> Result<TimedSessionRecord, InterviewError> {
        let record = self
            .db
            .run(move |conn| store::find(conn, id))
            .await?
            .ok_or(InterviewError::NotFound)?;
        if !viewer.may_read_work_of(record.user_id) {
            return Err(InterviewError::NotFound);
        }
        Ok(record)
    }

    /// The user's mock interviews, newest first.
    pub async fn list_own(
        &self,
        user: &User,
        limit: i64,
    ) -> Result<Vec<InterviewView>, InterviewError> {
        let user_id = user.id;
        let records = self
            .db
            .run(move |conn| store::list_for_user(conn, user_id, Purpose::Mock, limit))
            .await?;
        let mut views = Vec::with_capacity(records.len());
        for record in records {
            views.push(self.to_view(record).await?);
        }
        Ok(views)
    }

    /// The clock of the user's running mock interview, when `challenge` is
    /// one of its problems (what a challenge page shows; no report is
    /// computed for it).
    pub async fn clock_for(
        &self,
        user: &User,
        challenge: &crate::challenges::Slug,
    ) -> Result<Option<InterviewClock>, InterviewError> {
        let user_id = user.id;
        let Some(running) = self
            .db
            .run(move |conn| store::running_for(conn, user_id, Purpose::Mock))
            .await?
        else {
            return Ok(None);
        };
        let Some(challenge) = self.catalog.record(challenge).await? else {
            return Ok(None);
        };
        Ok(Some(running)
            .filter(|record| record.problems.contains(&challenge.id))
            .map(|record| InterviewClock {
                id: record.id,
                remaining_seconds: remaining(&record).unwrap_or(0),
                title: record.title,
                deadline: record.deadline,
            }))
    }

    /// Ends the candidate's own interview before its deadline; their last
    /// drafts are submitted as they would be at the deadline.
    pub async fn end_early(
        &self,
        user: &User,
        id: TimedSessionId,
    ) -> Result<InterviewView, InterviewError> {
        let record = self.visible(user, id).await?;
        if record.user_id != user.id {
            // Instructors may look, not end someone else's interview.
            return Err(InterviewError::NotFound);
        }
        if record.state == SessionState::Ended {
            return Err(InterviewError::Ended);
        }
        self.close(&record, EndReason::Early).await?;
        self.view(user, id).await
    }

    /// Closes every running session whose deadline has passed; returns how
    /// many this call closed. Safe to run from several processes at once.
    pub async fn close_due(&self, owner: &str) -> Result<usize, InterviewError> {
        let mut closed = 0;
        loop {
            let owner = owner.to_owned();
            let now = crate::db::now();
            let until = now + chrono::Duration::from_std(CLOSER_LEASE).unwrap_or_default();
            let Some(record) = self
                .db
                .run(move |conn| store::claim_due(conn, &owner, now, until))
                .await?
            else {
                return Ok(closed);
            };
            self.close(&record, EndReason::Deadline).await?;
            closed += 1;
        }
    }

    /// Submits each problem's last draft (when it was written during the
    /// interview and is newer than the last answer sent), then ends the
    /// session. A draft that cannot be graded
    /// (say, empty) is left out and logged; it never keeps the session
    /// open. Each draft's submission has a key of its own, so a second
    /// closer (after a crash) cannot submit it twice.
    async fn close(
        &self,
        record: &TimedSessionRecord,
        reason: EndReason,
    ) -> Result<(), InterviewError> {
        let sent = self.submissions.of_session(record.id).await?;
        for (position, &challenge) in record.problems.iter().enumerate() {
            let user = record.user_id;
            let Some(draft) = self
                .db
                .run(move |conn| crate::db::answer_drafts::latest(conn, user, challenge))
                .await?
            else {
                continue;
            };
            let newest_sent = sent
                .iter()
                .filter(|s| s.challenge_id == challenge)
                .map(|s| s.created_at)
                .max();
            // Only what was written during the interview, and not sent since.
            if draft.updated_at < record.started_at
                || newest_sent.is_some_and(|t| t >= draft.updated_at)
                || draft.source.trim().is_empty()
            {
                continue;
            }
            let Some(answer) = Answer::from_text(&draft.language, draft.source) else {
                continue;
            };
            let key = format!("session:{}:{position}", record.id);
            if let Err(e) = self
                .submissions
                .submit_for_session(user, challenge, record.id, answer, key)
                .await
            {
                tracing::warn!(session = %record.id, position, error = %e, "a last draft could not be submitted");
            }
        }
        let (id, at) = (record.id, closing_time(record, reason));
        self.db
            .run(move |conn| store::end(conn, id, reason, at))
            .await?;
        tracing::info!(session = %record.id, reason = reason.as_str(), "mock interview ended");
        Ok(())
    }

    async fn to_view(&self, record: TimedSessionRecord) -> Result<InterviewView, InterviewError> {
        let views = self.catalog.current_views(record.problems.clone()).await?;
        let mut posed = Vec::new();
        for id in &record.problems {
            // A challenge deleted since is left out of the report.
            let Some(view) = views.get(id) else { continue };
            posed.push(report::Posed {
                slug: view.slug.clone(),
                title: view.title.clone(),
                kind: view.kind,
                difficulty: view.difficulty,
                skills: view.skills.clone(),
                points: view.points,
            });
        }
        let attempts: Vec<report::Attempt> = self
            .submissions
            .of_session(record.id)
            .await?
            .into_iter()
            .filter_map(|s| {
                let problem = record
                    .problems
                    .iter()
                    .filter(|id| views.contains_key(id))
                    .position(|id| *id == s.challenge_id)?;
                Some(report::Attempt {
                    problem,
                    mode: s.mode,
                    status: s.status,
                    graded: s.graded,
                    created_at: s.created_at,
                })
            })
            .collect();
        let report = report::report(&posed, &attempts, record.started_at);
        let remaining_seconds = remaining(&record);
        Ok(InterviewView {
            id: record.id,
            candidate: record.user_id,
            format: record.format,
            title: record.title,
            state: record.state,
            started_at: record.started_at,
            deadline: record.deadline,
            ended_at: record.ended_at,
            end_reason: record.end_reason,
            remaining_seconds,
            report,
        })
    }
}

/// When the session counts as ended: the deadline itself for a deadline
/// close (the closer may run a few seconds late), now for an early end.
fn closing_time(record: &TimedSessionRecord, reason: EndReason) -> DateTime<Utc> {
    match reason {
        EndReason::Deadline => record.deadline,
        EndReason::Early => crate::db::now().min(record.deadline),
    }
}

/// A random published challenge fitting `slot`, not in `taken`, from the
/// least practised group (new, then attempted, then solved).
fn choose(all: &[Entry], slot: &Slot, taken: &HashSet<String>) -> Option<String> {
    let fits: Vec<&Entry> = all
        .iter()
        .filter(|e| e.published && e.kind == slot.kind && !taken.contains(&e.slug))
        .filter(|e| slot.difficulty.is_none_or(|d| d == e.difficulty))
        .filter(|e| slot.skills.is_empty() || e.skills.iter().any(|s| slot.skills.contains(s)))
        .collect();
    let mut rng = rand::thread_rng();
    for standing in [Standing::New, Standing::Attempted, Standing::Solved] {
        let group: Vec<&&Entry> = fits.iter().filter(|e| e.standing == standing).collect();
        if let Some(entry) = group.choose(&mut rng) {
            return Some(entry.slug.clone());
        }
    }
    None
}

/// "a medium code problem on graphs or trees".
fn describe(slot: &Slot) -> String {
    let difficulty = slot
        .difficulty
        .map(|d| format!("{} ", d.as_str()))
        .unwrap_or_default();
    let kind = match slot.kind {
        Kind::Code => "code",
        Kind::Sql => "SQL",
        Kind::Design => "system design",
    };
    let skills = if slot.skills.is_empty() {
        String::new()
    } else {
        format!(" on {}", slot.skills.join(" or "))
    };
    format!("a {difficulty}{kind} problem{skills}")
}
