//! The `rooms`, `room_problems`, `room_members`, `room_updates` and
//! `room_notes` tables: live interview rooms, who is in each, the shared
//! document's change log, and the interviewers' private notes.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{room_members, room_notes, room_problems, room_updates, rooms, users};
use super::{DbConnection, DbError};
use crate::domain::{ChallengeId, RoomId, RoomMode, RoomRole, RoomState, UserId};

#[derive(Debug, Clone, PartialEq)]
pub struct RoomRecord {
    pub id: RoomId,
    pub owner_id: UserId,
    pub title: String,
    pub mode: RoomMode,
    pub state: RoomState,
    pub invite_token: String,
    pub created_at: DateTime<Utc>,
    pub starts_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    /// When the peers of a peer room swapped roles.
    pub swapped_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    /// The challenges, in the order they are posed.
    pub problems: Vec<ChallengeId>,
    /// Everyone who has joined, in joining order.
    pub members: Vec<Member>,
}

impl RoomRecord {
    pub fn role_of(&self, user: UserId) -> Option<RoomRole> {
        self.members
            .iter()
            .find(|m| m.user_id == user)
            .map(|m| m.role)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub user_id: UserId,
    pub display_name: String,
    pub role: RoomRole,
    pub joined_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = rooms)]
struct Row {
    id: String,
    owner_id: String,
    title: String,
    mode: String,
    state: String,
    invite_token: String,
    created_at: NaiveDateTime,
    starts_at: Option<NaiveDateTime>,
    started_at: Option<NaiveDateTime>,
    swapped_at: Option<NaiveDateTime>,
    ended_at: Option<NaiveDateTime>,
}

fn corrupt(id: &str, what: &str) -> DbError {
    DbError::Corrupt(format!("room {id}: {what}"))
}

fn user_id(room: &str, raw: &str) -> Result<UserId, DbError> {
    UserId::parse(raw).ok_or_else(|| corrupt(room, "a user id is not a UUID"))
}

impl Row {
    fn into_record(
        self,
        problems: Vec<ChallengeId>,
        members: Vec<Member>,
    ) -> Result<RoomRecord, DbError> {
        Ok(RoomRecord {
            id: RoomId::parse(&self.id).ok_or_else(|| corrupt(&self.id, "id is not a UUID"))?,
            owner_id: user_id(&self.id, &self.owner_id)?,
            mode: RoomMode::parse(&self.mode).map_err(|e| corrupt(&self.id, &e.to_string()))?,
            state: RoomState::parse(&self.state).map_err(|e| corrupt(&self.id, &e.to_string()))?,
            created_at: self.created_at.and_utc(),
            starts_at: self.starts_at.map(|t| t.and_utc()),
            started_at: self.started_at.map(|t| t.and_utc()),
            swapped_at: self.swapped_at.map(|t| t.and_utc()),
            ended_at: self.ended_at.map(|t| t.and_utc()),
            title: self.title,
            invite_token: self.invite_token,
            problems,
            members,
        })
    }
}

pub struct NewRoom<'a> {
    pub id: RoomId,
    pub owner_id: UserId,
    pub title: &'a str,
    pub mode: RoomMode,
    pub invite_token: &'a str,
    pub created_at: DateTime<Utc>,
    pub starts_at: Option<DateTime<Utc>>,
    pub problems: &'a [ChallengeId],
}

