"""Roles as articles state them, read from hand-built parses (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotes.mentions import Mentions
from quotes.records import Attribution, Quote
from quotes.roles import article_roles, with_roles

VOCAB = spacy.blank("en").vocab


def parsed(tokens: list[tuple[str, str, str, int, str]]) -> Doc:
    """A Doc from (word, pos, dep, head index, entity IOB tag) rows."""
    words, pos, deps, heads, ents = zip(*tokens)
    return Doc(VOCAB, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads), ents=list(ents))


COUNSELLOR = [  # State Department counsellor Derek Chollet said .
    ("State", "PROPN", "compound", 1, "B-ORG"),
    ("Department", "PROPN", "compound", 2, "I-ORG"),
    ("counsellor", "NOUN", "compound", 4, "O"),
    ("Derek", "PROPN", "compound", 4, "B-PERSON"),
    ("Chollet", "PROPN", "nsubj", 5, "I-PERSON"),
    ("said", "VERB", "ROOT", 5, "O"),
    (".", "PUNCT", "punct", 5, "O"),
]

FELLOW = [  # Patricia Kim , a fellow at the Brookings Institution , said .
    ("Patricia", "PROPN", "compound", 1, "B-PERSON"),
    ("Kim", "PROPN", "nsubj", 10, "I-PERSON"),
    (",", "PUNCT", "punct", 1, "O"),
    ("a", "DET", "det", 4, "O"),
    ("fellow", "NOUN", "appos", 1, "O"),
    ("at", "ADP", "prep", 4, "O"),
    ("the", "DET", "det", 8, "O"),
    ("Brookings", "PROPN", "compound", 8, "B-ORG"),
    ("Institution", "PROPN", "pobj", 5, "I-ORG"),
    (",", "PUNCT", "punct", 1, "O"),
    ("said", "VERB", "ROOT", 10, "O"),
    (".", "PUNCT", "punct", 10, "O"),
]

DIPLOMAT = [  # China 's top diplomat , Wang Yi , said .
    ("China", "PROPN", "poss", 3, "B-GPE"),
    ("'s", "PART", "case", 0, "O"),
    ("top", "ADJ", "amod", 3, "O"),
    ("diplomat", "NOUN", "nsubj", 8, "O"),
    (",", "PUNCT", "punct", 3, "O"),
    ("Wang", "PROPN", "compound", 6, "B-PERSON"),
    ("Yi", "PROPN", "appos", 3, "I-PERSON"),
    (",", "PUNCT", "punct", 3, "O"),
    ("said", "VERB", "ROOT", 8, "O"),
]

MISTER = [  # Mr. Chollet said .
    ("Mr.", "PROPN", "compound", 1, "O"),
    ("Chollet", "PROPN", "nsubj", 2, "B-PERSON"),
    ("said", "VERB", "ROOT", 2, "O"),
    (".", "PUNCT", "punct", 2, "O"),
]

NEWSPAPER = [  # South China Morning Post Derek Chollet said
    ("South", "PROPN", "compound", 3, "B-ORG"),
    ("China", "PROPN", "compound", 3, "I-ORG"),
    ("Morning", "PROPN", "compound", 3, "I-ORG"),
    ("Post", "PROPN", "compound", 5, "I-ORG"),
    ("Derek", "PROPN", "compound", 5, "B-PERSON"),
    ("Chollet", "PROPN", "nsubj", 6, "I-PERSON"),
    ("said", "VERB", "ROOT", 6, "O"),
]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (COUNSELLOR, {"Derek Chollet": "State Department counsellor"}),
        (FELLOW, {"Patricia Kim": "a fellow at the Brookings Institution"}),
        (DIPLOMAT, {"Wang Yi": "China 's top diplomat"}),
        (MISTER, {}),  # an honorific is not a role
        (NEWSPAPER, {}),  # a misparsed newspaper name is not one either
    ],
)
def test_roles_stated_around_a_name(tokens, expected):
    assert article_roles(Mentions(parsed(tokens), [])) == expected


def test_a_later_surname_gets_the_role_of_the_introduction():
    doc = parsed(COUNSELLOR + [(t[0], t[1], t[2], t[3] + len(COUNSELLOR), t[4]) for t in MISTER])
    quote = Quote(start=0, end=1, text="x", paragraph=0, group=0)
    given = [
        Attribution(quote=quote, speaker="Derek Chollet", mention="Chollet", kind="named"),
        Attribution(quote=quote, speaker=None, mention="a senior official", kind="nominal"),
    ]
    assert [a.role for a in with_roles(Mentions(doc, []), given)] == ["State Department counsellor", None]
