INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Ada Lovelace',   'ada@example.com',     NULL, 'GB', '2025-10-01 10:00:00'),
  (2, 'Grace Hopper',   'grace@example.com',   NULL, 'US', '2025-10-02 10:00:00'),
  (3, 'Alan Turing',    'alan@example.com',    NULL, 'GB', '2025-10-03 10:00:00'),
  (4, 'Barbara Liskov', 'barbara@example.com', NULL, 'US', '2025-10-04 10:00:00');

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (200, 1, 'shipped',   '2026-02-27 16:05:00'),
  (201, 2, 'cancelled', '2026-02-28 23:59:59'),
  (202, 3, 'shipped',   '2026-03-01 00:00:00'),
  (203, 1, 'shipped',   '2026-03-01 09:12:44'),
  (204, 4, 'cancelled', '2026-03-01 21:40:03'),
  (205, 2, 'paid',      '2026-03-04 13:00:00'),
  (206, 3, 'shipped',   '2026-03-17 08:30:00'),
  (207, 4, 'shipped',   '2026-03-17 11:45:10'),
  (208, 1, 'cancelled', '2026-03-17 19:02:00'),
  (209, 2, 'cancelled', '2026-03-17 19:05:30'),
  (210, 3, 'paid',      '2026-03-31 18:20:00'),
  (211, 4, 'pending',   '2026-03-31 23:59:59'),
  (212, 1, 'pending',   '2026-04-01 00:00:00'),
  (213, 2, 'paid',      '2026-04-02 10:30:00');
