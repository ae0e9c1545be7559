SELECT id, name, COALESCE(country, 'unknown') AS country
FROM customers
WHERE (country IS NULL OR country <> 'GB')
  AND (phone IS NULL OR TRIM(phone) = '')
ORDER BY id
