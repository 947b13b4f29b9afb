"""Running ingest again: nothing duplicated, changes replaced whole, people kept, locks waited for.

The pipeline is the stand-in from test_ingest.py; no spaCy model.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import func, select, text

from quotes import ingest as ingest_module
from quotes.ingest import ingest
from quotes.store import db as db_module
from quotes.store.db import open_db, write_transaction
from quotes.store.errors import DatabaseBusy
from quotes.store.models import Article, Person, StoredQuote
from tests.test_ingest import fake_analyse


@pytest.fixture(autouse=True)
def stand_in_pipeline(monkeypatch):
    monkeypatch.setattr(ingest_module, "analyse", fake_analyse)


@pytest.fixture
def folder(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("“First,” said Qin Gang.\n“Second,” said Shen Dingli.\n", encoding="utf-8")
    (news / "b.txt").write_text("“Later,” said Qin Gang.\n", encoding="utf-8")
    return news


def contents(factory) -> list[tuple]:
    """Everything stored, ids included: a second run must not change even those."""
    with factory() as session:
        rows = session.execute(
            select(Article.doc_id, Article.sha256, StoredQuote.id, StoredQuote.text, Person.name)
            .join(StoredQuote, StoredQuote.article_id == Article.id)
            .outerjoin(Person, StoredQuote.person_id == Person.id)
            .order_by(StoredQuote.id)
        )
        return [tuple(r) for r in rows]


def test_a_second_run_changes_nothing(session_factory, folder):
    ingest(session_factory, [folder])
    before = contents(session_factory)
    summary = ingest(session_factory, [folder])
    assert (summary.articles, summary.skipped) == (0, 2)
    assert contents(session_factory) == before


def test_a_failure_while_replacing_keeps_the_old_version_whole(session_factory, folder, monkeypatch):
    ingest(session_factory, [folder])
    before = contents(session_factory)
    (folder / "a.txt").write_text("“Changed,” said Qin Gang.\n", encoding="utf-8")

    real_add = ingest_module.add_articles

    def add_then_fail(session, *args, **kwargs):
        real_add(session, *args, **kwargs)  # old quotes deleted, new ones written
        raise RuntimeError("power cut")

    monkeypatch.setattr(ingest_module, "add_articles", add_then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        ingest(session_factory, [folder])
    assert contents(session_factory) == before


def test_corrections_to_people_survive_reingest(session_factory, folder):
    """Renames are done by hand here (the people commands are not built yet)."""
    ingest(session_factory, [folder])
    with session_factory.begin() as session:
        session.execute(text("UPDATE people SET name = 'Shen Dingli (expert)' WHERE name = 'Shen Dingli'"))
    (folder / "b.txt").write_text("“Sooner,” said Qin Gang.\n", encoding="utf-8")
    ingest(session_factory, [folder])
    (folder / "a.txt").write_text("“Only this,” said Qin Gang.\n", encoding="utf-8")
    ingest(session_factory, [folder])
    with session_factory() as session:
        names = session.scalars(select(Person.name).order_by(Person.name)).all()
        assert names == ["Qin Gang", "Shen Dingli (expert)"]  # kept, though no quote is left
        assert session.scalar(select(func.count()).select_from(StoredQuote)) == 2


def hold_write_lock(path, seconds: float) -> threading.Thread:
    """Another connection that takes the write lock and keeps it for `seconds`."""
    ready = threading.Event()

    def run():
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        ready.set()
        threading.Event().wait(seconds)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    ready.wait()
    return thread


def test_a_busy_database_is_waited_for_then_retried(db_path, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_SECONDS", 0.05)  # give up waiting fast, so the retry runs
    factory = open_db(db_path)
    holder = hold_write_lock(db_path, 0.3)
    write_transaction(factory, lambda s: s.execute(text("INSERT INTO people (name) VALUES ('X')")))
    holder.join()
    with factory() as session:
        assert session.scalars(select(Person.name)).all() == ["X"]
    factory.kw["bind"].dispose()


def test_a_database_locked_for_too_long_is_a_clear_error(db_path, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_SECONDS", 0.01)
    factory = open_db(db_path)
    holder = hold_write_lock(db_path, 0.6)
    with pytest.raises(DatabaseBusy, match="test.db stayed locked by another process"):
        write_transaction(factory, lambda s: s.execute(text("SELECT 1")), attempts=2)
    holder.join()
    factory.kw["bind"].dispose()
