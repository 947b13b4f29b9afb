"""The `quotes` command through typer's CliRunner.

Tests marked `model` run the real spaCy pipeline over the seed articles; the
others use hand-made records and stay fast.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from quotes.analysis import Analysis
from quotes.cli import app
from quotes.store.db import open_db
from quotes.store.models import StoredQuote
from quotes.store.repo import add_article
from cli_results import assert_user_error

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
COMMANDS = ["ingest", "extract", "who-said", "said-by", "speakers", "export", "search", "show", "serve"]

runner = CliRunner()


def run(*args: str, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)



# --- without the model -------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_db_where_needed(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "--help" in result.stdout
    assert ("--db" in result.stdout) == (command != "extract")


def test_who_said_table(filled_db):
    result = run("who-said", "cold ICE", "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert "Qin Gang — a1" in result.stdout
    assert "Chinese Foreign Minister Qin Gang said that “relations have hit the cold ice”." in result.stdout


def test_said_by_jsonl(filled_db):
    result = run("said-by", "shen", "--db", filled_db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["speaker"] == "Shen Dingli" and row["text"] == "Contacts are returning to the right track,"


def test_speakers_and_db_from_environment(filled_db):
    result = run("speakers", env={"QUOTES_DB": str(filled_db)})
    assert result.exit_code == 0, result.output
    assert [line.split(maxsplit=1) for line in result.stdout.splitlines()] == [
        ["1", "Derek Chollet"], ["1", "Qin Gang"], ["1", "Shen Dingli"],
    ]


def test_default_db_is_in_the_working_directory(tmp_path, monkeypatch, article):
    monkeypatch.chdir(tmp_path)
    factory = open_db("quotes.db")
    with factory.begin() as session:
        add_article(session, "a1", "a1.txt", *article)
    factory.kw["bind"].dispose()
    result = run("speakers")
    assert result.exit_code == 0, result.output
    assert "Qin Gang" in result.stdout


def test_export_csv(filled_db, tmp_path):
    out = tmp_path / "out.csv"
    result = run("export", "--csv", out, "--db", filled_db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 4 and rows[1]["speaker"] == "Qin Gang"


def test_unknown_person(filled_db):
    assert_user_error(run("said-by", "Nobody", "--db", filled_db), "Nobody")


def test_no_match(filled_db):
    assert_user_error(run("who-said", "hot fire", "--db", filled_db), "hot fire")


def test_reading_without_a_database(tmp_path):
    missing = tmp_path / "none.db"
    assert_user_error(run("speakers", "--db", missing), "no database")
    assert not missing.exists()


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_missing_file(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert_user_error(run(command, "missing.txt"), "missing.txt")
    assert not (tmp_path / "quotes.db").exists()


def test_ingest_reports_unreadable_files_and_exits_1(tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.ingest.analyse", lambda articles, **_: (Analysis(a, [], []) for a in articles))
    (tmp_path / "good.txt").write_text("No quotes here.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x80")
    result = run("ingest", tmp_path, "--db", tmp_path / "q.db")
    assert result.stdout.startswith("Stored 1 articles, 0 quotes, 0 speakers")
    assert_user_error(result, "bad.txt is not UTF-8")


def test_export_to_an_unwritable_place(filled_db, tmp_path):
    assert_user_error(run("export", "--csv", tmp_path / "no" / "dir.csv", "--db", filled_db), "cannot write")


# --- with the real pipeline --------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeded") / "quotes.db"
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, result


@pytest.mark.model
def test_ingest_summary(seeded):
    db, result = seeded
    assert result.stdout.startswith("Stored 2 articles, ")
    again = run("ingest", SEEDS, "--db", db)
    assert again.exit_code == 0 and "Stored 0 articles, 0 quotes" in again.stdout
    assert "(2 unchanged, skipped)" in again.stdout


@pytest.mark.model
def test_who_said_cold_ice_names_qin_gang(seeded):
    db, _ = seeded
    result = run("who-said", "cold ice", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Qin Gang — 000_773a398dc513c550" in result.stdout
    assert "hit the cold ice" in result.stdout


@pytest.mark.model
def test_said_by_shen_lists_shen_dinglis_quotes(seeded):
    db, _ = seeded
    result = run("said-by", "Shen", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["speaker"] for r in rows} == {"Shen Dingli"}
    texts = " ".join(r["text"] for r in rows)
    for words in (
        "relatively frequent high-level diplomatic contacts",
        "what the two sides can do beforehand",
        "handling differences on the Taiwan issue",
    ):
        assert words in texts


@pytest.mark.model
def test_speakers_lists_counts(seeded):
    db, _ = seeded
    result = run("speakers", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    names = [r["name"] for r in rows]
    assert {"Qin Gang", "Shen Dingli", "Derek Chollet"} <= set(names)
    counts = [r["quotes"] for r in rows]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 1


@pytest.mark.model
def test_export_writes_one_row_per_quote(seeded, tmp_path):
    db, _ = seeded
    out = tmp_path / "quotes.csv"
    result = run("export", "--csv", out, "--db", db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    factory = open_db(db)
    with factory() as session:
        stored = session.scalar(select(func.count()).select_from(StoredQuote))
    factory.kw["bind"].dispose()
    assert len(rows) == stored > 0
    assert len({r["quote_id"] for r in rows}) == len(rows)


@pytest.mark.model
def test_extract_jsonl(tmp_path):
    result = run("extract", *sorted(SEEDS.glob("*.txt")), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(set(r) == {"doc_id", "start", "end", "text", "speaker", "speaker_type", "confidence"} for r in records)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in records:
        assert texts[r["doc_id"]][r["start"] : r["end"]] == r["text"]
    assert "’" in result.stdout and "\\u2019" not in result.stdout  # ensure_ascii=False
    cold = [r for r in records if "cold ice" in r["text"]]
    assert [r["speaker"] for r in cold] == ["Qin Gang"]


def test_extract_reports_a_bad_file_by_name_and_goes_on(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text('He said "hello.\n', encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    good = tmp_path / "good.txt"
    good.write_text('"We are ready," Chollet said.\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(odd), str(binary), str(good)])
    assert result.exit_code == 1
    assert f"{binary} is binary" in result.stderr
    assert f"Warning: {odd}: unpaired quotation mark" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc_id"], r["text"], r["speaker"]) for r in lines] == [("good", "We are ready,", "Chollet")]


@pytest.mark.model
def test_ingest_with_two_workers_stores_what_one_process_stores(seeded, tmp_path):
    db, _ = seeded
    two = tmp_path / "two.db"
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(two), "--workers", "2"])
    assert result.exit_code == 0, result.output

    def rows(path):
        with sqlite3.connect(path) as con:
            return con.execute(
                'SELECT a.doc_id, q.start, q."end", p.name FROM quotes q JOIN articles a ON a.id = q.article_id '
                "LEFT JOIN people p ON p.id = q.person_id ORDER BY 1, 2"
            ).fetchall()

    assert len(rows(two)) == 48
    assert rows(two) == rows(db)
