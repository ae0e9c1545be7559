//! The submissions service: taking answers (submissions, which are scored,
//! and runs, which are not), enforcing per-user limits, and showing results
//! to the people allowed to see them.
//!
//! A submission is stored, with its grading job, before anything else
//! happens (`db::submissions::insert_and_enqueue`); grading happens in a
//! worker (`crate::worker`), which this service wakes.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;

use crate::catalog::{Catalog, CatalogError, ChallengeView};
use crate::challenges::model::{Challenge, Spec, TestInput};
use crate::challenges::Slug;
use crate::db::challenges::ChallengeRecord;
use crate::db::submissions::{self as store, NewSubmission, Stored, SubmissionRecord};
use crate::db::{Db, DbError};
use crate::domain::{ChallengeId, Kind, SubmissionId, User};
use crate::grading::materialise::input_from_json;
use crate::grading::{code, sql, Answer, Report, Verdict};
use crate::worker::Wake;

/// Per-user limits and queue settings.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Submissions and runs a user may send per minute.
    pub per_minute: u32,
    /// Submissions and runs a user may have waiting or being graded at once.
    pub pending: u32,
    /// Grading attempts before a job ends as an internal error.
    pub max_attempts: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_minute: 20,
            pending: 5,
            max_attempts: 3,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SubmissionError {
    #[error("no challenge `{0}`")]
    ChallengeNotFound(String),
    #[error("no such submission")]
    SubmissionNotFound,
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("{message}")]
    RateLimited {
        retry_after: Duration,
        message: String,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A bug, not the client's input.
    #[error("internal error: {0}")]
    Internal(String),
}

fn invalid(field: &'static str, message: impl Into<String>) -> SubmissionError {
    SubmissionError::Invalid {
        field,
        message: message.into(),
    }
}

/// Whether `user` may send another answer now: at most `pending` waiting
/// or being graded, at most `per_minute` in the last minute. Runs inside
/// the transaction that stores the answer (see `insert_and_enqueue`).
fn within_limits(
    conn: &mut crate::db::DbConnection,
    user: crate::domain::UserId,
    limits: &Limits,
) -> Result<Result<(), SubmissionError>, DbError> {
    let since = Utc::now() - chrono::Duration::seconds(60);
    let (recent, pending) = store::load_of_user(conn, user, since)?;
    if pending >= i64::from(limits.pending) {
        return Ok(Err(SubmissionError::RateLimited {
            retry_after: Duration::from_secs(5),
            message: format!(
                "you already have {pending} answers waiting to be graded; wait for one to finish"
            ),
        }));
    }
    if recent >= i64::from(limits.per_minute) {
        let oldest = store::oldest_since(conn, user, since)?;
        let wait = oldest
            .map(|t| {
                (t + chrono::Duration::seconds(60) - Utc::now())
                    .num_seconds()
                    .max(1)
            })
            .unwrap_or(60);
        return Ok(Err(SubmissionError::RateLimited {
            retry_after: Duration::from_secs(wait as u64),
            message: format!(
                "at most {} answers a minute; try again in {wait} s",
                limits.per_minute
            ),
        }));
    }
    Ok(Ok(()))
}

pub use crate::domain::{Mode, Status};
pub use crate::grading::ProgressItem;

/// Which timed session a new answer belongs to.
#[derive(Debug, Clone, Copy)]
enum SessionOf {
    /// The user's running one that poses the challenge, if any (an answer
    /// the user sends).
    Running,
    /// This one: what its deadline submits (sent after the deadline passed).
    Deadline(crate::domain::TimedSessionId),
    /// A live room's: sent from the room by one of its members.
    Room(crate::domain::RoomId),
}

/// An answer arriving from a client, already parsed into domain types.
#[derive(Debug, Clone)]
pub struct NewAnswer {
    pub mode: Mode,
    pub answer: Answer,
    /// A run's own input (code challenges only), as the client wrote it:
    /// arguments by name, `{"calls", "args"}`, or stdin text.
    pub custom_input: Option<serde_json::Value>,
    pub idempotency_key: Option<String>,
}

/// Where a new submission ended up.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub id: SubmissionId,
    /// `true` when the idempotency key matched an earlier submission.
    pub existing: bool,
}

