"""Roles and affiliations as an article states them: `State Department
counsellor Derek Chollet`, `Patricia Kim, a fellow at the Brookings
Institution`, `China's top diplomat Wang Yi`.

A person is often introduced with a role once, and quoted later by name only,
so roles are read from every mention of a person in the article, not just from
the source phrase of a quote. Each speaker gets the first role the article
gives them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from quotes.cues import TITLES
from quotes.name_checks import role_problems
from quotes.mentions import Mentions
from quotes.names import clean_name
from quotes.records import Attribution

HONORIFICS = frozenset("mr mrs ms miss dr sir dame madam".split())
RELATIVE = frozenset("his her their its my our your".split())  # `his spokesman`: whose?
NOT_ROLES = frozenset("hundreds thousands millions dozens speech statement video remarks interview".split())
MAX_WORDS = 12  # longer appositions are clauses, not roles
ROLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "PART", "NUM", "CCONJ", "PUNCT"})
# Capitalised words that name a role (`Foreign Minister`); lower-case nouns always do.
ROLE_TITLES = (TITLES | frozenset("ceo envoy founder editor head counsel".split())) - frozenset(
    """us u.s. u.s china chinese american national security treasury defense house senate
    majority minority democratic republican gop presidential top senior the his her state
    foreign press former mr mrs ms miss dr sir""".split()
)


def with_roles(article: Mentions, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with `role` filled for speakers the article gives a role."""
    found = article_roles(article)
    return [replace(a, role=found.get(a.speaker)) if a.speaker else a for a in attributions]


def article_roles(article: Mentions) -> dict[str, str]:
    """Canonical name (as the resolver names its speakers) -> first role the
    article states for that person; read from the resolver's own reading of
    the article: its people, their names, its sentences."""
    roles: dict[str, str] = {}
    for ent in article.people:
        name = clean_name(ent.text)
        if not name:
            continue
        for role in _roles_of(article, ent):
            roles.setdefault(article.names.canonical(name, ent.start_char), role)
    return roles


def _roles_of(article: Mentions, ent: Span) -> Iterator[str]:
    """Roles around one mention: before the name, in apposition, or the noun it is in apposition to."""
    doc, root = article.doc, ent[-1]
    # 1. `Chinese Foreign Minister Qin Gang`: the words before the name in its noun phrase
    start = max(root.left_edge.i, article.sent(root.i).start)
    if start < ent.start and (role := _clean(doc[start : ent.start])):
        yield role
    # 2. `Patricia Kim, a fellow at the Brookings Institution,`
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and (role := _clean(_subtree(child), child)):
            yield role
    # 3. `China's top diplomat, Wang Yi`: the name is in apposition to the role
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < ent.start:
        if role := _clean(doc[head.left_edge.i : head.i + 1]):
            yield role


def _subtree(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def _clean(span: Span, head: Token | None = None) -> str | None:
    """The span as a role, or None when it is not one (a verb, a bare
    honorific, a name of something else, too long)."""
    tokens = list(span)
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ == "the"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_WORDS:
        return None
    if any(t.pos_ not in ROLE_POS or t.is_space or t.ent_type_ == "PERSON" for t in tokens):
        return None
    if any(t.lower_ in RELATIVE for t in tokens):
        return None
    words = [t.lower_.rstrip(".") for t in tokens]
    if all(w in HONORIFICS for w in words):
        return None
    # the role's own noun: the last word before a name, the head of an apposition
    adp = next((i for i, t in enumerate(tokens) if t.pos_ == "ADP" and i > 0), None)
    noun = head or tokens[-1 if adp is None else adp - 1]  # `Secretary of State`: Secretary
    if not ((noun.pos_ == "NOUN" and noun.is_lower) or noun.lower_.rstrip(".") in ROLE_TITLES):
        return None
    if noun.lower_ in NOT_ROLES or noun.like_num or noun.tag_ in ("NNS", "NNPS"):  # a role is one person's
        return None
    if any(t.text in ("(", ")", "[", "]", "—", "–") or "\n" in t.text_with_ws for t in tokens[:-1]):  # a dateline, a list
        return None
    text = " ".join(tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text.split())
    return None if role_problems(text) else text  # `’s`, `email`, dateline junk
