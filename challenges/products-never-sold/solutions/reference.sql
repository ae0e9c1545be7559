SELECT p.id, p.name, p.category
FROM products AS p
WHERE NOT EXISTS (
    SELECT 1
    FROM order_items AS i
    JOIN orders AS o ON o.id = i.order_id
    WHERE i.product_id = p.id
      AND o.status <> 'cancelled'
)
ORDER BY p.category, p.name, p.id