/// Stores a new room with its problems; its owner is its first
/// interviewer (a peer, in a peer room).
pub fn create(conn: &mut DbConnection, new: &NewRoom<'_>) -> Result<(), DbError> {
    let id = new.id.to_string();
    conn.transaction::<_, DbError, _>(|conn| {
        diesel::insert_into(rooms::table)
            .values((
                rooms::id.eq(&id),
                rooms::owner_id.eq(new.owner_id.to_string()),
                rooms::title.eq(new.title),
                rooms::mode.eq(new.mode.as_str()),
                rooms::state.eq(RoomState::Scheduled.as_str()),
                rooms::invite_token.eq(new.invite_token),
                rooms::created_at.eq(new.created_at.naive_utc()),
                rooms::starts_at.eq(new.starts_at.map(|t| t.naive_utc())),
            ))
            .execute(conn)?;
        for (position, challenge) in new.problems.iter().enumerate() {
            diesel::insert_into(room_problems::table)
                .values((
                    room_problems::room_id.eq(&id),
                    room_problems::position.eq(position as i32),
                    room_problems::challenge_id.eq(challenge.to_string()),
                ))
                .execute(conn)?;
        }
        diesel::insert_into(room_members::table)
            .values((
                room_members::room_id.eq(&id),
                room_members::user_id.eq(new.owner_id.to_string()),
                room_members::role.eq(match new.mode {
                    RoomMode::Interview => RoomRole::Interviewer,
                    RoomMode::Peer => RoomRole::Peer,
                }
                .as_str()),
                room_members::joined_at.eq(new.created_at.naive_utc()),
            ))
            .execute(conn)?;
        Ok(())
    })
}

fn problems_of(conn: &mut DbConnection, id: &str) -> Result<Vec<ChallengeId>, DbError> {
    let rows: Vec<String> = room_problems::table
        .filter(room_problems::room_id.eq(id))
        .order(room_problems::position.asc())
        .select(room_problems::challenge_id)
        .load(conn)?;
    rows.iter()
        .map(|c| ChallengeId::parse(c).ok_or_else(|| corrupt(id, "a challenge id is not a UUID")))
        .collect()
}

