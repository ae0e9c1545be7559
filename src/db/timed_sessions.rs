//! The `timed_sessions` and `timed_session_problems` tables: a set of
//! problems with a deadline kept here, not in a browser. A due session is
//! claimed with a lease by compare-and-set (portable: no row locks), so of
//! several processes one closes it, and a closer that died mid-way is
//! replaced once its lease runs out.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{timed_session_problems, timed_sessions};
use super::{DbConnection, DbError};
use crate::domain::{ChallengeId, EndReason, Purpose, SessionState, TimedSessionId, UserId};

#[derive(Debug, Clone, PartialEq)]
pub struct TimedSessionRecord {
    pub id: TimedSessionId,
    pub user_id: UserId,
    pub purpose: Purpose,
    pub format: String,
    pub title: String,
    pub state: SessionState,
    pub started_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: Option<EndReason>,
    /// The challenges, in the order they are posed.
    pub problems: Vec<ChallengeId>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = timed_sessions)]
struct Row {
    id: String,
    user_id: String,
    purpose: String,
    format: String,
    title: String,
    status: String,
    started_at: NaiveDateTime,
    deadline: NaiveDateTime,
    ended_at: Option<NaiveDateTime>,
    end_reason: Option<String>,
}

impl Row {
    fn into_record(self, problems: Vec<ChallengeId>) -> Result<TimedSessionRecord, DbError> {
        let corrupt = |what: &str| DbError::Corrupt(format!("timed session {}: {what}", self.id));
        Ok(TimedSessionRecord {
            id: TimedSessionId::parse(&self.id).ok_or_else(|| corrupt("id is not a UUID"))?,
            user_id: UserId::parse(&self.user_id)
                .ok_or_else(|| corrupt("user id is not a UUID"))?,
            purpose: Purpose::parse(&self.purpose).map_err(|e| corrupt(&e.to_string()))?,
            state: SessionState::parse(&self.status).map_err(|e| corrupt(&e.to_string()))?,
            end_reason: self
                .end_reason
                .as_deref()
                .map(EndReason::parse)
                .transpose()
                .map_err(|e| corrupt(&e.to_string()))?,
            started_at: self.started_at.and_utc(),
            deadline: self.deadline.and_utc(),
            ended_at: self.ended_at.map(|t| t.and_utc()),
            format: self.format,
            title: self.title,
            problems,
        })
    }
}

pub struct NewTimedSession<'a> {
    pub id: TimedSessionId,
    pub user_id: UserId,
    pub purpose: Purpose,
    pub format: &'a str,
    pub title: &'a str,
    pub started_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub problems: &'a [ChallengeId],
}

/// What starting a session did.
#[derive(Debug, Clone, PartialEq)]
pub enum Started {
    Created(TimedSessionId),
    /// The user already has a session of this purpose running; one at a time.
    AlreadyActive(TimedSessionId),
}

/// Stores a new session with its problems, unless the user has one of the
/// same purpose still running (checked under the user's lock, so two tabs
/// starting at once get one session).
pub fn start(conn: &mut DbConnection, new: &NewTimedSession<'_>) -> Result<Started, DbError> {
    conn.transaction::<_, DbError, _>(|conn| {
        super::users::lock(conn, new.user_id)?;
        let running: Option<String> = timed_sessions::table
            .filter(timed_sessions::user_id.eq(new.user_id.to_string()))
            .filter(timed_sessions::purpose.eq(new.purpose.as_str()))
            .filter(timed_sessions::status.eq(SessionState::Active.as_str()))
            .select(timed_sessions::id)
            .first(conn)
            .optional()?;
        if let Some(id) = running {
            let id = TimedSessionId::parse(&id)
                .ok_or_else(|| DbError::Corrupt(format!("timed session {id}: not a UUID")))?;
            return Ok(Started::AlreadyActive(id));
        }
        diesel::insert_into(timed_sessions::table)
            .values((
                timed_sessions::id.eq(new.id.to_string()),
                timed_sessions::user_id.eq(new.user_id.to_string()),
                timed_sessions::purpose.eq(new.purpose.as_str()),
                timed_sessions::format.eq(new.format),
                timed_sessions::title.eq(new.title),
                timed_sessions::status.eq(SessionState::Active.as_str()),
                timed_sessions::started_at.eq(new.started_at.naive_utc()),
                timed_sessions::deadline.eq(new.deadline.naive_utc()),
            ))
            .execute(conn)?;
        for (position, challenge) in new.problems.iter().enumerate() {
            diesel::insert_into(timed_session_problems::table)
                .values((
                    timed_session_problems::session_id.eq(new.id.to_string()),
                    timed_session_problems::position.eq(position as i32),
                    timed_session_problems::challenge_id.eq(challenge.to_string()),
                ))
                .execute(conn)?;
        }
        Ok(Started::Created(new.id))
    })
}

