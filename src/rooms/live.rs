//! The live side of rooms: each room someone is connected to has its
//! shared document in memory here (a `yrs` doc, the Rust port of Yjs), and
//! every browser speaks the y-sync protocol with it over a WebSocket.
//!
//! - A change from one browser is applied to the server's document, sent
//!   to everyone else in the room, and queued for the room's log
//!   (`room_updates`). The flusher writes the queue every
//!   [`FLUSH_EVERY`], one merged row per author and flush, so a long room
//!   stays small yet playback keeps its timing.
//! - A room's document is rebuilt from its log when its first participant
//!   connects, so a reconnect or a restart loses nothing that was flushed;
//!   and whatever was not yet flushed is still in the browsers, which send
//!   it back when they reconnect (the sync handshake exchanges whatever
//!   either side lacks).
//! - Awareness (cursors, selections, names, colours) is relayed, never
//!   stored: the server keeps the latest state of each connected client so
//!   that a newcomer sees everyone at once, and clears a client's state
//!   when its connection closes.
//!
//! One process holds a room: with several `serve` processes on one
//! PostgreSQL, participants of one room must reach the same process (see
//! ARCHITECTURE.md).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use tokio::sync::broadcast;
use yrs::encoding::read::Cursor;
use yrs::sync::awareness::AwarenessUpdateEntry;
use yrs::sync::protocol::{MessageReader, SyncMessage};
use yrs::sync::{AwarenessUpdate, Message};
use yrs::updates::decoder::{Decode, DecoderV1};
use yrs::updates::encoder::{Encode, Encoder, EncoderV1};
use yrs::{ClientID, Doc, GetString, Map, ReadTxn, StateVector, Text, Transact, Update, WriteTxn};

use crate::db::rooms::{self as store, StoredUpdate};
use crate::db::{Db, DbError};
use crate::domain::{RoomId, UserId};

/// How often queued changes are written to the log.
pub const FLUSH_EVERY: Duration = Duration::from_millis(500);
/// How far back a read of other processes' rows reaches before the newest
/// row already read (see `Hub::pull`).
const PULL_OVERLAP: chrono::Duration = chrono::Duration::seconds(10);
/// How many messages a slow connection may fall behind before it is
/// dropped (its browser reconnects and catches up by syncing).
const BACKLOG: usize = 512;
/// The largest message a browser may send (a paste of a whole file is a
/// few hundred kB at most).
pub const MAX_MESSAGE_BYTES: usize = 2 * 1024 * 1024;
/// The most a room's log may grow to. An interview's code is a few kB;
/// this stops a participant from filling the server's memory and disk.
pub const MAX_ROOM_BYTES: usize = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("a message from the browser could not be read: {0}")]
    Protocol(String),
    #[error("this room's document is full ({} MiB); no more changes are taken", MAX_ROOM_BYTES / (1024 * 1024))]
    Full,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A message for the connections of a room; a connection skips its own.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub from: u64,
    pub bytes: Bytes,
}

/// The name of the shared text holding the code of problem `position` in
/// `language`. The browser uses the same names (`room.js`).
pub fn code_text(position: usize, language: &str) -> String {
    format!("code/{position}/{language}")
}

/// The shared text of the drawing board (a diagram as text).
pub const BOARD_TEXT: &str = "board";
/// The shared map of what is on screen: `problem` (a position) and
/// `lang/{position}` (the language chosen for that problem).
pub const META_MAP: &str = "meta";
/// The shared map that nudges browsers to re-read the room's console: a
/// submission id and its status, written by the server when an answer is
/// sent and when it is graded.
pub const CONSOLE_MAP: &str = "console";

struct Shared {
    doc: Doc,
    /// The latest awareness entry of every connected client.
    awareness: HashMap<ClientID, AwarenessUpdateEntry>,
    /// Which connection announced each awareness client: no connection
    /// may change or clear another's cursor.
    owners: HashMap<ClientID, u64>,
}