/// A submission as its owner (or an instructor) sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SubmissionView {
    pub id: SubmissionId,
    pub challenge: String,
    pub challenge_title: String,
    pub challenge_version: u32,
    pub mode: Mode,
    pub answer: Answer,
    pub status: Status,
    pub tests_done: usize,
    pub tests_total: Option<u32>,
    pub progress: Vec<ProgressItem>,
    pub verdict: Option<Verdict>,
    pub score: Option<f64>,
    /// Whole points out of the challenge's points, with any override
    /// applied (submissions only; runs earn nothing).
    pub points: Option<u32>,
    pub max_points: u32,
    pub fuel: Option<u64>,
    /// Share of other accepted submissions (same challenge and language)
    /// that cost more: "cheaper than 72 %".
    pub cheaper_than: Option<f64>,
    pub report: Option<Report>,
    pub error: Option<String>,
    pub review: Option<Review>,
    pub created_at: chrono::DateTime<Utc>,
    pub graded_at: Option<chrono::DateTime<Utc>>,
}

/// An instructor's review of a design answer: the score that now counts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Review {
    pub score: f64,
    pub comment: String,
    pub reviewed_at: Option<chrono::DateTime<Utc>>,
}

#[derive(Clone)]
pub struct Submissions {
    db: Db,
    catalog: Catalog,
    limits: Limits,
    wake: Arc<Wake>,
}

impl Submissions {
    pub fn new(db: Db, catalog: Catalog, limits: Limits, wake: Arc<Wake>) -> Self {
        Self {
            db,
            catalog,
            limits,
            wake,
        }
    }

    /// Hears which submission a worker in this process just advanced.
    pub fn updates(&self) -> tokio::sync::broadcast::Receiver<SubmissionId> {
        self.wake.subscribe()
    }

    /// Stores an answer and queues it for grading. The user's limits are
    /// counted in the transaction that stores it, so concurrent requests
    /// cannot race past them. `share_key` is where it came from (the
    /// client's address), for the queue's fair share.
    pub async fn create(
        &self,
        user: &User,
        slug: &Slug,
        new: NewAnswer,
        share_key: Option<String>,
    ) -> Result<Accepted, SubmissionError> {
        let (record, challenge) = self.visible_challenge(user, slug).await?;
        let share_key = share_key.unwrap_or_else(|| format!("user:{}", user.id));
        self.store(
            user.id,
            record,
            &challenge,
            new,
            share_key,
            SessionOf::Running,
        )
        .await
    }

    /// Submits, on the user's behalf, what they had written when a timed
    /// session's clock ran out. Not counted against their limits (the
    /// server sends it, not the user); `key` makes a repeat (a closer that
    /// died half-way and was replaced) return the first submission.
    pub async fn submit_for_session(
        &self,
        user_id: crate::domain::UserId,
        challenge_id: ChallengeId,
        session_id: crate::domain::TimedSessionId,
        answer: Answer,
        key: String,
    ) -> Result<Accepted, SubmissionError> {
        let (record, challenge) = self
            .catalog
            .current_by_id(challenge_id)
            .await?
            .ok_or_else(|| SubmissionError::ChallengeNotFound(challenge_id.to_string()))?;
        let new = NewAnswer {
            mode: Mode::Submit,
            answer,
            custom_input: None,
            idempotency_key: Some(key),
        };
        let share_key = format!("user:{user_id}");
        self.store(
            user_id,
            record,
            &challenge,
            new,
            share_key,
            SessionOf::Deadline(session_id),
        )
        .await
    }

