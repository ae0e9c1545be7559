-- Live interview rooms: an owner (the interviewer) opens a room on some
-- problems and shares an invite link; whoever follows it joins as the
-- candidate. In a peer room (mode 'peer') two candidates interview each
-- other: the owner interviews first, on problem 1; after the swap
-- (swapped_at) the partner interviews, on problem 2. The shared
-- document (code per problem, the drawing board) is a CRDT (Yjs, held by
-- yrs in the server): every change is appended to
-- room_updates with its author and time, which is both what a restart
-- reloads and what playback replays. Notes and scorecards are separate
-- rows that only interviewers can read, never in the shared document.
CREATE TABLE rooms (
    id           TEXT PRIMARY KEY NOT NULL,
    owner_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    mode         TEXT NOT NULL,
    state        TEXT NOT NULL,
    invite_token TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    starts_at    TIMESTAMP,
    started_at   TIMESTAMP,
    swapped_at   TIMESTAMP,
    ended_at     TIMESTAMP
);
CREATE INDEX rooms_owner ON rooms (owner_id, created_at);

CREATE TABLE room_problems (
    room_id      TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    challenge_id TEXT NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    PRIMARY KEY (room_id, position)
);

CREATE TABLE room_members (
    room_id   TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    joined_at TIMESTAMP NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_members_user ON room_members (user_id);

-- One row per batch of CRDT updates from one author (merged over a short
-- window, so a long room stays small). Ids are UUIDv7: they order rows by
-- time within a process, and the CRDT does not need a total order.
CREATE TABLE room_updates (
    id        TEXT PRIMARY KEY NOT NULL,
    room_id   TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    author_id TEXT,
    at        TIMESTAMP NOT NULL,
    edits     INTEGER NOT NULL,
    body      BLOB NOT NULL
);
CREATE INDEX room_updates_room ON room_updates (room_id, at);

-- An interviewer's private notes and scorecard for a room, and the
-- written feedback meant for the other side (shown to them once the room
-- has ended).
CREATE TABLE room_notes (
    room_id    TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    author_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    notes      TEXT NOT NULL,
    scorecard  TEXT,
    feedback   TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (room_id, author_id)
);
