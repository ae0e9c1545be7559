-- Each version keeps its public view (what candidates may see, with the
-- statement rendered), made once when the version is stored, so pages and
-- the API never parse a whole package (hidden tests included) per request.
-- Versions stored before this have none; it is made on first read.
ALTER TABLE challenge_versions ADD COLUMN view TEXT;

-- Grading jobs carry a fair-share key (the client address that sent the
-- answer, or the account when there is none): workers take the ready job
-- whose key has the fewest jobs in hand, so fresh accounts from one place
-- cannot crowd everyone else out of the queue.
ALTER TABLE grading_jobs ADD COLUMN share_key TEXT NOT NULL DEFAULT '';
CREATE INDEX grading_jobs_share_idx ON grading_jobs (share_key, state);
