INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Edsger Dijkstra', 'edsger@example.com', NULL, 'NL', '2025-06-01 10:00:00'),
  (2, 'Radia Perlman',   'radia@example.com',  NULL, 'US', '2025-06-02 10:00:00'),
  (3, 'Ken Thompson',    'ken@example.com',    NULL, 'US', '2025-06-03 10:00:00');

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (700, 1, 'shipped',   '2026-03-31 23:00:00'),
  (701, 2, 'shipped',   '2026-04-01 08:00:00'),
  (702, 3, 'cancelled', '2026-04-01 08:00:00'),
  (703, 1, 'cancelled', '2026-04-12 17:45:00'),
  (704, 2, 'cancelled', '2026-04-12 18:00:00'),
  (705, 3, 'paid',      '2026-04-30 23:59:59'),
  (706, 1, 'shipped',   '2026-05-01 00:00:00'),
  (707, 2, 'paid',      '2026-05-02 09:00:00'),
  (708, 3, 'pending',   '2026-05-31 10:00:00');
