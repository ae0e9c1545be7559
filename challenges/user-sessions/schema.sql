-- Access log of a web shop's API, one row per HTTP request.

CREATE TABLE requests (
    id           INTEGER PRIMARY KEY,   -- order of ingestion, which is not always the order in time
    user_id      INTEGER,               -- NULL for anonymous (logged-out) requests
    method       TEXT NOT NULL,         -- 'GET', 'POST', ...
    path         TEXT NOT NULL,         -- without the query string, e.g. '/products/42'
    status       INTEGER NOT NULL,      -- HTTP status code
    latency_ms   INTEGER,               -- NULL when the client disconnected before the response
    requested_at TEXT NOT NULL          -- UTC, 'YYYY-MM-DD HH:MM:SS'
);
