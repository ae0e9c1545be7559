WITH bounds AS (
    SELECT date(MAX(placed_at), 'start of month', '-1 month') AS first_day,
           date(MAX(placed_at), 'start of month')             AS next_month
    FROM orders
)
SELECT date(o.placed_at)                   AS day,
       COUNT(*)                            AS orders,
       SUM(o.status = 'cancelled')         AS cancelled
FROM orders AS o, bounds AS b
WHERE o.placed_at >= b.first_day
  AND o.placed_at <  b.next_month
GROUP BY date(o.placed_at)
ORDER BY day