    /// Checks an answer against its challenge, then stores it with its
    /// grading job and wakes a worker.
    async fn store(
        &self,
        user_id: crate::domain::UserId,
        record: ChallengeRecord,
        challenge: &Challenge,
        new: NewAnswer,
        share_key: String,
        session: SessionOf,
    ) -> Result<Accepted, SubmissionError> {
        let custom_input = check_answer(challenge, &new)?;
        let answer = serde_json::to_string(&new.answer)
            .map_err(|e| SubmissionError::Internal(format!("cannot serialise an answer: {e}")))?;
        let custom_input = custom_input
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| SubmissionError::Internal(format!("cannot serialise an input: {e}")))?;
        let language = match &new.answer {
            Answer::Code { language, .. } => Some(language.as_str().to_owned()),
            _ => None,
        };
        let id = SubmissionId::new();
        let max_attempts = self.limits.max_attempts;
        let key = new.idempotency_key.clone();
        let limits = self.limits.clone();
        let challenge_id = record.id;
        let stored = self
            .db
            .run(move |conn| {
                let created_at = crate::db::now();
                let session_id = match session {
                    // An answer to a problem of a running mock interview is part of it.
                    SessionOf::Running => crate::db::timed_sessions::running_with(
                        conn,
                        user_id,
                        challenge_id,
                        created_at,
                    )?
                    .map(|id| id.as_uuid()),
                    SessionOf::Deadline(id) => Some(id.as_uuid()),
                    SessionOf::Room(id) => Some(id.as_uuid()),
                };
                store::insert_and_enqueue(
                    conn,
                    &NewSubmission {
                        id,
                        user_id,
                        challenge_id,
                        challenge_version: record.current_version,
                        mode: new.mode,
                        language: language.as_deref(),
                        answer: &answer,
                        custom_input: custom_input.as_deref(),
                        idempotency_key: key.as_deref(),
                        share_key: &share_key,
                        created_at,
                        session_id,
                    },
                    max_attempts,
                    |conn| match session {
                        SessionOf::Running | SessionOf::Room(_) => {
                            within_limits(conn, user_id, &limits)
                        }
                        // The server sends these, not the user.
                        SessionOf::Deadline(_) => Ok(Ok(())),
                    },
                )
            })
            .await?;
        match stored {
            Stored::Refused(refusal) => Err(refusal),
            Stored::Created(id) => {
                self.wake.notify();
                Ok(Accepted {
                    id,
                    existing: false,
                })
            }
            Stored::Existing(existing) if existing.challenge_id == challenge_id => Ok(Accepted {
                id: existing.id,
                existing: true,
            }),
            Stored::Existing(_) => Err(invalid(
                "idempotency_key",
                "this idempotency key was already used for another challenge",
            )),
        }
    }

    /// Every answer sent in a timed session, oldest first (the interview
    /// report reads them).
    pub async fn of_session(
        &self,
        session: crate::domain::TimedSessionId,
    ) -> Result<Vec<SubmissionRecord>, SubmissionError> {
        Ok(self
            .db
            .run(move |conn| store::list_for_session(conn, session.as_uuid()))
            .await?)
    }

    /// The answers sent from a live room, oldest first, each with who sent
    /// it (the room's members may all see them; the caller checks that).
    pub async fn of_room(
        &self,
        room: crate::domain::RoomId,
    ) -> Result<Vec<(crate::domain::UserId, SubmissionView)>, SubmissionError> {
        let records = self
            .db
            .run(move |conn| store::list_for_session(conn, room.as_uuid()))
            .await?;
        let senders: HashMap<SubmissionId, crate::domain::UserId> =
            records.iter().map(|r| (r.id, r.user_id)).collect();
        Ok(self
            .to_views(records)
            .await?
            .into_iter()
            .filter_map(|view| Some((*senders.get(&view.id)?, view)))
            .collect())
    }

    /// An answer sent from a live room by one of its members: counted
    /// against the sender's limits as any answer, and kept with the room.
    pub async fn create_in_room(
        &self,
        user: &User,
        slug: &Slug,
        new: NewAnswer,
        room: crate::domain::RoomId,
    ) -> Result<Accepted, SubmissionError> {
        let (record, challenge) = self.visible_challenge(user, slug).await?;
        let share_key = format!("user:{}", user.id);
        self.store(
            user.id,
            record,
            &challenge,
            new,
            share_key,
            SessionOf::Room(room),
        )
        .await
    }

    /// A published challenge, or an unpublished one for instructors.
    async fn visible_challenge(
        &self,
        user: &User,
        slug: &Slug,
    ) -> Result<(ChallengeRecord, Arc<Challenge>), SubmissionError> {
        match self.catalog.current(slug).await? {
            Some((record, challenge)) if crate::catalog::visible_to(&record, Some(user)) => {
                Ok((record, challenge))
            }
            _ => Err(SubmissionError::ChallengeNotFound(slug.to_string())),
        }
    }

    /// A submission, for its owner or an instructor. Anyone else gets "not
    /// found", so submission ids reveal nothing.
    pub async fn view(
        &self,
        viewer: &User,
        id: SubmissionId,
    ) -> Result<SubmissionView, SubmissionError> {
        let record = self
            .db
            .run(move |conn| store::find(conn, id))
            .await?
            .ok_or(SubmissionError::SubmissionNotFound)?;
        if !viewer.may_read_work_of(record.user_id) {
            return Err(SubmissionError::SubmissionNotFound);
        }
        let mut views = self.to_views(vec![record]).await?;
        views.pop().ok_or(SubmissionError::SubmissionNotFound)
    }

    /// A user's own submissions, newest first (optionally one challenge's).
    pub async fn list_own(
        &self,
        user: &User,
        slug: Option<&Slug>,
        limit: i64,
    ) -> Result<Vec<SubmissionView>, SubmissionError> {
        let challenge = match slug {
            Some(slug) => match self.catalog.record(slug).await? {
                Some(record) => Some(record.id),
                None => return Err(SubmissionError::ChallengeNotFound(slug.to_string())),
            },
            None => None,
        };
        let user_id = user.id;
        let records = self
            .db
            .run(move |conn| store::list_for_user(conn, user_id, challenge, limit))
            .await?;
        self.to_views(records).await
    }

    /// Views of stored submissions, reading each challenge version's view
    /// and each (challenge, language)'s accepted costs once for the lot,
    /// not once per submission.
    async fn to_views(
        &self,
        records: Vec<SubmissionRecord>,
    ) -> Result<Vec<SubmissionView>, SubmissionError> {
        let versions: BTreeSet<(ChallengeId, u32)> = records
            .iter()
            .map(|r| (r.challenge_id, r.challenge_version))
            .collect();
        let challenges = self.catalog.version_views(versions).await?;
        // Costs are compared for accepted code and SQL submissions only.
        let costed: BTreeSet<(ChallengeId, Option<String>)> = records
            .iter()
            .filter(|r| r.mode == Mode::Submit && r.graded.accepted() && r.fuel.is_some())
            .filter(|r| {
                challenges
                    .get(&(r.challenge_id, r.challenge_version))
                    .is_some_and(|c| c.kind != Kind::Design)
            })
            .map(|r| (r.challenge_id, r.language.clone()))
            .collect();
        let costs = if costed.is_empty() {
            HashMap::new()
        } else {
            self.db
                .run(move |conn| {
                    let mut costs = HashMap::new();
                    for (challenge, language) in costed {
                        let fuel = store::accepted_fuel(conn, challenge, language.as_deref())?;
                        costs.insert((challenge, language), fuel);
                    }
                    Ok(costs)
                })
                .await?
        };
        records
            .into_iter()
            .map(|record| {
                let challenge = challenges
                    .get(&(record.challenge_id, record.challenge_version))
                    .ok_or_else(|| {
                        DbError::Corrupt(format!(
                            "submission {} has no challenge version",
                            record.id
                        ))
                    })?;
                let others = costs.get(&(record.challenge_id, record.language.clone()));
                view_of(record, challenge, others.map(Vec::as_slice))
            })
            .collect()
    }
}

