-- Stops after one step: only the VP's direct reports.
SELECT e.id, e.name, 1 AS level, e.manager_id
FROM employees AS e
JOIN employees AS vp ON vp.id = e.manager_id
WHERE vp.title = 'VP Engineering'
ORDER BY e.name, e.id
