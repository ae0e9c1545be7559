//! The `answer_drafts` table: the code a user is writing, one row per
//! challenge and language, so it follows them across devices.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::answer_drafts;
use super::{DbConnection, DbError};
use crate::domain::{ChallengeId, UserId};

/// A stored draft.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerDraft {
    pub language: String,
    pub source: String,
    pub updated_at: DateTime<Utc>,
}

type Eq<C> = diesel::dsl::Eq<C, String>;
type Mine = diesel::dsl::Filter<
    diesel::dsl::Filter<
        diesel::dsl::Filter<answer_drafts::table, Eq<answer_drafts::user_id>>,
        Eq<answer_drafts::challenge_id>,
    >,
    Eq<answer_drafts::language>,
>;

/// What a draft is read as, and how it becomes one.
const COLUMNS: (
    answer_drafts::language,
    answer_drafts::source,
    answer_drafts::updated_at,
) = (
    answer_drafts::language,
    answer_drafts::source,
    answer_drafts::updated_at,
);

fn into_draft((language, source, updated): (String, String, NaiveDateTime)) -> AnswerDraft {
    AnswerDraft {
        language,
        source,
        updated_at: updated.and_utc(),
    }
}

/// The one row a (user, challenge, language) may have.
fn mine(user: UserId, challenge: ChallengeId, language: &str) -> Mine {
    answer_drafts::table
        .filter(answer_drafts::user_id.eq(user.to_string()))
        .filter(answer_drafts::challenge_id.eq(challenge.to_string()))
        .filter(answer_drafts::language.eq(language.to_owned()))
}

/// The user's draft of `challenge` in `language`, if any.
pub fn get(
    conn: &mut DbConnection,
    user: UserId,
    challenge: ChallengeId,
    language: &str,
) -> Result<Option<AnswerDraft>, DbError> {
    let row = mine(user, challenge, language)
        .select(COLUMNS)
        .first(conn)
        .optional()?;
    Ok(row.map(into_draft))
}

/// Stores the draft, replacing the one before; returns it as stored.
pub fn put(
    conn: &mut DbConnection,
    user: UserId,
    challenge: ChallengeId,
    language: &str,
    source: &str,
) -> Result<AnswerDraft, DbError> {
    let now = super::now();
    // Another tab may save at the same moment: the later text wins.
    super::upsert(
        conn,
        |conn| {
            Ok(diesel::update(mine(user, challenge, language))
                .set((
                    answer_drafts::source.eq(source),
                    answer_drafts::updated_at.eq(now.naive_utc()),
                ))
                .execute(conn)?)
        },
        |conn| {
            Ok(diesel::insert_into(answer_drafts::table)
                .values((
                    answer_drafts::user_id.eq(user.to_string()),
                    answer_drafts::challenge_id.eq(challenge.to_string()),
                    answer_drafts::language.eq(language),
                    answer_drafts::source.eq(source),
                    answer_drafts::updated_at.eq(now.naive_utc()),
                ))
                .execute(conn)?)
        },
    )?;
    Ok(AnswerDraft {
        language: language.to_owned(),
        source: source.to_owned(),
        updated_at: now,
    })
}

/// The user's most recently saved draft of `challenge`, in whichever
/// language: what a deadline submits.
pub fn latest(
    conn: &mut DbConnection,
    user: UserId,
    challenge: ChallengeId,
) -> Result<Option<AnswerDraft>, DbError> {
    let row = answer_drafts::table
        .filter(answer_drafts::user_id.eq(user.to_string()))
        .filter(answer_drafts::challenge_id.eq(challenge.to_string()))
        .order(answer_drafts::updated_at.desc())
        .select(COLUMNS)
        .first(conn)
        .optional()?;
    Ok(row.map(into_draft))
}
