"""Storage: migrations, pragmas, and add_article round trips (no spaCy model)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from quotes.detect import DETECTOR_VERSION
from quotes.query import said_by
from quotes.store.db import open_db
from quotes.store.models import Article, Base, Person, StoredQuote
from quotes.store.repo import add_article, is_current
from quotes.store.search import is_search_table


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_migrations_create_the_schema_of_the_models(session_factory):
    engine = session_factory.kw["bind"]
    with engine.connect() as connection:
        assert {"articles", "people", "quotes", "alembic_version"} <= set(
            inspect(connection).get_table_names()
        )
        assert connection.execute(text("select version_num from alembic_version")).scalar() == "0011"
        skip_index = {"include_name": lambda name, type_, _: not is_search_table(name)}
        diff = compare_metadata(MigrationContext.configure(connection, opts=skip_index), Base.metadata)
    assert diff == []


def test_pragmas_wal_and_foreign_keys(session):
    assert session.execute(text("pragma journal_mode")).scalar() == "wal"
    assert session.execute(text("pragma foreign_keys")).scalar() == 1


def test_open_db_from_another_directory_twice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        factory = open_db("relative.db")
        with factory() as session:
            assert count(session, Article) == 0
        factory.kw["bind"].dispose()
    assert (tmp_path / "relative.db").exists()


def test_round_trip_keeps_offsets_speakers_and_fields(session_factory, article):
    body, attributions = article
    with session_factory.begin() as session:
        add_article(session, "a1", "news/a1.txt", body, attributions)

    with session_factory() as session:
        stored = session.scalar(select(Article).where(Article.doc_id == "a1"))
        assert stored.path == "news/a1.txt" and stored.text == body and len(stored.sha256) == 64
        assert len(stored.quotes) == len(attributions)
        for quote, given in zip(stored.quotes, attributions, strict=True):
            assert stored.text[quote.start : quote.end] == quote.text == given.quote.text
            assert quote.speaker_mention == given.mention
            assert quote.cue == given.cue and quote.kind == given.kind
            assert quote.paragraph == given.quote.paragraph and quote.grp == given.quote.group
            assert quote.nested is False
            assert quote.detector_version == DETECTOR_VERSION
            assert (quote.person.name if quote.person else None) == given.speaker
        names = session.scalars(select(Person.name).order_by(Person.name)).all()
        assert names == ["Derek Chollet", "Qin Gang", "Shen Dingli"]


def test_helpers_never_commit(session_factory, article):
    body, attributions = article
    with session_factory() as session:
        add_article(session, "a1", "a1.txt", body, attributions)
        session.rollback()
    with session_factory() as session:
        assert count(session, Article) == count(session, StoredQuote) == count(session, Person) == 0


def test_same_text_again_is_skipped(session_factory, article):
    body, attributions = article
    with session_factory.begin() as session:
        first = add_article(session, "a1", "a1.txt", body, attributions)
        ids = [q.id for q in first.quotes]
        when = first.ingested_at
    with session_factory.begin() as session:
        assert is_current(session, "a1", body)
        again = add_article(session, "a1", "a1.txt", body, attributions[:1])
        assert [q.id for q in again.quotes] == ids
        assert again.ingested_at == when
    with session_factory() as session:
        assert count(session, StoredQuote) == len(attributions)


def test_changed_text_replaces_the_quotes(session_factory, article, attributions):
    body, original = article
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, original)
    changed = body + "\nDerek Chollet added: “We are ready.”\n"
    with session_factory.begin() as session:
        assert not is_current(session, "a1", changed)
        add_article(session, "a1", "a1.txt", changed, attributions(changed, [("We are ready.", "Derek Chollet")]))
    with session_factory() as session:
        stored = session.scalar(select(Article).where(Article.doc_id == "a1"))
        assert stored.text == changed
        assert [q.text for q in stored.quotes] == ["We are ready."]
        assert count(session, StoredQuote) == 1 and count(session, Article) == 1


def test_one_person_across_articles(session_factory, attributions):
    one = "“First,” Qin Gang said.\n"
    two = "“Second,” said Qin Gang.\n"
    with session_factory.begin() as session:
        add_article(session, "one", "one.txt", one, attributions(one, [("First,", "Qin Gang")]))
        add_article(session, "two", "two.txt", two, attributions(two, [("Second,", "Qin Gang")]))
    with session_factory() as session:
        assert count(session, Person) == 1
        assert [r.text for r in said_by(session, "Qin Gang")] == ["First,", "Second,"]


def test_surname_finds_the_person(session_factory, article):
    body, attributions = article
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, attributions)
    with session_factory() as session:
        rows = said_by(session, "chollet")
    assert [(r.speaker, r.text) for r in rows] == [
        ("Derek Chollet", "We would very much like to get back to where we were,")
    ]
