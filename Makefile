# One set of commands for people and CI. `make setup` needs root (or sudo) for the Debian packages.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := python3 python3-venv python3-dev make \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
	poppler-utils libreoffice-calc-nogui chromium
OUT ?= out

.PHONY: setup system venv test lint typecheck unit fmt examples bench docs clean

setup: system venv  ## Debian packages, the virtual environment and the project

system:
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(APT_PACKAGES)

venv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'

test: lint typecheck unit  ## what CI runs: ruff, mypy --strict, pytest

lint:
	$(BIN)/ruff check .

typecheck:
	$(BIN)/mypy

unit:  ## the tests, on every core (pytest-xdist); the batch corpus tests share one worker
	$(BIN)/pytest -n auto --dist loadgroup

fmt:
	$(BIN)/ruff check --fix .

docs:  ## regenerate the key reference in questionnaires/README.md
	$(BIN)/python -m kipmonev.app.docgen
	$(BIN)/python -m kipmonev.cli._readme README.md

examples:  ## the main job on the bundled data: score the example workbooks, write results, recap and reports
	$(BIN)/kipmonev score examples -o $(OUT) --report pdf,html,xlsx

bench:  ## the benchmark table and a profile (benchmarks/RESULTS.md explains them)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(OUT) dist build .pytest_cache .mypy_cache .ruff_cache