fn members_of(conn: &mut DbConnection, id: &str) -> Result<Vec<Member>, DbError> {
    let rows: Vec<(String, String, String, NaiveDateTime)> = room_members::table
        .inner_join(users::table)
        .filter(room_members::room_id.eq(id))
        .order((room_members::joined_at.asc(), room_members::user_id.asc()))
        .select((
            room_members::user_id,
            users::display_name,
            room_members::role,
            room_members::joined_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(user, display_name, role, joined_at)| {
            Ok(Member {
                user_id: user_id(id, &user)?,
                display_name,
                role: RoomRole::parse(&role).map_err(|e| corrupt(id, &e.to_string()))?,
                joined_at: joined_at.and_utc(),
            })
        })
        .collect()
}

fn complete(conn: &mut DbConnection, row: Row) -> Result<RoomRecord, DbError> {
    let problems = problems_of(conn, &row.id)?;
    let members = members_of(conn, &row.id)?;
    row.into_record(problems, members)
}

pub fn find(conn: &mut DbConnection, id: RoomId) -> Result<Option<RoomRecord>, DbError> {
    let row: Option<Row> = rooms::table
        .find(id.to_string())
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    row.map(|row| complete(conn, row)).transpose()
}

pub fn find_by_invite(conn: &mut DbConnection, token: &str) -> Result<Option<RoomRecord>, DbError> {
    let row: Option<Row> = rooms::table
        .filter(rooms::invite_token.eq(token))
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    row.map(|row| complete(conn, row)).transpose()
}

/// The rooms a user is a member of, newest first.
pub fn list_for_user(
    conn: &mut DbConnection,
    user: UserId,
    limit: i64,
) -> Result<Vec<RoomRecord>, DbError> {
    let rows: Vec<Row> = rooms::table
        .inner_join(room_members::table)
        .filter(room_members::user_id.eq(user.to_string()))
        .order((rooms::created_at.desc(), rooms::id.desc()))
        .limit(limit)
        .select(Row::as_select())
        .load(conn)?;
    rows.into_iter().map(|row| complete(conn, row)).collect()
}

/// Adds a member unless they are one already; returns their role in the
/// room either way (a returning interviewer stays one).
pub fn join(
    conn: &mut DbConnection,
    room: RoomId,
    user: UserId,
    role: RoomRole,
    at: DateTime<Utc>,
) -> Result<RoomRole, DbError> {
    let existing = |conn: &mut DbConnection| -> Result<Option<String>, DbError> {
        Ok(room_members::table
            .find((room.to_string(), user.to_string()))
            .select(room_members::role)
            .first(conn)
            .optional()?)
    };
    let insert = diesel::insert_into(room_members::table)
        .values((
            room_members::room_id.eq(room.to_string()),
            room_members::user_id.eq(user.to_string()),
            room_members::role.eq(role.as_str()),
            room_members::joined_at.eq(at.naive_utc()),
        ))
        .execute(conn);
    match insert {
        Ok(_) => Ok(role),
        Err(e) => {
            let e = DbError::from(e);
            if !e.is_unique_violation() {
                return Err(e);
            }
            let stored = existing(conn)?.ok_or(e)?;
            RoomRole::parse(&stored).map_err(|e| corrupt(&room.to_string(), &e.to_string()))
        }
    }
}

/// Moves a room from one state to the next, only if it is still in
/// `from` (two interviewers pressing at once change it once). Returns
/// whether this call changed it.
pub fn advance(
    conn: &mut DbConnection,
    room: RoomId,
    from: RoomState,
    to: RoomState,
    at: DateTime<Utc>,
) -> Result<bool, DbError> {
    let target = rooms::table
        .filter(rooms::id.eq(room.to_string()))
        .filter(rooms::state.eq(from.as_str()));
    let changed = match to {
        RoomState::Live => diesel::update(target)
            .set((
                rooms::state.eq(to.as_str()),
                rooms::started_at.eq(at.naive_utc()),
            ))
            .execute(conn)?,
        RoomState::Ended => diesel::update(target)
            .set((
                rooms::state.eq(to.as_str()),
                rooms::ended_at.eq(at.naive_utc()),
            ))
            .execute(conn)?,
        RoomState::Scheduled => diesel::update(target)
            .set(rooms::state.eq(to.as_str()))
            .execute(conn)?,
    };
    Ok(changed > 0)
}

/// Records that the peers of a peer room swapped roles, once (a second
/// press changes nothing). Returns whether this call swapped them.
pub fn swap(conn: &mut DbConnection, room: RoomId, at: DateTime<Utc>) -> Result<bool, DbError> {
    let changed = diesel::update(
        rooms::table
            .filter(rooms::id.eq(room.to_string()))
            .filter(rooms::mode.eq(RoomMode::Peer.as_str()))
            .filter(rooms::swapped_at.is_null())
            .filter(rooms::state.ne(RoomState::Ended.as_str())),
    )
    .set(rooms::swapped_at.eq(at.naive_utc()))
    .execute(conn)?;
    Ok(changed > 0)
}

/// One stored batch of changes to a room's shared document.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredUpdate {
    pub author_id: Option<UserId>,
    pub at: DateTime<Utc>,
    /// How many changes from the author were merged into this batch.
    pub edits: i32,
    /// A Yjs update (v1 encoding).
    pub body: Vec<u8>,
}

/// Appends batches of changes to a room's log, and tells the other
/// serving processes (`origin` names the writing one, so it can ignore its
/// own news).
pub fn append_updates(
    conn: &mut DbConnection,
    room: RoomId,
    updates: &[StoredUpdate],
    origin: &str,
) -> Result<(), DbError> {
    if updates.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = updates
        .iter()
        .map(|u| {
            (
                room_updates::id.eq(uuid::Uuid::now_v7().to_string()),
                room_updates::room_id.eq(room.to_string()),
                room_updates::author_id.eq(u.author_id.map(|a| a.to_string())),
                room_updates::at.eq(u.at.naive_utc()),
                room_updates::edits.eq(u.edits),
                room_updates::body.eq(&u.body),
            )
        })
        .collect();
    // One statement per row: a multi-row insert is not portable through
    // the multi-backend connection (SQLite's form differs).
    conn.transaction::<_, DbError, _>(|conn| {
        for row in rows {
            diesel::insert_into(room_updates::table)
                .values(row)
                .execute(conn)?;
        }
        // Other serving processes with this room open read the new rows.
        super::listen::notify(
            conn,
            super::listen::ROOMS_CHANNEL,
            &format!("{room} {origin}"),
        )
    })
}

/// A room's change log, oldest first.
pub fn updates(conn: &mut DbConnection, room: RoomId) -> Result<Vec<StoredUpdate>, DbError> {
    updates_since(conn, room, DateTime::<Utc>::UNIX_EPOCH)
}