/// A submission as it is shown; `others` are the costs of the accepted
/// submissions it is compared with (its own among them).
fn view_of(
    record: SubmissionRecord,
    challenge: &ChallengeView,
    others: Option<&[u64]>,
) -> Result<SubmissionView, SubmissionError> {
    let corrupt = |what: &str, e: serde_json::Error| {
        SubmissionError::Db(DbError::Corrupt(format!(
            "submission {}: {what}: {e}",
            record.id
        )))
    };
    let answer: Answer = serde_json::from_str(&record.answer).map_err(|e| corrupt("answer", e))?;
    let report: Option<Report> = record
        .report
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| corrupt("report", e))?;
    let progress: Vec<ProgressItem> =
        serde_json::from_str(&record.progress).map_err(|e| corrupt("progress", e))?;
    let graded = record.graded;
    let effective = graded.counted_score();
    let cheaper_than = match (others, record.fuel) {
        (Some(others), Some(fuel)) => {
            let costlier = others.iter().filter(|f| **f > fuel).count();
            let comparable = others.len().saturating_sub(1);
            (comparable > 0).then(|| costlier as f64 / comparable as f64)
        }
        _ => None,
    };
    let mode = record.mode;
    Ok(SubmissionView {
        id: record.id,
        challenge: challenge.slug.clone(),
        challenge_title: challenge.title.clone(),
        challenge_version: record.challenge_version,
        mode,
        answer,
        status: record.status,
        tests_done: progress.len(),
        tests_total: record.tests_total,
        progress,
        verdict: graded.verdict,
        score: effective,
        points: (mode == Mode::Submit)
            .then(|| effective.map(|s| crate::domain::points(s, challenge.points)))
            .flatten(),
        max_points: challenge.points,
        fuel: record.fuel,
        cheaper_than,
        report,
        error: record.error,
        review: graded.override_score.map(|score| Review {
            score,
            comment: record.override_comment.unwrap_or_default(),
            reviewed_at: record.reviewed_at,
        }),
        created_at: record.created_at,
        graded_at: record.graded_at,
    })
}

