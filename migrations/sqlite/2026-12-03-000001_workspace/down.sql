ALTER TABLE challenge_versions DROP COLUMN checked_at;
ALTER TABLE challenge_versions DROP COLUMN check_report;
ALTER TABLE challenge_versions DROP COLUMN check_status;
DROP TABLE answer_drafts;
DROP TABLE editor_settings;
