-- Authoring: each version keeps the package's files (path → text, as JSON)
-- so a challenge can be exported and edited as the folder it came from;
-- drafts are packages being edited in the browser, one per slug.

ALTER TABLE challenge_versions ADD COLUMN files TEXT;

CREATE TABLE challenge_drafts (
    id         TEXT PRIMARY KEY NOT NULL,
    slug       TEXT NOT NULL UNIQUE,
    author_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    files      TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX challenge_drafts_author_idx ON challenge_drafts (author_id);
