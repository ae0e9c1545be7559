//! The `submissions` table. A submission is written, with its queue entry,
//! in one transaction; results are written only by the worker holding the
//! job's lease, in the same transaction that finishes the job, so a result
//! is stored once even when two workers raced for an expired lease.
//!
//! Answers, progress and reports are JSON text here; the submissions
//! service gives them meaning.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::submissions;
use super::{jobs, DbConnection, DbError};
use crate::domain::{
    ChallengeId, Graded, JobId, Kind, Mode, Status, SubmissionId, UserId, Verdict,
};

#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionRecord {
    pub id: SubmissionId,
    pub user_id: UserId,
    pub challenge_id: ChallengeId,
    pub challenge_version: u32,
    pub mode: Mode,
    pub language: Option<String>,
    pub answer: String,
    pub custom_input: Option<String>,
    pub status: Status,
    pub progress: String,
    pub tests_total: Option<u32>,
    /// Verdict, score and any review (empty until graded).
    pub graded: Graded,
    pub fuel: Option<u64>,
    pub report: Option<String>,
    pub error: Option<String>,
    pub override_comment: Option<String>,
    pub reviewed_by: Option<UserId>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub graded_at: Option<DateTime<Utc>>,
    /// The timed session (a mock interview) or live room it was sent in,
    /// if any (both ids are UUIDv7s, so they never collide).
    pub session_id: Option<uuid::Uuid>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = submissions)]
struct Row {
    id: String,
    user_id: String,
    challenge_id: String,
    challenge_version: i32,
    mode: String,
    language: Option<String>,
    answer: String,
    custom_input: Option<String>,
    status: String,
    progress: String,
    tests_total: Option<i32>,
    verdict: Option<String>,
    score: Option<f64>,
    fuel: Option<i64>,
    report: Option<String>,
    error: Option<String>,
    override_score: Option<f64>,
    override_comment: Option<String>,
    reviewed_by: Option<String>,
    reviewed_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    graded_at: Option<NaiveDateTime>,
    session_id: Option<String>,
}

impl Row {
    fn into_record(self) -> Result<SubmissionRecord, DbError> {
        let corrupt = |what: &str| DbError::Corrupt(format!("submission {}: {what}", self.id));
        Ok(SubmissionRecord {
            id: SubmissionId::parse(&self.id).ok_or_else(|| corrupt("id is not a UUID"))?,
            user_id: UserId::parse(&self.user_id)
                .ok_or_else(|| corrupt("user id is not a UUID"))?,
            challenge_id: ChallengeId::parse(&self.challenge_id)
                .ok_or_else(|| corrupt("challenge id is not a UUID"))?,
            challenge_version: u32::try_from(self.challenge_version)
                .map_err(|_| corrupt("negative version"))?,
            reviewed_by: match &self.reviewed_by {
                Some(id) => {
                    Some(UserId::parse(id).ok_or_else(|| corrupt("reviewer id is not a UUID"))?)
                }
                None => None,
            },
            tests_total: self
                .tests_total
                .map(u32::try_from)
                .transpose()
                .map_err(|_| corrupt("negative test count"))?,
            fuel: self
                .fuel
                .map(u64::try_from)
                .transpose()
                .map_err(|_| corrupt("negative fuel"))?,
            mode: Mode::parse(&self.mode).map_err(|e| corrupt(&e.to_string()))?,
            status: Status::parse(&self.status).map_err(|e| corrupt(&e.to_string()))?,
            graded: graded(self.verdict.as_deref(), self.score, self.override_score)
                .map_err(|e| corrupt(&e))?,
            session_id: match &self.session_id {
                Some(id) => Some(
                    uuid::Uuid::parse_str(id).map_err(|_| corrupt("session id is not a UUID"))?,
                ),
                None => None,
            },
            reviewed_at: self.reviewed_at.map(|t| t.and_utc()),
            created_at: self.created_at.and_utc(),
            graded_at: self.graded_at.map(|t| t.and_utc()),
            language: self.language,
            answer: self.answer,
            custom_input: self.custom_input,
            progress: self.progress,
            report: self.report,
            error: self.error,
            override_comment: self.override_comment,
        })
    }
}

pub struct NewSubmission<'a> {
    pub id: SubmissionId,
    pub user_id: UserId,
    pub challenge_id: ChallengeId,
    pub challenge_version: u32,
    pub mode: Mode,
    pub language: Option<&'a str>,
    pub answer: &'a str,
    pub custom_input: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
    /// The grading queue's fair-share key (see `jobs::claim`).
    pub share_key: &'a str,
    pub created_at: DateTime<Utc>,
    /// A timed session's or a live room's id.
    pub session_id: Option<uuid::Uuid>,
}

