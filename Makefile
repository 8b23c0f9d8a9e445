# The README's two commands are `make run` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus

.PHONY: run test lint typecheck eval bench clean install

# Re-install only when the project's dependencies change.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/resume-analyzer --help

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

eval: install
	$(BIN)/python -m resume_analyzer.evaluation --corpus $(CORPUS)

bench: install
	$(BIN)/python benchmarks/run.py --corpus $(CORPUS)

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .pytest_cache .ruff_cache
