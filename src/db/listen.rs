//! Nudges between serving processes on PostgreSQL (`LISTEN`/`NOTIFY`).
//! A writer sends a notification on a channel inside its transaction (so
//! it is delivered only if the write commits); each process keeps one
//! connection listening, on a thread of its own, and hands every payload
//! to a callback. Payloads are small (an id): receivers read what changed
//! from the tables themselves. On SQLite there is one process, and both
//! sides do nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::sql_types::Text;
use diesel::{Connection, RunQueryDsl};

use super::{DatabaseUrl, Db, DbConnection, DbError};

/// Live rooms' documents: the payload is a room id whose log grew.
pub const ROOMS_CHANNEL: &str = "rehearse_rooms";

/// How often the listener looks for notifications that arrived.
const POLL_EVERY: Duration = Duration::from_millis(50);
/// How long a listener waits before connecting again after losing the
/// database.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// Sends `payload` on `channel` to every listening process (PostgreSQL;
/// nothing on SQLite). Inside a transaction it is delivered at commit.
pub fn notify(conn: &mut DbConnection, channel: &str, payload: &str) -> Result<(), DbError> {
    if let DbConnection::Postgres(pg) = conn {
        diesel::sql_query("SELECT pg_notify($1, $2)")
            .bind::<Text, _>(channel)
            .bind::<Text, _>(payload)
            .execute(pg)?;
    }
    Ok(())
}

/// A thread listening on one channel; it stops when this is dropped.
pub struct Listener {
    stop: Arc<AtomicBool>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

impl Listener {
    /// Listens on `channel` when `db` is PostgreSQL and calls `on_payload`
    /// with each notification's payload; `None` on SQLite.
    pub fn start(
        db: &Db,
        channel: &'static str,
        on_payload: impl Fn(String) + Send + 'static,
    ) -> Result<Option<Listener>, DbError> {
        let DatabaseUrl::Postgres(url) = db.url().clone() else {
            return Ok(None);
        };
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name(format!("listen-{channel}"))
            .spawn(move || {
                while !stopped.load(Ordering::SeqCst) {
                    if let Err(e) = listen(&url, channel, &stopped, &on_payload) {
                        tracing::warn!(channel, error = %e, "listening for notifications failed; reconnecting");
                        std::thread::sleep(RECONNECT_AFTER);
                    }
                }
            })
            .map_err(|e| DbError::Connection(format!("cannot start a listener: {e}")))?;
        Ok(Some(Listener { stop }))
    }
}

/// One listening connection, until it fails or `stop` is set.
fn listen(
    url: &str,
    channel: &str,
    stop: &AtomicBool,
    on_payload: &impl Fn(String),
) -> Result<(), DbError> {
    let mut conn = PgConnection::establish(url).map_err(|e| DbError::Connection(e.to_string()))?;
    // Channel names are ours (constants), never a client's.
    diesel::sql_query(format!("LISTEN {channel}")).execute(&mut conn)?;
    while !stop.load(Ordering::SeqCst) {
        for notification in conn.notifications_iter() {
            on_payload(notification?.payload);
        }
        std::thread::sleep(POLL_EVERY);
    }
    Ok(())
}
