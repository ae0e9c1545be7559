#!/usr/bin/env bash
# Checks the JSON API against its own OpenAPI document, on SQLite and on
# PostgreSQL: the document must be valid OpenAPI (openapi-spec-validator),
# and a short, seed-fixed schemathesis run must find every answer the
# server gives documented and shaped as documented — statuses, bodies,
# content types, 405 for methods a path does not take, bad input refused.
#
# Needs the debug binary (`cargo test` builds it) and scripts/setup.sh's
# tools. PostgreSQL is REHEARSE_TEST_POSTGRES_URL, as for the test suite;
# when it does not answer, that half is skipped with a note (under CI=true
# it fails).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${CARGO_TARGET_DIR:-target}/debug/rehearse"
tools=target/api-tools/bin
pg_url="${REHEARSE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
# Fixed, so a failure reproduces; enough examples to reach every check.
seed=20261203
examples=12

say() { printf 'api-fuzz: %s\n' "$*"; }

# A server left behind by a failed step is stopped whatever happens.
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; true' EXIT

free_port() {
  "$tools/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Runs the whole check against one database ($1: sqlite or postgres).
fuzz() {
  local backend=$1 work port database="" status=0
  work=$(mktemp -d)
  port=$(free_port)
  local env=(REHEARSE_LIBRARY_DIR=tests/packages/sum-list REHEARSE_WORKERS=1 REHEARSE_LOG=warn)
  if [ "$backend" = postgres ]; then
    database="rehearse_fuzz_$$_$RANDOM"
    psql -q "$pg_url" -c "CREATE DATABASE $database" >/dev/null
    # The same server and options, another database.
    local server_url="${pg_url%%\?*}" options=""
    [[ "$pg_url" == *\?* ]] && options="?${pg_url#*\?}"
    env+=("DATABASE_URL=${server_url%/*}/$database$options")
  fi
  printf 'admin-password-1\n' | env "${env[@]}" "$bin" --data-dir "$work" user add \
    --email fuzz-admin@example.com --role admin --display-name "Fuzz admin" >/dev/null
  env "${env[@]}" "$bin" --data-dir "$work" serve --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  local base="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  local token
  token=$(curl -fsS -H 'Content-Type: application/json' \
    -d '{"email":"fuzz-admin@example.com","password":"admin-password-1","name":"fuzz"}' \
    "$base/api/v1/auth/token" | "$tools/python" -c 'import json, sys; print(json.load(sys.stdin)["token"]["token"])')

  curl -fsS "$base/api/v1/openapi.json" -o "$work/openapi.json"
  if ! "$tools/openapi-spec-validator" "$work/openapi.json"; then
    say "$backend: the OpenAPI document is not valid"
    status=1
  fi
  # Every check schemathesis has but those that need what this API does
  # not promise: `positive_data_acceptance` (a schema-valid answer may
  # still not fit the challenge, or be over a rate limit) and the
  # resource-lifecycle checks, which need OpenAPI links we do not declare.
  # A response may take up to the request timeout, not schemathesis's
  # default 10 s: checking a draft runs its solutions in the sandbox, the
  # first run compiles the guest runtime into this fresh data directory,
  # and under `make test` the library check has both cores meanwhile
  # (a SQL draft's check once took 12.4 s there).
  if ! PYTHONPATH=scripts SCHEMATHESIS_HOOKS=api_fuzz_hooks "$tools/st" --no-color run "$base/api/v1/openapi.json" \
      --seed "$seed" --max-examples "$examples" --workers 1 \
      --phases examples,coverage,fuzzing \
      --checks all \
      --exclude-checks positive_data_acceptance,use_after_free,ensure_resource_availability \
      --suppress-health-check all \
      --request-timeout 20 --max-response-time 20 \
      -H "Authorization: Bearer $token" \
      >"$work/schemathesis.txt" 2>&1; then
    say "$backend: schemathesis found problems:"
    # From its first report section (failures, errors) to its summary.
    sed -n '/^=\{5,\} [A-Z]/,$p' "$work/schemathesis.txt"
    status=1
  else
    say "$backend: $(grep -E '[0-9]+ passed|passed' "$work/schemathesis.txt" | tail -n 1)"
  fi
  if grep -q "panicked" "$work/server.log"; then
    say "$backend: the server panicked:"
    grep -A5 "panicked" "$work/server.log" | head -n 40
    status=1
  fi
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
  if [ -n "$database" ]; then
    psql -q "$pg_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null || true
  fi
  rm -rf "$work"
  return "$status"
}

overall=0
fuzz sqlite || overall=1
if pg_isready -q -d "$pg_url" 2>/dev/null; then
  fuzz postgres || overall=1
elif [ "${CI:-}" = true ]; then
  say "CI=true but PostgreSQL at $pg_url does not answer"
  overall=1
else
  say "SKIPPED the PostgreSQL half: nothing answers at $pg_url"
  [ -n "${REHEARSE_SKIP_LOG:-}" ] && echo "api-fuzz: PostgreSQL at $pg_url does not answer" >>"$REHEARSE_SKIP_LOG"
fi
exit "$overall"
