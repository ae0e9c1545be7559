-- Hard-codes three levels of self-joins instead of recursing, which is
-- enough for a shallow team but not for a deep one.
SELECT e.id, e.name, 1 AS level, e.manager_id
FROM employees AS vp JOIN employees AS e ON e.manager_id = vp.id
WHERE vp.title = 'VP Engineering'
UNION ALL
SELECT e2.id, e2.name, 2, e2.manager_id
FROM employees AS vp
JOIN employees AS e1 ON e1.manager_id = vp.id
JOIN employees AS e2 ON e2.manager_id = e1.id
WHERE vp.title = 'VP Engineering'
UNION ALL
SELECT e3.id, e3.name, 3, e3.manager_id
FROM employees AS vp
JOIN employees AS e1 ON e1.manager_id = vp.id
JOIN employees AS e2 ON e2.manager_id = e1.id
JOIN employees AS e3 ON e3.manager_id = e2.id
WHERE vp.title = 'VP Engineering'
ORDER BY 3, 2, 1