/// The rows of a room's log stamped at `since` or later, oldest first.
pub fn updates_since(
    conn: &mut DbConnection,
    room: RoomId,
    since: DateTime<Utc>,
) -> Result<Vec<StoredUpdate>, DbError> {
    let id = room.to_string();
    let rows: Vec<(Option<String>, NaiveDateTime, i32, Vec<u8>)> = room_updates::table
        .filter(room_updates::room_id.eq(&id))
        .filter(room_updates::at.ge(since.naive_utc()))
        .order((room_updates::at.asc(), room_updates::id.asc()))
        .select((
            room_updates::author_id,
            room_updates::at,
            room_updates::edits,
            room_updates::body,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(author, at, edits, body)| {
            Ok(StoredUpdate {
                author_id: author.map(|a| user_id(&id, &a)).transpose()?,
                at: at.and_utc(),
                edits,
                body,
            })
        })
        .collect()
}

/// An interviewer's notes and scorecard (stored as JSON, parsed by the
/// caller, which owns the scorecard's rules).
#[derive(Debug, Clone, PartialEq)]
pub struct NotesRecord {
    pub author_id: UserId,
    pub notes: String,
    pub scorecard: Option<String>,
    /// Written for the other side, who reads it once the room has ended.
    pub feedback: String,
    pub updated_at: DateTime<Utc>,
}

pub fn notes(
    conn: &mut DbConnection,
    room: RoomId,
    author: UserId,
) -> Result<Option<NotesRecord>, DbError> {
    let row: Option<(String, Option<String>, String, NaiveDateTime)> = room_notes::table
        .find((room.to_string(), author.to_string()))
        .select((
            room_notes::notes,
            room_notes::scorecard,
            room_notes::feedback,
            room_notes::updated_at,
        ))
        .first(conn)
        .optional()?;
    Ok(
        row.map(|(notes, scorecard, feedback, updated_at)| NotesRecord {
            author_id: author,
            notes,
            scorecard,
            feedback,
            updated_at: updated_at.and_utc(),
        }),
    )
}

/// The feedback every author other than `reader` wrote in a room (only
/// the feedback: notes and scorecards stay with their author).
pub fn feedback_for(
    conn: &mut DbConnection,
    room: RoomId,
    reader: UserId,
) -> Result<Vec<(UserId, String, DateTime<Utc>)>, DbError> {
    let id = room.to_string();
    let rows: Vec<(String, String, NaiveDateTime)> = room_notes::table
        .filter(room_notes::room_id.eq(&id))
        .filter(room_notes::author_id.ne(reader.to_string()))
        .filter(room_notes::feedback.ne(""))
        .order(room_notes::updated_at.asc())
        .select((
            room_notes::author_id,
            room_notes::feedback,
            room_notes::updated_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(author, feedback, at)| Ok((user_id(&id, &author)?, feedback, at.and_utc())))
        .collect()
}

pub fn save_notes(
    conn: &mut DbConnection,
    room: RoomId,
    record: &NotesRecord,
) -> Result<(), DbError> {
    let key = (room.to_string(), record.author_id.to_string());
    super::upsert(
        conn,
        |conn| {
            Ok(diesel::update(room_notes::table.find(key.clone()))
                .set((
                    room_notes::notes.eq(&record.notes),
                    room_notes::scorecard.eq(&record.scorecard),
                    room_notes::feedback.eq(&record.feedback),
                    room_notes::updated_at.eq(record.updated_at.naive_utc()),
                ))
                .execute(conn)?)
        },
        |conn| {
            Ok(diesel::insert_into(room_notes::table)
                .values((
                    room_notes::room_id.eq(&key.0),
                    room_notes::author_id.eq(&key.1),
                    room_notes::notes.eq(&record.notes),
                    room_notes::scorecard.eq(&record.scorecard),
                    room_notes::feedback.eq(&record.feedback),
                    room_notes::updated_at.eq(record.updated_at.naive_utc()),
                ))
                .execute(conn)?)
        },
    )
}
