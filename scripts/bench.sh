#!/usr/bin/env bash
# `make bench`: the sandbox's figures, grading through the whole stack,
# then live rooms (typing latency between two participants, memory).
# The grading bench runs on SQLite, and on PostgreSQL too when a server
# answers at REHEARSE_BENCH_POSTGRES_ADMIN_URL (default: the local one the
# test suite uses); it gets a fresh `rehearse_bench` database each time.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo run --release -p rehearse-sandbox --example bench

admin_url="${REHEARSE_BENCH_POSTGRES_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
if command -v psql >/dev/null 2>&1 &&
  psql -q "$admin_url" -c 'DROP DATABASE IF EXISTS rehearse_bench' -c 'CREATE DATABASE rehearse_bench' >/dev/null 2>&1; then
  # Same server and options, the bench's own database.
  query=""
  case "$admin_url" in *\?*) query="?${admin_url#*\?}" ;; esac
  server="${admin_url%%\?*}"
  export REHEARSE_BENCH_POSTGRES_URL="${server%/*}/rehearse_bench$query"
else
  echo "bench: no PostgreSQL at $admin_url; grading is measured on SQLite only" >&2
fi
cargo run --release --example grading
cargo run --release --example rooms
