INSERT INTO customers (id, name, email, phone, country, created_at) VALUES
  (1, 'Ada Lovelace',   'ada@example.com',     '+44 20 7946 0001', 'GB', '2025-11-02 09:14:00'),
  (2, 'Grace Hopper',   'grace@example.com',   NULL,               'US', '2025-11-03 17:40:00'),
  (3, 'Alan Turing',    'alan@example.com',    NULL,               'GB', '2025-11-05 08:00:00'),
  (4, 'Edsger Dijkstra','edsger@example.com',  '+31 20 555 0199',  'NL', '2025-11-07 12:30:00'),
  (5, 'Barbara Liskov', 'barbara@example.com', '',                 'US', '2025-11-09 21:05:00'),
  (6, 'Linus Torvalds', 'linus@example.com',   NULL,               NULL, '2025-11-10 06:45:00'),
  (7, 'Radia Perlman',  'radia@example.com',   '+1 617 555 0142',  NULL, '2025-11-12 15:20:00');
