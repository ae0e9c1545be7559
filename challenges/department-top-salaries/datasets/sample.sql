INSERT INTO departments (id, name) VALUES
  (1, 'Engineering'), (2, 'Sales'), (3, 'Finance'), (4, 'People'), (5, 'Executive');

INSERT INTO employees (id, name, title, department_id, manager_id, salary, hired_on) VALUES
  (1,  'Ingrid Holm',   'Chief Executive Officer', 5,    NULL, 250000, '2015-03-01'),
  (2,  'Marco Rossi',   'VP Engineering',          1,    1,    190000, '2017-06-12'),
  (3,  'Sofia Lind',    'VP Sales',                2,    1,    170000, '2018-01-08'),
  (4,  'Tom Baker',     'Engineering Manager',     1,    2,    140000, '2019-04-15'),
  (5,  'Priya Nair',    'Staff Engineer',          1,    4,    155000, '2019-09-02'),
  (6,  'Chen Wei',      'Senior Engineer',         1,    4,    140000, '2020-02-17'),
  (7,  'Lucas Moreau',  'Senior Engineer',         1,    4,    140000, '2021-05-03'),
  (8,  'Amara Okafor',  'Sales Manager',           2,    3,    170000, '2019-11-11'),
  (9,  'Jonas Berg',    'Sales Engineer',          NULL, 3,    175000, '2025-10-01'),
  (10, 'Elena Petrova', 'Finance Lead',            3,    1,    150000, '2018-07-23'),
  (11, 'Sam Carter',    'Contract Engineer',       1,    4,    NULL,   '2025-08-18'),
  (12, 'Noor Haddad',   'Junior Engineer',         NULL, 6,    70000,  '2026-01-05'),
  (13, 'Diego Alvarez', 'Account Executive',       2,    8,    90000,  '2022-03-14'),
  (14, 'Hana Sato',     'Sales Development Rep',   2,    8,    60000,  '2024-09-30');
