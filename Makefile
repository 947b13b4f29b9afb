# Everything runs inside .venv, made from pyproject.toml on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= quotes.db

.PHONY: setup demo test wheel-check wheel-check-all bench-probes train-resolver train-ranker bench-accuracy bench-check bench-speed bench-profile bench-dask bench-queries bench-linear bench-startup audit clean

$(BIN)/quotes: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/quotes  ## make the virtual environment and install quotes into it

demo: setup  ## ingest seeds/ into $(DB) and show who said what
	$(BIN)/quotes ingest seeds/ --db $(DB)
	$(BIN)/quotes speakers --db $(DB)
	$(BIN)/quotes who-said "cold ice" --db $(DB)

test: setup  ## run the test suite, then the wheel check
	$(BIN)/python -m pytest -q
	$(MAKE) wheel-check

wheel-check: setup  ## build the wheel, install it in a fresh venv outside the checkout, run ingest/who-said/check/export on seeds/ from another folder
	.ci/wheel-check $(PYTHON)

# every Python 3.11-3.13 this machine has (pyenv's included)
PYTHONS ?= $(foreach v,3.11 3.12 3.13,$(firstword $(wildcard $(HOME)/.pyenv/versions/$(v).*/bin/python$(v)) $(shell command -v python$(v))))
wheel-check-all: setup  ## the wheel check once per Python 3.11-3.13 found here
	for python in $(PYTHONS); do .ci/wheel-check $$python || exit 1; done

bench-accuracy: setup  ## score extraction on the seeds, PolNeAR-train (840 articles) and news-dev (in-sample for the resolver: see make train-resolver for held-out figures)
	mkdir -p out
	$(BIN)/quotes extract seeds/*.txt --format jsonl > out/pred-seeds.jsonl
	$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/eval/seeds/gold.jsonl out/pred-seeds.jsonl
	$(BIN)/quotes extract $(SHARED)/eval/polnear-train/docs/*.txt --format jsonl > out/pred-polnear-train.jsonl
	$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/eval/polnear-train/gold.jsonl out/pred-polnear-train.jsonl
	$(BIN)/quotes extract $(SHARED)/eval/news-dev/docs/*.txt --format jsonl > out/pred-news-dev.jsonl
	$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/eval/news-dev/gold.jsonl out/pred-news-dev.jsonl

bench-probes: setup  ## score extraction on bench/probes: made-up articles in styles news-dev lacks (dev: studied; test: held back, read its score only)
	mkdir -p out
	$(BIN)/quotes extract bench/probes/dev/*.txt --format jsonl > out/pred-probes-dev.jsonl
	$(PYTHON) $(SHARED)/eval/score.py bench/probes/dev-gold.jsonl out/pred-probes-dev.jsonl --docs bench/probes/dev
	$(BIN)/quotes extract bench/probes/test/*.txt --format jsonl > out/pred-probes-test.jsonl
	$(PYTHON) $(SHARED)/eval/score.py bench/probes/test-gold.jsonl out/pred-probes-test.jsonl --docs bench/probes/test

train-resolver: setup  ## learn the speaker resolver (quotes/attribute/resolver.*) from PolNeAR-train and news-dev, printing its 5-fold cross-validated scores
	$(BIN)/python bench/train_resolver.py

train-ranker: setup  ## learn quotes/ranker.json (the pronoun ranker) from PolNeAR-train, with its 5-fold cross-validation
	$(BIN)/python bench/train_ranker.py

bench-check: setup  ## time `quotes check`: a 50-quotation draft against 100,000 synthetic quotes
	$(BIN)/python bench/check_speed.py

N ?= 1000
ROUNDS ?= 1
bench-speed: setup  ## ingest N articles and compare with the bare spaCy pipeline: make bench-speed N=1000
	$(BIN)/python bench/ingest_speed.py --articles $(N) --workers 2 --rounds $(ROUNDS) --docs $(SHARED)/eval/polnear-train/docs

bench-profile: setup  ## one-process ingest of the PolNeAR training articles (all, or N=100), each part timed, beside the bare spaCy pipeline in the same run
	$(BIN)/python bench/profile_ingest.py --docs $(SHARED)/eval/polnear-train/docs $(if $(filter command line,$(origin N)),--articles $(N))

bench-dask: setup  ## ingest N articles in one process, then with the NLP on a 2-worker local Dask cluster: make bench-dask N=300
	$(BIN)/python bench/ingest_speed.py --articles $(N) --dask 2 --no-bare --docs $(SHARED)/eval/polnear-train/docs

bench-queries: setup  ## time who-said, said-by, search and export on 1,000,000 synthetic quotes (QDB=path keeps the database)
	$(BIN)/python bench/query_speed.py $(if $(QDB),--db $(QDB))

bench-linear: setup  ## time `quotes extract` on one article of 250 KB, 500 KB and 1 MB of real quotes (linear growth?)
	$(BIN)/python bench/linear_time.py --docs $(SHARED)/eval/polnear-train/docs $(if $(PROFILE),--profile)

AUDIT_SEED ?= 13
audit: setup  ## ingest PolNeAR train, news-dev and the seeds into out/audit.db; list speaker entries that are not names; write out/audit-sample.tsv for a hand check
	$(BIN)/python bench/audit_speakers.py --workers 2 --seed $(AUDIT_SEED)

bench-startup: setup  ## time `quotes --help` and the query commands as new processes (best and median of 15, and CPU time)
	$(BIN)/python bench/startup_speed.py

clean:
	rm -rf $(VENV) *.egg-info $(DB) $(DB)-wal $(DB)-shm
