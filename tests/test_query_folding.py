"""who-said, search and check look a query up folded, on both sides (quotes.folding.query_text,
`quotes.folded`, migration 0009): glyphs, accents, case, surrounding quotation marks and
a final full stop never decide whether a quote is found."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from quotes.check import candidates
from quotes.query import search, who_said
from quotes.store.db import alembic_config, make_engine, open_db
from quotes.store.repo import add_article
from quotes.wording import parse, search_terms

ARTICLE = (
    "“We’re not giving up on the cold ice,” said Mette Sørensen.\n"
    "“Relations are œuvre-like,” said José Martí.\n"
)


@pytest.fixture
def stored(session_factory, attributions):
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", ARTICLE, attributions(ARTICLE, [
            ("We’re not giving up on the cold ice,", "Mette Sørensen"),
            ("Relations are œuvre-like,", "José Martí"),
        ]))
    with session_factory() as session:
        yield session


@pytest.mark.parametrize(
    "typed",
    ["we're not giving", "WE’RE", "“cold ice.”", '"the cold ice".', "cold ice...", "oeuvre", "ŒUVRE-LIKE"],
)
def test_who_said_finds_what_the_user_typed_however_it_is_written(stored, typed):
    assert len(who_said(stored, typed)) == 1


def test_who_said_still_needs_every_word(stored):
    assert who_said(stored, "we're winning") == []


@pytest.mark.parametrize("typed", ["“cold ice”", '"cold ice."', "WE'RE giving", "oeuvre"])
def test_search_folds_the_query_as_the_index_is_folded(stored, typed):
    assert [r.speaker for r in search(stored, typed)] == ["Mette Sørensen" if "oeuvre" not in typed else "José Martí"]


def test_curly_quotation_marks_make_a_phrase_in_search(stored):
    assert search(stored, "“ice cold”") == []  # both words are there, not as this phrase
    assert len(search(stored, "ice cold")) == 1


def test_check_asks_the_index_for_folded_words(stored):
    assert search_terms("We’re Œuvre, Sørensen") == ["we", "re", "oeuvre", "sorensen"]
    assert [s.text for s in candidates(stored, parse("we’re not giving up"))] == ["We’re not giving up on the cold ice,"]


def test_a_database_from_before_0009_gets_its_quotes_folded(db_path):
    engine = make_engine(db_path)
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
        connection.execute(text(
            "INSERT INTO articles (id, doc_id, path, text, sha256, ingested_at) "
            "VALUES (1, 'old', 'old.txt', 'x', 'x', '2024-01-01 00:00:00')"
        ))
        connection.execute(text(
            "INSERT INTO quotes (article_id, start, \"end\", text, kind, paragraph, grp, nested, detector_version) "
            "VALUES (1, 0, 1, 'We’re on thin ice in Malmö', 'named', 0, 1, 0, '1')"
        ))
    engine.dispose()
    factory = open_db(db_path)  # migrates to the newest revision
    with factory() as session:
        assert len(who_said(session, "we're on thin ice in malmo")) == 1
        assert len(search(session, "Malmo")) == 1
    factory.kw["bind"].dispose()
