"""`quotes fix` and `quotes articles` (#14 item 6): one quote's speaker corrected, kept across
re-ingests; stored articles listed and removed. A stand-in pipeline, no spaCy model."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from quotes import ingest as ingest_module
from quotes.cli import app
from quotes.ingest import ingest
from quotes.query import said_by, who_said
from quotes.store.models import Article, StoredQuote

from cli_results import assert_user_error
from test_ingest import fake_analyse

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(autouse=True)
def stand_in_pipeline(monkeypatch):
    monkeypatch.setattr(ingest_module, "analyse", fake_analyse)


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("“First,” said Qin Gang.\n“Second,” said Shen Dingli.\n", encoding="utf-8")
    (folder / "b.txt").write_text("“Later,” said Qin Gang.\n", encoding="utf-8")
    return folder


def quote_id(session, words: str) -> int:
    (row,) = who_said(session, words)
    return row.quote_id


def test_a_fixed_speaker_survives_a_changed_article_being_ingested_again(session_factory, db_path, news):
    ingest(session_factory, [news])
    with session_factory() as session:
        second = quote_id(session, "Second")
    assert run("fix", second, "--speaker", "Derek Chollet", "--db", db_path).stdout == f"Quote {second} is now Derek Chollet's.\n"
    (news / "a.txt").write_text("A new first line.\n“First,” said Qin Gang.\n“Second,” said Shen Dingli.\n", encoding="utf-8")
    summary = ingest(session_factory, [news])
    assert summary.articles == 1  # a.txt changed: its quotes were found again, with new ids
    with session_factory() as session:
        assert quote_id(session, "Second") != second
        assert [r.text for r in said_by(session, "Derek Chollet")] == ["Second,"]
        assert [r.text for r in said_by(session, "Shen Dingli")] == []


def test_no_speaker_takes_the_speaker_away_and_keeps_it_away(session_factory, db_path, news):
    ingest(session_factory, [news])
    with session_factory() as session:
        later = quote_id(session, "Later")
    assert run("fix", later, "--no-speaker", "--db", db_path).stdout == f"Quote {later} now has no speaker.\n"
    (news / "b.txt").write_text("“Later,” said Qin Gang.\n\n", encoding="utf-8")
    ingest(session_factory, [news])
    with session_factory() as session:
        (row,) = who_said(session, "Later")
        assert row.speaker is None
        assert [r.text for r in said_by(session, "Qin Gang")] == ["First,"]


def test_fix_needs_one_of_its_options_and_a_real_quote(filled_db):
    assert_user_error(run("fix", 1, "--db", filled_db), "--speaker NAME, or --no-speaker")
    assert_user_error(run("fix", 1, "--speaker", "X", "--no-speaker", "--db", filled_db), "--speaker NAME, or --no-speaker")
    assert_user_error(run("fix", 999, "--speaker", "X", "--db", filled_db), "no quote has id 999")


def test_articles_lists_and_removes(session_factory, db_path, news):
    ingest(session_factory, [news])
    listed = json.loads(run("articles", "--db", db_path, "--format", "json").stdout)
    assert [(a["doc_id"], a["quotes"]) for a in listed] == [("a", 2), ("b", 1)]
    assert all(a["analysis_version"] for a in listed)
    assert run("articles", "remove", "a", "--db", db_path).stdout == "Removed a and its 2 quotes.\n"
    with session_factory() as session:
        assert session.scalars(select(Article.doc_id)).all() == ["b"]
        assert session.scalar(select(func.count()).select_from(StoredQuote)) == 1
        assert who_said(session, "First") == []  # gone from the indexes too
    assert_user_error(run("articles", "remove", "a", "--db", db_path), "no stored article has doc_id 'a'")
    assert ingest(session_factory, [news]).articles == 1  # ingesting the file brings it back


def test_articles_of_an_empty_database_is_an_empty_list(db_path, session_factory):
    result = run("articles", "--db", db_path, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
