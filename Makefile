# massage-explainer. Two commands do everything on a fresh Debian machine:
#   make serve   set up what is missing, then serve the standalone page
#   make test    set up what is missing, then run every test
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080

# Tools come from here, never from a download: wasm-opt from npm's binaryen,
# trunk and wasm-bindgen from cargo install.
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_OFFLINE := true
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup serve build test lint test-native test-browser test-e2e coverage bench

setup:
	@bash .ci/setup.sh

serve: setup
	trunk serve --port $(PORT)

build: setup
	trunk build --release
	@node tests/e2e/sizes.mjs

# Lists article sentences that mention an ontology term but back no claim.
coverage:
	cargo run --quiet --locked --bin claimbase-report

# Release build sizes (raw / gzip / brotli) and claim base build time.
bench: setup
	trunk build --release
	@node tests/e2e/sizes.mjs
	cargo run --quiet --locked --release --bin claimbase-bench

lint:
	cargo fmt --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --locked

test-browser:
	cargo test --locked --target wasm32-unknown-unknown

test-e2e:
	npm run --silent --prefix tests/e2e e2e

test: setup
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-browser
	trunk build --release
	@node tests/e2e/sizes.mjs
	$(MAKE) --no-print-directory test-e2e
