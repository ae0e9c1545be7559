INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Ada Lovelace',   'ada@example.com',     NULL, 'GB', '2025-10-01 10:00:00'),
  (2, 'Grace Hopper',   'grace@example.com',   NULL, 'US', '2025-10-02 10:00:00'),
  (3, 'Alan Turing',    'alan@example.com',    NULL, 'GB', '2025-10-03 10:00:00'),
  (4, 'Barbara Liskov', 'barbara@example.com', NULL, 'US', '2025-10-04 10:00:00');

INSERT INTO products (id, name, category, price_cents) VALUES
  (1, 'Mechanical keyboard', 'peripherals', 8900),
  (2, 'USB-C cable',         'accessories', 1200),
  (3, '27" monitor',         'displays',    27900),
  (4, 'Wireless mouse',      'peripherals', 2900);

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (10, 1, 'paid',      '2026-01-05 09:00:00'),
  (11, 1, 'shipped',   '2026-01-19 14:20:00'),
  (12, 1, 'shipped',   '2026-02-02 18:45:00'),
  (13, 1, 'cancelled', '2026-02-03 08:10:00'),
  (14, 2, 'paid',      '2026-01-07 11:00:00'),
  (15, 2, 'paid',      '2026-01-28 16:30:00'),
  (16, 2, 'pending',   '2026-02-10 12:00:00'),
  (17, 3, 'shipped',   '2026-01-12 10:15:00'),
  (18, 4, 'paid',      '2026-01-09 13:00:00'),
  (19, 4, 'shipped',   '2026-01-21 17:40:00'),
  (20, 4, 'paid',      '2026-02-06 07:55:00');

INSERT INTO order_items (id, order_id, product_id, quantity, unit_cents) VALUES
  (1,  10, 1, 1, 8900),
  (2,  11, 2, 2, 1200),
  (3,  11, 4, 1, 2900),
  (4,  12, 3, 1, 27900),
  (5,  13, 3, 2, 27900),
  (6,  14, 2, 2, 1200),
  (7,  15, 2, 2, 1200),
  (8,  16, 3, 1, 27900),
  (9,  17, 4, 1, 2900),
  (10, 18, 1, 1, 8900),
  (11, 18, 2, 1, 1200),
  (12, 19, 4, 2, 2900),
  (13, 20, 2, 1, 1200);
