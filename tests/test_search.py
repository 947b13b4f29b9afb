"""Full-text search with filters, and one quote by id (hand-made records, no model)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.query import Filters, UnknownPerson, UnknownQuote, match_expression, quote, search
from quotes.store.repo import add_article

SCMP = "“Relations have hit the cold ice,” Qin Gang said.\n“Taiwan is a red line,” said Shen Dingli.\n"
CNN = "“The ice is cold, but talks go on,” said Derek Chollet.\n“Cold war thinking must end,” Qin Gang said.\n"


@pytest.fixture
def stored(session_factory, attributions):
    with session_factory.begin() as session:
        add_article(session, "scmp-1", "scmp.txt", SCMP, attributions(SCMP, [
            ("Relations have hit the cold ice,", "Qin Gang"), ("Taiwan is a red line,", "Shen Dingli"),
        ]), publisher="SCMP", published="2023-06-18", title="Talks")
        add_article(session, "cnn-1", "cnn.txt", CNN, attributions(CNN, [
            ("The ice is cold, but talks go on,", "Derek Chollet"), ("Cold war thinking must end,", "Qin Gang"),
        ]), publisher="CNN", published="2024-01-05")
    return session_factory


def texts(rows) -> list[str]:
    return [r.text for r in rows]


def test_words_in_any_order_and_case_ranked(stored):
    with stored() as session:
        assert set(texts(search(session, "ICE cold"))) == {
            "Relations have hit the cold ice,", "The ice is cold, but talks go on,",
        }


def test_a_phrase_keeps_its_words_together(stored):
    with stored() as session:
        assert texts(search(session, '"cold ice"')) == ["Relations have hit the cold ice,"]


def test_a_prefix(stored):
    with stored() as session:
        assert texts(search(session, "think*")) == ["Cold war thinking must end,"]


@pytest.mark.parametrize(("given", "kept"), [
    (Filters(speaker="Qin Gang"), ["Relations have hit the cold ice,", "Cold war thinking must end,"]),
    (Filters(speaker="chollet"), ["The ice is cold, but talks go on,"]),
    (Filters(publisher="scmp"), ["Relations have hit the cold ice,"]),
    (Filters(article="cnn-1"), ["The ice is cold, but talks go on,", "Cold war thinking must end,"]),
    (Filters(since=date(2024, 1, 1)), ["The ice is cold, but talks go on,", "Cold war thinking must end,"]),
    (Filters(until=date(2023, 12, 31)), ["Relations have hit the cold ice,"]),
])
def test_filters(stored, given, kept):
    with stored() as session:
        assert sorted(texts(search(session, "cold", given))) == sorted(kept)


def test_rows_carry_the_article_and_its_paragraph(stored):
    with stored() as session:
        (row,) = search(session, "Taiwan")
    assert (row.speaker, row.publisher, row.published, row.title) == ("Shen Dingli", "SCMP", "2023-06-18", "Talks")
    assert row.context == "“Taiwan is a red line,” said Shen Dingli."


def test_operators_are_only_words(stored):
    assert match_expression('cold OR "hit the" ice* NEAR(') == '"cold" AND "OR" AND "hit the" AND "ice"* AND "NEAR"'
    with stored() as session:
        assert search(session, "  ") == [] and search(session, '"" ( )') == []
        assert search(session, "cold OR taiwan") == []  # OR is a word here, and no quote holds it


def test_unknown_speaker_and_quote(stored):
    with stored() as session:
        with pytest.raises(UnknownPerson):
            search(session, "cold", Filters(speaker="Nobody"))
        with pytest.raises(UnknownQuote):
            quote(session, 999)
        first = search(session, "Taiwan")[0]
        assert quote(session, first.quote_id) == first


# --- the commands ----------------------------------------------------------------

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(stored, db_path, monkeypatch):
    monkeypatch.delenv("QUOTES_DB", raising=False)
    return db_path


def test_search_json_with_filters(db):
    result = run("search", "cold", "--speaker", "Qin", "--since", "2024-01-01", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(r["speaker"], r["publisher"]) for r in json.loads(result.stdout)] == [("Qin Gang", "CNN")]


def test_search_table_and_csv(db):
    table = run("search", "cold ice", "--db", db)
    assert table.exit_code == 0 and "Qin Gang — scmp-1 (SCMP, 2023-06-18)" in table.stdout
    csv = run("search", "taiwan", "--db", db, "--format", "csv")
    header, line = csv.stdout.splitlines()
    assert header.startswith("quote_id,doc_id,start,end,text,speaker") and "Shen Dingli" in line


def test_search_without_a_match_is_one_line(db):
    result = run("search", "hot fire", "--db", db)
    assert result.exit_code == 1 and "no stored quote matches 'hot fire'" in result.stderr
    assert run("search", "cold", "--since", "June 2023", "--db", db).exit_code == 2  # typer: bad date


def test_show_prints_the_paragraph(db):
    found = json.loads(run("search", "taiwan", "--db", db, "--format", "json").stdout)[0]
    result = run("show", found["quote_id"], "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["Shen Dingli (named, cue: -)", "scmp-1, paragraph 1 — Talks · SCMP · 2023-06-18"]
    assert "“Taiwan is a red line,” said Shen Dingli." in result.stdout
    missing = run("show", 999, "--db", db)
    assert missing.exit_code == 1 and "no quote has id 999" in missing.stderr


def test_export_with_filters_to_every_format(db, tmp_path):
    out = {fmt: tmp_path / f"q.{fmt}" for fmt in ("csv", "jsonl", "parquet")}
    result = run("export", "--speaker", "Qin", "--since", "2024-01-01", "--db", db,
                 "--csv", out["csv"], "--jsonl", out["jsonl"], "--parquet", out["parquet"])
    assert result.exit_code == 0 and result.stdout.startswith("Wrote 1 quotes to "), result.output
    assert [json.loads(line)["text"] for line in out["jsonl"].read_text(encoding="utf-8").splitlines()] == [
        "Cold war thinking must end,"
    ]
    assert out["csv"].exists() and out["parquet"].exists()
    nowhere = run("export", "--db", db)
    assert nowhere.exit_code == 1 and "--csv FILE, --jsonl FILE or --parquet FILE" in nowhere.stderr
