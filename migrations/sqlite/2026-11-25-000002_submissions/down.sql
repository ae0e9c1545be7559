DROP TABLE grading_jobs;
DROP TABLE submissions;