/// What storing a submission did.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored<R> {
    Created(SubmissionId),
    /// The user already sent a submission with this idempotency key.
    Existing(Box<SubmissionRecord>),
    /// `admit` said no; nothing was stored.
    Refused(R),
}

/// Stores a submission and queues its grading job, in one transaction that
/// holds the user's lock, so `admit` (the caller's limits, counted in the
/// same transaction) cannot be raced by the user's own concurrent requests.
/// A repeated idempotency key returns the first submission instead.
pub fn insert_and_enqueue<R>(
    conn: &mut DbConnection,
    new: &NewSubmission<'_>,
    max_attempts: u32,
    admit: impl FnOnce(&mut DbConnection) -> Result<Result<(), R>, DbError>,
) -> Result<Stored<R>, DbError> {
    let result = conn.transaction::<_, DbError, _>(|conn| {
        super::users::lock(conn, new.user_id)?;
        if let Some(existing) = find_by_key(conn, new)? {
            return Ok(Stored::Existing(Box::new(existing)));
        }
        if let Err(refusal) = admit(conn)? {
            return Ok(Stored::Refused(refusal));
        }
        diesel::insert_into(submissions::table)
            .values((
                submissions::id.eq(new.id.to_string()),
                submissions::user_id.eq(new.user_id.to_string()),
                submissions::challenge_id.eq(new.challenge_id.to_string()),
                submissions::challenge_version.eq(new.challenge_version as i32),
                submissions::mode.eq(new.mode.as_str()),
                submissions::language.eq(new.language),
                submissions::answer.eq(new.answer),
                submissions::custom_input.eq(new.custom_input),
                submissions::idempotency_key.eq(new.idempotency_key),
                submissions::status.eq(Status::Queued.as_str()),
                submissions::progress.eq("[]"),
                submissions::created_at.eq(new.created_at.naive_utc()),
                submissions::session_id.eq(new.session_id.map(|id| id.to_string())),
            ))
            .execute(conn)?;
        jobs::enqueue(conn, new.id, max_attempts, new.share_key, new.created_at)?;
        Ok(Stored::Created(new.id))
    });
    match result {
        Ok(stored) => Ok(stored),
        // A double-click raced past the first look: the other request won.
        Err(e) if e.is_unique_violation() => match find_by_key(conn, new)? {
            Some(existing) => Ok(Stored::Existing(Box::new(existing))),
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}

fn find_by_key(
    conn: &mut DbConnection,
    new: &NewSubmission<'_>,
) -> Result<Option<SubmissionRecord>, DbError> {
    let Some(key) = new.idempotency_key else {
        return Ok(None);
    };
    submissions::table
        .filter(submissions::user_id.eq(new.user_id.to_string()))
        .filter(submissions::idempotency_key.eq(key))
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Row::into_record)
        .transpose()
}

pub fn find(
    conn: &mut DbConnection,
    id: SubmissionId,
) -> Result<Option<SubmissionRecord>, DbError> {
    submissions::table
        .find(id.to_string())
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Row::into_record)
        .transpose()
}

/// A user's submissions, newest first, optionally for one challenge.
pub fn list_for_user(
    conn: &mut DbConnection,
    user: UserId,
    challenge: Option<ChallengeId>,
    limit: i64,
) -> Result<Vec<SubmissionRecord>, DbError> {
    let mut query = submissions::table
        .filter(submissions::user_id.eq(user.to_string()))
        .into_boxed();
    if let Some(challenge) = challenge {
        query = query.filter(submissions::challenge_id.eq(challenge.to_string()));
    }
    query
        .order(submissions::created_at.desc())
        .limit(limit)
        .select(Row::as_select())
        .load(conn)?
        .into_iter()
        .map(Row::into_record)
        .collect()
}

/// How many submissions (and runs) a user sent since `since`, and how many
/// of theirs are waiting or being graded: the inputs to per-user limits.
pub fn load_of_user(
    conn: &mut DbConnection,
    user: UserId,
    since: DateTime<Utc>,
) -> Result<(i64, i64), DbError> {
    let recent = submissions::table
        .filter(submissions::user_id.eq(user.to_string()))
        .filter(submissions::created_at.ge(since.naive_utc()))
        .count()
        .get_result(conn)?;
    let pending = submissions::table
        .filter(submissions::user_id.eq(user.to_string()))
        .filter(submissions::status.eq_any([Status::Queued.as_str(), Status::Running.as_str()]))
        .count()
        .get_result(conn)?;
    Ok((recent, pending))
}

