-- Filters the outer orders by status but not the ones inside the correlated
-- subquery, so cancelled and pending orders still move the average.
WITH totals AS (
    SELECT o.id, o.customer_id, o.status, SUM(i.quantity * i.unit_cents) AS order_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    GROUP BY o.id, o.customer_id, o.status
)
SELECT t.id AS order_id,
       t.customer_id,
       t.order_cents,
       ROUND((SELECT AVG(x.order_cents) FROM totals AS x
              WHERE x.customer_id = t.customer_id), 2) AS customer_avg_cents
FROM totals AS t
WHERE t.status IN ('paid', 'shipped')
  AND t.order_cents > (SELECT AVG(x.order_cents) FROM totals AS x
                       WHERE x.customer_id = t.customer_id)
ORDER BY t.customer_id, t.id
