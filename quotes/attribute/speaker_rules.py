"""From a quotation's source phrase to its speaker: the rules, in order.

`sources.Article.find_source` says what phrase gives a quotation's source and
what kind it is (a name, a pronoun, a description, an unnamed source). Each
rule below reads one kind of phrase; the first that answers wins, and its
answer may be "no one" (`Found(None)`), which still ends the search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from quotes.attribute.candidates import ArticleMentions
from quotes.attribute.sources import Article
from quotes.attribute.issuers import issuer_subject
from quotes.attribute.unnamed import described, introduced_unnamed, is_unnamed, source_before
from quotes.cues import ORG_NOUNS, PERSONAL_PRONOUNS
from quotes.mentions import Mentions, Source
from quotes.name_checks import before_headline_words, name_problems
from quotes.records import Attribution, Quote
from quotes.words import SPEAKING_GROUPS, WRITINGS

Resolver = Callable[[Mentions, int, str, list[str]], "str | None"]


@dataclass(frozen=True)
class Found:
    """A rule's answer: the speaker, or None for no one named."""

    speaker: str | None
    kind: str | None = None  # what the source turned out to be, when not what its phrase is (`she` of an unnamed source: nominal)


@dataclass
class Reading:
    """What the rules know while they read one article, quotation by quotation."""

    article: Article
    table: ArticleMentions
    resolver: Resolver
    done: list[Attribution] = field(default_factory=list)  # the answers so far
    speakers: list[str] = field(default_factory=list)  # canonical names of the people resolved so far
    nominal_heads: set[str] = field(default_factory=set)  # `a senior official` makes `the official` unnamed too


Rule = Callable[[Reading, Quote, Source, str], "Found | None"]
NOMINAL = "nominal"  # an Attribution's kind for an unnamed source


