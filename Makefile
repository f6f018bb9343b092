# Quick start: `make demo` (set up, fold the example story), `make test` (set up, run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/harbor-bridge

.PHONY: setup demo test lint browser golden bench eval clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: setup
	$(BIN)/newsfold brief $(EXAMPLE)
	$(BIN)/newsfold brief $(EXAMPLE) -o $(EXAMPLE)-brief.html --quiet
	@echo "Wrote $(EXAMPLE)-brief.html: open it in a browser, or run: $(BIN)/newsfold serve $(EXAMPLE)"

# Debian's chromium drives the browser tests (Playwright never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will be skipped"; }

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

test: setup browser lint
	$(BIN)/python -m pytest -q

golden: setup
	NEWSFOLD_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py tests/test_render_html.py

bench: setup
	$(BIN)/python scripts/bench_fold.py

eval: setup
	$(BIN)/newsfold eval tests/annotations/harbor-bridge.json $(EXAMPLE)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache artifacts
