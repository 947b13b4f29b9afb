"""What an installed quotes needs besides its code: the migrations, an entry point, a version.

The full check (build the wheel, install it in a fresh environment, run it from
another folder) is `make wheel-check`, which `make test` runs after the suite.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import quotes
from quotes.store import db as store_db

REPO = Path(__file__).resolve().parents[1]


def test_every_subpackage_of_quotes_is_in_the_wheel():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(folder.relative_to(REPO).parts)
        for folder in (REPO / "quotes").rglob("*")
        if folder.is_dir() and any(folder.glob("*.py"))
    } | {"quotes"}
    assert on_disk <= listed
    assert {"quotes_migrations", "quotes_migrations.versions"} <= listed


def test_the_migrations_are_found_as_the_installed_package():
    folder = store_db.migrations_folder()
    assert (folder / "env.py").is_file()
    assert (folder / "versions" / "0001_initial_tables.py").is_file()


def test_a_checkout_that_was_never_installed_uses_its_own_migrations_folder(monkeypatch):
    monkeypatch.setattr(store_db, "find_spec", lambda name: None)
    assert store_db.migrations_folder() == REPO / "migrations"


def test_without_migrations_opening_a_database_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(store_db, "find_spec", lambda name: None)
    monkeypatch.setattr(store_db, "ROOT", tmp_path)
    with pytest.raises(store_db.MigrationsMissing, match="no Alembic migrations found"):
        store_db.open_db(tmp_path / "q.db")


def test_python_dash_m_quotes_prints_the_version():
    done = subprocess.run([sys.executable, "-m", "quotes", "--version"], capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"quotes {quotes.__version__}"
    assert quotes.__version__ == tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def test_the_newest_revision_read_from_the_files_is_alembics_head():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(store_db.alembic_config("sqlite://"))
    assert [store_db.newest_revision()] == script.get_heads()


def test_opening_a_database_at_the_newest_revision_does_not_import_alembic(filled_db):
    done = subprocess.run(
        [sys.executable, "-c", f"import sys; from quotes.store.db import open_db; open_db({str(filled_db)!r}); "
         "sys.exit('alembic' in sys.modules)"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
