"""`quotes --help` and the query commands answer at once: they never import spaCy, pandas, Dask or Datasette.

Each check runs in a fresh interpreter, since this one has imported everything.
Timings are in BENCHMARKS.md (`make bench-startup`).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "pandas", "pyarrow", "dask", "distributed", "datasette", "lightgbm")


def imported_after(code: str) -> list[str]:
    """The heavy modules a fresh Python has imported after running `code`."""
    script = f"{code}\nimport sys, json\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_command(*args: str) -> str:
    return f"from quotes.cli import app\ntry:\n    app({list(args)!r})\nexcept SystemExit:\n    pass"


def test_importing_the_cli_imports_no_heavy_library():
    assert imported_after("import quotes.cli") == []


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["who-said", "cold ice"],
        ["said-by", "Qin Gang"],
        ["speakers"],
        ["search", "cold"],
        ["show", "1"],
    ],
    ids=lambda a: a[0],
)
def test_query_commands_import_no_heavy_library(args, filled_db):
    assert imported_after(run_command(*args, *(["--db", str(filled_db)] if not args[0].startswith("--") else []))) == []


def test_export_imports_pandas_only_when_run(filled_db, tmp_path):
    loaded = imported_after(run_command("export", "--csv", str(tmp_path / "q.csv"), "--db", str(filled_db)))
    assert "pandas" in loaded and "spacy" not in loaded


def test_the_cli_and_ingest_agree_on_the_batch_size():
    from quotes import cli, ingest

    assert cli.BATCH_SIZE == ingest.BATCH_SIZE
