INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Ada Lovelace',    'ada@example.com',     NULL, 'GB', '2025-12-01 10:00:00'),
  (2, 'Grace Hopper',    'grace@example.com',   NULL, 'US', '2025-12-02 10:00:00'),
  (3, 'Alan Turing',     'alan@example.com',    NULL, 'GB', '2025-12-03 10:00:00'),
  (4, 'Edsger Dijkstra', 'edsger@example.com',  NULL, 'NL', '2025-12-04 10:00:00'),
  (5, 'Barbara Liskov',  'barbara@example.com', NULL, 'US', '2025-12-05 10:00:00');

INSERT INTO products (id, name, category, price_cents) VALUES
  (1,  'Mechanical keyboard', 'peripherals', 8900),
  (2,  'Wireless mouse',      'peripherals', 2900),
  (3,  'Webcam',              'peripherals', 5900),
  (4,  'Headset',             'peripherals', 7900),
  (5,  'Drawing tablet',      'peripherals', 19900),
  (6,  'USB-C cable',         'accessories', 1200),
  (7,  'Laptop stand',        'accessories', 3900),
  (8,  'Cable ties',          'accessories', 300),
  (9,  'Mouse pad',           'accessories', 1500),
  (10, 'HDMI adapter',        'accessories', 1900),
  (11, 'Screen cleaner',      'accessories', 900),
  (12, '27" monitor',         'displays',    27900),
  (13, '34" ultrawide',       'displays',    49900),
  (14, 'Monitor arm',         'displays',    8900),
  (15, 'Portable monitor',    'displays',    19900),
  (16, '1 TB SSD',            'storage',     8900),
  (17, '4 TB HDD',            'storage',     10900),
  (18, 'SD card 128 GB',      'storage',     2400),
  (19, 'Mouse pad',           'peripherals', 1500),
  (20, 'NAS enclosure',       'storage',     29900),
  (21, 'Cable ties',          'accessories', 450);

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (500, 1, 'shipped',   '2026-01-03 08:10:00'),
  (501, 1, 'paid',      '2026-01-04 12:00:00'),
  (502, 2, 'cancelled', '2026-01-04 12:30:00'),
  (503, 2, 'shipped',   '2026-01-05 19:45:00'),
  (504, 3, 'pending',   '2026-01-06 07:00:00'),
  (505, 3, 'cancelled', '2026-01-07 22:10:00'),
  (506, 4, 'paid',      '2026-01-08 10:20:00'),
  (507, 4, 'cancelled', '2026-01-09 11:00:00'),
  (508, 5, 'shipped',   '2026-01-10 16:40:00');

-- product_id NULL: lines whose product has since been deleted.
INSERT INTO order_items (id, order_id, product_id, quantity, unit_cents) VALUES
  (1,  500, 1,    1, 8900),
  (2,  500, 6,    3, 1200),
  (3,  501, NULL, 1, 4900),
  (4,  501, 2,    1, 2900),
  (5,  502, 5,    1, 19900),
  (6,  502, 12,   1, 27900),
  (7,  502, 6,    1, 1200),
  (8,  503, 12,   1, 27900),
  (9,  503, 16,   2, 8900),
  (10, 504, 9,    1, 1500),
  (11, 505, 13,   1, 49900),
  (12, 505, 16,   1, 8900),
  (13, 505, 8,    2, 300),
  (14, 506, 14,   1, 8900),
  (15, 506, 6,    1, 1200),
  (16, 507, 17,   1, 10900),
  (17, 507, NULL, 4, 990),
  (18, 508, 3,    1, 5900),
  (19, 508, 3,    1, 5900),
  (20, 508, 18,   5, 2400);
