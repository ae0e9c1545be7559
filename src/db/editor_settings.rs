//! The `editor_settings` table: one row per user who changed the editor's
//! settings, as JSON text (the `workspace` service owns its meaning).

use diesel::prelude::*;

use super::schema::editor_settings;
use super::{DbConnection, DbError};
use crate::domain::UserId;

/// The user's stored settings (JSON), if they ever saved any.
pub fn get(conn: &mut DbConnection, user: UserId) -> Result<Option<String>, DbError> {
    Ok(editor_settings::table
        .find(user.to_string())
        .select(editor_settings::settings)
        .first(conn)
        .optional()?)
}

/// Stores the user's settings, replacing what was there.
pub fn put(conn: &mut DbConnection, user: UserId, settings: &str) -> Result<(), DbError> {
    let now = super::now().naive_utc();
    // Saved from another tab at the same moment: the later one wins.
    super::upsert(
        conn,
        |conn| {
            Ok(
                diesel::update(editor_settings::table.find(user.to_string()))
                    .set((
                        editor_settings::settings.eq(settings),
                        editor_settings::updated_at.eq(now),
                    ))
                    .execute(conn)?,
            )
        },
        |conn| {
            Ok(diesel::insert_into(editor_settings::table)
                .values((
                    editor_settings::user_id.eq(user.to_string()),
                    editor_settings::settings.eq(settings),
                    editor_settings::updated_at.eq(now),
                ))
                .execute(conn)?)
        },
    )
}
