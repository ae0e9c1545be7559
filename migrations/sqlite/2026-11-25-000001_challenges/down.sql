DROP TABLE challenge_versions;
DROP TABLE challenges;
