"""A writing that speaks for whoever issued it.

`Vireo said in a statement that ... ¶ "...," the statement said.`, `In a
Facebook post, the fire department said ... "...," the post said.`, `The
family released a statement ... The statement read: "..."`: the statement
is the issuer's words, and the issuer is the subject of the sentence that
brought the writing in (`said in a statement`, `released a statement`).
"""

from __future__ import annotations

from spacy.tokens import Token

from quotes.cues import is_cue
from quotes.attribute.unnamed import words_back
from quotes.mentions import SUBJECTS, Mentions

REACH_PARAGRAPHS = 2  # how far back `the statement` may take up `said in a statement`
ISSUING = frozenset({"issue", "release", "post", "publish", "send", "share", "put"})  # `released a statement`


def issuer_subject(m: Mentions, offset: int, writing: str) -> Token | None:
    """The subject of the nearest clause before `offset` (within REACH_PARAGRAPHS
    paragraphs) that brought in a `writing` of this kind: `X said in a
    statement`, `In a post, X said`, `X issued a statement`; or its agent:
    `a statement issued by X`."""
    writing = writing.lower()
    for t in words_back(m, offset, REACH_PARAGRAPHS + 1):
        if m.inside[t.i] or t.lower_ != writing or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
            continue  # `the statement` is the writing taken up, not brought in
        if (by := _issued_by(t)) is not None:
            return by
        verb = _bringing_in(t)
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None) if verb is not None else None
        if subject is not None:
            return subject
    return None


def _issued_by(writing: Token) -> Token | None:
    """`a statement issued by the ministry`: the one it was issued by."""
    for verb in (c for c in writing.children if c.dep_ == "acl" and c._.lemma.lower() in ISSUING):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None


def _bringing_in(writing: Token) -> Token | None:
    """The verb that brings the writing in: `said in a statement`, `released a statement`."""
    if writing.dep_ == "pobj" and writing.head.lower_ == "in" and is_cue(writing.head.head):
        return writing.head.head
    if writing.dep_ == "dobj" and writing.head._.lemma.lower() in ISSUING:
        return writing.head
    return None
