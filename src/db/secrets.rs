//! The `server_secrets` table: secrets generated on first start and shared by
//! every process using the database.

use diesel::prelude::*;

use super::schema::server_secrets;
use super::{DbConnection, DbError};

/// Returns the stored secret `name`, storing `generate()` first if there is
/// none. Two processes starting at once agree: the loser of the insert race
/// reads the winner's value.
pub fn get_or_create(
    conn: &mut DbConnection,
    name: &str,
    generate: impl FnOnce() -> String,
) -> Result<String, DbError> {
    let lookup = |conn: &mut DbConnection| -> Result<Option<String>, DbError> {
        Ok(server_secrets::table
            .find(name)
            .select(server_secrets::value)
            .first(conn)
            .optional()?)
    };
    if let Some(value) = lookup(conn)? {
        return Ok(value);
    }
    let inserted = diesel::insert_into(server_secrets::table)
        .values((
            server_secrets::name.eq(name),
            server_secrets::value.eq(generate()),
            server_secrets::created_at.eq(super::now().naive_utc()),
        ))
        .execute(conn)
        .map_err(DbError::from);
    match inserted {
        Ok(_) => {}
        Err(e) if e.is_unique_violation() => {}
        Err(e) => return Err(e),
    }
    lookup(conn)?
        .ok_or_else(|| DbError::Corrupt(format!("secret {name} vanished after it was stored")))
}
