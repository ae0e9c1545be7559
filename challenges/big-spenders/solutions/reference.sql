SELECT c.name, SUM(i.quantity * i.unit_cents) AS spent_cents
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
JOIN order_items AS i ON i.order_id = o.id
WHERE o.status IN ('paid', 'shipped')
GROUP BY c.id, c.name
HAVING SUM(i.quantity * i.unit_cents) >= 10000
ORDER BY spent_cents DESC, c.name ASC
