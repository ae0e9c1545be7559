INSERT INTO inventory VALUES ('A-1', 5, 'd-001');
INSERT INTO deliveries VALUES
  ('d-002', 'A-1', 3),
  ('d-002', 'A-1', 3),
  ('d-003', 'B-7', 10),
  ('d-001', 'A-1', 5);
INSERT INTO applied_deliveries VALUES ('d-001');
