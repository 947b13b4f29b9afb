"""`quotes --help` and the query commands answer at once: they never import spaCy, pandas, Dask or Datasette,
nor the SQLAlchemy ORM or Alembic (a query reads Core tables from a database already at the newest schema),
nor pydantic (quotes.cli_params converts their values).

Each check runs in a fresh interpreter, since this one has imported everything.
Timings are in BENCHMARKS.md (`make bench-startup`).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "pandas", "pyarrow", "dask", "distributed", "datasette", "lightgbm")
WRITING = ("sqlalchemy.orm", "alembic")  # ingest, fix, people merge; opening a database at the newest schema needs neither
PYDANTIC = ("pydantic",)  # Typer's for values that are not plain (paths, lists): quotes.cli_params


def imported_after(code: str, modules: tuple[str, ...] = HEAVY) -> list[str]:
    """Which of `modules` (the heavy ones) a fresh Python has imported after running `code`."""
    script = f"{code}\nimport sys, json\nprint(json.dumps([m for m in {modules!r} if m in sys.modules]))"
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
        ["articles"],
    ],
    ids=lambda a: a[0],
)
def test_query_commands_import_no_heavy_library(args, filled_db):
    command = run_command(*args, *(["--db", str(filled_db)] if not args[0].startswith("--") else []))
    assert imported_after(command, HEAVY + WRITING + PYDANTIC) == []


def test_export_imports_pandas_only_when_run(filled_db, tmp_path):
    loaded = imported_after(run_command("export", "--csv", str(tmp_path / "q.csv"), "--db", str(filled_db)), HEAVY + WRITING)
    assert "pandas" in loaded and "spacy" not in loaded and "sqlalchemy.orm" not in loaded


def test_the_cli_and_ingest_agree_on_the_batch_size():
    from quotes import cli, ingest

    assert cli.BATCH_SIZE == ingest.BATCH_SIZE


@pytest.mark.parametrize(
    "args", [["fix", "1", "--no-speaker"], ["people", "rename", "Nobody Here", "Someone Else"]], ids=lambda a: a[0]
)
def test_corrections_read_names_without_spacy(args, filled_db):
    """fix and people merge|rename run the name rules, which are word lists: no model needed."""
    assert imported_after(run_command(*args, "--db", str(filled_db))) == []


def test_export_refuses_bad_arguments_before_importing_pandas(tmp_path):
    assert imported_after(run_command("export")) == []  # no target
    assert imported_after(run_command("export", "--csv", "q.csv", "--db", str(tmp_path / "none.db"))) == []


def program(*args: str) -> subprocess.CompletedProcess:
    """`python -m quotes ARGS` as a user runs it: through quotes.cli.main."""
    return subprocess.run([sys.executable, "-m", "quotes", *args], capture_output=True, text=True)


def test_the_program_ends_with_its_databases_closed(filled_db, session_factory):
    """main skips the last garbage collection, so it closes what the command opened itself:
    SQLite then checkpoints and removes the write-ahead log, as at any clean close."""
    session_factory.kw["bind"].dispose()  # this test's own connection would keep the log
    done = program("fix", "1", "--no-speaker", "--db", str(filled_db))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in filled_db.parent.glob(filled_db.name + "*")) == [filled_db.name]
    assert program("who-said", "cold", "--db", str(filled_db)).returncode == 0
    assert sorted(p.name for p in filled_db.parent.glob(filled_db.name + "*")) == [filled_db.name]


def test_the_program_keeps_the_commands_exit_code(filled_db):
    missing = program("who-said", "no such words anywhere", "--db", str(filled_db))
    assert missing.returncode == 1 and "no stored quote contains" in missing.stderr
