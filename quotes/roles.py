"""Roles and affiliations as an article states them: `State Department
counsellor Derek Chollet`, `Patricia Kim, a fellow at the Brookings
Institution`, `China's top diplomat Wang Yi`.

A person is often introduced with a role once, and quoted later by name only,
so roles are read from every mention of a person in the article, not just from
the source phrase of a quote. Each speaker gets the first role the article
gives them.

A role is a kind of person said of the person (`counsellor`, `a fellow`,
`co-founder`, `Sen.`), in whole words, set off from the name as an
apposition is (`Patricia Kim, a fellow`; not `Carson: A miracle`, `brought
Canova a flood of cash`), and not a thing the sentence names next to them
(`the private email server Hillary Clinton used`, `a state Sanders is likely
to win`, `40 percent of voters back Sanders`) or someone else's relation
(`whose father`). An organisation's role is a kind of organisation (`the
Dutch newspaper NRC Handelsblad`); a person never takes one (`a think tank in
Helsinki`, said of the analyst who works there).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from quotes.cues import SOURCE_NOUNS, SPEECH_NOUNS, TITLES
from quotes.name_checks import ORG, looks_like_org, role_problems
from quotes.mentions import Mentions
from quotes.names import clean_name, is_first_name
from quotes.records import Attribution
from quotes.words import DOCUMENT_NOUNS, EPITHETS, ORG_NOUNS, OUTLET_NOUNS, ROLE_WORDS, WRITINGS

HONORIFICS = frozenset("mr mrs ms miss dr sir dame madam".split())
RELATIVE = frozenset("his her their its my our your whose".split())  # `his spokesman`, `whose father`: whose?
NOT_ROLES = frozenset("hundreds thousands millions dozens speech statement video remarks interview".split())
# Nouns for a kind of person beyond titles and jobs; with the endings below, what a person's role is headed by.
PERSON_NOUNS = SOURCE_NOUNS | ROLE_WORDS | EPITHETS | frozenset("""
son daughter wife husband father mother brother sister nephew niece cousin uncle aunt widow grandson
granddaughter fellow rival icon hopeful mogul magnate tycoon native liberal conservative moderate guard
cook chef dean boss entrepreneur surgeon neurosurgeon physician detective admiral delegate superdelegate
advocate graduate candidate undersecretary activist nun monk priest chaplain scholar pundit democrat
republican independent libertarian socialist progressive populist insurgent frontrunner front-runner
challenger incumbent nominee heir star celebrity veteran youth teen child kid man woman person guy lady
girl boy
""".split())
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "person", "ess", "ive", "ate")
_THING_ENDINGS = ("ment", "ship", "ness", "ion", "ity", "ance", "ence", "cy")
# Kinds of organisation, the only roles an organisation takes.
ORG_ROLE_NOUNS = (ORG_NOUNS - {"spokesperson"}) | OUTLET_NOUNS | frozenset("charity think-tank tank nonprofit publisher wing".split())
EITHER = frozenset("publisher broadcaster".split())  # a person's role and a company's
THINGS = DOCUMENT_NOUNS | WRITINGS | SPEECH_NOUNS | frozenset("percent server center centre number state narrative".split())
APPOSITION_MARKS = frozenset({",", "(", "-", "–", "—"})  # what sets an apposition off from the name
MAX_WORDS = 12  # longer appositions are clauses, not roles
ROLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "PART", "NUM", "CCONJ", "PUNCT"})
# Capitalised words that name a role (`Foreign Minister`); lower-case nouns always do.
ROLE_TITLES = (TITLES | frozenset("ceo envoy founder editor head counsel".split())) - frozenset(
    """us u.s. u.s china chinese american national security treasury defense house senate
    majority minority democratic republican gop presidential top senior the his her state
    foreign press former mr mrs ms miss dr sir""".split()
)


def with_roles(article: Mentions, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with `role` filled for speakers the article gives a role of their kind."""
    people, orgs = article_roles(article), article_roles(article, ORG)

    def role(a: Attribution) -> str | None:
        # a kind of organisation for one, or for a name no given name begins (`the Dutch newspaper NRC
        # Handelsblad`, tagged a person): the type may be set right later (quotes.speaker_evidence)
        if a.speaker_type == ORG or looks_like_org(a.speaker) or not is_first_name(a.speaker.split()[0]):
            return orgs.get(a.speaker) or (people.get(a.speaker) if a.speaker_type != ORG else None)
        return people.get(a.speaker)

    return [replace(a, role=role(a)) if a.speaker else a for a in attributions]


def article_roles(article: Mentions, kind: str | None = None) -> dict[str, str]:
    """Canonical name (as the resolver names its speakers) -> first role the
    article states for that person (`kind` org: for that organisation); read
    from the resolver's own reading of the article: its people, their names,
    its sentences."""
    roles: dict[str, str] = {}
    for ent in article.people:
        name = clean_name(ent.text)
        if not name:
            continue
        for role, noun in _roles_of(article, ent):
            word = noun.lower_
            if word in ORG_ROLE_NOUNS if kind == ORG else (word in EITHER or word not in ORG_ROLE_NOUNS):
                roles.setdefault(article.names.canonical(name, ent.start_char), role)
    return roles


