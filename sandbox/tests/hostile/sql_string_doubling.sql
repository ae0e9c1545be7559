-- expect: ok
-- wall-ms: 5000
-- stdout-contains: "error"
-- why: A string that doubles forty times runs out of memory (64 MiB here) and ends as an SQLite error, not a host crash.

WITH RECURSIVE grow(n, s) AS (SELECT 1, 'x' UNION ALL SELECT n + 1, s || s FROM grow WHERE n < 40)
SELECT max(length(s)) FROM grow;
