"""Speakers a reader can trust (issue 13), in the database: junk names never become people,
types and partial names, joins across articles only through forms of one name, folded lookups."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quotes.name_checks import ROLE_WORDS, name_problems
from quotes.people import consolidate
from quotes.query import Filters, all_quotes, find_people, said_by, speakers
from quotes.records import Attribution, Quote
from quotes.store.models import Person, PersonAlias, PersonRole, StoredQuote
from quotes.store.repo import add_article


def stored(session, doc_id: str, *lines: tuple, published: str | None = None) -> None:
    """An article of one quote a line: (words, speaker[, mention, type, confidence, role])."""
    text, given = "", []
    for i, (words, speaker, *rest) in enumerate(lines):
        mention, kind, confidence, role = (list(rest) + [None] * 4)[:4]
        mention = mention or speaker
        quote = Quote(start=len(text) + 1, end=len(text) + 1 + len(words), text=words, paragraph=i, group=i)
        text += f"“{words}” said {mention}.\n"
        given.append(Attribution(quote=quote, speaker=speaker, mention=mention, cue="said", kind="named",
                                 role=role, speaker_type=kind, confidence=confidence))
    add_article(session, doc_id, f"{doc_id}.txt", text, given, published=published)


JUNK = ["Obama Says", "Transcript", "Links", "Politics", "CEO", "Ambassador", "President", "Affairs", "Council",
        "Hillary Asking Moderator To Fact Check", "Hamptons (Abedin", ">Sanders", "paranoia,”Clinton",
        'id="7956a"', "Hammers Wells Fargo CEO", "CNN President"]


@pytest.mark.parametrize("junk", JUNK)
def test_a_name_that_is_not_one_is_stored_as_no_speaker_with_its_mention(session_factory, junk):
    with session_factory.begin() as session:
        stored(session, "a", ("We will see", junk, None))
    with session_factory() as session:
        (quote,) = session.scalars(select(StoredQuote))
        assert quote.person_id is None and quote.speaker_mention == junk
        assert session.scalars(select(Person)).all() == []


def test_a_bare_ceo_never_joins_a_headline_from_another_article(session_factory):
    with session_factory.begin() as session:
        stored(session, "2016-bank", ("Fraud", "Hammers Wells Fargo CEO"), ("We are sorry", "John Stumpf", "CEO John Stumpf"),
               published="2016-09-20")
        stored(session, "2025-spaceport", ("Launch soon", "CEO", "the CEO"), published="2025-03-01")
        consolidate(session)
    with session_factory() as session:
        rows = {r.name: r.quotes for r in speakers(session)}
        launch = [q for q in all_quotes(session) if q.text == "Launch soon"][0]
    assert rows == {"John Stumpf": 1}
    assert launch.speaker is None and launch.speaker_mention == "the CEO"


def test_a_title_alias_never_joins_across_articles(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("Ratings are up", "Jeff Zucker", "CNN President"))
        stored(session, "b", ("I will veto it", "President", "President"))
        consolidate(session)
    with session_factory() as session:
        assert {r.name: r.quotes for r in speakers(session)} == {"Jeff Zucker": 1}


def test_no_alias_is_a_title_or_role_word(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("A", "Jeff Zucker", "CNN President"), ("B", "Jeff Zucker", "President"),
               ("C", "Derek Chollet", "Counsellor"), ("D", "Derek Chollet", "State Department counsellor Derek Chollet"))
        stored(session, "b", ("E", "Israel Defense Forces", "IDF", "org"), ("F", "John Stumpf", "CEO"),
               ("G", "Elena Ruiz", "Mayor"), ("H", "Elena Ruiz", "Mayor Ruiz"))
        consolidate(session)
    with session_factory() as session:
        aliases = session.scalars(select(PersonAlias.name)).all()
    assert "State Department counsellor Derek Chollet" in aliases and "IDF" in aliases and "Mayor Ruiz" in aliases
    for alias in aliases:
        assert not all(w.lower().rstrip(".") in ROLE_WORDS for w in alias.split()), alias
        assert "a title or role alone" not in name_problems(alias)


def test_types_are_kept_and_never_joined_across(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("We strike back", "Israel Defense Forces", None, "org"), ("Hold", "IDF", None, "org"))
        stored(session, "b", ("In a written submission", "Israel", None, None), ("I disagree", "Derek Chollet", None, "person"))
        consolidate(session)
    with session_factory() as session:
        rows = {r.name: (r.type, r.quotes) for r in speakers(session)}
        orgs = [r.name for r in speakers(session, kind="org")]
    assert rows == {"Israel Defense Forces": ("org", 2), "Israel": ("org", 1), "Derek Chollet": ("person", 1)}
    assert orgs == ["Israel Defense Forces", "Israel"]


def test_a_partial_name_is_its_articles_and_is_marked(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("One", "Bush"))
        stored(session, "b", ("Two", "Bush"), ("Three", "Bush"))
        stored(session, "c", ("Four", "Jeb Bush"))
        consolidate(session)
    with session_factory() as session:
        rows = sorted((r.name, r.quotes, r.partial_in) for r in speakers(session))
    assert rows == [("Bush", 1, "a"), ("Bush", 2, "b"), ("Jeb Bush", 1, None)]


def test_handles_are_whole_names(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("lol", "acebush1"))
        stored(session, "b", ("again", "acebush1"))
    with session_factory() as session:
        assert [(r.name, r.quotes, r.partial) for r in speakers(session)] == [("acebush1", 2, False)]


@pytest.mark.parametrize("typed, name", [
    ("sorensen", "Mette Sørensen"), ("Sørensen", "Mette Sørensen"), ("Mayor Ruiz", "Elena Ruiz"),
    ("mayor elena ruiz", "Elena Ruiz"), ("O'Neill", "Tip O’Neill"), ("o’neill", "Tip O’Neill"), ("IDF", "Israel Defense Forces"),
])
def test_said_by_folds_case_accents_titles_and_apostrophes(session_factory, typed, name):
    with session_factory.begin() as session:
        stored(session, "a", ("Hei", "Mette Sørensen"), ("Hola", "Elena Ruiz", "Mayor Elena Ruiz"), ("Hi", "Tip O’Neill"))
        stored(session, "b", ("Ready", "Israel Defense Forces", None, "org"), ("Set", "IDF", None, "org"))
        consolidate(session)
    with session_factory() as session:
        assert {r.speaker for r in said_by(session, typed)} == {name}


def test_said_by_a_surname_finds_the_whole_name_and_the_partial_ones(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("One", "Derek Chollet"))
        stored(session, "b", ("Two", "Chollet"))
    with session_factory() as session:
        assert [(p.name, p.partial) for p in find_people(session, "chollet")] == [("Derek Chollet", False), ("Chollet", True)]


def test_confidence_is_stored_and_filtered(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("Sure", "Derek Chollet", None, None, 0.97), ("Unsure", "Derek Chollet", None, None, 0.31),
               ("Unscored", "Derek Chollet"))
    with session_factory() as session:
        rows = {q.text: (q.confidence, q.uncertain) for q in all_quotes(session)}
        kept = [q.text for q in all_quotes(session, filters=Filters(min_confidence=0.5))]
    assert rows == {"Sure": (0.97, False), "Unsure": (0.31, True), "Unscored": (None, False)}
    assert kept == ["Sure"]


def test_roles_are_clean_with_their_article_and_date(session_factory):
    with session_factory.begin() as session:
        stored(session, "a", ("One", "Derek Chollet", None, None, None, "State Department counsellor"),
               ("Two", "John Kasich", None, None, None, "2016 10:14PMBuddiesASSOCIATED PRESSOhio Gov."),
               published="2023-06-18")
        stored(session, "b", ("Three", "Derek Chollet", None, None, None, "’s"), ("Four", "Jeb Bush", None, None, None, "rival"))
    with session_factory() as session:
        roles = {r.name: [(x.role, x.articles, x.published) for x in r.roles] for r in speakers(session)}
        assert session.scalars(select(PersonRole.role)).all() == ["State Department counsellor"]
    assert roles["Derek Chollet"] == [("State Department counsellor", ("a",), ("2023-06-18",))]
