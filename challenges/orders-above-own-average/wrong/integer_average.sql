-- SUM / COUNT on integers is integer division in SQLite: the average is
-- truncated (1000.33 becomes 1000) and shown without its cents fraction.
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
       (SELECT SUM(x.order_cents) / COUNT(*) FROM counted AS x
        WHERE x.customer_id = c.customer_id) AS customer_avg_cents
FROM counted AS c
WHERE c.order_cents > (SELECT SUM(x.order_cents) / COUNT(*) FROM counted AS x
                       WHERE x.customer_id = c.customer_id)
ORDER BY c.customer_id, c.id
