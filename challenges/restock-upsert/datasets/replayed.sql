INSERT INTO inventory VALUES
  ('C-1', 0, 'x-090'), ('C-2', 12, 'x-091'), ('C-3', 7, 'x-092');
INSERT INTO deliveries VALUES
  ('x-091', 'C-2', 12),
  ('x-100', 'C-1', 4), ('x-100', 'C-1', 4), ('x-100', 'C-1', 4),
  ('x-101', 'C-1', 6),
  ('x-102', 'C-4', 1),
  ('x-103', 'C-5', 20), ('x-103', 'C-5', 20),
  ('x-104', 'C-4', 2),
  ('x-105', 'C-3', 3);
INSERT INTO applied_deliveries VALUES ('x-090'), ('x-091'), ('x-092'), ('x-105');