/// One change not yet written to the log.
struct Queued {
    author: Option<UserId>,
    at: DateTime<Utc>,
    body: Vec<u8>,
}

/// Changes not yet written to the log.
#[derive(Default)]
struct Queue {
    updates: Vec<Queued>,
}

pub struct LiveRoom {
    id: RoomId,
    shared: Mutex<Shared>,
    queue: Mutex<Queue>,
    tx: broadcast::Sender<Outgoing>,
    connections: AtomicUsize,
    read_only: AtomicBool,
    /// The size of every change taken so far (the log's size).
    bytes: AtomicUsize,
    /// The newest log row's time this process has read (for reading what
    /// other processes write).
    read_up_to: Mutex<DateTime<Utc>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves a document that is still a
    // valid CRDT state; carry on with it rather than poisoning the room.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One browser's connection to a room.
pub struct Participant {
    pub id: u64,
    pub user: UserId,
    /// Who they are, as everyone's screen names them: the server's word
    /// for it, whatever their browser claims.
    identity: Identity,
    /// The awareness client ids this connection has announced.
    clients: HashSet<ClientID>,
}

/// A participant's name and part in the room, as shown beside their
/// cursor.
#[derive(Debug, Clone)]
pub struct Identity {
    pub name: String,
    pub role: &'static str,
}

impl LiveRoom {
    fn new(id: RoomId, doc: Doc, read_only: bool) -> Self {
        let (tx, _) = broadcast::channel(BACKLOG);
        Self {
            id,
            shared: Mutex::new(Shared {
                doc,
                awareness: HashMap::new(),
                owners: HashMap::new(),
            }),
            queue: Mutex::new(Queue::default()),
            tx,
            connections: AtomicUsize::new(0),
            read_only: AtomicBool::new(read_only),
            bytes: AtomicUsize::new(0),
            read_up_to: Mutex::new(DateTime::<Utc>::UNIX_EPOCH),
        }
    }

