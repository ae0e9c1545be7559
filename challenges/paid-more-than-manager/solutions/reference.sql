SELECT e.id,
       e.name,
       d.name   AS department,
       e.salary,
       m.name   AS manager,
       m.salary AS manager_salary
FROM employees AS e
JOIN employees AS m ON m.id = e.manager_id
LEFT JOIN departments AS d ON d.id = e.department_id
WHERE e.salary > m.salary
ORDER BY e.salary - m.salary DESC, e.id
