-- Any line counts as a sale, even on a cancelled order.
SELECT p.id, p.name, p.category
FROM products AS p
LEFT JOIN order_items AS i ON i.product_id = p.id
WHERE i.id IS NULL
ORDER BY p.category, p.name, p.id
