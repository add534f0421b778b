# The two commands of the README: `make demo` and `make test`; `make lint` for contributors and CI.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= vnkg-store
VIEW   ?= graph.html

.PHONY: demo test install install-test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# An editable install leaves kg's bytecode to be written on first import, which
# PYTHONDONTWRITEBYTECODE (set on some machines, CI's among them) forbids: every
# kg command would compile its modules again (~0.15 s CPU). compileall writes it
# once, as pip does for an install that is not editable.
install: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/python -m compileall -q kg > /dev/null

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q kg > /dev/null

demo: install
	$(BIN)/kg build data --store $(STORE)
	$(BIN)/kg viz --store $(STORE) -o $(VIEW) --force
	$(BIN)/kg query examples/queries/who_met_whom.rq --store $(STORE)
	@echo "Open $(VIEW) in a browser."

test: install-test
	$(BIN)/python -m pytest -q

# ruff and mypy as configured in pyproject.toml (strict mypy on kg.model, kg.ids, kg.rdf,
# kg.errors); .ci/run and .pre-commit-config.yaml run the same
lint: install-test
	$(BIN)/pip install --quiet ruff mypy
	$(BIN)/ruff check kg tests bench  # C901 max 15; the debt of issue #15 in pyproject.toml
	$(BIN)/ruff check kg/extract --isolated --select C901 --config 'lint.mccabe.max-complexity = 25'
	$(BIN)/mypy kg

bench: install-test
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/views.py

clean:
	rm -rf $(STORE) $(VIEW) .pytest_cache build *.egg-info
