-- The workspace follows a person across devices: their editor settings
-- (theme, font size, key map, indentation) and the code they were writing,
-- one draft per challenge and language.
CREATE TABLE editor_settings (
    user_id    TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    settings   TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE answer_drafts (
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    challenge_id TEXT NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    language     TEXT NOT NULL,
    source       TEXT NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, challenge_id, language)
);

-- The library is imported at once and its solutions are checked after, in
-- the background: each version records how its check went. Versions stored
-- before this were checked before they were stored.
ALTER TABLE challenge_versions ADD COLUMN check_status TEXT NOT NULL DEFAULT 'passed';
ALTER TABLE challenge_versions ADD COLUMN check_report TEXT;
ALTER TABLE challenge_versions ADD COLUMN checked_at TIMESTAMP;
