#!/usr/bin/env bash
# `make bench`: the sandbox's figures, then grading through the whole stack.
# The grading bench runs on SQLite, and on PostgreSQL too when a server
# answers at REHEARSE_BENCH_POSTGRES_ADMIN_URL (default: the local one the
# test suite uses); it gets a fresh `rehearse_bench` database each time.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo run --release -p rehearse-sandbox --example bench

admin_url="${REHEARSE_BENCH_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if command -v psql >/dev/null 2>&1 &&
  psql -q "$admin_url" -c 'DROP DATABASE IF EXISTS rehearse_bench' -c 'CREATE DATABASE rehearse_bench' >/dev/null 2>&1; then
  export REHEARSE_BENCH_POSTGRES_URL="${admin_url%/*}/rehearse_bench"
else
  echo "bench: no PostgreSQL at $admin_url; grading is measured on SQLite only" >&2
fi
cargo run --release --example grading
