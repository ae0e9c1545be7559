DROP TABLE challenge_drafts;
ALTER TABLE challenge_versions DROP COLUMN files;
