"""check_draft: one verdict per draft quotation against the stored quotes.

The `model` tests run the real pipeline over the seeds and the issue's draft;
the others store the hand-made article of conftest and hand-attribute drafts.
"""

from __future__ import annotations

import pytest

from drafts import DRAFT, EXPECTED, KIM, QIN, seed_database
from quotes.check import check_draft, check_quotes, same_person
from quotes.records import Attribution, Quote
from quotes.store.repo import add_article
from quotes.wording import render_diff


@pytest.fixture
def stored(session_factory, article):
    with session_factory.begin() as session:
        add_article(session, "a1", "a1.txt", *article)
    with session_factory() as session:
        yield session


def verdicts_of(session, attributions, draft: str, quotes: list[tuple]):
    return check_quotes(session, attributions(draft, quotes))


# --- without the model -------------------------------------------------------


def test_glyphs_case_and_trailing_punctuation_do_not_matter(stored, attributions):
    draft = "\"Relations have hit the cold ice.\" Qin Gang said.\n"
    (v,) = verdicts_of(stored, attributions, draft, [("Relations have hit the cold ice.", "Qin Gang")])
    assert v.verdict == "verified"
    assert (v.source.text, v.source.speaker, v.source.article) == ("relations have hit the cold ice", "Qin Gang", "a1")


def test_an_ellipsis_and_a_bracketed_insertion_are_allowed(stored, attributions):
    draft = "“We would … like to get back to where [the US] were,” said Chollet.\n"
    quote = "We would … like to get back to where [the US] were,"
    (v,) = verdicts_of(stored, attributions, draft, [(quote, "Chollet")])
    assert v.verdict == "verified" and v.source.speaker == "Derek Chollet"


def test_pieces_out_of_order_are_not_the_same_words(stored, attributions):
    draft = "“get back to where we were … We would very much like,” Derek Chollet said.\n"
    quote = "get back to where we were … We would very much like,"
    (v,) = verdicts_of(stored, attributions, draft, [(quote, "Derek Chollet")])
    assert v.verdict == "altered"


def test_a_draft_naming_no_one_contradicts_no_one(stored, attributions):
    draft = "An expert said “contacts are returning to the right track”.\n"
    (v,) = verdicts_of(stored, attributions, draft, [("contacts are returning to the right track", None)])
    assert v.verdict == "verified" and v.speaker is None


def test_naming_an_unnamed_source_is_a_misattribution(stored, attributions):
    draft = "Antony Blinken said it was “a chance to talk”.\n"
    (v,) = verdicts_of(stored, attributions, draft, [("a chance to talk", "Antony Blinken")])
    assert v.verdict == "misattributed"
    assert v.source.speaker is None and v.source.speaker_mention == "A senior official"


def test_nested_quotations_are_checked_within_their_outer_one(stored):
    text = "“Qin said ‘cold ice’ today,” he said.\n"
    outer = Quote(start=1, end=26, text="Qin said ‘cold ice’ today,", paragraph=0, group=0)
    inner = Quote(start=11, end=19, text="cold ice", paragraph=0, group=1, nested=True)
    assert text[inner.start : inner.end] == inner.text
    found = check_quotes(stored, [Attribution(outer, "Derek Chollet"), Attribution(inner, "Qin Gang")])
    assert [v.text for v in found] == [outer.text]


@pytest.mark.parametrize(
    ("draft", "stored", "same"),
    [
        ("Chollet", "Derek Chollet", True),
        ("Shen", "Shen Dingli", True),
        ("Mr. Derek Chollet", "Derek Chollet", True),
        ("Bill Clinton", "Hillary Clinton", False),
        ("Antony Blinken", "Patricia Kim", False),
        (None, "Patricia Kim", True),
        ("Patricia Kim", None, False),
    ],
)
def test_same_person(draft, stored, same):
    assert same_person(draft, stored) is same


# --- with the real pipeline --------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from quotes.store.db import open_db

    factory = open_db(seed_database(tmp_path_factory.mktemp("check") / "quotes.db"))
    with factory() as session:
        yield session
    factory.kw["bind"].dispose()


@pytest.fixture(scope="module")
def verdicts(seeded):
    return check_draft(seeded, DRAFT)


@pytest.mark.model
def test_the_issue_draft_gets_the_five_verdicts_in_order(verdicts):
    assert [v.verdict for v in verdicts] == EXPECTED
    assert [v.speaker for v in verdicts] == ["Shen Dingli", "Qin Gang", "Chollet", "Antony Blinken", "Janet Yellen"]


@pytest.mark.model
def test_the_altered_quote_shows_the_changed_word_and_its_article(verdicts):
    altered = verdicts[1]
    assert altered.source.text == QIN and altered.source.article == "000_773a398dc513c550"
    assert "hit the [-cold-] {+warm+} ice" in render_diff(altered.diff)
    assert [(d.original, d.draft) for d in altered.diff if d.op != "equal"] == [("cold", "warm")]


@pytest.mark.model
def test_the_misattributed_quote_names_who_said_it(verdicts):
    wrong = verdicts[3]
    assert wrong.speaker == "Antony Blinken"
    assert wrong.source.speaker == "Patricia Kim" and wrong.source.text == KIM


@pytest.mark.model
def test_verified_and_unverified_sources(verdicts):
    assert verdicts[0].source.speaker == "Shen Dingli" and verdicts[0].source.score == 100
    assert verdicts[2].source.speaker == "Derek Chollet"  # `Chollet` in the draft is the same person
    assert verdicts[4].source is None and verdicts[4].diff is None