    pub fn id(&self) -> RoomId {
        self.id
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Outgoing> {
        self.tx.subscribe()
    }

    /// Stops taking changes (the room has ended); connections stay open to
    /// read.
    pub fn freeze(&self) {
        self.read_only.store(true, Ordering::SeqCst);
    }

    /// What the server sends a browser that has just connected: its state
    /// vector (so the browser answers with what the server lacks), the
    /// whole document as an update, and everyone's awareness.
    pub fn greeting(&self) -> Vec<Bytes> {
        let shared = lock(&self.shared);
        let txn = shared.doc.transact();
        let mut out = vec![
            encode(&Message::Sync(SyncMessage::SyncStep1(txn.state_vector()))),
            encode(&Message::Sync(SyncMessage::SyncStep2(
                txn.encode_state_as_update_v1(&StateVector::default()),
            ))),
        ];
        if !shared.awareness.is_empty() {
            out.push(encode(&Message::Awareness(AwarenessUpdate {
                clients: shared.awareness.clone(),
            })));
        }
        out
    }

    /// Handles one binary message from `who`: applies changes and awareness
    /// (relaying them to the others), and returns the replies for `who`.
    pub fn receive(&self, who: &mut Participant, data: &[u8]) -> Result<Vec<Bytes>, LiveError> {
        let mut decoder = DecoderV1::new(Cursor::new(data));
        let mut replies = Vec::new();
        for message in MessageReader::new(&mut decoder) {
            let message = message.map_err(|e| LiveError::Protocol(e.to_string()))?;
            match message {
                Message::Sync(SyncMessage::SyncStep1(sv)) => {
                    let shared = lock(&self.shared);
                    let update = shared.doc.transact().encode_state_as_update_v1(&sv);
                    replies.push(encode(&Message::Sync(SyncMessage::SyncStep2(update))));
                }
                Message::Sync(SyncMessage::SyncStep2(update))
                | Message::Sync(SyncMessage::Update(update)) => self.apply(who, &update)?,
                Message::Awareness(update) => self.relay_awareness(who, update),
                Message::AwarenessQuery => {
                    let shared = lock(&self.shared);
                    replies.push(encode(&Message::Awareness(AwarenessUpdate {
                        clients: shared.awareness.clone(),
                    })));
                }
                // Authentication happened before the socket opened; other
                // message kinds are not ours to interpret.
                Message::Auth(_) | Message::Custom(..) => {}
            }
        }
        Ok(replies)
    }

    fn apply(&self, who: &Participant, update: &[u8]) -> Result<(), LiveError> {
        if self.read_only.load(Ordering::SeqCst) {
            return Ok(());
        }
        if self.bytes.load(Ordering::SeqCst) + update.len() > MAX_ROOM_BYTES {
            return Err(LiveError::Full);
        }
        let decoded = Update::decode_v1(update).map_err(|e| LiveError::Protocol(e.to_string()))?;
        let effective = self
            .transact(|txn| txn.apply_update(decoded))
            .map_err(|e| LiveError::Protocol(e.to_string()))?;
        // Known changes (a reconnecting browser resends what it has) are
        // neither relayed nor logged again.
        let Some(effective) = effective else {
            return Ok(());
        };
        self.bytes.fetch_add(effective.len(), Ordering::SeqCst);
        self.relay(who.id, &effective);
        lock(&self.queue).updates.push(Queued {
            author: Some(who.user),
            at: crate::db::now(),
            body: effective,
        });
        Ok(())
    }

    fn relay_awareness(&self, who: &mut Participant, update: AwarenessUpdate) {
        let mut changed = HashMap::new();
        {
            let mut shared = lock(&self.shared);
            for (client, mut entry) in update.clients {
                if shared
                    .owners
                    .get(&client)
                    .is_some_and(|&owner| owner != who.id)
                {
                    continue;
                }
                let newer = shared
                    .awareness
                    .get(&client)
                    .is_none_or(|known| entry.clock >= known.clock);
                if !newer {
                    continue;
                }
                if &*entry.json == "null" {
                    shared.awareness.remove(&client);
                    shared.owners.remove(&client);
                    who.clients.remove(&client);
                } else {
                    let Some(json) = stamped(&entry.json, &who.identity) else {
                        continue;
                    };
                    entry.json = json.into();
                    shared.awareness.insert(client, entry.clone());
                    shared.owners.insert(client, who.id);
                    who.clients.insert(client);
                }
                changed.insert(client, entry);
            }
        }
        if !changed.is_empty() {
            let _ = self.tx.send(Outgoing {
                from: who.id,
                bytes: encode(&Message::Awareness(AwarenessUpdate { clients: changed })),
            });
        }
    }

    /// Applies rows of the log that another process wrote: what is new
    /// here is relayed to this process's connections (and not logged
    /// again: it is in the log already).
    fn apply_logged(&self, rows: &[StoredUpdate]) {
        for row in rows {
            let Ok(decoded) = Update::decode_v1(&row.body) else {
                continue;
            };
            if let Ok(Some(effective)) = self.transact(|txn| txn.apply_update(decoded)) {
                self.bytes.fetch_add(effective.len(), Ordering::SeqCst);
                self.relay(0, &effective);
            }
        }
        if let Some(newest) = rows.iter().map(|row| row.at).max() {
            let mut read = lock(&self.read_up_to);
            *read = (*read).max(newest);
        }
    }

    /// A connection closed: its cursors go from everyone's screen.
    fn leave(&self, who: &Participant) {
        let mut gone = HashMap::new();
        {
            let mut shared = lock(&self.shared);
            for client in &who.clients {
                shared.owners.remove(client);
                if let Some(entry) = shared.awareness.remove(client) {
                    gone.insert(
                        *client,
                        AwarenessUpdateEntry {
                            clock: entry.clock + 1,
                            json: "null".into(),
                        },
                    );
                }
            }
        }
        if !gone.is_empty() {
            let _ = self.tx.send(Outgoing {
                from: who.id,
                bytes: encode(&Message::Awareness(AwarenessUpdate { clients: gone })),
            });
        }
        self.connections.fetch_sub(1, Ordering::SeqCst);
    }

    /// Makes a change on the server's behalf: relayed to everyone and
    /// logged without an author. Nothing happens once the room is frozen.
    fn change(&self, f: impl FnOnce(&mut yrs::TransactionMut<'_>)) {
        if self.read_only.load(Ordering::SeqCst) {
            return;
        }
        let Ok(Some(update)) = self.transact(|txn| {
            f(txn);
            Ok::<(), std::convert::Infallible>(())
        }) else {
            return;
        };
        self.relay(0, &update);
        lock(&self.queue).updates.push(Queued {
            author: None,
            at: crate::db::now(),
            body: update,
        });
    }

    /// Runs `f` in one transaction on the room's document; returns what it
    /// changed as an update (v1), or `None` when it changed nothing (a
    /// change the document already had).
    fn transact<E>(
        &self,
        f: impl FnOnce(&mut yrs::TransactionMut<'_>) -> Result<(), E>,
    ) -> Result<Option<Vec<u8>>, E> {
        let shared = lock(&self.shared);
        let mut txn = shared.doc.transact_mut();
        f(&mut txn)?;
        let changed = txn.before_state() != txn.after_state() || !txn.delete_set().is_empty();
        Ok(changed.then(|| txn.encode_update_v1()))
    }

    /// Sends a change to this room's connections, all but `from`'s.
    fn relay(&self, from: u64, update: &[u8]) {
        let _ = self.tx.send(Outgoing {
            from,
            bytes: encode(&Message::Sync(SyncMessage::Update(update.to_vec()))),
        });
    }

    /// The starter code a room opens with.
    fn seed(&self, texts: &[(String, String)]) {
        self.change(|txn| {
            for (name, content) in texts {
                let text = txn.get_or_insert_text(name.as_str());
                if text.len(txn) == 0 {
                    text.insert(txn, 0, content);
                }
            }
        });
    }

    /// Nudges the room's browsers to read the console again: a run or
    /// submission (by id) is queued or graded. The console itself comes
    /// from the server (`Rooms::console`), not from this map, which any
    /// participant could write to.
    pub fn ping_console(&self, key: &str, status: crate::domain::Status) {
        self.change(|txn| {
            let console = txn.get_or_insert_map(CONSOLE_MAP);
            console.insert(txn, key, status.as_str());
        });
    }

    /// A value of the shared `meta` map (which problem is shown, each
    /// problem's language), when it is a string.
    pub fn meta(&self, key: &str) -> Option<String> {
        let shared = lock(&self.shared);
        let txn = shared.doc.transact();
        let meta = txn.get_map(META_MAP)?;
        match meta.get(&txn, key)? {
            yrs::Out::Any(yrs::Any::String(s)) => Some(s.to_string()),
            _ => None,
        }
    }

    /// Puts rows that could not be written back in front of the queue.
    fn requeue(&self, rows: Vec<StoredUpdate>) {
        let mut queue = lock(&self.queue);
        let later = std::mem::take(&mut queue.updates);
        queue.updates = rows
            .into_iter()
            .map(|row| Queued {
                author: row.author_id,
                at: row.at,
                body: row.body,
            })
            .chain(later)
            .collect();
    }

    /// The text of a shared text, as it is now.
    pub fn text(&self, name: &str) -> String {
        let shared = lock(&self.shared);
        let txn = shared.doc.transact();
        txn.get_text(name)
            .map(|t| t.get_string(&txn))
            .unwrap_or_default()
    }

    /// Takes the queued changes, merged into one row per run of changes by
    /// the same author.
    fn drain(&self) -> Vec<StoredUpdate> {
        let queued = std::mem::take(&mut lock(&self.queue).updates);
        let mut runs: Vec<(Queued, Vec<Vec<u8>>)> = Vec::new();
        for change in queued {
            match runs.last_mut() {
                Some((last, bodies)) if last.author == change.author => {
                    last.at = change.at;
                    bodies.push(change.body);
                }
                _ => {
                    let Queued { author, at, body } = change;
                    runs.push((
                        Queued {
                            author,
                            at,
                            body: Vec::new(),
                        },
                        vec![body],
                    ));
                }
            }
        }
        runs.into_iter()
            .map(|(Queued { author, at, .. }, bodies)| {
                let edits = bodies.len() as i32;
                // Merging cannot fail on updates this server encoded; if it
                // did, keep the last one whole rather than lose the batch.
                let body = if bodies.len() == 1 {
                    bodies.into_iter().next().unwrap_or_default()
                } else {
                    yrs::merge_updates_v1(&bodies).unwrap_or_else(|_| {
                        tracing::warn!("merging room updates failed; storing them one by one");
                        bodies.concat()
                    })
                };
                StoredUpdate {
                    author_id: author,
                    at,
                    edits,
                    body,
                }
            })
            .collect()
    }
}

/// An awareness state with the participant's real name and role written
/// over whatever the browser put there (so nobody appears as someone
/// else); `None` when it is not a JSON object.
fn stamped(json: &str, identity: &Identity) -> Option<String> {
    let mut state: serde_json::Value = serde_json::from_str(json).ok()?;
    let object = state.as_object_mut()?;
    let user = object
        .entry("user")
        .or_insert_with(|| serde_json::json!({}));
    if !user.is_object() {
        *user = serde_json::json!({});
    }
    let user = user.as_object_mut()?;
    user.insert("name".into(), identity.name.clone().into());
    user.insert("role".into(), identity.role.into());
    Some(state.to_string())
}

fn encode(message: &Message) -> Bytes {
    let mut encoder = EncoderV1::new();
    message.encode(&mut encoder);
    Bytes::from(encoder.to_vec())
}

/// Rebuilds a document from a room's log. A row that does not decode is
/// skipped with a warning: one damaged row must not make a room unusable.
pub fn replay(room: RoomId, log: &[StoredUpdate]) -> Doc {
    let doc = Doc::new();
    {
        let mut txn = doc.transact_mut();
        for row in log {
            match Update::decode_v1(&row.body) {
                Ok(update) => {
                    if let Err(e) = txn.apply_update(update) {
                        tracing::warn!(%room, error = %e, "a room update did not apply");
                    }
                }
                Err(e) => tracing::warn!(%room, error = %e, "a room update did not decode"),
            }
        }
    }
    doc
}

/// The rooms with someone connected, in memory.
pub struct Hub {
    db: Db,
    rooms: Mutex<HashMap<RoomId, Arc<LiveRoom>>>,
    next_connection: AtomicU64,
    /// This process's name in the notifications it sends.
    origin: String,
}

impl Hub {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            rooms: Mutex::new(HashMap::new()),
            next_connection: AtomicU64::new(1),
            origin: format!("{:016x}", rand::random::<u64>()),
        }
    }

    /// Handles a notification that some process wrote to a room's log
    /// (`"{room} {origin}"`): reads the new rows when another process
    /// wrote them and the room is open here.
    pub async fn notified(&self, payload: &str) -> Result<(), DbError> {
        let Some((room, origin)) = payload.split_once(' ') else {
            return Ok(());
        };
        match RoomId::parse(room) {
            Some(room) if origin != self.origin => self.pull(room).await,
            _ => Ok(()),
        }
    }

    /// The room in memory, if someone is connected to it.
    pub fn get(&self, room: RoomId) -> Option<Arc<LiveRoom>> {
        lock(&self.rooms).get(&room).cloned()
    }

    /// Connects `user` to `room`, loading the room from its log first if
    /// nobody is connected. A room with no log yet opens with `seed`
    /// (shared text name, starter code).
    pub async fn connect(
        &self,
        room: RoomId,
        user: UserId,
        identity: Identity,
        read_only: bool,
        seed: Vec<(String, String)>,
    ) -> Result<(Arc<LiveRoom>, Participant), LiveError> {
        // The count goes up under the map's lock, so the flusher never
        // drops a room that a connection is about to use.
        let existing = {
            let rooms = lock(&self.rooms);
            rooms.get(&room).map(|live| {
                live.connections.fetch_add(1, Ordering::SeqCst);
                live.clone()
            })
        };
        let live = match existing {
            Some(live) => live,
            None => {
                let log = self.db.run(move |conn| store::updates(conn, room)).await?;
                let loaded = Arc::new(LiveRoom::new(room, replay(room, &log), read_only));
                loaded
                    .bytes
                    .store(log.iter().map(|row| row.body.len()).sum(), Ordering::SeqCst);
                if let Some(newest) = log.iter().map(|row| row.at).max() {
                    *lock(&loaded.read_up_to) = newest;
                }
                // Two first connections may load at once; the first one in
                // wins and the other's copy is dropped.
                let live = {
                    let mut rooms = lock(&self.rooms);
                    let live = rooms.entry(room).or_insert_with(|| loaded.clone()).clone();
                    live.connections.fetch_add(1, Ordering::SeqCst);
                    live
                };
                if log.is_empty() && !read_only && Arc::ptr_eq(&live, &loaded) {
                    live.seed(&seed);
                }
                live
            }
        };
        if read_only {
            live.freeze();
        }
        let participant = Participant {
            id: self.next_connection.fetch_add(1, Ordering::SeqCst),
            user,
            identity,
            clients: HashSet::new(),
        };
        Ok((live, participant))
    }

    /// A connection closed.
    pub fn leave(&self, live: &LiveRoom, who: &Participant) {
        live.leave(who);
    }

    /// Writes every room's queued changes to its log, and lets rooms that
    /// nobody is connected to go from memory once written. Returns how
    /// many rows it wrote.
    pub async fn flush(&self) -> Result<usize, DbError> {
        let rooms: Vec<Arc<LiveRoom>> = lock(&self.rooms).values().cloned().collect();
        let mut written = 0;
        for live in rooms {
            let rows = live.drain();
            if !rows.is_empty() {
                written += rows.len();
                let id = live.id;
                let rows_back = rows.clone();
                let origin = self.origin.clone();
                if let Err(e) = self
                    .db
                    .run(move |conn| store::append_updates(conn, id, &rows, &origin))
                    .await
                {
                    // Keep them queued for the next flush; the browsers
                    // also still hold them.
                    tracing::warn!(room = %id, error = %e, "room changes not written yet");
                    live.requeue(rows_back);
                    return Err(e);
                }
            }
            if live.connections.load(Ordering::SeqCst) == 0 {
                let mut rooms = lock(&self.rooms);
                // Only if still idle and nothing new came in meanwhile.
                if live.connections.load(Ordering::SeqCst) == 0
                    && lock(&live.queue).updates.is_empty()
                {
                    rooms.remove(&live.id);
                }
            }
        }
        Ok(written)
    }

    /// Reads what other processes added to a room's log since this one
    /// last looked, when the room is open here (called when PostgreSQL
    /// notifies that its log grew). Rows are stamped when their batch's
    /// last change was made, up to a flush before they are written, so the
    /// read reaches back a little; rows read twice change nothing.
    pub async fn pull(&self, room: RoomId) -> Result<(), DbError> {
        let Some(live) = self.get(room) else {
            return Ok(());
        };
        let since = *lock(&live.read_up_to) - PULL_OVERLAP;
        let rows = self
            .db
            .run(move |conn| store::updates_since(conn, room, since))
            .await?;
        live.apply_logged(&rows);
        Ok(())
    }

    /// How many rooms are in memory now (for metrics and tests).
    pub fn open_rooms(&self) -> usize {
        lock(&self.rooms).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn participant(id: u64) -> Participant {
        Participant {
            id,
            user: UserId::new(),
            identity: Identity {
                name: format!("Person {id}"),
                role: "candidate",
            },
            clients: HashSet::new(),
        }
    }

    /// A browser's change: `text` typed at the end of `name` in `doc`.
    fn typed(doc: &Doc, name: &str, text: &str) -> Vec<u8> {
        let shared = doc.get_or_insert_text(name);
        let before = doc.transact().state_vector();
        {
            let mut txn = doc.transact_mut();
            let end = shared.len(&txn);
            shared.insert(&mut txn, end, text);
        }
        let update = doc.transact().encode_state_as_update_v1(&before);
        Message::Sync(SyncMessage::Update(update)).encode_v1()
    }

    fn room() -> LiveRoom {
        LiveRoom::new(RoomId::new(), Doc::new(), false)
    }

    #[test]
    fn a_change_is_relayed_to_the_others_and_logged_once() {
        let room = room();
        let mut rx = room.subscribe();
        let mut alice = participant(1);
        let browser = Doc::new();
        let change = typed(&browser, "code/0/python", "print(1)\n");
        assert!(room.receive(&mut alice, &change).unwrap().is_empty());
        let relayed = rx.try_recv().expect("relayed");
        assert_eq!(relayed.from, 1, "the sender's own connection skips it");
        assert_eq!(room.text("code/0/python"), "print(1)\n");
        // The same change again (a reconnect resending it) is not news.
        room.receive(&mut alice, &change).unwrap();
        assert!(rx.try_recv().is_err());
        assert_eq!(room.drain().len(), 1);
    }

    #[test]
    fn queued_changes_merge_per_author_run_and_replay_to_the_same_text() {
        let room = room();
        let (mut alice, mut bob) = (participant(1), participant(2));
        let (a, b) = (Doc::new(), Doc::new());
        room.receive(&mut alice, &typed(&a, "t", "ab")).unwrap();
        room.receive(&mut alice, &typed(&a, "t", "cd")).unwrap();
        room.receive(&mut bob, &typed(&b, "u", "xy")).unwrap();
        room.receive(&mut alice, &typed(&a, "t", "ef")).unwrap();
        let log = room.drain();
        let edits: Vec<i32> = log.iter().map(|row| row.edits).collect();
        assert_eq!(edits, [2, 1, 1], "runs by the same author merge");
        assert_eq!(log[0].author_id, Some(alice.user));
        assert_eq!(log[1].author_id, Some(bob.user));
        let doc = replay(room.id(), &log);
        let txn = doc.transact();
        assert_eq!(txn.get_text("t").unwrap().get_string(&txn), "abcdef");
        assert_eq!(txn.get_text("u").unwrap().get_string(&txn), "xy");
        assert!(room.drain().is_empty(), "drained once");
    }

    #[test]
    fn a_frozen_room_takes_no_changes() {
        let room = room();
        room.freeze();
        let mut alice = participant(1);
        room.receive(&mut alice, &typed(&Doc::new(), "t", "late"))
            .unwrap();
        assert_eq!(room.text("t"), "");
        assert!(room.drain().is_empty());
    }

    #[test]
    fn garbled_messages_change_nothing_and_never_panic() {
        let room = room();
        let mut alice = participant(1);
        room.receive(&mut alice, &typed(&Doc::new(), "t", "kept"))
            .unwrap();
        let garbage: [&[u8]; 5] = [
            &[0, 2, 200, 1],
            &[9, 9, 9],
            &[0, 2, 3, 1, 2, 3],
            &[0, 1, 4, 255, 255, 255, 255],
            &[1, 5, 1, 2, 3, 4, 5],
        ];
        for bytes in garbage {
            // Truncated input ends the message list; undecodable input is
            // an error that closes the connection. Neither may touch the
            // document.
            let _ = room.receive(&mut alice, bytes);
            assert_eq!(room.text("t"), "kept", "{bytes:?}");
        }
    }

    #[test]
    fn a_leaving_connection_takes_its_cursor_away() {
        let room = room();
        let mut rx = room.subscribe();
        let mut alice = participant(1);
        room.connections.fetch_add(1, Ordering::SeqCst);
        let client = ClientID::new(42);
        let mut clients = HashMap::new();
        clients.insert(
            client,
            AwarenessUpdateEntry {
                clock: 3,
                json: r#"{"user":{"name":"Alice"}}"#.into(),
            },
        );
        let hello = Message::Awareness(AwarenessUpdate { clients }).encode_v1();
        room.receive(&mut alice, &hello).unwrap();
        rx.try_recv().expect("the cursor is relayed");
        // A newcomer is greeted with it.
        assert_eq!(room.greeting().len(), 3);
        room.leave(&alice);
        let gone = rx.try_recv().expect("its removal is relayed");
        let mut decoder = DecoderV1::new(Cursor::new(&gone.bytes));
        let Some(Ok(Message::Awareness(update))) = MessageReader::new(&mut decoder).next() else {
            panic!("not an awareness message");
        };
        let entry = &update.clients[&client];
        assert_eq!((entry.clock, &*entry.json), (4, "null"));
        assert_eq!(room.greeting().len(), 2, "no cursors left to greet with");
    }

    fn awareness(client: u64, clock: u32, json: &str) -> Vec<u8> {
        let mut clients = HashMap::new();
        clients.insert(
            ClientID::new(client),
            AwarenessUpdateEntry {
                clock,
                json: json.into(),
            },
        );
        Message::Awareness(AwarenessUpdate { clients }).encode_v1()
    }

    fn shown(room: &LiveRoom, client: u64) -> Option<serde_json::Value> {
        let shared = lock(&room.shared);
        let entry = shared.awareness.get(&ClientID::new(client))?;
        serde_json::from_str(&entry.json).ok()
    }

    #[test]
    fn nobody_can_wear_anothers_name_or_move_anothers_cursor() {
        let room = room();
        let (mut alice, mut mallory) = (participant(1), participant(2));
        room.receive(
            &mut alice,
            &awareness(7, 1, r##"{"user":{"name":"Alice","color":"#123"}}"##),
        )
        .unwrap();
        // The name shown is the server's, whatever the browser says.
        room.receive(
            &mut mallory,
            &awareness(8, 1, r#"{"user":{"name":"The interviewer"}}"#),
        )
        .unwrap();
        assert_eq!(shown(&room, 8).unwrap()["user"]["name"], "Person 2");
        assert_eq!(
            shown(&room, 7).unwrap()["user"]["color"],
            "#123",
            "the colour is the browser's"
        );
        // Mallory cannot clear or rewrite Alice's cursor.
        room.receive(&mut mallory, &awareness(7, 9, "null"))
            .unwrap();
        room.receive(&mut mallory, &awareness(7, 10, r#"{"user":{"name":"x"}}"#))
            .unwrap();
        assert_eq!(shown(&room, 7).unwrap()["user"]["name"], "Person 1");
        // A state that is not a JSON object is not relayed.
        room.receive(&mut mallory, &awareness(9, 1, "[1, 2]"))
            .unwrap();
        assert!(shown(&room, 9).is_none());
    }

    #[test]
    fn a_full_room_takes_no_more() {
        let room = room();
        room.bytes.store(MAX_ROOM_BYTES - 10, Ordering::SeqCst);
        let mut alice = participant(1);
        let change = typed(&Doc::new(), "t", &"x".repeat(64));
        assert!(matches!(
            room.receive(&mut alice, &change),
            Err(LiveError::Full)
        ));
        assert_eq!(room.text("t"), "");
    }
}
