"""How the tagger's entities are read (quotes.entities), on hand-built Docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from quotes.entities import looks_like_person


def entity(words: list[str], label: str):
    doc = Doc(spacy.blank("en").vocab, words=words + ["said"], ents=[f"B-{label}"] + [f"I-{label}"] * (len(words) - 1) + ["O"])
    return doc.ents[0]


def test_a_name_after_a_form_of_address_is_a_person_whatever_its_tag():
    assert looks_like_person(entity(["Mrs", "Folake", "Alabi"], "ORG"))
    assert looks_like_person(entity(["Dr", "Ngozi", "Eze"], "ORG"))


def test_an_organisation_stays_one():
    assert not looks_like_person(entity(["Lagos", "State", "Agency"], "ORG"))
