-- "Last month" read as the month up to the latest order instead of the
-- previous calendar month.
SELECT date(placed_at) AS day,
       COUNT(*) AS orders,
       SUM(status = 'cancelled') AS cancelled
FROM orders
WHERE placed_at >= (SELECT datetime(MAX(placed_at), '-1 month') FROM orders)
GROUP BY date(placed_at)
ORDER BY day
