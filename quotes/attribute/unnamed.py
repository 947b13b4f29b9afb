"""Unnamed sources the article has just introduced, taken up again.

Wire copy introduces an anonymous source in narration and quotes it in the
next sentence: `A person familiar with the talks, who was not authorized to
speak publicly, said the deal had stalled. "...," the person said.` or `A
second neighbour, who asked not to be named, said ... "...," she said.` The
description or pronoun means that unnamed source, not the last person named,
so the quotation has no named speaker.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotes.cues import is_cue
from quotes.mentions import SUBJECTS, Mentions, role, subordinate

INDEFINITE = frozenset({"a", "an", "another", "one"})
REACH_PARAGRAPHS = 2  # how far back `the official` may take up `a senior official`


def indefinite(tok: Token) -> bool:
    """`a police official`, `another official`, `one EU diplomat`, `another`."""
    if tok.lower_ in ("another", "one") and tok.pos_ in ("PRON", "NUM", "DET"):
        return not any(c.dep_ == "det" for c in tok.children)  # not `every one of them`
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.children)


def is_unnamed(tok: Token) -> bool:
    """An indefinite noun (`a neighbour`) or one that asks not to be named (`Her neighbour, who did not
    want to be named`, `The chairman, who spoke on condition of anonymity`), with no name in apposition
    (`a lawyer, Ana Ruiz,` is named; `a State Department official` and `a Trump aide` are not: the
    compound says whose)."""
    if tok.pos_ not in ("NOUN", "PRON", "NUM") or not (indefinite(tok) or anonymous(tok)):
        return False
    return not any(c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in tok.children)


def anonymous(tok: Token) -> bool:
    """`who asked not to be named`, `who spoke on condition of anonymity`, `who declined to be identified`
    (the clause may hang on a noun of its phrase: `The chairman of the union, who spoke on condition ...`)."""
    nouns = [tok, *(o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
    for clause in (c for noun in nouns for c in noun.children if c.dep_ in ("relcl", "acl")):
        words = list(clause.subtree)
        if any(t.lower_ in ("anonymity", "anonymously") for t in words):
            return True
        refuses = any(t.dep_ == "neg" or t._.lemma.lower() in ("decline", "refuse") for t in words)
        if refuses and any(t._.lemma.lower() in ("name", "identify") and t.tag_ == "VBN" for t in words):
            return True
    return False


def source_before(m: Mentions, offset: int) -> Token | None:
    """The subject of the nearest speech cue before the pronoun at `offset`, in
    its sentence or the one before, when no person is named as a subject
    nearer: `A second neighbour, who asked not to be named, said`, `The
    mayor, who cast the deciding vote, said`."""
    for t in narration_before(m, offset):
        if m.is_person(t) and role(t).dep_ in SUBJECTS:
            return None
        if t.pos_ in ("NOUN", "NUM") or t.lower_ in ("one", "another"):
            if speaks(t):
                return t
    return None


def speaks(t: Token) -> bool:
    """The subject of a speech cue that is not in a clause (not `when a reporter asked ...`: not the topic)."""
    return t.dep_ in SUBJECTS and is_cue(t.head) and not subordinate(t.head)


def narration_before(m: Mentions, offset: int) -> Iterator[Token]:
    """The words outside quotations before `offset`, nearest first, in its
    sentence and the one before. The sentence before may end the previous
    paragraph when the words before `offset` in its own paragraph are only
    quotation (`... said she had gone back and forth. ¶ "...," she said`)."""
    tok_i = m.token_at(offset)
    before = m.sent_of[tok_i] - 1
    while before > 0 and all(m.inside[t.i] or t.is_punct or t.is_space for t in m.sents[before]):
        before -= 1  # a quotation's own sentences (`"I've got a boat. I'll be right," he said`) are not narration
    start = m.sents[max(0, before)].start
    paragraph = m.text.rfind("\n", 0, offset)
    opens = all(m.inside[t.i] or t.is_punct or t.is_space for t in m.doc[start:tok_i] if t.idx > paragraph)
    for t in reversed(m.doc[start:tok_i]):
        if t.idx < paragraph and not opens:
            return
        if not m.inside[t.i]:
            yield t


def described(tok: Token) -> bool:
    """`the mayor`: a title with `the` and nothing else before it, no name in apposition. Not `the
    former president` (the article's President Obama is not its former one) nor `the bloc's top diplomat`."""
    return (tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ in ("appos", "amod", "compound", "poss", "nmod", "nummod") for c in tok.children))


def introduced_unnamed(m: Mentions, offset: int, head: str) -> bool:
    """Does `the official` at `offset` take up `a senior official` (or `another
    official`) introduced within REACH_PARAGRAPHS paragraphs before, with no
    named official in between (`State Department official Ned Price`)?"""
    head = head.lower()
    for t in words_back(m, offset, REACH_PARAGRAPHS + 1):
        if m.inside[t.i] or t.lower_ != head or t.pos_ != "NOUN":
            continue
        if t.head.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children):
            return False  # `official Ned Price`, `an official, Ned Price,`
        if is_unnamed(t):
            return True
    return False


def words_back(m: Mentions, offset: int, breaks: int) -> Iterator[Token]:
    """The tokens before `offset`, nearest first, back to the `breaks`-th line break before it
    (a blank line between paragraphs is two breaks)."""
    reach = offset
    for _ in range(breaks):
        reach = m.text.rfind("\n", 0, max(0, reach - 1))
    for t in reversed(m.doc[: m.token_at(offset)]):
        if t.idx < reach:
            return
        yield t
