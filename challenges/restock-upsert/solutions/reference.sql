INSERT INTO inventory (sku, on_hand, updated_by)
SELECT sku, SUM(quantity), MAX(delivery_id)
FROM (
    SELECT DISTINCT delivery_id, sku, quantity
    FROM deliveries
    WHERE delivery_id NOT IN (SELECT delivery_id FROM applied_deliveries)
)
WHERE true
GROUP BY sku
ON CONFLICT (sku) DO UPDATE SET
    on_hand = on_hand + excluded.on_hand,
    updated_by = excluded.updated_by
