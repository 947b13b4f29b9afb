"""One person across articles: the joining rules, aliases, roles, corrections (no model)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quotes.people import Known, NoSuchPerson, PersonError, consolidate, merge, plan_merges, rename
from quotes.query import speakers
from quotes.records import Attribution, Quote
from quotes.store.models import Correction, Person
from quotes.store.repo import add_article


def names_after(people: list[Known]) -> dict[str, str]:
    """Each name -> the name of the person it ends up as."""
    by_id = {p.id: p.name for p in people}
    plan = plan_merges(people)
    return {p.name: by_id[plan.get(p.id, p.id)] for p in people}


def known(*names_and_quotes: tuple[str, int]) -> list[Known]:
    return [Known(i, name, n) for i, (name, n) in enumerate(names_and_quotes, 1)]


def test_forms_of_one_full_name_join_the_most_quoted():
    after = names_after(known(("Donald J. Trump", 87), ("Donald Trump", 827), ("Billionaire Donald Trump", 3)))
    assert set(after.values()) == {"Donald Trump"}


def test_people_who_share_a_surname_stay_apart():
    after = names_after(known(
        ("Bill Clinton", 61), ("Hillary Clinton", 523), ("Donald Trump", 800), ("Donald Trump Jr.", 5),
        ("Eric Trump", 27),
    ))
    assert after == {n: n for n in after}


def test_different_middle_initials_are_different_people():
    after = names_after(known(("George H.W. Bush", 12), ("George H. W. Bush", 2), ("George W. Bush", 30),
                              ("George Walker Bush", 1), ("George Bush", 5)))
    assert after["George H. W. Bush"] == "George H.W. Bush"  # the father
    assert after["George Walker Bush"] == "George W. Bush"  # the son, his middle name spelt out
    assert after["George Bush"] == "George Bush"  # either of them: joins neither


def test_a_name_without_its_middle_name_joins_the_one_person_it_can_be():
    after = names_after(known(("George W. Bush", 30), ("George Bush", 5), ("Donald John Trump", 2),
                              ("Donald J. Trump", 9), ("Donald Trump", 80), ("Billionaire Donald J. Trump", 1)))
    assert after["George Bush"] == "George W. Bush"
    assert {after[n] for n in ("Donald John Trump", "Donald J. Trump", "Billionaire Donald J. Trump")} == {"Donald Trump"}


def test_an_initial_that_fits_two_middle_names_joins_neither():
    after = names_after(known(("John Walker Smith", 3), ("John William Smith", 4), ("John W. Smith", 2)))
    assert after == {n: n for n in after}


def partial(*names_and_quotes: tuple[str, int]) -> list[Known]:
    return [Known(i, name, n, partial=len(name.split()) == 1) for i, (name, n) in enumerate(names_and_quotes, 1)]


def test_a_bare_surname_never_joins_on_its_own():
    # Issue 13: a partial name joins nobody, however clear the majority (it was joined before).
    after = names_after(partial(("Trump", 9), ("Donald Trump", 827), ("Eric Trump", 27), ("Clinton", 4),
                                ("Hillary Clinton", 523), ("Bill Clinton", 61)))
    assert after == {n: n for n in after}


def test_a_bare_surname_without_a_clear_majority_stays_apart():
    after = names_after(known(("Bush", 5), ("Jeb Bush", 50), ("George W. Bush", 20)))
    assert after["Bush"] == "Bush"


def test_a_bare_given_name_never_joins_on_its_own():
    assert names_after(partial(("Xi", 3), ("Xi Jinping", 10)))["Xi"] == "Xi"


def test_initials_join_the_one_full_name_they_fit():
    after = names_after(known(("G. W. Bush", 2), ("George W. Bush", 20), ("Jeb Bush", 50), ("J. Smith", 1),
                              ("John Smith", 3), ("Jane Smith", 4)))
    assert after["G. W. Bush"] == "George W. Bush"
    assert after["J. Smith"] == "J. Smith"  # John or Jane: nobody can tell


def test_an_organisations_short_form_joins_it_and_never_a_person():
    people = [Known(1, "IDF", 4, type="org"), Known(2, "Israel Defense Forces", 9, type="org"),
              Known(3, "CNN", 2, type="org"), Known(4, "Chris Nolan Nash", 5), Known(5, "Donald Trump", 5, type="org"),
              Known(6, "Donald J. Trump", 9)]
    after = names_after(people)
    assert after["IDF"] == "Israel Defense Forces"
    assert after["CNN"] == "CNN" and after["Donald Trump"] == "Donald Trump"  # never across types


def test_an_organisation_with_and_without_the_is_one():
    people = [Known(1, "Washington Post", 3, type="org"), Known(2, "The Washington Post", 7, type="org"),
              Known(3, "The Hill", 2, type="org"), Known(4, "Hill", 1)]
    after = names_after(people)
    assert after["Washington Post"] == "The Washington Post"
    assert after["Hill"] == "Hill"  # a person called Hill is not the newspaper


def test_people_renamed_by_hand_are_left_alone():
    people = [Known(1, "Trump", 9, fixed=True), Known(2, "Donald Trump", 800)]
    assert plan_merges(people) == {}


# --- in the database -----------------------------------------------------------


def stored_article(session, doc_id: str, lines: list[tuple[str, str, str, str | None]]) -> None:
    """An article with one quote per (words, speaker, mention, role)."""
    text, given = "", []
    for i, (words, speaker, mention, role) in enumerate(lines):
        quote = Quote(start=len(text) + 1, end=len(text) + 1 + len(words), text=words, paragraph=i, group=i)
        text += f"“{words}” said {mention}.\n"
        given.append(Attribution(quote=quote, speaker=speaker, mention=mention, cue="said", kind="named", role=role))
    add_article(session, doc_id, f"{doc_id}.txt", text, given)


@pytest.fixture
def three_articles(session_factory):
    with session_factory.begin() as session:
        stored_article(session, "a", [
            ("We want to talk", "Derek Chollet", "State Department counsellor Derek Chollet", "State Department counsellor"),
            ("Ties are aligned", "Derek Chollet", "Chollet", None),
        ])
        stored_article(session, "b", [("Not yet", "Chollet", "Chollet", None)])
        stored_article(session, "c", [
            ("I left", "Bill Clinton", "Bill Clinton", "former president"),
            ("I ran", "Hillary Clinton", "Hillary Clinton", "Democratic candidate"),
            ("Me too", "Hillary Clinton", "Mrs. Clinton", None),
        ])
        consolidate(session)
    return session_factory


def test_one_person_across_articles_with_aliases_and_roles(three_articles):
    with three_articles() as session:
        rows = {r.name: r for r in speakers(session)}
    assert set(rows) == {"Derek Chollet", "Chollet", "Bill Clinton", "Hillary Clinton"}
    chollet = rows["Derek Chollet"]
    assert chollet.quotes == 2  # article b's bare `Chollet` is partial: its own row, never joined
    assert rows["Chollet"].partial_in == "b"
    assert set(chollet.aliases) == {"Chollet", "State Department counsellor Derek Chollet"}
    assert [(r.role, r.articles) for r in chollet.roles] == [("State Department counsellor", ("a",))]
    assert [r.role for r in rows["Bill Clinton"].roles] == ["former president"]


def test_a_mention_that_is_no_form_of_the_speakers_name_is_no_alias(session_factory):
    with session_factory.begin() as session:
        stored_article(session, "a", [
            ("People stood hours in line", "Meenakshi Ganguly", "Human Rights Watch", "Human Rights Watch"),
            ("It is a form of jihad", "Breitbart News", "Daily News", None),  # the resolver's mistake
            ("We will answer", "Israel Defense Forces", "IDF", None),
            ("Me too", "Hillary Clinton", "Mrs. Clinton", None),
        ])
    with session_factory() as session:
        aliases = {r.name: set(r.aliases) for r in speakers(session)}
    assert aliases == {"Meenakshi Ganguly": set(), "Breitbart News": set(), "Israel Defense Forces": {"IDF"},
                       "Hillary Clinton": {"Mrs. Clinton"}}


def test_a_bare_surname_in_a_new_article_is_that_articles_until_merged(three_articles):
    with three_articles.begin() as session:
        stored_article(session, "d", [("Later", "Chollet", "Chollet", None)])
        consolidate(session)
    with three_articles() as session:
        found = sorted((r.name, r.quotes, r.partial_in) for r in speakers(session) if "Chollet" in r.name)
    assert found == [("Chollet", 1, "b"), ("Chollet", 1, "d"), ("Derek Chollet", 2, None)]
    with three_articles.begin() as session:
        merge(session, "Chollet", "Derek Chollet")  # a person says so: every bare `Chollet` moves
        stored_article(session, "f", [("Again", "Chollet", "Chollet", None)])  # and later ones follow
    with three_articles() as session:
        found = [(r.name, r.quotes) for r in speakers(session) if "Chollet" in r.name]
    assert found == [("Derek Chollet", 5)]


def test_merge_and_rename_survive_reingest(three_articles):
    with three_articles.begin() as session:
        merge(session, "Bill Clinton", "Hillary Clinton")  # a wrong merge, on purpose: it must stick
        rename(session, "Hillary Clinton", "The Clintons")
    changed = [("I left again", "Bill Clinton", "Bill Clinton", None), ("I ran", "Hillary Clinton", "Hillary Clinton", None)]
    with three_articles.begin() as session:
        stored_article(session, "c", changed)  # new text: quotes replaced, people looked up again
        stored_article(session, "e", [("Hello", "Hillary Clinton", "Hillary Clinton", None)])
        consolidate(session)
    with three_articles() as session:
        names = {r.name: r.quotes for r in speakers(session)}
        corrections = [(c.action, c.name, c.target) for c in session.scalars(select(Correction))]
    assert names == {"Derek Chollet": 2, "Chollet": 1, "The Clintons": 3}
    assert corrections == [("merge", "Bill Clinton", "Hillary Clinton"), ("rename", "Hillary Clinton", "The Clintons")]


def test_corrections_that_cannot_be_made(three_articles):
    with three_articles.begin() as session:
        with pytest.raises(NoSuchPerson):
            merge(session, "Nobody", "Derek Chollet")
        with pytest.raises(PersonError, match="already one person"):
            merge(session, "derek chollet", "Derek Chollet")
        with pytest.raises(PersonError, match="use `quotes people merge`"):
            rename(session, "Bill Clinton", "Hillary Clinton")
        assert session.scalar(select(Person).where(Person.name == "Bill Clinton")) is not None
