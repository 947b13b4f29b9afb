"""The parse repair, on hand-built Docs (the misparse as the small parser makes it)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from quotes.parse_repairs import fronted_subjects

WORDS = ["In", "Tawila", ",", "Adam", "Haroun", ",", "62", ",", "said", "he", "left", "."]
POS = ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]


def misparsed(subject: bool = False) -> Doc:
    """`In Tawila, Adam Haroun, 62, said he left.` with Haroun a second place and `said` without a subject."""
    heads = [8, 0, 1, 4, 1, 4, 4, 8, 8, 10, 8, 8]
    deps = ["prep", "pobj", "punct", "compound", "conj", "punct", "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    if subject:  # `In Tawila, Adam Haroun, 62, they said`: a subject already
        words = WORDS[:8] + ["they"] + WORDS[8:]
        heads = [h + (h >= 8) for h in heads[:8]] + [9] + [h + 1 for h in heads[8:]]
        return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps[:8] + ["nsubj"] + deps[8:],
                   pos=POS[:8] + ["PRON"] + POS[8:], ents=["O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"])
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=heads, deps=deps, pos=POS,
               ents=["O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"])


def test_a_name_hung_on_a_fronted_place_is_the_subject_of_the_verb():
    doc = fronted_subjects(misparsed())
    assert (doc[4].dep_, doc[4].head.text) == ("nsubj", "said")


def test_a_verb_with_a_subject_keeps_it():
    doc = fronted_subjects(misparsed(subject=True))
    assert (doc[4].dep_, doc[4].head.text) == ("conj", "Tawila")


def test_a_person_in_apposition_to_a_work_made_the_subject_is_the_subject():
    """`The Drowned Parishes, the historian Margaret Fairlie, wrote`: the book does not write."""
    words = ["The", "Parishes", ",", "the", "historian", "Margaret", "Fairlie", "wrote", "."]
    heads = [1, 7, 1, 4, 1, 6, 4, 7, 7]
    deps = ["det", "nsubj", "punct", "det", "appos", "compound", "appos", "ROOT", "punct"]
    pos = ["DET", "PROPN", "PUNCT", "DET", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-WORK_OF_ART", "I-WORK_OF_ART", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = fronted_subjects(Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents))
    assert (doc[6].dep_, doc[6].head.text, doc[1].dep_) == ("nsubj", "wrote", "dep")
