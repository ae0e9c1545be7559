-- BETWEEN with bare dates: '2026-03-31 18:20:00' sorts after '2026-03-31',
-- so every order on the month's last day after midnight is lost.
SELECT date(placed_at) AS day,
       COUNT(*) AS orders,
       SUM(status = 'cancelled') AS cancelled
FROM orders
WHERE placed_at BETWEEN (SELECT date(MAX(placed_at), 'start of month', '-1 month') FROM orders)
                    AND (SELECT date(MAX(placed_at), 'start of month', '-1 day') FROM orders)
GROUP BY date(placed_at)
ORDER BY day
