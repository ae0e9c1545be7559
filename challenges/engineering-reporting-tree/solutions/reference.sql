WITH RECURSIVE under (id, level) AS (
    SELECT e.id, 1
    FROM employees AS e
    JOIN employees AS vp ON vp.id = e.manager_id
    WHERE vp.title = 'VP Engineering'
    UNION ALL
    SELECT e.id, u.level + 1
    FROM employees AS e
    JOIN under AS u ON e.manager_id = u.id
)
SELECT e.id, e.name, u.level, e.manager_id
FROM under AS u
JOIN employees AS e ON e.id = u.id
ORDER BY u.level, e.name, e.id
