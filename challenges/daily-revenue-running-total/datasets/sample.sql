INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Ada Lovelace',   'ada@example.com',     NULL, 'GB', '2025-10-01 10:00:00'),
  (2, 'Grace Hopper',   'grace@example.com',   NULL, 'US', '2025-10-02 10:00:00'),
  (3, 'Alan Turing',    'alan@example.com',    NULL, 'GB', '2025-10-03 10:00:00');

INSERT INTO products (id, name, category, price_cents) VALUES
  (1, 'Mechanical keyboard', 'peripherals', 5000),
  (2, 'USB-C cable',         'accessories', 1200),
  (3, 'Laptop stand',        'accessories', 4000),
  (4, 'Desk lamp',           'lighting',    3000),
  (5, 'Cable ties',          'accessories', 100);

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (40, 1, 'paid',      '2026-01-27 10:00:00'),
  (41, 2, 'shipped',   '2026-01-27 15:30:00'),
  (42, 3, 'cancelled', '2026-01-28 09:00:00'),
  (43, 1, 'shipped',   '2026-01-29 11:00:00'),
  (44, 2, 'paid',      '2026-01-31 23:30:00'),
  (45, 3, 'paid',      '2026-02-01 00:15:00'),
  (46, 1, 'pending',   '2026-02-01 12:00:00'),
  (47, 2, 'shipped',   '2026-02-04 18:00:00'),
  (48, 3, 'paid',      '2026-02-05 08:00:00'),
  (49, 1, 'cancelled', '2026-02-05 09:00:00');

INSERT INTO order_items (id, order_id, product_id, quantity, unit_cents) VALUES
  (1,  40, 1, 1, 5000),
  (2,  41, 2, 1, 1200),
  (3,  41, 5, 13, 100),
  (4,  42, 1, 2, 4950),
  (5,  43, 2, 1, 1200),
  (6,  44, 3, 1, 4000),
  (7,  45, 4, 1, 3000),
  (8,  46, 1, 1, 5000),
  (9,  46, 4, 1, 2000),
  (10, 47, 3, 2, 4000),
  (11, 48, 5, 6, 100),
  (12, 49, 5, 1, 100);
