# kronika: `make demo` sets everything up and runs the bundled examples; `make test` runs the suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= kronika.duckdb
# The explorer's map and network libraries and the world's country outlines come from npm (pinned by
# package-lock.json) and are copied into the package's static folder, so the explorer loads nothing
# from elsewhere. Built here rather than committed: the lock file says exactly what goes in.
VENDOR := src/kronika/serve/static/vendor
NPM_PACKAGES := d3-array d3-dispatch d3-quadtree d3-timer d3-force d3-geo topojson-client world-atlas
VENDOR_FILES := $(foreach p,$(filter d3-%,$(NPM_PACKAGES)),node_modules/$(p)/dist/$(p).min.js) \
	node_modules/topojson-client/dist/topojson-client.min.js node_modules/world-atlas/countries-110m.json

.PHONY: install demo test lint bench clean docs

install: $(STAMP) $(VENDOR)/.built

# Re-installs only when the package metadata changes, so a second `make install` is instant.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

$(VENDOR)/.built: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)
	cp $(VENDOR_FILES) $(VENDOR)/
	for p in $(NPM_PACKAGES); do cp node_modules/$$p/LICENSE $(VENDOR)/$$p.LICENSE; done
	touch $@

# A short tour: what was read, a few events, a time series, then what to try next (a test keeps it
# short and within 100 columns).
demo: install
	@rm -f $(DB)
	@echo '$$ kronika ingest examples'
	@$(BIN)/kronika ingest examples --db $(DB)
	@echo; echo '$$ kronika events --dyad CZE:KEN --limit 8'
	@$(BIN)/kronika events --db $(DB) --dyad CZE:KEN --limit 8
	@echo; echo '$$ kronika counts --by year --since 2023 --group quad'
	@$(BIN)/kronika counts --db $(DB) --by year --since 2023 --group quad
	@echo
	@echo 'Try next, with .venv/bin on your PATH (the store is $(DB)):'
	@echo '  kronika actors Wanjiku                  # one actor: roles, counterparts, events over time'
	@echo '  kronika dyad CZE KEN --chart cze-ken.html   # two countries, month by month, as a chart'
	@echo '  kronika counts --by month --group country --format csv > counts.csv'
	@echo '  kronika export --format parquet -o events.parquet   # one flat row per event'
	@echo '  kronika serve                           # the web explorer on http://127.0.0.1:8000/'

test: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy --strict src/kronika
	$(BIN)/lint-imports
	$(BIN)/cog --check README.md docs/codebook.md
	$(BIN)/pytest

# Ingest throughput, then what an update of 20 articles costs as the store grows (its stores are
# built once and kept in $TMPDIR/kronika-bench-update).
bench: install
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_update.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache build src/*.egg-info node_modules $(VENDOR)
