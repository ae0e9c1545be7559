DROP INDEX submissions_session;
ALTER TABLE submissions DROP COLUMN session_id;
DROP TABLE timed_session_problems;
DROP TABLE timed_sessions;
