# qe-desktop — `make run` opens the app, `make test` runs every check headless.
SHELL := /bin/bash
# The newest interpreter >= 3.12 that really runs (pyenv shims may exist without a version).
ifndef PY
PY := $(shell for p in python3.12 python3.13 python3 $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v $$p; break; }; \
	done)
endif
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
# uv installs exactly what uv.lock says; bootstrapped into .tools when it is not on PATH.
UV_VERSION := 0.13.9
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint typecheck unit bench bench-archive eval translations clean screenshot lock lock-check \
	package package-check

.tools/bin/uv:
	@test -n "$(PY)" || { echo "Python 3.12 or newer is required (none found on PATH)"; exit 1; }
	$(PY) -m venv .tools
	.tools/bin/python -m pip install -q "uv==$(UV_VERSION)"

$(STAMP): pyproject.toml uv.lock | $(UV)
	@test -n "$(PY)" || { echo "Python 3.12 or newer is required (none found on PATH)"; exit 1; }
	$(UV) sync --locked --python "$(PY)" --extra test
	touch $(STAMP)

# Refresh the lock on purpose (new dependency, or newer versions wanted).
lock: | $(UV)
	$(UV) lock --python "$(PY)"

# Fails when uv.lock no longer matches pyproject.toml.
lock-check: | $(UV)
	$(UV) lock --check --python "$(PY)"

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

test: lock-check lint typecheck unit

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run $(BENCH_ARGS)
	$(BIN)/python tools/bench_commitments.py

# A whole archive: 1,000,000 questions of both chambers in one library (long: hours).
bench-archive: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.archive $(BENCH_ARGS)

# Accuracy of the NLP features on their labelled corpora (dev and frozen test splits).
eval: $(STAMP)
	@set -e; for s in tools/eval_*.py; do [ -e "$$s" ] || continue; $(BIN)/python "$$s"; done

screenshot: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/readme_screenshot.py docs/screenshot.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/readme_screenshots_1366.py docs

# The standalone one-folder bundle (PyInstaller, spec in packaging/): dist/qe-desktop/ and
# its archive. The `package` extra adds PyInstaller to the same locked environment.
BUNDLE := dist/qe-desktop-$(shell uname -s | tr A-Z a-z)-$(shell uname -m).tar.gz
package: $(STAMP) translations
	$(UV) sync --locked --python "$(PY)" --extra test --extra package
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/qe-desktop.spec
	tar -C dist -czf $(BUNDLE) qe-desktop
	@du -sh dist/qe-desktop $(BUNDLE)

# Builds the bundle, then runs it from its unpacked archive in a clean environment.
package-check: package
	tools/package_check.sh $(BUNDLE)

clean:
	rm -rf $(VENV) .tools build dist *.egg-info resources/translations/*.qm .mypy_cache .ruff_cache
