SELECT id, placed_at, total_cents
FROM orders
WHERE customer_id = 42 AND status = 'shipped'
ORDER BY placed_at DESC
LIMIT 20
