INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Ada Lovelace',   'ada@example.com',     NULL, 'GB', '2025-10-01 10:00:00'),
  (2, 'Grace Hopper',   'grace@example.com',   NULL, 'US', '2025-10-02 10:00:00'),
  (3, 'Alan Turing',    'alan@example.com',    NULL, 'GB', '2025-10-03 10:00:00');

INSERT INTO products (id, name, category, price_cents) VALUES
  (1, 'Mechanical keyboard', 'peripherals', 4500),
  (2, 'Desk lamp',           'lighting',    3000),
  (3, 'Office chair',        'furniture',   12000);

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (501, 1, 'paid',      '2026-03-02 09:00:00'),
  (502, 2, 'shipped',   '2026-03-02 09:30:00'),
  (503, 3, 'paid',      '2026-03-02 10:00:00'),
  (504, 1, 'cancelled', '2026-03-02 11:00:00'),
  (505, 2, 'shipped',   '2026-03-02 12:00:00'),
  (506, 3, 'pending',   '2026-03-02 13:00:00'),
  (507, 1, 'paid',      '2026-03-02 14:00:00'),
  (508, 2, 'shipped',   '2026-03-02 15:00:00');

INSERT INTO order_items (id, order_id, product_id, quantity, unit_cents) VALUES
  (1,  501, 1, 1, 4500),
  (2,  502, 3, 1, 12000),
  (3,  503, 2, 1, 3000),
  (4,  504, 1, 1, 2500),
  (5,  505, 2, 2, 3000),
  (6,  505, NULL, 1, 2000),
  (7,  506, 3, 1, 12000),
  (8,  507, 2, 2, 3000),
  (9,  508, 1, 1, 4500),
  (10, 508, 2, 1, 3000),
  (11, 508, 3, 1, 2500);

INSERT INTO payments (provider_ref, order_id, amount_cents, status, reported_at) VALUES
  ('pay_A', 501,  4500,  'authorised', '2026-03-02 09:00:05'),
  ('pay_A', 501,  4500,  'captured',   '2026-03-02 09:01:00'),
  ('pay_A', 501,  4500,  'captured',   '2026-03-02 09:01:00'),
  ('pay_B', 502,  12000, 'captured',   '2026-03-02 09:31:00'),
  ('pay_B', 502,  12000, 'refunded',   '2026-03-04 16:20:00'),
  ('pay_C', 504,  2500,  'captured',   '2026-03-02 11:01:00'),
  ('pay_D', 505,  7000,  'captured',   '2026-03-02 12:01:00'),
  ('pay_E', 506,  12000, 'authorised', '2026-03-02 13:00:30'),
  ('pay_F', 507,  6000,  'failed',     '2026-03-02 14:00:20'),
  ('pay_G', 507,  6000,  'captured',   '2026-03-02 14:03:00'),
  ('pay_H', NULL, 1500,  'captured',   '2026-03-02 14:30:00'),
  ('pay_I', 508,  4000,  'captured',   '2026-03-02 15:01:00'),
  ('pay_J', 508,  6000,  'captured',   '2026-03-02 15:02:00'),
  ('pay_K', 999,  2000,  'captured',   '2026-03-02 16:00:00');
