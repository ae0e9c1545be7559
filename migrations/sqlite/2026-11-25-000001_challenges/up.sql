-- Challenges and their versions. A version is the whole loaded package
-- (statement, tests, solutions, rubric) as JSON; editing or re-importing a
-- changed package adds a version, and submissions keep the version they
-- were graded against. The challenges row repeats what the catalog
-- filters on.

CREATE TABLE challenges (
    id              TEXT PRIMARY KEY NOT NULL,
    slug            TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('code', 'sql', 'design')),
    title           TEXT NOT NULL,
    difficulty      TEXT NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    skills          TEXT NOT NULL,
    tags            TEXT NOT NULL,
    points          INTEGER NOT NULL CHECK (points > 0),
    origin          TEXT NOT NULL CHECK (origin IN ('library', 'authored')),
    author_id       TEXT REFERENCES users (id) ON DELETE SET NULL,
    published       BOOLEAN NOT NULL DEFAULT FALSE,
    current_version INTEGER NOT NULL CHECK (current_version > 0),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX challenges_kind_idx ON challenges (kind);
CREATE INDEX challenges_author_idx ON challenges (author_id);

CREATE TABLE challenge_versions (
    id           TEXT PRIMARY KEY NOT NULL,
    challenge_id TEXT NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL CHECK (version > 0),
    content_hash TEXT NOT NULL,
    package      TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (challenge_id, version)
);
