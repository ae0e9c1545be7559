-- Starts from our orders with a LEFT JOIN, so money collected for cancelled,
-- pending or unknown orders never shows up.
WITH latest AS (
    SELECT provider_ref, order_id, amount_cents, status,
           ROW_NUMBER() OVER (PARTITION BY provider_ref ORDER BY reported_at DESC) AS rn
    FROM payments
), collected AS (
    SELECT order_id, SUM(amount_cents) AS collected_cents
    FROM latest
    WHERE rn = 1 AND status = 'captured' AND order_id IS NOT NULL
    GROUP BY order_id
), expected AS (
    SELECT o.id AS order_id, SUM(i.quantity * i.unit_cents) AS expected_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status IN ('paid', 'shipped')
    GROUP BY o.id
)
SELECT e.order_id,
       e.expected_cents,
       c.collected_cents,
       CASE WHEN c.order_id IS NULL THEN 'not collected' ELSE 'amount mismatch' END AS issue
FROM expected AS e
LEFT JOIN collected AS c ON c.order_id = e.order_id
WHERE e.expected_cents IS NOT c.collected_cents
ORDER BY 1
