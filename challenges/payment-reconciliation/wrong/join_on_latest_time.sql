-- Finds each payment's latest reported_at and joins back to payments on it:
-- when the latest event was re-sent, both identical copies match, and the
-- payment is counted twice.
WITH last_seen AS (
    SELECT provider_ref, MAX(reported_at) AS reported_at
    FROM payments
    GROUP BY provider_ref
), collected AS (
    SELECT p.order_id, SUM(p.amount_cents) AS collected_cents
    FROM payments AS p
    JOIN last_seen AS l ON l.provider_ref = p.provider_ref AND l.reported_at = p.reported_at
    WHERE p.status = 'captured' AND p.order_id IS NOT NULL
    GROUP BY p.order_id
), expected AS (
    SELECT o.id AS order_id, SUM(i.quantity * i.unit_cents) AS expected_cents
    FROM orders AS o
    JOIN order_items AS i ON i.order_id = o.id
    WHERE o.status IN ('paid', 'shipped')
    GROUP BY o.id
)
SELECT COALESCE(e.order_id, c.order_id) AS order_id,
       e.expected_cents,
       c.collected_cents,
       CASE WHEN c.order_id IS NULL THEN 'not collected'
            WHEN e.order_id IS NULL THEN 'unexpected payment'
            ELSE 'amount mismatch'
       END AS issue
FROM expected AS e
FULL OUTER JOIN collected AS c ON c.order_id = e.order_id
WHERE e.expected_cents IS NOT c.collected_cents
ORDER BY 1
