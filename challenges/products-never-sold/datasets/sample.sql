INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Ada Lovelace', 'ada@example.com',   NULL, 'GB', '2026-01-04 10:00:00'),
  (2, 'Grace Hopper', 'grace@example.com', NULL, 'US', '2026-01-05 11:00:00');

INSERT INTO products (id, name, category, price_cents) VALUES
  (1, 'Mechanical keyboard', 'peripherals', 8900),
  (2, 'USB-C cable',         'accessories', 1200),
  (3, '27" monitor',         'displays',    27900),
  (4, 'Laptop stand',        'accessories', 3900),
  (5, 'Webcam',              'peripherals', 5900),
  (6, 'Cable ties',          'accessories', 300);

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (100, 1, 'shipped',   '2026-02-01 09:00:00'),
  (101, 2, 'cancelled', '2026-02-02 14:30:00'),
  (102, 2, 'pending',   '2026-02-03 18:15:00');

INSERT INTO order_items (id, order_id, product_id, quantity, unit_cents) VALUES
  (1, 100, 1, 1, 8900),
  (2, 100, 2, 2, 1200),
  (3, 101, 3, 1, 27900),
  (4, 101, 2, 1, 1200),
  (5, 102, 5, 1, 5900);
