# The two commands a newcomer needs: `make run` and `make test`.
# Both set up whatever is missing first (scripts/setup.sh), and are quick
# when everything is in place.

CARGO ?= cargo

.PHONY: run test setup build lint fmt clean bench

## Set up what is missing, then serve http://127.0.0.1:8080 on SQLite under data/.
run: setup
	$(CARGO) run --release --bin rehearse -- serve

## Set up what is missing, then run every test (SQLite and PostgreSQL).
test: setup
	scripts/test.sh

setup:
	@scripts/setup.sh

build: setup
	$(CARGO) build --release

## Formatting and lints, as required before a commit.
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean

## Benchmarks (figures, not tests): see docs/BENCHMARKS.md.
bench: setup
	bash scripts/bench.sh
