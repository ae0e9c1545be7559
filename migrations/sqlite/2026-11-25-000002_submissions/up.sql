-- Submissions and the grading queue. A submission is stored before its job
-- is queued, so nothing a user submitted is lost; the job is the queue
-- entry a worker leases. Runs ("Run" in the editor: samples or custom
-- input, never scored) are submissions too, with mode 'run'.

CREATE TABLE submissions (
    id                TEXT PRIMARY KEY NOT NULL,
    user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    challenge_id      TEXT NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    challenge_version INTEGER NOT NULL,
    mode              TEXT NOT NULL CHECK (mode IN ('submit', 'run')),
    language          TEXT,
    answer            TEXT NOT NULL,
    custom_input      TEXT,
    idempotency_key   TEXT,
    status            TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress          TEXT NOT NULL DEFAULT '[]',
    tests_total       INTEGER,
    verdict           TEXT,
    score             DOUBLE PRECISION,
    fuel              BIGINT,
    report            TEXT,
    error             TEXT,
    override_score    DOUBLE PRECISION,
    override_comment  TEXT,
    reviewed_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at       TIMESTAMP,
    created_at        TIMESTAMP NOT NULL,
    graded_at         TIMESTAMP,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX submissions_user_idx ON submissions (user_id, created_at);
CREATE INDEX submissions_challenge_idx ON submissions (challenge_id, mode, status);

CREATE TABLE grading_jobs (
    id               TEXT PRIMARY KEY NOT NULL,
    submission_id    TEXT NOT NULL UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
    state            TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL,
    lease_owner      TEXT,
    lease_expires_at TIMESTAMP,
    available_at     TIMESTAMP NOT NULL,
    last_error       TEXT,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE INDEX grading_jobs_ready_idx ON grading_jobs (state, available_at);
