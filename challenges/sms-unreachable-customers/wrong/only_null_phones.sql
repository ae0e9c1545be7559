-- Treats only NULL as "no phone"; empty and blank strings are missed.
SELECT id, name, COALESCE(country, 'unknown') AS country
FROM customers
WHERE (country IS NULL OR country <> 'GB')
  AND phone IS NULL
ORDER BY id