fn refuse_nul(field: &'static str, text: &str) -> Result<(), SubmissionError> {
    match crate::domain::nul_byte_line(text) {
        Some(line) => Err(invalid(
            field,
            format!("{field} contains a NUL byte (character 0) on line {line}; remove it"),
        )),
        None => Ok(()),
    }
}

/// Checks an answer against its challenge before it is stored: the right
/// kind, an offered language, sizes, and a run's own input (returned in the
/// grader's form).
fn check_answer(
    challenge: &Challenge,
    new: &NewAnswer,
) -> Result<Option<TestInput>, SubmissionError> {
    match (&challenge.spec, &new.answer) {
        (Spec::Code(spec), Answer::Code { language, source }) => {
            if !spec.languages.contains(language) {
                let offered: Vec<&str> = spec.languages.iter().map(|l| l.as_str()).collect();
                return Err(invalid(
                    "language",
                    format!(
                        "this challenge takes {}; not {language}",
                        offered.join(", ")
                    ),
                ));
            }
            if source.trim().is_empty() {
                return Err(invalid("source", "the solution is empty"));
            }
            refuse_nul("source", source)?;
            if source.len() > code::MAX_SOURCE_BYTES {
                return Err(invalid(
                    "source",
                    format!(
                        "the solution is {} bytes; the limit is {}",
                        source.len(),
                        code::MAX_SOURCE_BYTES
                    ),
                ));
            }
            let Some(raw) = &new.custom_input else {
                return Ok(None);
            };
            if new.mode == Mode::Submit {
                return Err(invalid(
                    "input",
                    "custom input is for runs, not submissions",
                ));
            }
            let input = input_from_json(&spec.mode, raw.clone())
                .map_err(|e| invalid("input", format!("the input must be {e}")))?;
            code::check_input(spec, &input).map_err(|e| invalid("input", e))?;
            Ok(Some(input))
        }
        (Spec::Sql(_), Answer::Sql { source }) => {
            if source.trim().is_empty() {
                return Err(invalid("source", "the query is empty"));
            }
            refuse_nul("source", source)?;
            if source.len() > sql::MAX_SOURCE_BYTES {
                return Err(invalid(
                    "source",
                    format!(
                        "the query is {} bytes; the limit is {}",
                        source.len(),
                        sql::MAX_SOURCE_BYTES
                    ),
                ));
            }
            if new.custom_input.is_some() {
                return Err(invalid("input", "SQL challenges run on their own datasets"));
            }
            Ok(None)
        }
        (Spec::Design(_), Answer::Design(answer)) => {
            if new.mode == Mode::Run {
                return Err(invalid("mode", "design answers are submitted, not run"));
            }
            let total: usize = answer.sections.values().map(String::len).sum();
            if total == 0 {
                return Err(invalid(
                    "answer",
                    "the answer is empty: write at least one section",
                ));
            }
            if total > 64 * 1024 {
                return Err(invalid("answer", "the answer is longer than 64 KiB"));
            }
            for (section, text) in &answer.sections {
                if let Some(line) = crate::domain::nul_byte_line(text) {
                    return Err(invalid(
                        "sections",
                        format!(
                            "the {} section contains a NUL byte (character 0) on line {line}; remove it",
                            section.key()
                        ),
                    ));
                }
            }
            Ok(None)
        }
        (spec, _) => Err(invalid(
            "kind",
            format!(
                "this is a {} challenge; send a {} answer",
                challenge.kind().as_str(),
                match spec {
                    Spec::Code(_) => "code (`language` and `source`)",
                    Spec::Sql(_) => "SQL (`source`)",
                    Spec::Design(_) => "design (`sections`)",
                }
            ),
        )),
    }
}
