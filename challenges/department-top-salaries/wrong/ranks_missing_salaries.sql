-- Forgets that contractors have no salary: NULL sorts last and takes the
-- next rank, so in a department with only two salary levels a contractor
-- is listed third with an empty salary.
WITH ranked AS (
    SELECT d.name AS department, e.name, e.salary,
           DENSE_RANK() OVER (PARTITION BY e.department_id ORDER BY e.salary DESC) AS salary_rank
    FROM employees AS e
    JOIN departments AS d ON d.id = e.department_id
)
SELECT department, name, salary, salary_rank
FROM ranked
WHERE salary_rank <= 3
ORDER BY department, salary_rank, name
