//! The `users` table.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::users;
use super::{DbConnection, DbError};
use crate::domain::{DisplayName, Email, Role, User, UserId};

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub(super) struct UserRow {
    id: String,
    email: String,
    display_name: String,
    password_hash: String,
    role: String,
    created_at: NaiveDateTime,
}

/// A user together with the hash of their password, for authentication only.
pub struct StoredUser {
    pub user: User,
    pub password_hash: String,
}

impl UserRow {
    pub(super) fn into_stored(self) -> Result<StoredUser, DbError> {
        let id = UserId::parse(&self.id)
            .ok_or_else(|| DbError::Corrupt(format!("user id {:?} is not a UUID", self.id)))?;
        let role = Role::parse(&self.role)
            .map_err(|e| DbError::Corrupt(format!("user {id}: {}", e.message)))?;
        Ok(StoredUser {
            user: User {
                id,
                email: Email::from_trusted(self.email),
                display_name: DisplayName::from_trusted(self.display_name),
                role,
                created_at: self.created_at.and_utc(),
            },
            password_hash: self.password_hash,
        })
    }
}

pub fn insert(conn: &mut DbConnection, user: &User, password_hash: &str) -> Result<(), DbError> {
    let created = user.created_at.naive_utc();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(user.id.to_string()),
            users::email.eq(user.email.as_str()),
            users::display_name.eq(user.display_name.as_str()),
            users::password_hash.eq(password_hash),
            users::role.eq(user.role.as_str()),
            users::created_at.eq(created),
            users::updated_at.eq(created),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find_by_email(
    conn: &mut DbConnection,
    email: &Email,
) -> Result<Option<StoredUser>, DbError> {
    users::table
        .filter(users::email.eq(email.as_str()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(UserRow::into_stored)
        .transpose()
}

pub fn find_by_id(conn: &mut DbConnection, id: UserId) -> Result<Option<StoredUser>, DbError> {
    users::table
        .find(id.to_string())
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(UserRow::into_stored)
        .transpose()
}

/// Returns false when no such user exists. A taken email surfaces as a
/// unique violation ([`DbError::is_unique_violation`]).
pub fn update_profile(
    conn: &mut DbConnection,
    id: UserId,
    email: &Email,
    display_name: &DisplayName,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = diesel::update(users::table.find(id.to_string()))
        .set((
            users::email.eq(email.as_str()),
            users::display_name.eq(display_name.as_str()),
            users::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

pub fn update_password_hash(
    conn: &mut DbConnection,
    id: UserId,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = diesel::update(users::table.find(id.to_string()))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Takes the user's lock for the rest of the transaction: a write to the
/// user's row (that changes nothing). On PostgreSQL it locks the row, so
/// the user's concurrent transactions queue behind this one; on SQLite,
/// as the transaction's first statement, it takes the database's write
/// lock (waiting out the busy timeout), which serialises them as well.
pub fn lock(conn: &mut DbConnection, id: UserId) -> Result<(), DbError> {
    diesel::update(users::table.find(id.to_string()))
        .set(users::id.eq(users::id))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub enum SetRoleOutcome {
    Updated,
    NoSuchUser,
    /// Refused: it would leave the platform without any admin.
    LastAdmin,
}

/// Changes a user's role, refusing to demote the last admin. Concurrent
/// demotions cannot race past the check: SQLite serialises writers, and on
/// PostgreSQL the admin rows are locked first.
pub fn set_role(
    conn: &mut DbConnection,
    id: UserId,
    role: Role,
    now: DateTime<Utc>,
) -> Result<SetRoleOutcome, DbError> {
    let mut outcome = SetRoleOutcome::Updated;
    let result = conn.transaction::<_, diesel::result::Error, _>(|conn| {
        if let DbConnection::Postgres(pg) = conn {
            users::table
                .filter(users::role.eq(Role::Admin.as_str()))
                .select(users::id)
                .for_update()
                .load::<String>(pg)?;
        }
        let updated = diesel::update(users::table.find(id.to_string()))
            .set((
                users::role.eq(role.as_str()),
                users::updated_at.eq(now.naive_utc()),
            ))
            .execute(conn)?;
        if updated == 0 {
            outcome = SetRoleOutcome::NoSuchUser;
            return Ok(());
        }
        let admins: i64 = users::table
            .filter(users::role.eq(Role::Admin.as_str()))
            .count()
            .get_result(conn)?;
        if admins == 0 {
            outcome = SetRoleOutcome::LastAdmin;
            return Err(diesel::result::Error::RollbackTransaction);
        }
        Ok(())
    });
    match result {
        Ok(()) | Err(diesel::result::Error::RollbackTransaction) => Ok(outcome),
        Err(e) => Err(e.into()),
    }
}

pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(users::table.count().get_result(conn)?)
}

/// One page of users, oldest first.
pub fn list(conn: &mut DbConnection, offset: i64, limit: i64) -> Result<Vec<User>, DbError> {
    users::table
        .order((users::created_at.asc(), users::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(UserRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|row| row.into_stored().map(|s| s.user))
        .collect()
}

/// Every user's display name, for leaderboards.
pub fn display_names(
    conn: &mut DbConnection,
) -> Result<std::collections::HashMap<UserId, String>, DbError> {
    let rows: Vec<(String, String)> = users::table
        .select((users::id, users::display_name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, name)| UserId::parse(&id).map(|id| (id, name)))
        .collect())
}
