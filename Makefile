# The two commands of the README: `make run` (the product with demo data) and `make test` (the whole suite).
# Both set everything up first; with DATABASE_URL and REDIS_URL unset they need no server at all.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
# The servers default to the production settings; the two commands name theirs.
export DJANGO_SETTINGS_MODULE ?= config.settings.local

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

# The demo runs as the product does: DEBUG off, so pages carry hashed static names cached for a year.
run: demo
	$(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=$${DJANGO_DEBUG:-false} PATH="$(abspath $(BIN)):$$PATH" HOST=$(HOST) PORT=$(PORT) exec $(BIN)/python manage.py run_embedded

test: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l vi --no-location --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages -l vi --ignore=.venv

bench: setup
	$(BIN)/python -m bench
