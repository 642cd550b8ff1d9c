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

.PHONY: events eval devset test bench report figures browser install clean

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

test: $(INSTALLED) browser
	$(BIN)/python -m pytest -q

# Debian's chromium for the test that opens the HTML report (needs root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium could not be installed: the browser test will be skipped"

outputs/report.html: outputs/events.csv corpus/gold/events.csv
	$(BIN)/newsevents report outputs --gold corpus/gold/events.csv

report: outputs/report.html

figures: outputs/events.csv corpus/gold/events.csv
	$(BIN)/newsevents figures outputs --gold corpus/gold/events.csv

BENCH_SIZES ?= 100,1000,10000
bench: $(INSTALLED)
	$(BIN)/newsevents bench --sizes $(BENCH_SIZES) --workers 1,2

clean:
	rm -rf build
