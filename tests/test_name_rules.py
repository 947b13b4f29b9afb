"""How a speaker's name is read and completed: titles are no names, surnames
with a capitalised particle stay whole, short forms take the full name the
article gives. Each rule has a short made-up passage and the speaker expected
for each quote. The parses are the real pipeline's, kept in
tests/parses/names_rules.json (`handparse.frozen`), so these run in
milliseconds without loading the model."""

from __future__ import annotations

import pytest

from handparse import frozen
from quotes.attribute import attribute
from quotes.detect import detect
from quotes.names import title_keys


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(first words of the quote, speaker) for every quote of `text`."""
    doc = frozen(text, "names_rules")
    return [(" ".join(a.quote.text.split()[:3]), a.speaker) for a in attribute(doc, detect(doc.text))]


# 1. A title or role word is never the speaker's name


def test_the_cfo_is_the_person_the_article_gives_that_title():
    text = (
        "Halvorsen Steel cut its forecast on Tuesday.\n\n"
        "Chief Financial Officer Marta Lindqvist told analysts the cuts would weigh on margins.\n\n"
        '"We saw demand come back in June," Chief Executive Jonas Ek said.\n\n'
        '"We are not a broken business," the CFO said in reply to a question. '
    )
    assert speakers(text) == [("We saw demand", "Jonas Ek"), ("We are not", "Marta Lindqvist")]


def test_the_ceo_is_the_chief_executive_named_before():
    text = (
        "Halvorsen Steel cut its forecast on Tuesday.\n\n"
        "Chief Executive Marta Lindqvist spoke first. Analyst Jonas Ek asked about prices.\n\n"
        '"We are not a broken business," the CEO said.'
    )
    assert speakers(text) == [("We are not", "Marta Lindqvist")]


def test_the_cfo_nobody_was_given_is_a_description_not_a_name():
    text = (
        "Halvorsen Steel cut its forecast on Tuesday. Marta Lindqvist told analysts the cuts would weigh on margins.\n\n"
        '"We are not a broken business," the CFO said.'
    )
    assert speakers(text) == [("We are not", "Marta Lindqvist")]


def test_a_title_of_several_words_goes_by_its_initials():
    assert title_keys("Chief Financial Officer") == ["officer", "cfo"]
    assert title_keys("Chief Executive") == ["executive", "ce", "ceo"]
    assert title_keys("Mayor") == ["mayor"]
    assert title_keys("Democratic Rep.") == ["rep", "dro"]  # not `dr`, a form of address


@pytest.mark.parametrize("title", [
    "Coun.", "Cllr", "Supt.", "Insp.", "Det.", "Sgt.", "Cpl.", "Lt.", "Col.", "Gen.", "Adm.", "Rep.", "Sen.",
    "Gov.", "Amb.", "Prof.", "Dr.", "Det. Sgt.",
])
def test_an_abbreviated_title_after_the_verb_is_no_name(title):
    text = f'"We will not back down on this," said {title} Gareth Owens, who chairs the committee.'
    assert speakers(text) == [("We will not", "Gareth Owens")]


def test_an_abbreviated_title_before_the_verb_is_no_name():
    text = (
        "The council voted 6-5 to keep the lanes.\n\n"
        '"This is about safety, not bikes," Coun. Aisha Kapoor said after the vote.'
    )
    assert speakers(text) == [("This is about", "Aisha Kapoor")]


# 2. A surname with a capitalised particle stays whole


def test_a_bare_surname_with_a_capitalised_particle_is_the_full_name():
    text = (
        "Health officials urged parents to vaccinate. Dr. Regina Del Monte, the county's health director, "
        "spoke at a briefing.\n\n"
        '"This is a warning," Del Monte said.\n\n'
        '"Children pay the price," said Del Monte.'
    )
    assert speakers(text) == [("This is a", "Regina Del Monte"), ("Children pay the", "Regina Del Monte")]


def test_a_surname_whose_particle_is_also_a_given_name_is_no_full_name_of_its_own():
    text = 'Anna Van Buren opened the bakery in 2004.\n\n"Bread is patience," Van Buren says.'
    assert speakers(text) == [("Bread is patience,", "Anna Van Buren")]


@pytest.mark.parametrize("full,short", [
    ("Marisol De La Cruz", "De La Cruz"), ("Pieter Van der Berg", "Van der Berg"), ("Marine Le Pen", "Le Pen"),
])
def test_other_capitalised_particles_keep_the_whole_surname(full, short):
    text = f'{full} spoke in the town hall on Sunday.\n\n"We will keep going," {short} said.'
    assert speakers(text) == [("We will keep", full)]
