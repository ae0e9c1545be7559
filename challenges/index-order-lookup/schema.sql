CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    status      TEXT NOT NULL,
    placed_at   TEXT NOT NULL,   -- ISO 8601, UTC
    total_cents INTEGER NOT NULL
);
