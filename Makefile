# The two commands of the README: `make run` (the product with demo data) and `make test` (the whole suite).
# Both set everything up first; with DATABASE_URL and REDIS_URL unset they need no server at all.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run test setup demo lint messages bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml build-constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.3"
	$(BIN)/python -m pip install --quiet --build-constraint build-constraints.txt -e ".[dev]"
	touch $@

setup: $(VENV)/.installed
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: setup
	$(BIN)/python manage.py seed_demo

run: demo
	PATH="$(abspath $(BIN)):$$PATH" HOST=$(HOST) PORT=$(PORT) $(BIN)/honcho -f Procfile.dev start

test: $(VENV)/.installed
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l vi --no-location --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages -l vi --ignore=.venv

bench: setup
	$(BIN)/python -m bench
