WITH counted AS (
    SELECT o.id, o.customer_id, SUM(i.quantity * i.unit_cents) AS order_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status IN ('paid', 'shipped')
    GROUP BY o.id, o.customer_id
)
SELECT c.id AS order_id,
       c.customer_id,
       c.order_cents,
       ROUND((SELECT AVG(x.order_cents) FROM counted AS x
              WHERE x.customer_id = c.customer_id), 2) AS customer_avg_cents
FROM counted AS c
WHERE c.order_cents > (SELECT AVG(x.order_cents) FROM counted AS x
                       WHERE x.customer_id = c.customer_id)
ORDER BY c.customer_id, c.id