fn problems_of(conn: &mut DbConnection, id: &str) -> Result<Vec<ChallengeId>, DbError> {
    let rows: Vec<String> = timed_session_problems::table
        .filter(timed_session_problems::session_id.eq(id))
        .order(timed_session_problems::position.asc())
        .select(timed_session_problems::challenge_id)
        .load(conn)?;
    rows.iter()
        .map(|c| {
            ChallengeId::parse(c).ok_or_else(|| {
                DbError::Corrupt(format!(
                    "timed session {id}: challenge id {c} is not a UUID"
                ))
            })
        })
        .collect()
}

fn with_problems(conn: &mut DbConnection, row: Row) -> Result<TimedSessionRecord, DbError> {
    let problems = problems_of(conn, &row.id)?;
    row.into_record(problems)
}

pub fn find(
    conn: &mut DbConnection,
    id: TimedSessionId,
) -> Result<Option<TimedSessionRecord>, DbError> {
    let row = timed_sessions::table
        .find(id.to_string())
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    row.map(|row| with_problems(conn, row)).transpose()
}

/// A user's sessions of one purpose, newest first.
pub fn list_for_user(
    conn: &mut DbConnection,
    user: UserId,
    purpose: Purpose,
    limit: i64,
) -> Result<Vec<TimedSessionRecord>, DbError> {
    let rows: Vec<Row> = timed_sessions::table
        .filter(timed_sessions::user_id.eq(user.to_string()))
        .filter(timed_sessions::purpose.eq(purpose.as_str()))
        .order(timed_sessions::started_at.desc())
        .limit(limit)
        .select(Row::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|row| with_problems(conn, row))
        .collect()
}

/// The running session of `user` that poses `challenge` and whose clock
/// has not run out: an answer sent now belongs to it.
pub fn running_with(
    conn: &mut DbConnection,
    user: UserId,
    challenge: ChallengeId,
    now: DateTime<Utc>,
) -> Result<Option<TimedSessionId>, DbError> {
    let id: Option<String> = timed_sessions::table
        .inner_join(timed_session_problems::table)
        .filter(timed_sessions::user_id.eq(user.to_string()))
        .filter(timed_sessions::status.eq(SessionState::Active.as_str()))
        .filter(timed_sessions::deadline.gt(now.naive_utc()))
        .filter(timed_session_problems::challenge_id.eq(challenge.to_string()))
        .order(timed_sessions::started_at.desc())
        .select(timed_sessions::id)
        .first(conn)
        .optional()?;
    id.map(|id| {
        TimedSessionId::parse(&id)
            .ok_or_else(|| DbError::Corrupt(format!("timed session {id}: not a UUID")))
    })
    .transpose()
}

/// Leases one running session whose deadline has passed (and that no live
/// closer holds) to `owner` until `lease_until`.
pub fn claim_due(
    conn: &mut DbConnection,
    owner: &str,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> Result<Option<TimedSessionRecord>, DbError> {
    let now = now.naive_utc();
    let free = || {
        timed_sessions::lease_until
            .is_null()
            .or(timed_sessions::lease_until.lt(now))
    };
    // Another closer may take the row between the look and the update: the
    // update's condition is the arbiter, and a lost race looks again.
    for _ in 0..8 {
        let candidate: Option<String> = timed_sessions::table
            .filter(timed_sessions::status.eq(SessionState::Active.as_str()))
            .filter(timed_sessions::deadline.le(now))
            .filter(free())
            .order(timed_sessions::deadline.asc())
            .select(timed_sessions::id)
            .first(conn)
            .optional()?;
        let Some(id) = candidate else {
            return Ok(None);
        };
        let taken = diesel::update(
            timed_sessions::table
                .find(&id)
                .filter(timed_sessions::status.eq(SessionState::Active.as_str()))
                .filter(free()),
        )
        .set((
            timed_sessions::lease_owner.eq(owner),
            timed_sessions::lease_until.eq(lease_until.naive_utc()),
        ))
        .execute(conn)?;
        if taken == 1 {
            let row = timed_sessions::table
                .find(&id)
                .select(Row::as_select())
                .first(conn)?;
            return with_problems(conn, row).map(Some);
        }
    }
    Ok(None)
}

/// Ends a running session; `false` when it had already ended.
pub fn end(
    conn: &mut DbConnection,
    id: TimedSessionId,
    reason: EndReason,
    at: DateTime<Utc>,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        timed_sessions::table
            .find(id.to_string())
            .filter(timed_sessions::status.eq(SessionState::Active.as_str())),
    )
    .set((
        timed_sessions::status.eq(SessionState::Ended.as_str()),
        timed_sessions::end_reason.eq(reason.as_str()),
        timed_sessions::ended_at.eq(at.naive_utc()),
        timed_sessions::lease_owner.eq(None::<String>),
        timed_sessions::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// The user's running session of one purpose, if any (there is at most one).
pub fn running_for(
    conn: &mut DbConnection,
    user: UserId,
    purpose: Purpose,
) -> Result<Option<TimedSessionRecord>, DbError> {
    let row = timed_sessions::table
        .filter(timed_sessions::user_id.eq(user.to_string()))
        .filter(timed_sessions::purpose.eq(purpose.as_str()))
        .filter(timed_sessions::status.eq(SessionState::Active.as_str()))
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    row.map(|row| with_problems(conn, row)).transpose()
}
