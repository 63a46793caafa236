#!/usr/bin/env bash
# Idempotent setup for a fresh Debian machine: installs only what is missing and
# says what it does. `make serve`, `make test` and `make bench` run it first.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

need_root() {
  # Runs a command as root, or explains exactly what to run and stops.
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else
    say "this step needs root. Run:  sudo $*   then run make again."
    exit 1
  fi
}

apt_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
command -v node >/dev/null || apt_packages+=(nodejs)
command -v npm >/dev/null || apt_packages+=(npm)
# pdftotext and pdfinfo read back the printed take-home sheet (tests/e2e/print.test.mjs).
command -v pdftotext >/dev/null || apt_packages+=(poppler-utils)
# The reader's flows also run in Firefox ESR and in WebKitGTK (tests/e2e/engines.test.mjs):
# WebKitWebDriver drives the MiniBrowser of libwebkit2gtk-4.1, under Xvfb.
command -v firefox-esr >/dev/null || apt_packages+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || apt_packages+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || apt_packages+=(xvfb xauth)
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_packages[*]}"
  need_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${apt_packages[@]}"
fi

if ! command -v cargo >/dev/null; then
  say "Rust is missing: install it with rustup (https://rustup.rs), then run make again."
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "=$bindgen_version" --locked \
    || { say "--locked did not resolve; installing without it"; cargo install wasm-bindgen-cli --version "=$bindgen_version" --force; }
fi

# npm tools, each folder with its own lock file: the release build's (binaryen's
# wasm-opt, terser, workbox-build) in www/build, the tests' (playwright-core,
# puppeteer-core, selenium-webdriver, axe-core, lighthouse; flesch-kincaid,
# smog-formula and syllable for the pages' reading level) in tests/e2e.
for dir in www/build tests/e2e; do
  stamp=$dir/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ $dir/package-lock.json -nt "$stamp" ]; then
    say "installing npm tools (npm ci in $dir)"
    npm ci --prefix $dir --no-audit --no-fund
  fi
done
if ! www/build/node_modules/.bin/wasm-opt --version | grep -q "version $WASM_OPT_VERSION"; then
  say "www/build/node_modules/.bin/wasm-opt is not binaryen $WASM_OPT_VERSION; reinstalling"
  rm -rf www/build/node_modules && npm ci --prefix www/build --no-audit --no-fund
fi

# Trunk runs offline (it must never download tools), and so does its cargo: fetch now.
cargo fetch --locked -q
say "ready"
