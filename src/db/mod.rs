//! Storage: one diesel code path over SQLite and PostgreSQL.
//!
//! [`DbConnection`] is a `MultiConnection` over both backends; [`Db`] owns an
//! r2d2 pool of them and runs every query on tokio's blocking pool, never on
//! the async executor. The backend is chosen from the URL's scheme
//! ([`DatabaseUrl`]). Migrations are embedded per backend and run at start-up
//! and by `rehearse migrate`. Submodules hold the queries, one per table.
//!
//! Only this module imports diesel.

pub mod answer_drafts;
pub mod api_tokens;
pub mod challenges;
mod connection;
pub mod drafts;
pub mod editor_settings;
mod error;
pub mod jobs;
pub mod listen;
mod migrations;
pub mod rooms;
pub mod schema;
pub mod secrets;
pub mod sessions;
pub mod submissions;
pub mod timed_sessions;
pub mod users;

use std::time::Duration;

pub use connection::{DatabaseUrl, DbConnection};
pub use error::DbError;

/// Writes one row by key, portably: `update` it, or `insert` it when it is
/// not there; if another writer inserted it meanwhile (a unique
/// violation), `update` again — the later write wins.
pub(crate) fn upsert(
    conn: &mut DbConnection,
    update: impl Fn(&mut DbConnection) -> Result<usize, DbError>,
    insert: impl FnOnce(&mut DbConnection) -> Result<usize, DbError>,
) -> Result<(), DbError> {
    if update(conn)? > 0 {
        return Ok(());
    }
    match insert(conn) {
        Ok(_) => Ok(()),
        Err(e) if e.is_unique_violation() => update(conn).map(|_| ()),
        Err(e) => Err(e),
    }
}

/// A transaction that writes, taking SQLite's write lock when it begins
/// (`BEGIN IMMEDIATE`). A plain (deferred) SQLite transaction that reads
/// first asks for the lock at its first write, and if another connection
/// wrote meanwhile it fails at once with "database is locked" (the busy
/// timeout cannot help: waiting would not make its snapshot current).
/// Asking first means waiting for the lock within the busy timeout instead.
/// On PostgreSQL this is an ordinary transaction. Not for nesting.
pub(crate) fn write_transaction<T, E>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    use diesel::Connection;
    type Manager = <DbConnection as Connection>::TransactionManager;
    let DbConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(f);
    };
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    // The multi-backend connection keeps each backend's transaction state
    // in that backend's connection, so it commits what was begun above.
    match f(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(error) => match Manager::rollback_transaction(conn) {
            Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(error),
            Err(rollback) => Err(rollback.into()),
        },
    }
}

/// The current time, as stored: UTC, truncated to microseconds (the finest
/// precision both backends keep) so that a value reads back equal.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    let now = chrono::Utc::now();
    let micros = now.timestamp_micros();
    chrono::DateTime::from_timestamp_micros(micros).unwrap_or(now)
}

/// A pool of database connections. Cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: r2d2::Pool<connection::Manager>,
    backend: Backend,
    url: DatabaseUrl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

impl Db {
    /// Opens a pool (creating the SQLite file and its folder when needed).
    /// Fails fast when the database cannot be reached.
    pub fn connect(url: &DatabaseUrl, pool_size: u32) -> Result<Self, DbError> {
        let backend = url.backend();
        if let DatabaseUrl::Sqlite(path) = url {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| {
                    DbError::Connection(format!("cannot create {}: {e}", parent.display()))
                })?;
            }
        }
        // One connection is kept open; the rest open on demand. r2d2's
        // default keeps `max_size` open and re-opens them from its own
        // threads whenever they drop, which multiplies PostgreSQL
        // connections by worker processes for nothing.
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .build(connection::Manager::new(url.clone()))
            .map_err(|e| DbError::Connection(e.to_string()))?;
        Ok(Self {
            pool,
            backend,
            url: url.clone(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Where the database is (for a connection of its own, as a listener
    /// needs).
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn run<F, T>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }

    /// Runs `f` on the current thread; for command-line tools outside tokio.
    pub fn run_blocking<T>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let mut conn = self.pool.get()?;
        f(&mut conn)
    }

    /// Applies pending migrations; returns the versions applied.
    pub fn migrate(&self) -> Result<Vec<String>, DbError> {
        self.run_blocking(migrations::run_pending)
    }

    /// Reverts every migration (the up/down/up test uses it).
    pub fn revert_all_migrations(&self) -> Result<usize, DbError> {
        self.run_blocking(migrations::revert_all)
    }

    /// Whether the database answers a trivial query (for `/readyz`).
    pub async fn ping(&self) -> Result<(), DbError> {
        self.run(connection::ping).await
    }

    /// Connections open / idle, for metrics.
    pub fn pool_state(&self) -> (u32, u32) {
        let state = self.pool.state();
        (state.connections, state.idle_connections)
    }
}