def _roles_of(article: Mentions, ent: Span) -> Iterator[tuple[str, Token]]:
    """Roles around one mention, each with its noun: before the name, in apposition, or the noun it is in apposition to."""
    doc, root = article.doc, ent[-1]
    # 1. `Chinese Foreign Minister Qin Gang`: the words before the name in its noun phrase
    start = max(root.left_edge.i, article.sent(root.i).start)
    if start < ent.start and (found := _clean(_whole(doc[start : ent.start]))):
        yield found
    # 2. `Patricia Kim, a fellow at the Brookings Institution,`
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not _joined(child, child.i + 1) \
                and _set_off(doc[ent.end : child.left_edge.i]) and (found := _clean(_whole(_subtree(child)), child)):
            yield found
    # 3. `China's top diplomat, Wang Yi`: the name is in apposition to the role
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < ent.start:  # (`the newspaper NRC Handelsblad`: no comma)
        if found := _clean(_whole(doc[head.left_edge.i : head.i + 1])):
            yield found


def _joined(tok: Token, i: int) -> bool:
    """Is `tok` one part of a hyphenated word with the token at `i` (`co` + `-founder`)?"""
    doc = tok.doc
    if not 0 <= i < len(doc) or i == tok.i:
        return False
    left, right = (tok, doc[i]) if i > tok.i else (doc[i], tok)
    return not left.whitespace_ and ("-" in (left.text, right.text) or left.text.endswith("-"))


def _whole(span: Span) -> Span:
    """The span grown to whole hyphenated words (`founder of ...` -> `co-founder of ...`)."""
    doc, start, end = span.doc, span.start, span.end
    while start > 0 and _joined(doc[start], start - 1):
        start -= 1
    while end < len(doc) and _joined(doc[end - 1], end):
        end += 1
    return doc[start:end]


def _set_off(between: Span) -> bool:
    """Do these words between a name and an apposition set it off (a comma, a bracket, a dash)?"""
    return any(t.text in APPOSITION_MARKS for t in between)


def _a_kind_of_person(noun: Token) -> bool:
    """`spokesman`, `fellow`, `strategist`, `mega-donor`; not `server`, `relationship`, `miracle`."""
    word = noun.lower_.rstrip(".").rsplit("-", 1)[-1]
    if word in THINGS:
        return False
    if word in PERSON_NOUNS or word in ROLE_TITLES:
        return True
    return word.isalpha() and len(word) > 3 \
        and word.endswith(_PERSON_ENDINGS) and not word.endswith(_THING_ENDINGS)


def _subtree(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def _clean(span: Span, head: Token | None = None) -> tuple[str, Token] | None:
    """The span as a role, with its noun, or None when it is not one (a verb, a bare
    honorific, a name of something else, a thing, part of a word, too long)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.text.endswith("-") and before.text[:-1].isalpha() and before.whitespace_
                               or _joined(doc[span.start], span.start - 1)
                               or before.text in ("'", "’") and not before.whitespace_):
        return None  # `suc- ceed Eric Holder`, `Sophie in 't Veld`: part of a word
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s", "'", "’") and not doc[span.end - 1].whitespace_:
        return None  # `leader of France’s far-right Front National`, cut at the possessive by the parse
    tokens = list(span)
    dashes = [i for i, t in enumerate(tokens) if t.text in ("-", "–", "—") and t.whitespace_ and i and tokens[i - 1].whitespace_]
    if dashes:
        tokens = tokens[dashes[-1] + 1 :]  # `RYE, N.H. - State Rep.`: the dateline goes
    conj = next((k for k, t in enumerate(tokens) if t.pos_ == "CCONJ"), None)
    if conj and all(t.pos_ == "PROPN" and t.lower_.rstrip(".") not in ROLE_TITLES for t in tokens[:conj]):
        tokens = tokens[conj + 1 :]  # `Christie and Ohio Gov. John Kasich`: the other name goes
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
    if any(t.text in ("''", "``", "“", "”", '"', "‘", "«", "»") for t in tokens) or tokens[-1].pos_ in ("ADP", "CCONJ", "DET"):
        return None  # `author of ''Destiny and Power`, `president of`: cut off
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
    if not (_a_kind_of_person(noun) or noun.lower_ in ORG_ROLE_NOUNS):
        return None  # `the private email server Hillary Clinton used`, `A miracle`
    if any(t.text in ("(", ")", "[", "]", "—", "–") or "\n" in t.text_with_ws for t in tokens[:-1]):  # a list, a line break
        return None
    text = " ".join(tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text.split())
    return None if role_problems(text) else (text, noun)  # `’s`, `email`, dateline junk
