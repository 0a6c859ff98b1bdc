# The two commands: `make run` sets up and starts the service, `make test` sets up and runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export CALENDAR_TEST_POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

NODE_DEPS := tests/support/icaljs/node_modules/.package-lock.json

.PHONY: install run test lint typecheck pytest bench bench-tools chromium spamassassin postgres clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install
	mkdir -p var
	$(BIN)/calendar-service run --sample

# PostgreSQL is part of the test suite; start the local cluster when it is down.
postgres:
	@scripts/ensure-postgres

# ical.js, the parser Thunderbird uses, checks the feeds in the tests.
$(NODE_DEPS): tests/support/icaljs/package-lock.json
	cd tests/support/icaljs && npm ci --no-audit --no-fund --loglevel=error

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

# The dashboard's browser tests drive Debian's Chromium (no browser downloads); a CJK font
# makes the Chinese pages legible in the screenshots they keep.
chromium:
	@test -x /usr/bin/chromium && fc-list :lang=zh | grep -q . || \
		{ apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei; }

# The mail tests score the day's messages with SpamAssassin, from Debian's package.
spamassassin:
	@command -v spamassassin >/dev/null || \
		{ apt-get update && apt-get install -y --no-install-recommends spamassassin; }

pytest: install postgres $(NODE_DEPS) chromium spamassassin
	$(BIN)/pytest -n 2

test: lint typecheck pytest

# The feed benchmark compares with nginx and loads with wrk, both from Debian's packages.
bench-tools:
	@command -v wrk >/dev/null && test -x /usr/sbin/nginx || \
		{ apt-get update && apt-get install -y --no-install-recommends wrk nginx; }

# `make bench` runs them all; `make bench import` (or feeds, eligibility, ...) the one named.
BENCH_NAMES := $(filter-out bench,$(MAKECMDGOALS))

bench: install postgres bench-tools
	$(BIN)/python -m bench $(BENCH_NAMES)

ifneq ($(filter bench,$(MAKECMDGOALS)),)
$(BENCH_NAMES):
	@:
endif

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache tests/support/icaljs/node_modules
