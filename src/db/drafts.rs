//! The `challenge_drafts` table: packages being edited in the browser, one
//! per slug, as JSON text (path → file contents).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::challenge_drafts;
use super::{DbConnection, DbError};
use crate::domain::UserId;

#[derive(Debug, Clone, PartialEq)]
pub struct DraftRecord {
    pub slug: String,
    pub author_id: UserId,
    pub files: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

type Row = (String, String, String, NaiveDateTime, NaiveDateTime);

fn record(row: Row) -> Result<DraftRecord, DbError> {
    let (slug, author, files, created, updated) = row;
    Ok(DraftRecord {
        author_id: UserId::parse(&author)
            .ok_or_else(|| DbError::Corrupt(format!("draft {slug}: author id is not a UUID")))?,
        slug,
        files,
        created_at: created.and_utc(),
        updated_at: updated.and_utc(),
    })
}

fn columns() -> (
    challenge_drafts::slug,
    challenge_drafts::author_id,
    challenge_drafts::files,
    challenge_drafts::created_at,
    challenge_drafts::updated_at,
) {
    (
        challenge_drafts::slug,
        challenge_drafts::author_id,
        challenge_drafts::files,
        challenge_drafts::created_at,
        challenge_drafts::updated_at,
    )
}

pub fn find(conn: &mut DbConnection, slug: &str) -> Result<Option<DraftRecord>, DbError> {
    challenge_drafts::table
        .filter(challenge_drafts::slug.eq(slug))
        .select(columns())
        .first::<Row>(conn)
        .optional()?
        .map(record)
        .transpose()
}

/// Every draft, newest edit first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<DraftRecord>, DbError> {
    challenge_drafts::table
        .order(challenge_drafts::updated_at.desc())
        .select(columns())
        .load::<Row>(conn)?
        .into_iter()
        .map(record)
        .collect()
}

/// Creates the draft for `slug`; fails with a unique violation when one exists.
pub fn insert(
    conn: &mut DbConnection,
    slug: &str,
    author: UserId,
    files: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::insert_into(challenge_drafts::table)
        .values((
            challenge_drafts::id.eq(uuid::Uuid::now_v7().to_string()),
            challenge_drafts::slug.eq(slug),
            challenge_drafts::author_id.eq(author.to_string()),
            challenge_drafts::files.eq(files),
            challenge_drafts::created_at.eq(now.naive_utc()),
            challenge_drafts::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn update(
    conn: &mut DbConnection,
    slug: &str,
    files: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = diesel::update(challenge_drafts::table.filter(challenge_drafts::slug.eq(slug)))
        .set((
            challenge_drafts::files.eq(files),
            challenge_drafts::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(updated == 1)
}

pub fn delete(conn: &mut DbConnection, slug: &str) -> Result<bool, DbError> {
    Ok(
        diesel::delete(challenge_drafts::table.filter(challenge_drafts::slug.eq(slug)))
            .execute(conn)?
            == 1,
    )
}
