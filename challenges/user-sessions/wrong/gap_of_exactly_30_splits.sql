-- Uses < instead of <=: a request exactly 30 minutes after the previous one
-- wrongly opens a new session.
WITH timed AS (
    SELECT id, user_id, unixepoch(requested_at) AS t
    FROM requests
    WHERE user_id IS NOT NULL
), marked AS (
    SELECT id, user_id, t,
           CASE WHEN t - LAG(t) OVER (PARTITION BY user_id ORDER BY t, id) < 1800
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
