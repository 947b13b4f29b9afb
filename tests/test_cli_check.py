"""`quotes check DRAFT` through typer's CliRunner: JSON, the report and exit codes.

The fast tests hand-attribute the draft (no model); the `model` ones run the
issue's draft against the seeds.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from drafts import DRAFT, EXPECTED, seed_database
from quotes.analysis import Analysis
from quotes.cli import app
from cli_results import assert_user_error

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["check", *map(str, args)])



@pytest.fixture
def draft(tmp_path, monkeypatch, attributions):
    """Write a draft whose quotations are attributed by hand, not by the model."""

    def write(text: str, quotes: list[tuple], name: str = "draft.md"):
        monkeypatch.setattr("quotes.check.analyse", lambda texts: (Analysis(t, attributions(t, quotes), []) for t in texts))
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


# --- without the model -------------------------------------------------------


def test_help():
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0 and "--db" in result.stdout and "--format" in result.stdout


def test_all_verified_exits_0(filled_db, draft):
    path = draft("**Qin Gang** said that “relations have hit the cold ice”.\n", [("relations have hit the cold ice", "Qin Gang")])
    result = run(path, "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("draft.md: 1 quotation — 1 verified, 0 altered")
    assert "VERIFIED (1)" in result.stdout and "(a1)" in result.stdout


def test_json_has_one_object_per_quotation_and_exits_1_on_a_problem(filled_db, draft):
    text = "“Relations have hit the warm ice,” Qin Gang said. Blinken said “no”.\n"
    path = draft(text, [("Relations have hit the warm ice,", "Qin Gang"), ("no", "Antony Blinken")])
    result = run(path, "--db", filled_db, "--format", "json")
    assert result.exit_code == 1, result.output
    altered, unverified = json.loads(result.stdout)
    assert {"text", "speaker", "verdict", "source"} <= set(altered)
    assert altered["verdict"] == "altered" and altered["speaker"] == "Qin Gang"
    assert altered["source"]["text"] == "relations have hit the cold ice"
    assert altered["source"]["speaker"] == "Qin Gang" and altered["source"]["article"] == "a1"
    assert {"op": "replace", "original": "cold", "draft": "warm"} in altered["diff"]
    assert unverified["verdict"] == "unverified" and unverified["source"] is None


def test_the_report_puts_problems_first_with_the_original(filled_db, draft):
    text = "“Contacts are returning to the right track,” Qin Gang said. Shen said “hit the warm ice”.\n"
    path = draft(text, [("Contacts are returning to the right track,", "Qin Gang"), ("hit the warm ice", "Shen")])
    result = run(path, "--db", filled_db)
    assert result.exit_code == 1
    out = result.stdout
    assert out.index("ALTERED (1)") < out.index("MISATTRIBUTED (1)")
    assert "diff      hit the [-cold-] {+warm+} ice" in out
    assert "original  Qin Gang in a1: “relations have hit the cold ice”" in out
    assert "said by   Shen Dingli in a1" in out


def test_a_draft_without_quotations_says_so(filled_db, draft):
    result = run(draft("Nothing quoted here.\n", []), "--db", filled_db)
    assert result.exit_code == 0 and result.stdout.strip() == f"No quotations found in {result.stdout.split()[-1][:-1]}."
    assert run(draft("Nothing.\n", []), "--db", filled_db, "-f", "json").stdout.strip() == "[]"


def test_an_empty_draft_is_an_error(filled_db, draft):
    assert_user_error(run(draft("  \n", []), "--db", filled_db), "is empty")


def test_missing_unsupported_and_no_database(filled_db, tmp_path, draft):
    assert_user_error(run(tmp_path / "missing.txt", "--db", filled_db), "no such draft")
    assert_user_error(run(tmp_path / "draft.pdf", "--db", filled_db), "drafts are .txt")
    path = draft("“x,” he said.\n", [("x,", None)], name="d.txt")
    assert_user_error(run(path, "--db", tmp_path / "none.db"), "no database")


# --- with the real pipeline --------------------------------------------------


@pytest.mark.model
def test_the_issue_draft_as_json(tmp_path):
    db = seed_database(tmp_path / "quotes.db")
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = run(path, "--db", db, "--format", "json")
    assert result.exit_code == 1, result.output
    rows = json.loads(result.stdout)
    assert [r["verdict"] for r in rows] == EXPECTED
    assert rows[3]["source"]["speaker"] == "Patricia Kim"
