//! The `grading_jobs` table: the grading queue.
//!
//! A worker claims the oldest ready job with a lease — `FOR UPDATE SKIP
//! LOCKED` on PostgreSQL, so workers never wait on or double-claim a row;
//! an immediate (write-locking) transaction on SQLite, which serialises
//! writers anyway. A job is ready when it is queued, or when its lease has
//! expired because its worker died. Each claim counts an attempt.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::grading_jobs;
use super::{DbConnection, DbError};
use crate::domain::{JobId, SubmissionId};

crate::domain::text_enum! {
    /// Where a grading job is.
    pub enum JobState("job state") {
        /// Waiting for a worker (from `available_at`).
        Queued = "queued",
        /// A worker holds it until its lease expires.
        Leased = "leased",
        Done = "done",
        /// Given up on; its submission shows an internal error.
        Failed = "failed",
    }
}

/// A job a worker now holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedJob {
    pub id: JobId,
    pub submission_id: SubmissionId,
    /// Including this one.
    pub attempts: u32,
    pub max_attempts: u32,
}

#[derive(Queryable)]
struct ReadyRow {
    id: String,
    submission_id: String,
    attempts: i32,
    max_attempts: i32,
}

/// How many jobs with the candidate job's fair-share key are leased now:
/// the claim takes the ready job whose sender has the fewest in hand, then
/// the oldest. Every sender gets a worker before anyone gets a second, so
/// a flood from one place (fresh accounts included) waits behind everyone
/// else instead of in front. Plain SQL: a correlated count that both
/// backends read the same way.
fn in_hand_for_share() -> diesel::expression::SqlLiteral<diesel::sql_types::BigInt> {
    diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT COUNT(*) FROM grading_jobs AS held \
          WHERE held.share_key = grading_jobs.share_key AND held.state = 'leased')",
    )
}

/// Selects the oldest ready job, then leases it, on one backend's
/// connection (the two backends differ only in how the row is locked).
macro_rules! claim_on {
    ($conn:expr, $now:expr, $owner:expr, $until:expr, |$q:ident| $lock:expr) => {{
        let query = grading_jobs::table
            .filter(
                grading_jobs::state
                    .eq(JobState::Queued.as_str())
                    .and(grading_jobs::available_at.le($now))
                    .or(grading_jobs::state
                        .eq(JobState::Leased.as_str())
                        .and(grading_jobs::lease_expires_at.lt($now))),
            )
            .order((
                in_hand_for_share(),
                grading_jobs::available_at.asc(),
                grading_jobs::created_at.asc(),
            ))
            .select((
                grading_jobs::id,
                grading_jobs::submission_id,
                grading_jobs::attempts,
                grading_jobs::max_attempts,
            ));
        let row: Option<ReadyRow> = {
            let $q = query;
            $lock
        }
        .first($conn)
        .optional()?;
        match row {
            None => Ok(None),
            Some(row) => {
                diesel::update(grading_jobs::table.find(&row.id))
                    .set((
                        grading_jobs::state.eq(JobState::Leased.as_str()),
                        grading_jobs::lease_owner.eq($owner),
                        grading_jobs::lease_expires_at.eq($until),
                        grading_jobs::attempts.eq(row.attempts + 1),
                        grading_jobs::updated_at.eq($now),
                    ))
                    .execute($conn)?;
                Ok(Some(row))
            }
        }
    }};
}

/// Takes the oldest ready job for `owner` until `lease_until`.
pub fn claim(
    conn: &mut DbConnection,
    owner: &str,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> Result<Option<ClaimedJob>, DbError> {
    let now = now.naive_utc();
    let until = lease_until.naive_utc();
    let row = match conn {
        DbConnection::Postgres(pg) => pg.transaction::<_, diesel::result::Error, _>(|pg| {
            claim_on!(pg, now, owner, until, |q| q.for_update().skip_locked())
        })?,
        DbConnection::Sqlite(sqlite) => sqlite
            .immediate_transaction::<_, diesel::result::Error, _>(|sqlite| {
                // The immediate transaction already holds the write lock.
                claim_on!(sqlite, now, owner, until, |q| q)
            })?,
    };
    let Some(row) = row else {
        return Ok(None);
    };
    let corrupt = |what: &str| DbError::Corrupt(format!("grading job {}: {what}", row.id));
    Ok(Some(ClaimedJob {
        id: JobId::parse(&row.id).ok_or_else(|| corrupt("id is not a UUID"))?,
        submission_id: SubmissionId::parse(&row.submission_id)
            .ok_or_else(|| corrupt("submission id is not a UUID"))?,
        attempts: u32::try_from(row.attempts + 1).map_err(|_| corrupt("negative attempts"))?,
        max_attempts: u32::try_from(row.max_attempts)
            .map_err(|_| corrupt("negative attempt limit"))?,
    }))
}

/// The job `id`, if `owner` still holds its lease: every change a worker
/// makes to its job goes through this filter, so a worker whose lease
/// expired changes nothing.
type Held<'a> = diesel::dsl::Filter<
    diesel::dsl::Filter<
        diesel::dsl::Find<grading_jobs::table, String>,
        diesel::dsl::Eq<grading_jobs::state, &'static str>,
    >,
    diesel::dsl::Eq<grading_jobs::lease_owner, &'a str>,
>;

fn held(id: JobId, owner: &str) -> Held<'_> {
    grading_jobs::table
        .find(id.to_string())
        .filter(grading_jobs::state.eq(JobState::Leased.as_str()))
        .filter(grading_jobs::lease_owner.eq(owner))
}

