# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test screenshots bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,face]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

test: $(STAMP)
	$(PY) -m pytest

screenshots: $(STAMP)
	$(PY) -m tests.screenshots

bench: $(STAMP)
	$(PY) bench/startup.py
	$(PY) bench/stats.py
	$(PY) bench/durability.py
	$(PY) bench/face.py

clean:
	rm -rf $(VENV) build *.egg-info
