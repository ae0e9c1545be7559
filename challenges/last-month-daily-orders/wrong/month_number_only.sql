-- Compares the month number and forgets the year: last December's orders
-- are counted together with this December's.
SELECT date(placed_at) AS day,
       COUNT(*) AS orders,
       SUM(status = 'cancelled') AS cancelled
FROM orders
WHERE strftime('%m', placed_at) =
      (SELECT strftime('%m', MAX(placed_at), 'start of month', '-1 month') FROM orders)
GROUP BY date(placed_at)
ORDER BY day
