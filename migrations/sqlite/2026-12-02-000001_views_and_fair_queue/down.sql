DROP INDEX grading_jobs_share_idx;
ALTER TABLE grading_jobs DROP COLUMN share_key;
ALTER TABLE challenge_versions DROP COLUMN view;
