-- Runs, changes nothing about the plan.
ANALYZE