/// The oldest submission time of the user since `since` (for Retry-After).
pub fn oldest_since(
    conn: &mut DbConnection,
    user: UserId,
    since: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    Ok(submissions::table
        .filter(submissions::user_id.eq(user.to_string()))
        .filter(submissions::created_at.ge(since.naive_utc()))
        .select(diesel::dsl::min(submissions::created_at))
        .first::<Option<NaiveDateTime>>(conn)?
        .map(|t| t.and_utc()))
}

/// Marks a submission as being graded, with its number of tests.
pub fn mark_running(
    conn: &mut DbConnection,
    id: SubmissionId,
    tests_total: Option<u32>,
) -> Result<(), DbError> {
    diesel::update(
        submissions::table
            .find(id.to_string())
            .filter(submissions::status.ne(Status::Done.as_str())),
    )
    .set((
        submissions::status.eq(Status::Running.as_str()),
        submissions::progress.eq("[]"),
        submissions::tests_total.eq(tests_total.map(|n| n as i32)),
    ))
    .execute(conn)?;
    Ok(())
}

/// Records progress (a JSON list of per-test verdicts) while grading.
pub fn record_progress(
    conn: &mut DbConnection,
    id: SubmissionId,
    progress: &str,
) -> Result<(), DbError> {
    diesel::update(
        submissions::table
            .find(id.to_string())
            .filter(submissions::status.eq(Status::Running.as_str())),
    )
    .set(submissions::progress.eq(progress))
    .execute(conn)?;
    Ok(())
}

/// A finished grading, as the worker writes it.
pub struct GradedResult<'a> {
    pub verdict: Verdict,
    pub score: f64,
    pub fuel: u64,
    pub report: &'a str,
    pub progress: &'a str,
    pub tests_total: u32,
}

/// Stores the result and finishes the job in one transaction, only while
/// `owner` holds the job's lease. `false` means the lease was lost and
/// nothing was written.
pub fn complete(
    conn: &mut DbConnection,
    job: JobId,
    owner: &str,
    submission: SubmissionId,
    result: &GradedResult<'_>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    Ok(conn.transaction::<_, diesel::result::Error, _>(|conn| {
        if !jobs::finish(conn, job, owner, jobs::JobState::Done, None, now)? {
            return Ok(false);
        }
        diesel::update(submissions::table.find(submission.to_string()))
            .set((
                submissions::status.eq(Status::Done.as_str()),
                submissions::verdict.eq(result.verdict.as_str()),
                submissions::score.eq(result.score),
                submissions::fuel.eq(i64::try_from(result.fuel).unwrap_or(i64::MAX)),
                submissions::report.eq(result.report),
                submissions::progress.eq(result.progress),
                submissions::tests_total.eq(result.tests_total as i32),
                submissions::error.eq(None::<String>),
                submissions::graded_at.eq(now.naive_utc()),
            ))
            .execute(conn)?;
        Ok(true)
    })?)
}

/// Ends a submission that cannot be graded (it keeps failing, or its
/// challenge is gone): visible to the user as an internal error.
pub fn fail(
    conn: &mut DbConnection,
    job: JobId,
    owner: &str,
    submission: SubmissionId,
    error: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    Ok(conn.transaction::<_, diesel::result::Error, _>(|conn| {
        if !jobs::finish(conn, job, owner, jobs::JobState::Failed, Some(error), now)? {
            return Ok(false);
        }
        diesel::update(submissions::table.find(submission.to_string()))
            .set((
                submissions::status.eq(Status::Failed.as_str()),
                submissions::verdict.eq(Verdict::InternalError.as_str()),
                submissions::error.eq(error),
                submissions::graded_at.eq(now.naive_utc()),
            ))
            .execute(conn)?;
        Ok(true)
    })?)
}

/// A challenge's acceptance figures: graded submissions (not runs) and
/// how many of them were accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Acceptance {
    pub graded: u64,
    pub accepted: u64,
}

