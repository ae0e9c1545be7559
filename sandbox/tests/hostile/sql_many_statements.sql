-- expect: ok
-- stdout-contains: "stage":"query"
-- why: Only one statement runs as the query; a second one smuggled after it is refused.

SELECT 1; DROP TABLE IF EXISTS anything;
