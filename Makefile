# newsevents: `make events` builds the event table for corpus/, `make test` runs the tests.
# The virtual environment is created and the project installed on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
KNOWLEDGE := $(wildcard models/*.jsonl models/*.csv)
SOURCES := $(wildcard pipeline/*.py) pipeline/config.cfg
CORPUS := $(wildcard corpus/*.txt) corpus/metadata.csv
DEVSET ?= ../shared/devset

.PHONY: events eval devset test install clean

events: outputs/events.csv

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(INSTALLED)

outputs/events.csv outputs/mentions.csv outputs/errors.csv &: $(INSTALLED) $(SOURCES) $(KNOWLEDGE) $(CORPUS)
	$(BIN)/newsevents extract corpus -o outputs

eval: outputs/events.csv
	$(BIN)/newsevents evaluate --gold corpus/gold/events.csv --pred outputs/events.csv

devset: $(INSTALLED)
	$(BIN)/newsevents extract $(DEVSET) -o build/devset --quiet
	$(BIN)/newsevents evaluate --gold $(DEVSET)/gold.csv --pred build/devset/events.csv

test: $(INSTALLED)
	$(BIN)/python -m pytest -q

clean:
	rm -rf build
