"""Unnamed sources the article has just introduced, taken up again.

Wire copy introduces an anonymous source in narration and quotes it in the
next sentence: `A person familiar with the talks, who was not authorized to
speak publicly, said the deal had stalled. "...," the person said.` or `A
second neighbour, who asked not to be named, said ... "...," she said.` The
description or pronoun means that unnamed source, not the last person named,
so the quotation has no named speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotes.cues import is_cue
from quotes.mentions import SUBJECTS, Mentions, role

INDEFINITE = frozenset({"a", "an", "another", "one"})
REACH_PARAGRAPHS = 2  # how far back `the official` may take up `a senior official`


def indefinite(tok: Token) -> bool:
    """`a police official`, `another official`, `one EU diplomat`, `another`."""
    if tok.lower_ in ("another", "one") and tok.pos_ in ("PRON", "NUM", "DET"):
        return True
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.children)


def unnamed(tok: Token) -> bool:
    """An indefinite noun with no name in apposition (`a lawyer, Ana Ruiz,` is named; `a State
    Department official` and `a Trump aide` are not: the compound says whose)."""
    if tok.pos_ not in ("NOUN", "PRON", "NUM") or not indefinite(tok):
        return False
    return not any(c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in tok.children)


def unnamed_speaker_before(m: Mentions, offset: int) -> bool:
    """Is the nearest source before the pronoun at `offset`, in its sentence or
    the one before and in its paragraph, an unnamed one that spoke (`A second
    neighbour, who asked not to be named, said`), with no person named between?"""
    tok_i = m.token_at(offset)
    start = m.sents[max(0, m.sent_of[tok_i] - 1)].start
    paragraph = m.text.rfind("\n", 0, offset)
    for t in reversed(m.doc[start:tok_i]):
        if t.idx < paragraph:
            return False
        if m.inside[t.i]:
            continue
        if m.is_person(t) and role(t).dep_ in SUBJECTS:
            return False
        if t.dep_ in SUBJECTS and is_cue(t.head) and unnamed(t):
            return True
    return False


def introduced_unnamed(m: Mentions, offset: int, head: str) -> bool:
    """Does `the official` at `offset` take up `a senior official` (or `another
    official`) introduced within REACH_PARAGRAPHS paragraphs before, with no
    named official in between (`State Department official Ned Price`)?"""
    head = head.lower()
    tok_i = m.token_at(offset)
    reach = offset
    for _ in range(REACH_PARAGRAPHS + 1):
        reach = m.text.rfind("\n", 0, max(0, reach - 1))
    for t in reversed(m.doc[:tok_i]):
        if t.idx < reach:
            return False
        if m.inside[t.i] or t.lower_ != head or t.pos_ != "NOUN":
            continue
        if t.head.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children):
            return False  # `official Ned Price`, `an official, Ned Price,`
        if unnamed(t):
            return True
    return False
