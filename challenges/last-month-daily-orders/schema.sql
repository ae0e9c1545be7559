-- An online shop. Times are UTC, written 'YYYY-MM-DD HH:MM:SS'.

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL UNIQUE,        -- as typed at sign-up
    phone      TEXT,                        -- NULL when never given; may also be '' or blanks
    country    TEXT,                        -- upper-case ISO code such as 'GB'; NULL when unknown
    created_at TEXT NOT NULL
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    category    TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0)   -- current list price
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    status      TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    placed_at   TEXT NOT NULL
);

CREATE TABLE order_items (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,  -- NULL once the product is deleted
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    unit_cents INTEGER NOT NULL CHECK (unit_cents >= 0)              -- price paid per unit
);

-- The payment provider's event export: a payment appears once per status
-- change, and an event the provider re-sent appears twice.
CREATE TABLE payments (
    provider_ref TEXT NOT NULL,                 -- the provider's id for the payment
    order_id     INTEGER,                       -- our order id as sent with the payment; NULL if missing
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    status       TEXT NOT NULL CHECK (status IN ('authorised', 'captured', 'refunded', 'failed')),
    reported_at  TEXT NOT NULL
);
