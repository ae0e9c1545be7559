-- Counts every retried row again.
INSERT INTO inventory (sku, on_hand, updated_by)
SELECT sku, SUM(quantity), MAX(delivery_id)
FROM deliveries
WHERE delivery_id NOT IN (SELECT delivery_id FROM applied_deliveries)
GROUP BY sku
ON CONFLICT (sku) DO UPDATE SET
    on_hand = on_hand + excluded.on_hand,
    updated_by = excluded.updated_by
