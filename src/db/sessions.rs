//! The `sessions` table: the server-side record behind each login cookie.
//! Only a hash of the cookie's token is stored.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{sessions, users};
use super::users::{StoredUser, UserRow};
use super::{DbConnection, DbError};
use crate::domain::{SessionId, UserId};

pub struct NewSession<'a> {
    pub id: SessionId,
    pub user_id: UserId,
    pub token_hash: &'a str,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub user_agent: Option<&'a str>,
    pub ip: Option<&'a str>,
}

pub fn insert(conn: &mut DbConnection, new: &NewSession<'_>) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(new.id.to_string()),
            sessions::user_id.eq(new.user_id.to_string()),
            sessions::token_hash.eq(new.token_hash),
            sessions::created_at.eq(new.created_at.naive_utc()),
            sessions::last_seen_at.eq(new.created_at.naive_utc()),
            sessions::expires_at.eq(new.expires_at.naive_utc()),
            sessions::user_agent.eq(new.user_agent),
            sessions::ip.eq(new.ip),
        ))
        .execute(conn)?;
    Ok(())
}

/// The session with this token hash and its user, if it has not expired.
/// A live session, with whether its activity record is stale (older than
/// a minute) and worth a write.
pub fn find_active(
    conn: &mut DbConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(SessionId, StoredUser, bool)>, DbError> {
    let found: Option<(String, NaiveDateTime, UserRow)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash))
        .filter(sessions::expires_at.gt(now.naive_utc()))
        .select((sessions::id, sessions::last_seen_at, UserRow::as_select()))
        .first(conn)
        .optional()?;
    let a_minute_ago: NaiveDateTime = (now - chrono::Duration::minutes(1)).naive_utc();
    found
        .map(|(id, seen, user)| {
            let id = SessionId::parse(&id)
                .ok_or_else(|| DbError::Corrupt(format!("session id {id:?} is not a UUID")))?;
            Ok((id, user.into_stored()?, seen < a_minute_ago))
        })
        .transpose()
}

/// Records activity. Callers write only when [`find_active`] says the
/// record is stale, so most requests write nothing (a full disk then
/// leaves reading pages alone).
pub fn touch(conn: &mut DbConnection, id: SessionId, now: DateTime<Utc>) -> Result<(), DbError> {
    diesel::update(sessions::table.find(id.to_string()))
        .set(sessions::last_seen_at.eq(now.naive_utc()))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConnection, id: SessionId) -> Result<(), DbError> {
    diesel::delete(sessions::table.find(id.to_string())).execute(conn)?;
    Ok(())
}

/// Ends every session of a user except `keep` (after a password change).
pub fn delete_for_user_except(
    conn: &mut DbConnection,
    user_id: UserId,
    keep: Option<SessionId>,
) -> Result<usize, DbError> {
    let keep = keep.map(|id| id.to_string()).unwrap_or_default();
    Ok(diesel::delete(
        sessions::table
            .filter(sessions::user_id.eq(user_id.to_string()))
            .filter(sessions::id.ne(keep)),
    )
    .execute(conn)?)
}

pub fn delete_expired(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(
        diesel::delete(sessions::table.filter(sessions::expires_at.le(now.naive_utc())))
            .execute(conn)?,
    )
}
