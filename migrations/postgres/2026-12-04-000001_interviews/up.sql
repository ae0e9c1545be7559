-- Timed sessions: a set of problems with a deadline kept on the server.
-- A mock interview is the first kind (purpose 'mock'); live rooms and
-- assessments reuse the same rows. The deadline closer claims a due
-- session with a lease (as the grading queue claims jobs), submits each
-- problem's last draft and ends it, so a deadline holds with the browser
-- closed, across restarts and with several processes.
CREATE TABLE timed_sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,
    format      TEXT NOT NULL,
    title       TEXT NOT NULL,
    status      TEXT NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    deadline    TIMESTAMP NOT NULL,
    ended_at    TIMESTAMP,
    end_reason  TEXT,
    lease_owner TEXT,
    lease_until TIMESTAMP
);
CREATE INDEX timed_sessions_due ON timed_sessions (status, deadline);
CREATE INDEX timed_sessions_user ON timed_sessions (user_id, started_at);

CREATE TABLE timed_session_problems (
    session_id   TEXT NOT NULL REFERENCES timed_sessions (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    challenge_id TEXT NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, position)
);

-- Runs and submissions made inside a session belong to it. No foreign key:
-- SQLite cannot drop a column that has one, and a session goes only with
-- its user, whose submissions go too.
ALTER TABLE submissions ADD COLUMN session_id TEXT;
CREATE INDEX submissions_session ON submissions (session_id);
