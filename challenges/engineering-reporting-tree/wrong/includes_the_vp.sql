-- Starts the recursion at the VP (level 0) and forgets to drop that row;
-- the VP then shows up in their own team.
WITH RECURSIVE under (id, level) AS (
    SELECT id, 0 FROM employees WHERE title = 'VP Engineering'
    UNION ALL
    SELECT e.id, u.level + 1
    FROM employees AS e
    JOIN under AS u ON e.manager_id = u.id
)
SELECT e.id, e.name, u.level, e.manager_id
FROM under AS u
JOIN employees AS e ON e.id = u.id
ORDER BY u.level, e.name, e.id
