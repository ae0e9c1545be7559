SELECT sku, on_hand, updated_by FROM inventory ORDER BY sku
