# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint venv bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned requirements change.
$(STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

venv: $(STAMP)

run: export DEBUG ?= true
run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ensure_admin
	$(PY) manage.py train_engine --if-missing
	$(PY) manage.py serve --addr 127.0.0.1:8000

lint: venv
	$(VENV)/bin/ruff check .

test: venv lint
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
