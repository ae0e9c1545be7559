#!/usr/bin/env bash
# Runs the whole test suite. Storage tests run on SQLite and on PostgreSQL;
# PostgreSQL is found at REHEARSE_TEST_POSTGRES_URL (default
# postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable: no TLS on
# localhost, see tests/api/helpers.rs). Without it the PostgreSQL variants
# are skipped with a note — except under CI=true, where they fail.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_url="${REHEARSE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
export REHEARSE_TEST_POSTGRES_URL="$pg_url"
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -d "$pg_url"; then
  echo "test: PostgreSQL is not answering at $pg_url" >&2
fi

# CI builds a fresh clone each time; its compiled dependencies (wasmtime,
# actix, diesel, …) are the same every time, so CI keeps one target directory
# in the user's cache and only our own crates are rebuilt. A developer's
# tree keeps its own target/.
if [ "${CI:-}" = "true" ] && [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/rehearse/ci-target"
  # Incremental data only pays off when the same tree is rebuilt.
  export CARGO_INCREMENTAL=0
fi
bin_dir="${CARGO_TARGET_DIR:-target}/debug"

started=$(date +%s)
log=$(mktemp)
# Tests that cannot run here (no PostgreSQL, no browser) write a line each.
skips=$(mktemp)
export REHEARSE_SKIP_LOG="$skips"
trap 'rm -f "$log" "$skips"' EXIT
set +e
cargo test --workspace --all-targets --no-fail-fast 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The JSON API against its OpenAPI document (validated, then fuzzed by
# schemathesis on both databases). Mostly waiting on HTTP, so it runs
# beside the library check rather than after it.
fuzz_log=$(mktemp)
trap 'rm -f "$log" "$skips" "$fuzz_log"' EXIT
fuzz_started=$(date +%s)
scripts/api-fuzz.sh >"$fuzz_log" 2>&1 &
fuzz_pid=$!

# The whole challenge library, as instructors check it: every reference
# solution passes, every known-wrong one fails, every kept design answer
# scores in range. It prints its own timing and counts.
echo "test: checking the challenge library"
library_started=$(date +%s)
"$bin_dir/rehearse" --data-dir target/library-check challenges check challenges/
library_status=$?
echo "test: library check finished in $(( $(date +%s) - library_started ))s"

wait "$fuzz_pid"
fuzz_status=$?
cat "$fuzz_log"
echo "test: API fuzzing finished in $(( $(date +%s) - fuzz_started ))s"
set -e
echo "test: finished in $(( $(date +%s) - started ))s"

# One closing line over every test binary (cargo prints one per binary).
# A skipped test passes in cargo's count; here it is counted apart.
skipped=$(wc -l < "$skips")
awk -v skipped="$skipped" '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
     END { printf "tests: %d passed, %d failed, %d ignored, %d skipped\n", p - skipped, f, s, skipped }' "$log"
if [ "$skipped" -gt 0 ]; then
  echo "test: skipped, and why:" >&2
  sort "$skips" | uniq -c >&2
fi
if [ "$library_status" -ne 0 ]; then
  echo "test: the challenge library check failed" >&2
  status=1
fi
if [ "$fuzz_status" -ne 0 ]; then
  echo "test: the API does not keep its OpenAPI document's promises" >&2
  status=1
fi
exit "$status"
