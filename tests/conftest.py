"""Shared fixtures: a fresh migrated database per test, hand-made attributions,
and a PostgreSQL server for the tests that need one (started once, when first asked for)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

import pg_server
from quotes.records import Attribution, Quote
from quotes.store.db import open_db
from quotes.store.repo import add_article


@pytest.fixture(autouse=True)
def no_env_db(monkeypatch):
    """Tests never read a database named in the environment."""
    monkeypatch.delenv("QUOTES_DB", raising=False)


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_server.Server]:
    """A PostgreSQL server of our own on a free local port; installed with apt-get if missing.

    Skips the tests that use it, saying why, only where PostgreSQL can be neither found nor installed.
    """
    try:
        server = pg_server.start()
    except pg_server.Unavailable as reason:
        pytest.skip(f"no PostgreSQL server for these tests: {reason}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres) -> str:
    """The URL of a new, empty database on that server."""
    return postgres.create_database()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.db"


@pytest.fixture
def session_factory(db_path) -> Iterator[sessionmaker[Session]]:
    factory = open_db(db_path)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def session(session_factory) -> Iterator[Session]:
    with session_factory() as session:
        yield session


def _attributions(text: str, quotes: list[tuple]) -> list[Attribution]:
    """Attributions for `(quoted words, speaker[, mention, cue, kind])`, offsets found in `text`."""
    out = []
    group = 0
    for words, speaker, *rest in quotes:
        start = text.index(words)
        paragraph = text.count("\n", 0, start)
        quote = Quote(start=start, end=start + len(words), text=words, paragraph=paragraph, group=group)
        mention, cue, kind = (rest + [None, None, None])[:3]
        out.append(
            Attribution(quote=quote, speaker=speaker, mention=mention, cue=cue, kind=kind or "named")
        )
        group += 1
    return out


@pytest.fixture
def attributions() -> Callable[[str, list[tuple]], list[Attribution]]:
    return _attributions


ARTICLE = (
    "Talks resume\n"
    "\n"
    "    “We would very much like to get back to where we were,” Derek Chollet said.\n"
    "\n"
    "Chinese Foreign Minister Qin Gang said that “relations have hit the cold ice”.\n"
    "\n"
    "“Contacts are returning to the right track,” said Shen Dingli, an expert.\n"
    "\n"
    "A senior official said the trip was “a chance to talk”.\n"
)

ARTICLE_QUOTES = [
    ("We would very much like to get back to where we were,", "Derek Chollet", "Derek Chollet", "said"),
    ("relations have hit the cold ice", "Qin Gang", "Chinese Foreign Minister Qin Gang", "said"),
    ("Contacts are returning to the right track,", "Shen Dingli", "Shen Dingli", "said"),
    ("a chance to talk", None, "A senior official", "said", "description"),
]


@pytest.fixture
def article() -> tuple[str, list[Attribution]]:
    """A short article and its attributed quotes, as the pipeline would give them."""
    return ARTICLE, _attributions(ARTICLE, ARTICLE_QUOTES)


@pytest.fixture
def filled_db(session_factory, db_path, article):
    """A database file holding the hand-made `article` as "a1"."""
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", *article)
    return db_path


def detector_only(articles, **_options):
    """The pipeline without the model: every quotation, no speaker, and the detector's warnings."""
    from quotes.analysis import Analysis, text_of
    from quotes.detect import find_quotes

    for article in articles:
        found = find_quotes(text_of(article))
        yield Analysis(article, [Attribution(quote, None) for quote in found.quotes], found.warnings)


@pytest.fixture
def detector_only_ingest(monkeypatch):
    """Ingest and extract with `detector_only` for the pipeline: tests of reading and storing, in milliseconds."""
    from quotes import extract, ingest

    monkeypatch.setattr(ingest, "analyse", detector_only)
    monkeypatch.setattr(extract, "analyse", detector_only)
