"""Ingest with a stand-in pipeline, so no spaCy model is needed."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from quotes import ingest as ingest_module
from quotes.analysis import Analysis
from quotes.ingest import ingest, iter_files
from quotes.records import Attribution, Quote
from quotes.store.models import Article, StoredQuote

QUOTE = re.compile(r"“([^”]*)”,? (?:said )?([A-Z]\w+ [A-Z]\w+)?")


def fake_analyse(articles, **_options):
    """Quotes between curly marks, spoken by the capitalised pair of words after them."""
    for article in articles:
        text = article.text
        yield Analysis(article, [
            Attribution(
                Quote(m.start(1), m.end(1), m.group(1), text.count("\n", 0, m.start()), i),
                m.group(2),
            )
            for i, m in enumerate(QUOTE.finditer(text))
        ], [])


@pytest.fixture(autouse=True)
def stand_in_pipeline(monkeypatch):
    monkeypatch.setattr(ingest_module, "analyse", fake_analyse)


@pytest.fixture
def folder(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "b.txt").write_text("“Later,” said Qin Gang.\n", encoding="utf-8")
    (news / "a.txt").write_text("“First,” said Qin Gang.\n“Second,” said Shen Dingli.\n", encoding="utf-8")
    (news / "notes.md").write_text("“Ignored,” said Some One.\n", encoding="utf-8")
    return news


def test_iter_files_expands_folders_sorted(folder):
    assert [p.name for p in iter_files([folder])] == ["a.txt", "b.txt"]
    assert list(iter_files([folder / "notes.md"])) == [folder / "notes.md"]
    with pytest.raises(FileNotFoundError):
        list(iter_files([folder / "missing.txt"]))


def test_ingest_stores_and_summarises(session_factory, folder):
    seen = []
    summary = ingest(session_factory, [folder], progress=seen.append)
    assert (summary.articles, summary.quotes, summary.speakers, summary.skipped) == (2, 3, 2, 0)
    assert summary.failed == [] and [p.name for p in seen] == ["a.txt", "b.txt"]
    with session_factory() as session:
        assert session.scalars(select(Article.doc_id).order_by(Article.doc_id)).all() == ["a", "b"]


def test_ingest_again_skips_unchanged_and_replaces_changed(session_factory, folder):
    ingest(session_factory, [folder])
    (folder / "b.txt").write_text("“Sooner,” said Qin Gang.\n", encoding="utf-8")
    summary = ingest(session_factory, [folder])
    assert (summary.articles, summary.quotes, summary.skipped) == (1, 1, 1)
    with session_factory() as session:
        texts = session.scalars(select(StoredQuote.text).order_by(StoredQuote.text)).all()
    assert texts == ["First,", "Second,", "Sooner,"]


def test_unreadable_file_fails_alone(session_factory, folder):
    (folder / "c.txt").write_bytes(b"\xff\xfe not utf-8 \x80")
    summary = ingest(session_factory, [folder])
    assert summary.articles == 2
    assert [f.path.name for f in summary.failed] == ["c.txt"]
    assert "not UTF-8" in summary.failed[0].reason
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 2


def test_missing_path_fails_before_any_work(session_factory, folder):
    with pytest.raises(FileNotFoundError):
        ingest(session_factory, [folder, folder / "missing.txt"])
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 0
