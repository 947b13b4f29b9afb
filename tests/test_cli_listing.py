"""Listing commands share one set of rules (#14 item 5): --limit, quote ids in tables, exit 1
with one message when nothing matched whatever the format, `-` for stdout in exports."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.query import Filters, all_quotes
from quotes.store.repo import add_article

runner = CliRunner()

GUARDIAN = "“The talks were frank,” said Derek Chollet, State Department counsellor.\n"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(filled_db, session_factory, attributions):
    with session_factory.begin() as session:
        add_article(
            session, "g1", "g1.txt", GUARDIAN,
            [replace(a, role="State Department counsellor")
             for a in attributions(GUARDIAN, [("The talks were frank,", "Derek Chollet")])],
            publisher="The Guardian",
        )
    return filled_db


@pytest.mark.parametrize(
    "args, wanted",
    [
        (["who-said", "e"], 2),
        (["said-by", "Chollet"], 1),
        (["speakers"], 2),
        (["search", "the"], 1),
    ],
)
def test_limit_keeps_the_first_rows(db, args, wanted):
    result = run(*args, "--limit", wanted, "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == wanted


def test_quote_tables_show_the_ids_show_asks_for(db):
    result = run("who-said", "cold ice", "--db", db)
    (quote_id,) = [r["quote_id"] for r in json.loads(run("who-said", "cold ice", "--db", db, "-f", "json").stdout)]
    assert result.stdout.startswith(f"[{quote_id}] Qin Gang — a1, paragraph 4")
    assert run("said-by", "Qin Gang", "--db", db).stdout.startswith(f"[{quote_id}] Qin Gang")


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
@pytest.mark.parametrize(
    "args, message",
    [
        (["who-said", "hot fire"], "no stored quote contains 'hot fire'"),
        (["search", "hot fire"], "no stored quote matches 'hot fire'"),
    ],
)
def test_nothing_matched_is_exit_1_and_one_message_in_every_format(db, fmt, args, message):
    result = run(*args, "--db", db, "--format", fmt)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"Error: {message}." or result.stderr.strip().startswith(f"Error: {message}")


def test_export_to_stdout_keeps_messages_on_stderr(db):
    result = run("export", "--csv", "-", "--db", db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5 and "Wrote 5 quotes" in result.stderr
    assert list(rows[0])[-1] == "roles"
    assert {r["speaker"]: r["roles"] for r in rows if r["doc_id"] == "g1"} == {"Derek Chollet": "State Department counsellor"}


def test_only_one_export_may_go_to_stdout(db):
    result = run("export", "--csv", "-", "--jsonl", "-", "--db", db)
    assert result.exit_code == 1 and "only one" in result.stderr


def test_jsonl_export_to_stdout(db):
    result = run("export", "--jsonl", "-", "--speaker", "Chollet", "--db", db)
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["a1", "g1"]


def test_publisher_is_any_part_of_the_stored_name_in_any_case(db, session):
    kept = all_quotes(session, filters=Filters(publisher="guardian"))
    assert [q.doc_id for q in kept] == ["g1"]
    assert all_quotes(session, filters=Filters(publisher="THE GUARD")) == kept
    assert all_quotes(session, filters=Filters(publisher="times")) == []
