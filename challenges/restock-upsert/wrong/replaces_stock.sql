-- Overwrites the stock instead of adding to it.
INSERT OR REPLACE INTO inventory (sku, on_hand, updated_by)
SELECT sku, SUM(quantity), MAX(delivery_id)
FROM (SELECT DISTINCT delivery_id, sku, quantity FROM deliveries
      WHERE delivery_id NOT IN (SELECT delivery_id FROM applied_deliveries))
GROUP BY sku
