# The README's two commands are `make run` and `make test`; everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus
FUZZ_CASES ?= 3000

.PHONY: run test lint typecheck browser eval bench fuzz model specificity confidence weights taxonomy verbs clean install

# Re-install only when the project's dependencies change. [dev] pulls in the [web], [dask] and
# [train] extras, so `make run` has the web app's server and `make test` everything.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/resume-analyzer serve --host 127.0.0.1 --port 5000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

# The browser tests drive Debian's headless Chromium; install it when it is missing
# (sudo only when not already root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	command -v chromium >/dev/null 2>&1 || ($(SUDO) apt-get install -y -q chromium chromium-driver || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium chromium-driver))

test: lint typecheck browser
	$(BIN)/pytest

# evaluation/ and training/ are dev tools beside the package, not installed: `python -m` from
# the repository root finds them.
eval: install
	$(BIN)/python -m evaluation --corpus $(CORPUS)
	$(BIN)/python -m evaluation.skills --corpus $(CORPUS)
	$(BIN)/python -m evaluation.scoring --corpus $(CORPUS)
	$(BIN)/python -m evaluation.roles --corpus $(CORPUS)
	$(BIN)/python -m evaluation.audit --corpus $(CORPUS)
	$(BIN)/python -m evaluation.strength --corpus $(CORPUS)
	$(BIN)/python -m evaluation.invariance --corpus $(CORPUS)
	$(BIN)/python -m evaluation.conservation --corpus $(CORPUS)
	$(BIN)/python -m evaluation.linkedin --corpus $(CORPUS)
	$(BIN)/python -m evaluation.relayout --corpus $(CORPUS)
	$(BIN)/python -m evaluation.shapes --corpus $(CORPUS)
	$(BIN)/python -m evaluation.facts --corpus $(CORPUS)
	$(BIN)/python -m evaluation.contacts --corpus $(CORPUS)
	$(BIN)/python -m evaluation.validity --corpus $(CORPUS)

bench: install
	$(BIN)/python benchmarks/run.py --corpus $(CORPUS)
	$(BIN)/python benchmarks/extract.py --corpus $(CORPUS)
	$(BIN)/python benchmarks/analyze.py --corpus $(CORPUS)
	$(BIN)/python benchmarks/coldstart.py
	$(BIN)/python benchmarks/batch.py --corpus $(CORPUS)
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/budget.py --corpus $(CORPUS)
	$(BIN)/python benchmarks/load.py

# Mutate generated seed documents (never the corpus) and run each case through analyze() in a
# child process with a time and memory limit; failures are kept outside the repository.
fuzz: install
	$(BIN)/python fuzz/run.py --cases $(FUZZ_CASES)

# Retrain the competency-area model from the labels in models/data and the corpus.
model: install
	$(BIN)/python -m training.area_model --corpus $(CORPUS)

# Refit how specific each skill is to product work (models/skill_specificity.json), printing
# the cross-validated figures its card reports.
specificity: install
	$(BIN)/python -m training.specificity --corpus $(CORPUS)

# Measure how often each finding code was right on the feedback audit
# (models/finding_confidence.json): the confidence top fixes are ranked by.
confidence: install
	$(BIN)/python -m training.finding_confidence --corpus $(CORPUS)

# Choose the taxonomy's role discount, presentation weight and area weights by nested grouped
# cross-validation, printing out-of-fold figures (set the values in skills_taxonomy.yaml).
weights: install
	$(BIN)/python -m training.role_discount --corpus $(CORPUS)
	$(BIN)/python -m training.presentation_weight --corpus $(CORPUS)
	$(BIN)/python -m training.area_weights --corpus $(CORPUS)

# Rewrite the verb-forms table from the installed lemminflect (a test fails when stale).
verbs: install
	$(BIN)/python -m resume_analyzer.nlp.verbs

# Re-validate skills_taxonomy.yaml and rewrite its compiled form (a test fails when stale).
taxonomy: install
	$(BIN)/python -m resume_analyzer.taxonomy.compiled

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .pytest_cache .ruff_cache
