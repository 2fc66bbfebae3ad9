# qe-desktop — `make run` opens the app, `make test` runs every check headless.
SHELL := /bin/bash
# The first interpreter that really runs and is 3.11+ (pyenv shims may exist without a version).
ifndef PY
PY := $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { command -v $$p; break; }; \
	done)
endif
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck unit bench translations clean screenshot

$(STAMP): pyproject.toml
	@test -n "$(PY)" || { echo "Python 3.11 or newer is required (none found on PATH)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	$(BIN)/qe-desktop

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy qe_desktop

unit: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest \
		--cov=qe_desktop --cov-report=term:skip-covered $(PYTEST_ARGS)

test: lint typecheck unit

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run $(BENCH_ARGS)

screenshot: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/readme_screenshot.py docs/screenshot.png

clean:
	rm -rf $(VENV) build *.egg-info resources/translations/*.qm .mypy_cache .ruff_cache
