# policykb: two commands for a new machine — `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= policykb.db
PORT   ?= 8001
DEV    ?= ../shared/dev

.PHONY: serve build extract test test-fast score bench golden golden-write rules clean

$(BIN)/policykb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## serve: build the database from corpus/ and serve it with Datasette on localhost
serve: $(BIN)/policykb
	$(BIN)/policykb serve --db $(DB) --port $(PORT)

## build: extract corpus/ into extracted/ and load it into $(DB)
build: $(BIN)/policykb
	$(BIN)/policykb build --db $(DB)

## test: the whole suite (the run-time test over ../shared/dev skips where it is absent)
test: $(BIN)/policykb
	$(BIN)/python -m pytest

## test-fast: unit tests only
test-fast: $(BIN)/policykb
	$(BIN)/python -m pytest -m "not slow"

## score: score the parser on ../shared/dev gold, read from the text and from the original PDF
score: $(BIN)/policykb
	$(BIN)/python scripts/score.py $(if $(V),-v)

## bench: build BENCH_N plans (default 1000) and plain jieba over the same files; print the ratios, memory, DB size
BENCH_N ?= 1000
bench: $(BIN)/policykb
	$(BIN)/python scripts/bench.py --plans $(BENCH_N)

## golden: extract every ../shared/dev document (text and pdf/) and check it against tests/golden/manifest.json
golden: $(BIN)/policykb
	$(BIN)/python scripts/golden.py check

## golden-write: accept the current extraction of ../shared/dev as the reference
golden-write: $(BIN)/policykb
	$(BIN)/python scripts/golden.py write

## rules: write docs/RULES.md, the map of the grammar's ordered rule lists
rules: $(BIN)/policykb
	$(BIN)/python scripts/rules.py

clean:
	rm -rf $(VENV) .score $(DB)