/// Extends a lease the worker still holds; `false` when it lost it (the
/// lease expired and another worker took the job).
pub fn renew(
    conn: &mut DbConnection,
    id: JobId,
    owner: &str,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = diesel::update(held(id, owner))
        .set((
            grading_jobs::lease_expires_at.eq(lease_until.naive_utc()),
            grading_jobs::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Hands a job back to the queue without counting the attempt (a worker
/// shutting down gracefully).
pub fn release(
    conn: &mut DbConnection,
    id: JobId,
    owner: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = diesel::update(held(id, owner))
        .set((
            grading_jobs::state.eq(JobState::Queued.as_str()),
            grading_jobs::lease_owner.eq(None::<String>),
            grading_jobs::lease_expires_at.eq(None::<chrono::NaiveDateTime>),
            grading_jobs::attempts.eq(grading_jobs::attempts - 1),
            grading_jobs::available_at.eq(now.naive_utc()),
            grading_jobs::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Puts a job the worker holds back in the queue after a failure that may
/// pass (the sandbox was unavailable, the worker hit a bug): it becomes
/// ready again at `retry_at`, its attempt counted.
pub fn retry_later(
    conn: &mut DbConnection,
    id: JobId,
    owner: &str,
    error: &str,
    now: DateTime<Utc>,
    retry_at: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = diesel::update(held(id, owner))
        .set((
            grading_jobs::state.eq(JobState::Queued.as_str()),
            grading_jobs::lease_owner.eq(None::<String>),
            grading_jobs::lease_expires_at.eq(None::<chrono::NaiveDateTime>),
            grading_jobs::available_at.eq(retry_at.naive_utc()),
            grading_jobs::last_error.eq(error),
            grading_jobs::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Ends a job the worker holds (`done` or `failed`); `false` when the
/// lease was lost, in which case nothing changes.
pub(super) fn finish(
    conn: &mut DbConnection,
    id: JobId,
    owner: &str,
    state: JobState,
    error: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, diesel::result::Error> {
    let updated = diesel::update(held(id, owner))
        .set((
            grading_jobs::state.eq(state.as_str()),
            grading_jobs::lease_expires_at.eq(None::<chrono::NaiveDateTime>),
            grading_jobs::last_error.eq(error),
            grading_jobs::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Queues a job for a submission (inside the caller's transaction).
pub(super) fn enqueue(
    conn: &mut DbConnection,
    submission: SubmissionId,
    max_attempts: u32,
    share_key: &str,
    now: DateTime<Utc>,
) -> Result<(), diesel::result::Error> {
    diesel::insert_into(grading_jobs::table)
        .values((
            grading_jobs::id.eq(JobId::new().to_string()),
            grading_jobs::submission_id.eq(submission.to_string()),
            grading_jobs::state.eq(JobState::Queued.as_str()),
            grading_jobs::attempts.eq(0),
            grading_jobs::max_attempts.eq(max_attempts as i32),
            grading_jobs::available_at.eq(now.naive_utc()),
            grading_jobs::created_at.eq(now.naive_utc()),
            grading_jobs::updated_at.eq(now.naive_utc()),
            grading_jobs::share_key.eq(share_key),
        ))
        .execute(conn)?;
    Ok(())
}

/// A submission's job as the queue sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobStatus {
    pub state: JobState,
    /// Claims so far (a graceful release does not count).
    pub attempts: u32,
    pub lease_owner: Option<String>,
}

/// The job of a submission.
pub fn of_submission(
    conn: &mut DbConnection,
    submission: SubmissionId,
) -> Result<Option<JobStatus>, DbError> {
    let row: Option<(String, i32, Option<String>)> = grading_jobs::table
        .filter(grading_jobs::submission_id.eq(submission.to_string()))
        .select((
            grading_jobs::state,
            grading_jobs::attempts,
            grading_jobs::lease_owner,
        ))
        .first(conn)
        .optional()?;
    row.map(|(state, attempts, lease_owner)| {
        let corrupt =
            |what: String| DbError::Corrupt(format!("job of submission {submission}: {what}"));
        Ok(JobStatus {
            state: JobState::parse(&state).map_err(|e| corrupt(e.to_string()))?,
            attempts: u32::try_from(attempts).map_err(|_| corrupt("negative attempts".into()))?,
            lease_owner,
        })
    })
    .transpose()
}
