-- Catches NULL and '' but not a phone made only of spaces.
SELECT id, name, COALESCE(country, 'unknown') AS country
FROM customers
WHERE (country IS NULL OR country <> 'GB')
  AND (phone IS NULL OR phone = '')
ORDER BY id
