-- expect: time_limit
-- why: A recursive CTE with no end is stopped by the wall-clock limit, not left running.

WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever)
SELECT count(*) FROM forever;
