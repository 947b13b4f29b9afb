"""Person names: cleaning a mention, and canonical names within one article."""

from __future__ import annotations

from quotes.names import ArticleNames, clean_name


def names_in(text: str, *full_names: str) -> ArticleNames:
    """ArticleNames holding each name at its first place in `text`."""
    names = ArticleNames()
    for name in full_names:
        names.add(text.index(name), name)
    return names


def test_clean_name_drops_possessive_and_keeps_mr_until_the_name_is_canonical():
    assert clean_name("Mr. Trump's") == "Mr. Trump"  # the title tells two Clintons apart
    assert ArticleNames().canonical(clean_name("Mr. Trump's"), 0) == "Trump"


def test_mr_and_mrs_pick_among_people_who_share_a_surname():
    text = "Bill Clinton and Hillary Clinton spoke. Hillary Clinton said more. Mr. Clinton said no."
    names = names_in(text, "Bill Clinton", "Hillary Clinton")
    names.add(text.index("Hillary Clinton said"), "Hillary Clinton")
    at = text.index("Mr. Clinton")
    assert names.canonical("Clinton", at) == "Hillary Clinton"  # named most
    assert names.canonical("Mr. Clinton", at) == "Bill Clinton"
    assert names.canonical("Mrs. Clinton", at) == "Hillary Clinton"


def test_clean_name_drops_a_title_of_several_words():
    assert clean_name("Secretary of State John Kerry") == "John Kerry"


def test_surname_after_full_name_is_the_full_name():
    text = "State Department counsellor Derek Chollet spoke. Chollet said it was a good thing."
    names = names_in(text, "Derek Chollet")
    assert names.canonical("Chollet", text.index("Chollet said")) == "Derek Chollet"
    assert names.canonical("Mr. Chollet", text.index("Chollet said")) == "Derek Chollet"


def test_people_sharing_a_surname_stay_apart():
    text = "Bill Clinton spoke. Clinton said no. Hillary Clinton spoke. Clinton said yes."
    names = names_in(text, "Bill Clinton", "Hillary Clinton")
    assert names.canonical("Clinton", text.index("Clinton said no")) == "Bill Clinton"
    assert names.canonical("Clinton", text.index("Clinton said yes")) == "Hillary Clinton"
    assert names.canonical("Hillary Clinton", 0) == "Hillary Clinton"


def test_junior_is_not_his_father():
    text = "Donald Trump spoke. Donald Trump Jr. said no."
    names = names_in(text, "Donald Trump", "Donald Trump Jr.")
    assert names.canonical("Donald Trump Jr.", text.index("said")) == "Donald Trump Jr."
    assert names.canonical("Donald Trump", text.index("said")) == "Donald Trump"


def test_junior_alone_does_not_stand_for_his_father():
    names = names_in("Donald Trump Jr. said no.", "Donald Trump Jr.")
    assert names.canonical("Donald Trump", 20) == "Donald Trump"
