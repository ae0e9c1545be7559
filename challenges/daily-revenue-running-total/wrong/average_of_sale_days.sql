-- The frame is right, but AVG divides by the number of days that had
-- sales instead of by 7: quiet days should pull the average down.
WITH daily AS (
    SELECT date(o.placed_at) AS day, SUM(i.quantity * i.unit_cents) AS revenue_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status IN ('paid', 'shipped')
    GROUP BY date(o.placed_at)
)
SELECT day, revenue_cents,
       SUM(revenue_cents) OVER (PARTITION BY strftime('%Y-%m', day) ORDER BY day) AS month_to_date_cents,
       ROUND(AVG(revenue_cents) OVER (ORDER BY julianday(day) RANGE BETWEEN 6 PRECEDING AND CURRENT ROW), 2) AS avg_7d_cents
FROM daily
ORDER BY day
