use diesel::connection::SimpleConnection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::{DbConnection, DbError};

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// An arbitrary constant naming Rehearse's migration lock on PostgreSQL.
const PG_MIGRATION_LOCK: i64 = 0x5245_4845_4152_5345; // "REHEARSE"

pub(super) fn run_pending(conn: &mut DbConnection) -> Result<Vec<String>, DbError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c
            .run_pending_migrations(SQLITE)
            .map_err(|e| DbError::Migration(e.to_string()))?
            .iter()
            .map(ToString::to_string)
            .collect(),
        DbConnection::Postgres(c) => {
            // Several processes may start at once against one database; the
            // advisory lock makes them migrate one after the other.
            c.batch_execute(&format!("SELECT pg_advisory_lock({PG_MIGRATION_LOCK})"))?;
            let result = c
                .run_pending_migrations(POSTGRES)
                .map(|versions| versions.iter().map(ToString::to_string).collect())
                .map_err(|e| DbError::Migration(e.to_string()));
            c.batch_execute(&format!("SELECT pg_advisory_unlock({PG_MIGRATION_LOCK})"))?;
            result?
        }
    };
    Ok(applied)
}

/// Reverts every applied migration, newest first; returns how many.
pub(super) fn revert_all(conn: &mut DbConnection) -> Result<usize, DbError> {
    let boxed_error =
        |e: Box<dyn std::error::Error + Send + Sync>| DbError::Migration(e.to_string());
    let mut count = 0;
    loop {
        let applied = match conn {
            DbConnection::Sqlite(c) => c.applied_migrations().map_err(boxed_error)?.len(),
            DbConnection::Postgres(c) => c.applied_migrations().map_err(boxed_error)?.len(),
        };
        if applied == 0 {
            return Ok(count);
        }
        match conn {
            DbConnection::Sqlite(c) => c.revert_last_migration(SQLITE).map_err(boxed_error)?,
            DbConnection::Postgres(c) => c.revert_last_migration(POSTGRES).map_err(boxed_error)?,
        };
        count += 1;
    }
}
