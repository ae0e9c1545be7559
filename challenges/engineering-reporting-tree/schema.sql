-- A company's org chart. Dates are 'YYYY-MM-DD'.

CREATE TABLE departments (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE employees (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    title         TEXT NOT NULL,
    department_id INTEGER REFERENCES departments (id),  -- NULL while not yet assigned
    manager_id    INTEGER REFERENCES employees (id),    -- direct manager; NULL at the top of the chart
    salary        INTEGER,                              -- yearly, whole euros; NULL for contractors paid by invoice
    hired_on      TEXT NOT NULL
);
