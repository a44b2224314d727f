# Two commands: `make run` (install, migrate, demo content, serve) and `make test` (every check).
# `make serve`: the production set-up on this machine (gunicorn, production settings; scripts/serve.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=config.settings.dev
TESTENV := DJANGO_SETTINGS_MODULE=config.settings.test
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# Every template directory: the project's and each app's.
TEMPLATE_DIRS := templates $(wildcard */templates)
# What a real deployment sets; used only to run Django's deployment checks.
DEPLOY_ENV := DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-only-$$(date +%s)-a8f3k2m9x7q1w5e4r6t8y0u2i3o5p7 \
	ALLOWED_HOSTS=training.example.org CSRF_TRUSTED_ORIGINS=https://training.example.org \
	WAGTAILADMIN_BASE_URL=https://training.example.org

.PHONY: run serve drill install install-test fonts migrate demo test lint bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check ".[test]"
	@rm -rf build *.egg-info
	@touch $@

install: $(VENV)/.installed

fonts: install
	@$(DEV) $(BIN)/python manage.py build_fonts

migrate: install
	$(DEV) $(BIN)/python manage.py migrate --noinput

# The country's districts and communes (learners/data/gazetteer) before the demo, which places learners in them.
demo: fonts migrate
	$(DEV) $(BIN)/python manage.py import_gazetteer
	$(DEV) $(BIN)/python manage.py load_demo

run: demo
	@PORT=$(PORT) $(DEV) $(BIN)/python manage.py demo_logins
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Gunicorn with the production settings: static files from WhiteNoise, the secret generated once into the data
# folder (var/secret_key), PORT as for `make run`. `make demo` first for the demo manual and accounts.
serve: fonts migrate
	@PORT=$(PORT) $(BIN)/python scripts/serve.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATE_DIRS)

test: lint fonts
	$(TESTENV) $(BIN)/python manage.py check --fail-level WARNING
	$(TESTENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/pytest -q
	@if $(BIN)/python scripts/pg_reachable.py "$${DATABASE_URL:-$(PG_URL)}"; then \
		echo "== pytest on PostgreSQL =="; \
		DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}" $(BIN)/pytest -q -m "not browser"; \
	else echo "PostgreSQL not reachable at $${DATABASE_URL:-$(PG_URL)}: PostgreSQL run skipped."; fi

bench: demo
	$(BIN)/python bench/run_all.py

# Two app servers on PostgreSQL and Redis on this machine, one killed under load (bench/drill.py, docs/deploy.md).
drill: install
	$(BIN)/python bench/drill.py

messages: install
	cd . && $(DEV) $(BIN)/python manage.py makemessages -l km --no-obsolete --no-location --ignore=.venv --ignore=var
	$(DEV) $(BIN)/python manage.py compilemessages -l km --ignore=.venv

clean:
	rm -rf $(VENV) var/static build *.egg-info
