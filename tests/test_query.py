"""Queries over hand-made records (no spaCy model)."""

from __future__ import annotations

import pytest

from quotes.store.search import has_trigram_index
from quotes.query import (
    UnknownPerson,
    all_quotes,
    paragraph_around,
    said_by,
    speakers,
    who_said,
)
from quotes.store.repo import add_article

SECOND = (
    "“We will talk again,” Qin Gang said.\n"
    "“Cold ice melts,” said Ice Cold, a poet.\n"
    "“100% sure,” said Gang Li.\n"
)


@pytest.fixture
def stored(session_factory, article, attributions):
    body, given = article
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", body, given)
        add_article(
            session, "a2", "a2.txt", SECOND,
            attributions(SECOND, [
                ("We will talk again,", "Qin Gang"),
                ("Cold ice melts,", "Ice Cold"),
                ("100% sure,", "Gang Li"),
            ]),
        )
    with session_factory() as session:
        yield session


def test_who_said_finds_the_speaker_and_the_paragraph(stored):
    rows = who_said(stored, "COLD ice")
    assert [(r.speaker, r.doc_id) for r in rows] == [("Qin Gang", "a1"), ("Ice Cold", "a2")]
    first = rows[0]
    assert first.text == "relations have hit the cold ice"
    assert first.context == "Chinese Foreign Minister Qin Gang said that “relations have hit the cold ice”."


def test_who_said_needs_every_word_and_trims_the_context(stored):
    rows = who_said(stored, "  get   BACK ")
    assert [r.speaker for r in rows] == ["Derek Chollet"]
    assert rows[0].context.startswith("“We would") and rows[0].context.endswith("Chollet said.")


def test_who_said_without_match_or_words(stored):
    assert who_said(stored, "hot fire") == []
    assert who_said(stored, "   ") == []


def test_who_said_matches_inside_words_through_the_trigram_index(stored):
    # "OLD" and "ICE" are parts of words; the trigram index (migration 0006)
    # must give the same rows as reading every quote would.
    assert has_trigram_index(stored)
    assert who_said(stored, "OLD ICE") == who_said(stored, "cold ice")
    assert who_said(stored, "ol ice") == who_said(stored, "cold ice")  # a term too short for the index


def test_who_said_treats_wildcards_literally(stored):
    assert [r.speaker for r in who_said(stored, "100%")] == ["Gang Li"]
    assert who_said(stored, "%") == who_said(stored, "100%")
    assert who_said(stored, "_") == []


def test_unnamed_source_keeps_its_mention(stored):
    (row,) = who_said(stored, "chance to talk")
    assert row.speaker is None and row.speaker_mention == "A senior official"
    assert row.kind == "description"


@pytest.mark.parametrize("name", ["Qin Gang", "qin gang", "  QIN   Gang "])
def test_said_by_full_name(stored, name):
    assert [r.text for r in said_by(stored, name)] == [
        "relations have hit the cold ice",
        "We will talk again,",
    ]


def test_said_by_surname_prefers_last_word(stored):
    # "Gang" is the last word of Qin Gang and the first of Gang Li.
    assert {r.speaker for r in said_by(stored, "gang")} == {"Qin Gang"}
    assert {r.speaker for r in said_by(stored, "Chollet")} == {"Derek Chollet"}


def test_said_by_family_name_written_first(stored):
    rows = said_by(stored, "Shen")
    assert [(r.speaker, r.text) for r in rows] == [("Shen Dingli", "Contacts are returning to the right track,")]


@pytest.mark.parametrize("name", ["Nobody", "", "Qin Gan", "%"])
def test_said_by_unknown_person(stored, name):
    with pytest.raises(UnknownPerson) as error:
        said_by(stored, name)
    assert error.value.name == name


def test_speakers_most_quoted_first(stored):
    rows = speakers(stored)
    assert [(r.name, r.quotes) for r in rows] == [
        ("Qin Gang", 2),
        ("Derek Chollet", 1),
        ("Gang Li", 1),
        ("Ice Cold", 1),
        ("Shen Dingli", 1),
    ]


def test_all_quotes_in_article_order(stored):
    rows = all_quotes(stored)
    assert [(r.doc_id, r.start) for r in rows] == sorted((r.doc_id, r.start) for r in rows)
    assert len(rows) == 7 and all(r.context is None for r in rows)


def test_speakers_of_an_empty_database(session):
    assert speakers(session) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("one\n  two “x” \nthree", 10, 11, "two “x”"),
        ("“x”", 1, 2, "“x”"),
        ("a\n“x”", 3, 4, "“x”"),
        ("“x”\nb", 1, 2, "“x”"),
    ],
)
def test_paragraph_around(text, start, end, expected):
    assert paragraph_around(text, start, end) == expected
