"""`quotes people merge|rename` and `quotes speakers` over hand-made records (no model)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.store.repo import add_article

runner = CliRunner()


def run(*args) -> object:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(session_factory, db_path, article):
    body, given = article
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, given)
    return db_path


def people(db) -> dict[str, dict]:
    result = run("speakers", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return {p["name"]: p for p in json.loads(result.stdout)}


def test_speakers_json_has_name_aliases_roles_and_quotes(db):
    shen = people(db)["Shen Dingli"]
    assert shen == {"name": "Shen Dingli", "quotes": 1, "aliases": [], "roles": [], "type": "person",
                    "partial_in": None}


def test_merge_then_reingest_keeps_the_merge(db, session_factory, article):
    result = run("people", "merge", "Shen Dingli", "Qin Gang", "--db", db)
    assert result.exit_code == 0 and "Merged Shen Dingli into Qin Gang" in result.stdout
    body, given = article
    with session_factory.begin() as session:  # the article again, changed: its quotes are stored anew
        add_article(session, "a1", "a1.txt", body + "\nMore.\n", given)
    found = people(db)
    assert set(found) == {"Derek Chollet", "Qin Gang"}
    assert found["Qin Gang"]["quotes"] == 2 and "Shen Dingli" in found["Qin Gang"]["aliases"]


def test_rename_keeps_the_old_name_as_an_alias(db):
    assert run("people", "rename", "Chollet", "Derek H. Chollet", "--db", db).exit_code == 0
    found = people(db)
    assert "Derek Chollet" in found["Derek H. Chollet"]["aliases"]
    assert run("said-by", "Derek H. Chollet", "--db", db).exit_code == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["merge", "Nobody", "Qin Gang"], "no person is called 'Nobody'"),
        (["merge", "Qin Gang", "Qin Gang"], "already one person"),
        (["rename", "Qin Gang", "Shen Dingli"], "use `quotes people merge`"),
    ],
)
def test_corrections_that_cannot_be_made_are_one_line(db, args, words):
    result = run("people", *args, "--db", db)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.count("\n") == 1 and words in result.stderr


@pytest.mark.parametrize("command", ["merge", "rename"])
def test_people_commands_have_help(command):
    result = run("people", command, "--help")
    assert result.exit_code == 0 and "--db" in result.stdout
