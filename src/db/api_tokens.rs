//! The `api_tokens` table: tokens for the command-line client. Only a hash of
//! each token is stored, with a short prefix so its owner can tell them apart.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{api_tokens, users};
use super::users::{StoredUser, UserRow};
use super::{DbConnection, DbError};
use crate::domain::{ApiTokenId, UserId};

/// What an owner sees of a token.
#[derive(Debug, Clone)]
pub struct ApiTokenInfo {
    pub id: ApiTokenId,
    pub name: String,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
struct TokenRow {
    id: String,
    name: String,
    token_prefix: String,
    created_at: NaiveDateTime,
    last_used_at: Option<NaiveDateTime>,
}

impl TokenRow {
    fn into_info(self) -> Result<ApiTokenInfo, DbError> {
        Ok(ApiTokenInfo {
            id: ApiTokenId::parse(&self.id)
                .ok_or_else(|| DbError::Corrupt(format!("token id {:?} is not a UUID", self.id)))?,
            name: self.name,
            prefix: self.token_prefix,
            created_at: self.created_at.and_utc(),
            last_used_at: self.last_used_at.map(|t| t.and_utc()),
        })
    }
}

pub fn insert(
    conn: &mut DbConnection,
    user_id: UserId,
    info: &ApiTokenInfo,
    token_hash: &str,
) -> Result<(), DbError> {
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(info.id.to_string()),
            api_tokens::user_id.eq(user_id.to_string()),
            api_tokens::name.eq(&info.name),
            api_tokens::token_hash.eq(token_hash),
            api_tokens::token_prefix.eq(&info.prefix),
            api_tokens::created_at.eq(info.created_at.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The token with this hash and its owner; records the use.
/// The token's owner. Its last use is recorded at most once a minute, and
/// a failed write (a full disk) is logged, not fatal: reading must work.
pub fn authenticate(
    conn: &mut DbConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(ApiTokenId, StoredUser)>, DbError> {
    let found: Option<(String, Option<chrono::NaiveDateTime>, UserRow)> = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(token_hash))
        .select((
            api_tokens::id,
            api_tokens::last_used_at,
            UserRow::as_select(),
        ))
        .first(conn)
        .optional()?;
    let Some((id, last_used, user)) = found else {
        return Ok(None);
    };
    let id = ApiTokenId::parse(&id)
        .ok_or_else(|| DbError::Corrupt(format!("token id {id:?} is not a UUID")))?;
    let a_minute_ago = (now - chrono::Duration::minutes(1)).naive_utc();
    if last_used.is_none_or(|t| t < a_minute_ago) {
        if let Err(e) = diesel::update(api_tokens::table.find(id.to_string()))
            .set(api_tokens::last_used_at.eq(now.naive_utc()))
            .execute(conn)
        {
            tracing::warn!(error = %e, "cannot record an API token's use");
        }
    }
    Ok(Some((id, user.into_stored()?)))
}

pub fn list_for_user(
    conn: &mut DbConnection,
    user_id: UserId,
) -> Result<Vec<ApiTokenInfo>, DbError> {
    api_tokens::table
        .filter(api_tokens::user_id.eq(user_id.to_string()))
        .order((api_tokens::created_at.desc(), api_tokens::id.desc()))
        .select(TokenRow::as_select())
        .load(conn)?
        .into_iter()
        .map(TokenRow::into_info)
        .collect()
}

/// Deletes a token of this user; false when the user has no such token.
pub fn delete(conn: &mut DbConnection, user_id: UserId, id: ApiTokenId) -> Result<bool, DbError> {
    let deleted = diesel::delete(
        api_tokens::table
            .find(id.to_string())
            .filter(api_tokens::user_id.eq(user_id.to_string())),
    )
    .execute(conn)?;
    Ok(deleted == 1)
}
