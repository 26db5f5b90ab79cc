# kronika: `make demo` sets everything up and runs the bundled examples; `make test` runs the suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= kronika.duckdb

.PHONY: install demo test lint bench clean docs

install: $(STAMP)

# Re-installs only when the package metadata changes, so a second `make install` is instant.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

demo: install
	rm -f $(DB)
	$(BIN)/kronika ingest examples --db $(DB)
	$(BIN)/kronika documents --db $(DB)
	$(BIN)/kronika actors --db $(DB)
	$(BIN)/kronika events --db $(DB)

test: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy --strict src/kronika
	$(BIN)/lint-imports
	$(BIN)/cog --check README.md
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/bench_ingest.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache build src/*.egg-info