/// Acceptance figures per challenge, counted by the database (one row per
/// challenge, however many submissions there are).
pub fn challenge_stats(conn: &mut DbConnection) -> Result<Vec<(ChallengeId, Acceptance)>, DbError> {
    use diesel::dsl::{count_star, sql};
    use diesel::sql_types::BigInt;
    // Both backends read `SUM(CASE …)` alike; `CAST` keeps the type BIGINT
    // (PostgreSQL's SUM of an integer is NUMERIC otherwise).
    let accepted = sql::<BigInt>(&format!(
        "CAST(COALESCE(SUM(CASE WHEN verdict = '{}' THEN 1 ELSE 0 END), 0) AS BIGINT)",
        Verdict::Accepted.as_str()
    ));
    let rows: Vec<(String, i64, i64)> = submissions::table
        .filter(submissions::mode.eq(Mode::Submit.as_str()))
        .filter(submissions::status.eq(Status::Done.as_str()))
        .group_by(submissions::challenge_id)
        .select((submissions::challenge_id, count_star(), accepted))
        .load(conn)?;
    rows.into_iter()
        .map(|(challenge, graded, accepted)| {
            let id = ChallengeId::parse(&challenge).ok_or_else(|| {
                DbError::Corrupt(format!("challenge id {challenge:?} is not a UUID"))
            })?;
            let count = |n: i64| u64::try_from(n).unwrap_or(0);
            Ok((
                id,
                Acceptance {
                    graded: count(graded),
                    accepted: count(accepted),
                },
            ))
        })
        .collect()
}

/// A user's graded submissions (not runs), per challenge: what their best
/// result is computed from (`domain::best_per`).
pub fn graded_of_user(
    conn: &mut DbConnection,
    user: UserId,
) -> Result<Vec<(ChallengeId, Graded)>, DbError> {
    type Scored = (String, Option<f64>, Option<f64>, Option<String>);
    let rows: Vec<Scored> = submissions::table
        .filter(submissions::user_id.eq(user.to_string()))
        .filter(submissions::mode.eq(Mode::Submit.as_str()))
        .select((
            submissions::challenge_id,
            submissions::score,
            submissions::override_score,
            submissions::verdict,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(challenge, score, override_score, verdict)| {
            let corrupt =
                |what: String| DbError::Corrupt(format!("a submission of {challenge}: {what}"));
            let id = ChallengeId::parse(&challenge)
                .ok_or_else(|| corrupt("challenge id is not a UUID".into()))?;
            let graded = graded(verdict.as_deref(), score, override_score).map_err(corrupt)?;
            Ok((id, graded))
        })
        .collect()
}

/// A row's grading columns, parsed (the verdict must name a verdict).
fn graded(
    verdict: Option<&str>,
    score: Option<f64>,
    override_score: Option<f64>,
) -> Result<Graded, String> {
    Ok(Graded {
        verdict: verdict
            .map(Verdict::parse)
            .transpose()
            .map_err(|e| e.to_string())?,
        score,
        override_score,
    })
}

/// Fuel of accepted submissions of a challenge in one language (for "cheaper
/// than N % of accepted submissions").
pub fn accepted_fuel(
    conn: &mut DbConnection,
    challenge: ChallengeId,
    language: Option<&str>,
) -> Result<Vec<u64>, DbError> {
    let mut query = submissions::table
        .filter(submissions::challenge_id.eq(challenge.to_string()))
        .filter(submissions::mode.eq(Mode::Submit.as_str()))
        .filter(submissions::verdict.eq(Verdict::Accepted.as_str()))
        .select(submissions::fuel)
        .into_boxed();
    if let Some(language) = language {
        query = query.filter(submissions::language.eq(language));
    }
    Ok(query
        .load::<Option<i64>>(conn)?
        .into_iter()
        .flatten()
        .filter_map(|f| u64::try_from(f).ok())
        .collect())
}

/// One graded submission, as scores and activity are computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreEvent {
    pub id: SubmissionId,
    pub user_id: UserId,
    pub challenge_id: ChallengeId,
    pub mode: Mode,
    pub graded: Graded,
    pub created_at: DateTime<Utc>,
}

