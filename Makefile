# TechMatch — the two commands: `make run` and `make test`. Both work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
MANAGE := cd backend && ../$(BIN)/python manage.py
FRONTEND_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
                    $(wildcard frontend/*.html frontend/*.ts frontend/*.json)

# (lint: ruff for Python, ESLint for the front end; part of `make test`)
.PHONY: help run serve test lint lint-python lint-frontend test-python test-frontend install install-test frontend schema audit audit-deps clean

help:
	@echo "make run    install, build the front end, migrate, load demo data, serve http://$(HOST):$(PORT)/"
	@echo "make test   install test dependencies, build the front end, run every test"
	@echo "make lint   ruff (Python) and ESLint (front end): the checks make test runs first"
	@echo "make schema regenerate frontend/openapi.yaml and the front end's API types"
	@echo "make audit  audit Python and npm dependencies for known vulnerabilities (needs the advisory services)"

# --- installs: each step reruns only when its inputs change -------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-run
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd frontend && npm run build

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test
frontend: frontend/dist/index.html

# --- make run ---------------------------------------------------------------------------------
run: install frontend serve

# DJANGO_RUNSERVER_HIDE_WARNING: Django's "do not use in production" banner is for someone choosing a
# server; production runs gunicorn (docs/operations.md), so `make run` prints no warning to act on.
serve:
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) reindex
	@echo ""
	@echo "TechMatch 科技撮合平台: http://$(HOST):$(PORT)/   (API docs: http://$(HOST):$(PORT)/api/docs/; Ctrl-C stops)"
	cd backend && DJANGO_RUNSERVER_HIDE_WARNING=true ../$(BIN)/python manage.py runserver $(HOST):$(PORT)

# --- make test --------------------------------------------------------------------------------
# Every part runs even when an earlier one fails (a front-end failure must not hide the Python
# results); the last line names what failed, and the exit status is non-zero if anything did.
test: install-test frontend
	@failed=""; \
	$(MAKE) --no-print-directory lint || failed="$$failed lint"; \
	$(MAKE) --no-print-directory test-frontend || failed="$$failed front-end-tests"; \
	$(MAKE) --no-print-directory test-python || failed="$$failed python-tests"; \
	if [ -n "$$failed" ]; then echo "make test FAILED:$$failed"; exit 1; fi; \
	echo "make test: lint, front-end tests and Python tests passed"

lint: lint-python lint-frontend

lint-python: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run lint

test-frontend:
	cd frontend && npm run check:api && npm test

test-python:
	$(BIN)/python -m pytest $(PYTEST_ARGS)

schema: install
	$(MANAGE) spectacular --validate --fail-on-warn --file ../frontend/openapi.yaml
	cd frontend && npm run gen:api

# --- make audit: known vulnerabilities in dependencies (.ci/audit.py; allowances: .ci/audit-allowlist.txt) ---
# Not part of `make test`: it needs PyPI's JSON API and the npm registry's advisory endpoint, and
# it fails, rather than passes, when either cannot be reached. .ci/run calls it after the tests.
$(VENV)/.installed-audit: $(VENV)/.installed-test
	$(BIN)/pip install --quiet "pip-audit>=2.7,<3"
	touch $@

audit-deps: $(VENV)/.installed-audit frontend/node_modules/.package-lock.json

audit: audit-deps
	$(BIN)/python .ci/audit.py

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist staticfiles
