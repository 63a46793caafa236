# massage-explainer. Two commands do everything on a fresh Debian machine:
#   make serve   set up what is missing, then serve the standalone page
#   make test    set up what is missing, then run every test
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080

# Tools come from here, never from a download: wasm-opt from npm's binaryen (the
# release build's own tools, in www/build), trunk and wasm-bindgen from cargo install.
export PATH := $(CURDIR)/www/build/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_OFFLINE := true
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup serve build test lint test-native test-browser test-e2e coverage draft bench bench-site bench-compare

setup:
	@bash .ci/setup.sh

serve: setup
	trunk serve --port $(PORT)

build: setup
	trunk build --release
	@node www/build/sizes.mjs

# Lists article sentences that mention an ontology term but back no claim, unrated
# articles and draft claims awaiting review.
coverage:
	cargo run --quiet --locked --bin claimbase-report

# A TOML draft for curating a new article: `make draft ARTICLE=seeds/articles/NAME.txt`
# writes target/drafts/NAME.toml (claims and studies pre-filled from its text).
draft:
	@test -n "$(ARTICLE)" || { echo "usage: make draft ARTICLE=seeds/articles/NAME.txt"; exit 2; }
	cargo run --quiet --locked --bin claimbase-draft -- "$(ARTICLE)"

# The benchmarks (README, "Benchmarks"): size of what the page loads and what each
# crate adds, first render over 20 cold loads, Lighthouse, study search latency on
# the seeds and on 10,000 generated studies, search everything on the seeds plus
# 1,000 generated articles, claim base build time, the reading level of what readers
# see (tests/readability.rs). Writes tests/e2e/bench-report.md.
bench: setup
	@command -v twiggy >/dev/null || { echo "installing twiggy (wasm size profiler)"; cargo install twiggy --version 0.8.0 --locked; }
	trunk build --release
	@mkdir -p target/bench
	twiggy top -n 1000000 --format json target/wasm32-unknown-unknown/release/massage_explainer.wasm > target/bench/twiggy.json
	cargo run --quiet --locked --release --bin claimbase-bench | tee target/bench/claimbase.txt
	cargo test --quiet --locked --test readability -- --nocapture --test-threads=1 | grep 'Flesch-Kincaid' | tee target/bench/readability.txt
	$(MAKE) --no-print-directory bench-site
	node tests/e2e/bench.mjs dist target/bench-site target/bench/twiggy.json target/bench/claimbase.txt target/bench-articles-site target/bench/readability.txt

# Before and after a change, side by side in one run: `make bench-compare
# BASE=<git revision> [AFTER=<git revision>, HEAD by default]` exports both
# commits to target/compare/, builds each one's release page and bench sites
# there, then measures sizes and both searches on both, loads taken in turn. The
# working tree is not used, so it can change meanwhile. Each tree has a cargo
# target dir of its own: cargo keys a package's artifacts by its path inside its
# workspace, not by where the workspace is, so two exports of this package would
# share (and reuse) each other's. Writes tests/e2e/bench-compare.md.
AFTER ?= HEAD
bench-compare: setup
	@test -n "$(BASE)" || { echo "usage: make bench-compare BASE=<git revision> [AFTER=<git revision>]"; exit 2; }
	rm -rf target/compare && mkdir -p target/compare/before target/compare/after
	# The revisions are named once, before exporting: HEAD may move while it runs.
	git rev-parse --short $(BASE) > target/compare/before.rev
	git rev-parse --short $(AFTER) > target/compare/after.rev
	git archive $$(cat target/compare/before.rev) | tar -x -C target/compare/before
	git archive $$(cat target/compare/after.rev) | tar -x -C target/compare/after
	for side in before after; do \
		(cd target/compare/$$side && $(MAKE) --no-print-directory build bench-site) || exit 1; \
	done
	node tests/e2e/bench.mjs --compare "$$(cat target/compare/before.rev) → $$(cat target/compare/after.rev)" target/compare/before target/compare/after

# Servable builds for the benchmarks (open one with any static server, e.g.
# `python3 -m http.server -d target/bench-site`): the widget over 10,000 generated
# studies, and over the seeds plus 1,000 generated articles no curator has seen.
bench-site: setup
	cargo run --quiet --locked --release --bin claimbase-generate -- 10000 target/bench-seeds
	MX_SEEDS=target/bench-seeds trunk build --release --dist target/bench-site
	cargo run --quiet --locked --release --bin claimbase-generate -- 0 target/bench-articles-seeds 1000
	MX_SEEDS=target/bench-articles-seeds trunk build --release --dist target/bench-articles-site

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
	@node www/build/sizes.mjs
	$(MAKE) --no-print-directory test-e2e