def named(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """A name: made whole and canonical within the article (`Glenn Beck
    Blasts Drudge`: Glenn Beck; `the Post` -> Washington Post)."""
    if src.kind != "named" or not src.name:
        return None
    name = before_headline_words(src.name) or src.name
    speaker = r.table.org_whole(name, src.offset) or r.article.names.canonical(name, src.offset)
    return Found((r.table.org_named(speaker) if speaker == name else None) or speaker)


def organisation_described(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """`the ministry said`: an organisation, never a person."""
    if src.kind != "description" or head.lower() not in ORG_NOUNS:
        return None
    return Found(r.table.org_before(src.offset, head, src.mention or ""))


GOING_ON = frozenset({"add", "continue"})


def going_on(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """`"...," she added.` right after a quotation: the one who goes on is the
    one who was speaking, when the pronoun fits them (`"I know they raped me."
    She added: "..."`, with another woman named inside the quotation)."""
    article, done = r.article, r.done
    if src.kind != "pronoun" or not done:
        return None
    verb = article.doc[article.token_at(src.offset)].head
    if verb._.lemma.lower() not in GOING_ON:
        return None
    prev = done[-1]
    if prev.speaker is None or name_problems(prev.speaker) or prev.quote.paragraph < q.paragraph - 1 or q.start - prev.quote.end > 200:
        return None  # nobody was speaking, or a passage of narration came between
    if any(prev.quote.end <= ent.start_char < q.start and not article.inside[ent.start] for ent in article.people):
        return None  # someone named in between may be the one meant
    return Found(prev.speaker) if article.agrees(prev.speaker, PERSONAL_PRONOUNS.get(src.mention.lower())) else None


def person_aged(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """`said the 38-year-old`: the one the article gave that age."""
    aged = r.article.person_aged(src.mention or "", src.offset) if src.kind == "description" else None
    return Found(aged) if aged else None


def unnamed_taken_up(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """`the person said` after `A person familiar with the talks said`, `she said` after `A
    neighbour, who asked not to be named, said`: the unnamed source just introduced (quotes.attribute.unnamed);
    `she said` after `The mayor ... said`: the one the article calls mayor."""
    if src.kind == "pronoun" and PERSONAL_PRONOUNS.get(head.lower()):
        before = source_before(r.article, src.offset)
        if before is not None and is_unnamed(before):
            return Found(None, NOMINAL)
        if before is not None and described(before) and (holder := r.article.names.title_holder(before.text)):
            # `The mayor, who cast the deciding vote, said ... "...," she said`, and `Mayor Janet Lacroix` in the article
            return Found(r.article.names.canonical(holder, src.offset))
    if src.kind == "description" and (is_unnamed(r.article.doc[r.article.token_at(src.offset)])
                                      or introduced_unnamed(r.article, src.offset, head)):
        return Found(None, NOMINAL)  # `The chairman, who spoke on condition of anonymity, said`; `the official` again
    return None


def person_meant(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """A pronoun or a description of a person (`the senator`): the one the
    resolver (the pronoun ranker) takes it to mean; a description an unnamed
    source used before (`a senior official` ... `the official`) is left unnamed."""
    if src.kind == "pronoun" or (src.kind == "description" and head.lower() not in r.nominal_heads):
        meant = r.resolver(r.article, src.offset, head, r.speakers)
        if PERSONAL_PRONOUNS.get(head.lower()) and r.table.type_of(meant) == "org":
            return Found(None)  # `he` or `she` is a person: never the Kremlin that spoke last
        return Found(meant)
    return None


def group_speaking(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """A group speaks for the organisation its phrase names (`analysts at
    Boston Consulting Group wrote`, `UPS corporate communications said`)."""
    group = group_of(r.article, src) if src.kind in ("nominal", "none") else None
    return Found(r.table.org_whole(group, src.offset) or group) if group else None


def writing_issued(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """`"...," the statement said` after `Vireo said in a statement`: the issuer's words (quotes.attribute.issuers)."""
    if src.kind != "none" or head.lower() not in WRITINGS or (src.mention or "").split()[0].lower() not in ("the", "this", "that"):
        return None
    subject = issuer_subject(r.article, src.offset, head)
    issuer = r.article.describe(subject, src.cue) if subject is not None else None
    return Found(speaker_of(r, q, issuer)) if issuer is not None and issuer.kind != "none" else None


def unnamed(r: Reading, q: Quote, src: Source, head: str) -> Found | None:
    """`a senior official said`: no one named; a later `the official` is that one."""
    if src.kind == "nominal":
        r.nominal_heads.add(head.lower())
    return Found(None)


SPEAKER_RULES: tuple[Rule, ...] = (
    named, organisation_described, going_on, person_aged, unnamed_taken_up, person_meant, group_speaking, writing_issued,
    unnamed,
)


def reading_of(r: Reading, q: Quote, src: Source) -> Found:
    """The first rule's answer for a quotation whose source phrase is `src`."""
    head = ((src.mention or "").split()[-1:] or [""])[0]
    return next(found for rule in SPEAKER_RULES if (found := rule(r, q, src, head)) is not None)


def speaker_of(r: Reading, q: Quote, src: Source) -> str | None:
    return reading_of(r, q, src).speaker


AT_FIRM = frozenset({"ORG", "GPE", "PERSON", "FAC", "PRODUCT", "NORP"})


def group_of(article: Article, src: Source) -> str | None:
    """The organisation a group speaks for (`analysts at Boston Consulting
    Group wrote`, `all 21 Montana Freedom Caucus members demanded`, `UPS
    corporate communications said`): its name, when the phrase gives it.
    One unnamed person (`a company spokesperson`, `an official at the
    ministry`) stays unnamed, and so does a group with no name (`prison officials`)."""
    head = article.doc[article.token_at(src.offset)]
    if head.lower_ not in SPEAKING_GROUPS:
        return None
    attached = [c for c in head.children if c.dep_ in ("compound", "nmod", "poss")]  # `UPS corporate communications`, UPS an nmod
    at = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "at" for o in p.children if o.dep_ == "pobj"]
    attached += [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("from", "of") for o in p.children if o.dep_ == "pobj"]
    for tok in [*attached, *at]:
        ent = article.ent_of.get(tok.i)
        # analysts are `at` a firm, whatever the tagger calls it (`analysts at Jefferies`, tagged a place)
        if ent is not None and (ent.label_ == "ORG" or tok in at and ent.label_ in AT_FIRM) and (name := article.name_at(ent[-1])):
            return name
        if ent is None and tok.pos_ == "PROPN" and any(e.label_ == "ORG" and e.text == tok.text for e in article.ents):
            return tok.text  # untagged here, an organisation where the article names it elsewhere
    return None
