# The two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Where `make run` serves: `make run PORT=8080`, `make run ADDR=0.0.0.0` (then add the
# machine's name or address to ALLOWED_HOSTS in .env).
ADDR ?= 127.0.0.1
PORT ?= 8000
# Settings every manage.py command reads, written on the first run: nothing to export.
ENV_FILE := .env

.PHONY: run test lint venv bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned requirements change.
$(STAMP): requirements.txt requirements-dev.txt requirements-embedding.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-embedding.txt
	touch $(STAMP)

venv: $(STAMP)

# DEBUG (tracebacks, development conveniences) only while serving on loopback; `make run`
# serves plain HTTP, so the HTTPS redirect stays off unless set in .env.
LOOPBACK := $(filter 127.0.0.1 localhost ::1,$(ADDR))
run: export DEBUG ?= $(if $(LOOPBACK),true,false)
run: export HTTPS_ONLY ?= false
# Links in emails and API answers point where `make run` serves.
run: export SITE_URL ?= http://$(if $(LOOPBACK),127.0.0.1,$(ADDR)):$(PORT)
run: venv
	$(PY) -m supportdesk.envfile $(ENV_FILE)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ensure_admin --env-file $(ENV_FILE)
	$(PY) manage.py train_engine --if-missing
	$(PY) manage.py serve --addr $(ADDR):$(PORT)

lint: venv
	$(VENV)/bin/ruff check .

# One test process per core; worksteal evens out the few long tests (training, live servers).
# `make test PYTEST_ARGS=tickets/tests/test_api.py` runs one file in one process.
PYTEST_ARGS ?= -n auto --dist worksteal
test: venv lint
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
