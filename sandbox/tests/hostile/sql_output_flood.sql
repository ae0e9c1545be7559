-- expect: output_limit
-- why: A result far larger than the output cap ends the run as Output Limit Exceeded.

SELECT printf('%.*c', 3000000, 'x') AS huge;
