-- Indexes a column the query does not filter on: still a full scan.
CREATE INDEX orders_by_total ON orders (total_cents)
