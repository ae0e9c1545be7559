-- Puts the status test in the ON clause of a chained LEFT JOIN: a product
-- with one cancelled line and one real sale still produces a row whose
-- order is NULL, so it is reported as never sold.
SELECT DISTINCT p.id, p.name, p.category
FROM products AS p
LEFT JOIN order_items AS i ON i.product_id = p.id
LEFT JOIN orders AS o ON o.id = i.order_id AND o.status <> 'cancelled'
WHERE o.id IS NULL
ORDER BY p.category, p.name, p.id
