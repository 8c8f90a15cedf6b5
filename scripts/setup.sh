#!/usr/bin/env bash
# Installs what Journey Console needs to build and test, each tool only when it is
# missing or at the wrong version, so a second run costs seconds. Sourced by
# scripts/run and scripts/test; it exports the environment the build needs.
#
# The wasm32 toolchain is detected, not assumed:
#   1. a rustup toolchain with the wasm32-unknown-unknown target: used as it is;
#   2. otherwise, on Debian: Debian's rustc-web/cargo-web, whose rustc knows
#      wasm32, with the standard library built from rust-web-src (build-std);
#   3. otherwise: a clear message saying what to install.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
fail() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "need root to run: $* (install sudo or run as root)"; fi
}

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "cannot install $* without apt-get; install it by hand"
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Rust (native) ------------------------------------------------------------
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null 2>&1 || fail "cargo not found: install Rust from https://rustup.rs"

# --- Trunk and wasm-bindgen-cli (installed with the native toolchain) ---------
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
[ -n "$WASM_BINDGEN_VERSION" ] || fail "wasm-bindgen is not in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Without --locked: one of the CLI's locked dependency versions is missing
  # from some registry mirrors, while its own version requirements resolve fine.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# --- Rust (wasm32) --------------------------------------------------------------
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32: rustup target"
  WASM_ENV=()
  WASM_PATH_PREFIX=""
else
  if ! { [ -x /usr/bin/rustc ] && /usr/bin/rustc --print target-list | grep -qx wasm32-unknown-unknown \
        && [ -d /usr/lib/rustlib/src/rust/library ] && command -v wasm-ld >/dev/null 2>&1; }; then
    command -v apt-get >/dev/null 2>&1 || fail "no wasm32 target: run 'rustup target add wasm32-unknown-unknown'"
    apt_install rustc-web cargo-web rust-web-src lld
  fi
  say "wasm32: Debian rustc-web with build-std"
  # Debian's cargo and rustc come first on the wasm build's PATH.
  WASM_PATH_PREFIX="/usr/bin:"
  WASM_ENV=(
    RUSTC_BOOTSTRAP=1
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld
    # With std built from source anyway, it is built for size (bench/RESULTS.md,
    # "Size", has each one's saving): a panic aborts at once, with no hook,
    # message or location in the binary (web/boot.js and web/embed.js show the
    # crash notice), and std's optimize_for_size. A rustup target cannot do
    # these; its builds work the same, only larger.
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
    # This toolchain's artefacts stay apart from the native ones in target/.
    CARGO_TARGET_DIR="$ROOT/target/web"
  )
fi

# Runs a command (trunk) with the wasm32 toolchain chosen above. Only the wasm
# build gets these variables; native builds and tests keep the rustup toolchain.
with_wasm_toolchain() { env PATH="$WASM_PATH_PREFIX$PATH" "${WASM_ENV[@]}" "$@"; }

# --- Crates, the standard library's own included -----------------------------
# Builds run with --offline (so Trunk never tries to download tools it cannot
# reach), which only works once every crate is in the cargo registry cache.
# With build-std that includes the standard library's dependencies (dlmalloc,
# rustc-demangle, ...), which no native build ever downloads. So: ask the
# cache first (a second run costs a fraction of a second), download what is
# missing, and say exactly what is missing when that cannot happen.
fetch_crates() {
  local what="$1"; shift
  local log
  log="$(mktemp)"
  if "$@" cargo fetch --offline --quiet >"$log" 2>&1; then
    rm -f "$log"; return 0
  fi
  local missing
  missing="$(grep -o 'no matching package named `[^`]*`' "$log" | head -n 1 | cut -d'`' -f2)"
  say "fetching the crates of the $what build${missing:+ (not cached: $missing, and perhaps more)}"
  if "$@" cargo fetch >"$log" 2>&1; then
    rm -f "$log"; return 0
  fi
  printf '\033[31m[setup] The %s build needs crates that are not in the cargo registry cache\n(%s)%s, and they could not be downloaded from crates.io:\n' \
    "$what" "${CARGO_HOME:-$HOME/.cargo}/registry" "${missing:+, starting with $missing}" >&2
  grep -m 3 -iE 'error|warning: spurious' "$log" | sed 's/^/    /' >&2
  printf 'Connect this machine to crates.io (or set up a registry mirror) and run scripts/setup.sh\nagain; once the crates are fetched, builds and tests work without a network.\033[0m\n' >&2
  rm -f "$log"
  exit 1
}
fetch_crates native env
fetch_crates wasm32 with_wasm_toolchain env CARGO_BUILD_TARGET=wasm32-unknown-unknown

# --- Chromium, for the browser tests and screenshots -------------------------
if [ -z "${CHROMIUM:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    apt_install chromium fonts-dejavu-core
  fi
  CHROMIUM="$(command -v chromium)"
fi
export CHROMIUM

# --- Firefox and WebKit, for the seed's procedures in other engines ------------
# tests/engines: Firefox ESR over WebDriver BiDi; WebKitGTK's MiniBrowser through
# WebKitWebDriver (webkit2gtk-driver), which needs an X display: Xvfb.
ENGINE_PACKAGES=()
if [ -z "${FIREFOX:-}" ] && ! command -v firefox-esr >/dev/null 2>&1; then
  ENGINE_PACKAGES+=(firefox-esr)
fi
if [ -z "${WEBKIT_WEBDRIVER:-}" ] && ! command -v WebKitWebDriver >/dev/null 2>&1; then
  ENGINE_PACKAGES+=(webkit2gtk-driver)
fi
command -v xvfb-run >/dev/null 2>&1 || ENGINE_PACKAGES+=(xvfb)
if [ "${#ENGINE_PACKAGES[@]}" -gt 0 ]; then
  apt_install "${ENGINE_PACKAGES[@]}"
fi

# --- npm packages (browser tests, axe-core, wasm-opt) -------------------------
STAMP="$ROOT/node_modules/.journey-console-lock"
LOCK_SUM="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$LOCK_SUM" ]; then
  say "npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$LOCK_SUM" > "$STAMP"
fi
# Trunk finds wasm-opt (binaryen, from package-lock.json) on PATH.
export PATH="$ROOT/node_modules/.bin:$PATH"

say "ready"