/// Graded (or failed) submissions and runs since `since`, oldest first,
/// for one user or everyone.
pub fn score_events(
    conn: &mut DbConnection,
    user: Option<UserId>,
    since: Option<DateTime<Utc>>,
) -> Result<Vec<ScoreEvent>, DbError> {
    type EventRow = (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<f64>,
        Option<f64>,
        NaiveDateTime,
    );
    let mut query = submissions::table
        .filter(submissions::status.eq_any([Status::Done.as_str(), Status::Failed.as_str()]))
        .select((
            submissions::id,
            submissions::user_id,
            submissions::challenge_id,
            submissions::mode,
            submissions::verdict,
            submissions::score,
            submissions::override_score,
            submissions::created_at,
        ))
        .order(submissions::created_at.asc())
        .into_boxed();
    if let Some(user) = user {
        query = query.filter(submissions::user_id.eq(user.to_string()));
    }
    if let Some(since) = since {
        query = query.filter(submissions::created_at.ge(since.naive_utc()));
    }
    let rows: Vec<EventRow> = query.load(conn)?;
    rows.into_iter()
        .map(
            |(id, user_id, challenge_id, mode, verdict, score, override_score, created_at)| {
                let corrupt = |what: &str| DbError::Corrupt(format!("submission {id}: {what}"));
                let not_uuid = || corrupt("an id is not a UUID");
                Ok(ScoreEvent {
                    id: SubmissionId::parse(&id).ok_or_else(not_uuid)?,
                    user_id: UserId::parse(&user_id).ok_or_else(not_uuid)?,
                    challenge_id: ChallengeId::parse(&challenge_id).ok_or_else(not_uuid)?,
                    mode: Mode::parse(&mode).map_err(|e| corrupt(&e.to_string()))?,
                    graded: graded(verdict.as_deref(), score, override_score)
                        .map_err(|e| corrupt(&e))?,
                    created_at: created_at.and_utc(),
                })
            },
        )
        .collect()
}

/// A challenge's graded submissions (not runs): who, and how each was graded.
pub fn of_challenge(
    conn: &mut DbConnection,
    challenge: ChallengeId,
) -> Result<Vec<(UserId, Graded)>, DbError> {
    type Row = (String, Option<String>, Option<f64>, Option<f64>);
    let rows: Vec<Row> = submissions::table
        .filter(submissions::challenge_id.eq(challenge.to_string()))
        .filter(submissions::mode.eq(Mode::Submit.as_str()))
        .filter(submissions::status.eq_any([Status::Done.as_str(), Status::Failed.as_str()]))
        .select((
            submissions::user_id,
            submissions::verdict,
            submissions::score,
            submissions::override_score,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(user, verdict, score, override_score)| {
            let corrupt =
                |what: String| DbError::Corrupt(format!("a submission of {user}: {what}"));
            let id = UserId::parse(&user).ok_or_else(|| corrupt("user id is not a UUID".into()))?;
            let graded = graded(verdict.as_deref(), score, override_score).map_err(corrupt)?;
            Ok((id, graded))
        })
        .collect()
}

/// Graded design submissions, oldest first: unreviewed ones, or (with
/// `reviewed`) the reviewed ones.
pub fn design_submissions(
    conn: &mut DbConnection,
    reviewed: bool,
    limit: i64,
) -> Result<Vec<SubmissionRecord>, DbError> {
    use super::schema::challenges;
    let mut query = submissions::table
        .inner_join(challenges::table)
        .filter(challenges::kind.eq(Kind::Design.as_str()))
        .filter(submissions::mode.eq(Mode::Submit.as_str()))
        .filter(submissions::status.eq(Status::Done.as_str()))
        .into_boxed();
    query = if reviewed {
        query.filter(submissions::override_score.is_not_null())
    } else {
        query.filter(submissions::override_score.is_null())
    };
    query
        .order(submissions::created_at.asc())
        .limit(limit)
        .select(Row::as_select())
        .load(conn)?
        .into_iter()
        .map(Row::into_record)
        .collect()
}

/// Records an instructor's review: the score the candidate now has, and why.
pub fn set_review(
    conn: &mut DbConnection,
    id: SubmissionId,
    score: f64,
    comment: &str,
    reviewer: UserId,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        submissions::table
            .find(id.to_string())
            .filter(submissions::status.eq(Status::Done.as_str())),
    )
    .set((
        submissions::override_score.eq(score),
        submissions::override_comment.eq(comment),
        submissions::reviewed_by.eq(reviewer.to_string()),
        submissions::reviewed_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Every answer sent in a timed session, oldest first.
/// The answers sent in a timed session or a live room (by its id), oldest
/// first.
pub fn list_for_session(
    conn: &mut DbConnection,
    session: uuid::Uuid,
) -> Result<Vec<SubmissionRecord>, DbError> {
    submissions::table
        .filter(submissions::session_id.eq(session.to_string()))
        .order(submissions::created_at.asc())
        .select(Row::as_select())
        .load(conn)?
        .into_iter()
        .map(Row::into_record)
        .collect()
}
