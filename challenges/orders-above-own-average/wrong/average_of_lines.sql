-- Averages the customer's order LINES instead of their orders: a customer
-- who buys many cheap items in one basket gets a much lower "average".
WITH counted AS (
    SELECT o.id, o.customer_id, SUM(i.quantity * i.unit_cents) AS order_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status IN ('paid', 'shipped')
    GROUP BY o.id, o.customer_id
), line_avg AS (
    SELECT o.customer_id, AVG(i.quantity * i.unit_cents) AS avg_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status IN ('paid', 'shipped')
    GROUP BY o.customer_id
)
SELECT c.id AS order_id, c.customer_id, c.order_cents,
       ROUND(a.avg_cents, 2) AS customer_avg_cents
FROM counted AS c
JOIN line_avg AS a ON a.customer_id = c.customer_id
WHERE c.order_cents > a.avg_cents
ORDER BY c.customer_id, c.id
