INSERT INTO customers VALUES
  (1, 'Ada', 'ada@example.com'),
  (2, 'Grace', 'grace@example.com'),
  (3, 'Edsger', 'edsger@example.com'),
  (4, 'Barbara', 'barbara@example.com'),
  (5, 'Linus', 'linus@example.com'),
  (6, 'Ken', 'ken@example.com');

INSERT INTO orders VALUES
  (10, 1, 'paid',      '2026-03-01T10:00:00Z'),
  (11, 1, 'shipped',   '2026-03-05T09:30:00Z'),
  (12, 2, 'shipped',   '2026-03-02T14:00:00Z'),
  (13, 3, 'cancelled', '2026-03-03T08:00:00Z'),
  (14, 4, 'paid',      '2026-03-04T16:45:00Z'),
  (15, 4, 'pending',   '2026-03-06T11:00:00Z'),
  (16, 5, 'paid',      '2026-03-07T12:00:00Z');

INSERT INTO order_items VALUES
  (10, 'keyboard', 1, 7500),
  (11, 'cable', 2, 2500),
  (12, 'monitor', 1, 25000),
  (13, 'laptop', 1, 30000),
  (14, 'mouse', 1, 9999),
  (15, 'desk', 1, 50000),
  (16, 'chair', 1, 12500);
