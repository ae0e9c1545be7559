-- Treats a manager with no salary on file (a contractor) as earning 0, so
-- everyone under an interim contractor is reported.
SELECT e.id, e.name, d.name AS department, e.salary,
       m.name AS manager, m.salary AS manager_salary
FROM employees AS e
JOIN employees AS m ON m.id = e.manager_id
LEFT JOIN departments AS d ON d.id = e.department_id
WHERE e.salary > COALESCE(m.salary, 0)
ORDER BY e.salary - COALESCE(m.salary, 0) DESC, e.id
