-- Counts each step on its own, without checking that it came after the
-- previous one: a user who added to cart from a wishlist before viewing any
-- product, or checked out with "buy now", is wrongly counted further down.
WITH steps AS (
    SELECT 1 AS step, 'viewed product' AS name, COUNT(DISTINCT user_id) AS users
    FROM requests
    WHERE method = 'GET' AND path LIKE '/products/%' AND status = 200
    UNION ALL
    SELECT 2, 'added to cart', COUNT(DISTINCT user_id)
    FROM requests
    WHERE method = 'POST' AND path = '/cart/items' AND status = 201
    UNION ALL
    SELECT 3, 'checked out', COUNT(DISTINCT user_id)
    FROM requests
    WHERE method = 'POST' AND path = '/checkout' AND status = 200
)
SELECT step, name, users,
       ROUND(100.0 * users / (SELECT users FROM steps WHERE step = 1), 1) AS pct_of_viewers
FROM steps
ORDER BY step
