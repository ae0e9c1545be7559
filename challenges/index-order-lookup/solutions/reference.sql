CREATE INDEX orders_by_customer_status_time ON orders (customer_id, status, placed_at)
