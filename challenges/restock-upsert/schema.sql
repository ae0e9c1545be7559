CREATE TABLE inventory (
    sku        TEXT PRIMARY KEY,
    on_hand    INTEGER NOT NULL CHECK (on_hand >= 0),
    updated_by TEXT NOT NULL          -- id of the last delivery applied
);

-- Deliveries as the supplier's webhook sent them: retries arrive again
-- with the same delivery_id.
CREATE TABLE deliveries (
    delivery_id TEXT NOT NULL,
    sku         TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0)
);

-- Deliveries already applied to inventory, so a retry is never counted twice.
CREATE TABLE applied_deliveries (
    delivery_id TEXT PRIMARY KEY
);
