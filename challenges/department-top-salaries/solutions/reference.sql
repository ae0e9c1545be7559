WITH ranked AS (
    SELECT d.name AS department,
           e.name,
           e.salary,
           DENSE_RANK() OVER (PARTITION BY e.department_id ORDER BY e.salary DESC) AS salary_rank
    FROM employees AS e
    JOIN departments AS d ON d.id = e.department_id
    WHERE e.salary IS NOT NULL
)
SELECT department, name, salary, salary_rank
FROM ranked
WHERE salary_rank <= 3
ORDER BY department, salary_rank, name
