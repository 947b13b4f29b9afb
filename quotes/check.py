"""Checking a draft's quotations against the database: one verdict per quotation.

draft text -> pipeline (the detection and attribution of ingest) -> candidates
from the full-text index -> wording and speaker compared -> Verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.draft import UnreadableDraft, UnsupportedDraft, read_draft
from quotes.names import name_key
from quotes.analysis import analyse
from quotes.query import UNCERTAIN
from quotes.records import Attribution
from quotes.store.models import Article, Person, StoredQuote
from quotes.store.search import document_counts, matching_ids, require_index
from quotes.wording import (
    DiffOp,
    Element,
    changed_words,
    closeness,
    parse,
    pieces,
    same_words,
    search_terms,
    word_count,
    word_diff,
)

VERIFIED, ALTERED, MISATTRIBUTED, UNVERIFIED = "verified", "altered", "misattributed", "unverified"
# The same words, another speaker, but the stored speaker is itself uncertain
# (confidence below query.UNCERTAIN): a conflict for a person to look at, not a firm misattribution.
CONFLICT = "conflict"
VERDICTS = (VERIFIED, ALTERED, MISATTRIBUTED, CONFLICT, UNVERIFIED)

RARE_TERMS = 6  # the index is asked for quotes holding any of the draft's rarest few words
POSTINGS_BUDGET = 3000  # ...but past the rarest two, only while their quotes number this few
CANDIDATES = 50  # best-ranked quotes compared word by word
ALTERED_MIN = 85.0  # closeness (0-100) from which a stored quote counts as the one altered
# A short quotation with one word changed scores lower (`hit the warm ice`: 75), so
# from this closeness a single changed word in a quotation of 3+ words is altered too.
ONE_WORD_MIN = 60.0
ONE_WORD_LENGTH = 3


@dataclass(frozen=True)
class Source:
    """The stored quotation a verdict rests on."""

    quote_id: int
    text: str
    speaker: str | None  # canonical name; None for an unnamed source
    speaker_mention: str | None
    article: str  # doc_id
    score: float  # closeness 0-100; 100 for the same words
    confidence: float | None = None  # the resolver's, that `speaker` is right; None if not scored

    @property
    def uncertain(self) -> bool:
        return self.confidence is not None and self.confidence < UNCERTAIN


@dataclass(frozen=True)
class Verdict:
    """One draft quotation, as the draft gives it, and what the database says."""

    text: str
    speaker: str | None  # as the draft says (its canonical name), None if it names no one
    verdict: str  # verified | altered | misattributed | unverified
    source: Source | None = None
    diff: tuple[DiffOp, ...] | None = None  # original -> draft, for `altered`
    start: int = 0  # offsets of the quoted words in the draft text
    end: int = 0


def same_person(draft: str | None, stored: str | None) -> bool:
    """Could the draft's speaker be the stored one? A draft naming no one contradicts nobody.

    Names agree when equal, when one is a single name that is the other's first
    or last word (`Chollet`, `Shen`), or on surname and first initial.
    """
    if draft is None:
        return True
    if stored is None:
        return False
    (d, d_suffix), (s, s_suffix) = name_key(draft), name_key(stored)
    if not d or not s:
        return draft.strip().lower() == stored.strip().lower()
    if d == s:
        return d_suffix == s_suffix or None in (d_suffix, s_suffix)
    if len(d) == 1 or len(s) == 1:
        short, full = (d, s) if len(d) == 1 else (s, d)
        return short[0] in (full[0], full[-1])
    return d[-1] == s[-1] and d[0][0] == s[0][0]


def _sources(session: Session, ids: list[int]) -> list[Source]:
    """The candidate quotes with speaker and article, in the index's rank order."""
    if not ids:
        return []
    rows = session.execute(
        select(StoredQuote.id, StoredQuote.text, Person.name, StoredQuote.speaker_mention, Article.doc_id,
               StoredQuote.confidence)
        .join(Article, StoredQuote.article_id == Article.id)
        .outerjoin(Person, StoredQuote.person_id == Person.id)
        .where(StoredQuote.id.in_(ids))
    )
    by_id = {r[0]: Source(*r[:5], score=0.0, confidence=r[5]) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def candidates(session: Session, draft: list[Element], counts: dict[str, int] | None = None) -> list[Source]:
    """Stored quotes sharing the draft's rarest words, best bm25 rank first.

    `counts` keeps terms' document counts across one draft: counting a common
    word reads its whole posting list.
    """
    counts = {} if counts is None else counts
    words = " ".join(el for run in pieces(draft) for el in run if isinstance(el, str))
    terms = search_terms(words)
    new = [t for t in terms if t not in counts]
    counts.update(dict.fromkeys(new, 0) | document_counts(session, new))
    present = [t for t in terms if counts[t]]
    rarest: list[str] = []
    for term in sorted(present, key=lambda term: (counts[term], term))[:RARE_TERMS]:
        if len(rarest) >= 2 and sum(counts[t] for t in rarest) + counts[term] > POSTINGS_BUDGET:
            break  # ranking a common word's many quotes costs more than it finds
        rarest.append(term)
    return _sources(session, matching_ids(session, rarest, limit=CANDIDATES))


def _scored(source: Source, score: float) -> Source:
    return replace(source, score=round(score, 1))


def check_quote(session: Session, attribution: Attribution, counts: dict[str, int] | None = None) -> Verdict:
    """The verdict on one draft quotation."""
    quote, speaker = attribution.quote, attribution.speaker
    found = dict(text=quote.text, speaker=speaker, start=quote.start, end=quote.end)
    draft = parse(quote.text)
    pool = candidates(session, draft, counts)

    # 1. The same words: verified under an agreeing speaker, else misattributed
    #    (a conflict when the stored speaker is itself uncertain).
    same = [s for s in pool if same_words(draft, s.text)]
    agreeing = [s for s in same if same_person(speaker, s.speaker)]
    if agreeing:
        return Verdict(**found, verdict=VERIFIED, source=_scored(agreeing[0], 100))
    if same:
        named = [s for s in same if s.speaker] or same
        verdict = CONFLICT if named[0].uncertain else MISATTRIBUTED
        return Verdict(**found, verdict=verdict, source=_scored(named[0], 100))

    # 2. Close words: altered, shown against the closest (the same speaker's on a tie).
    scored = [(closeness(draft, s.text), same_person(speaker, s.speaker), s) for s in pool]
    for score, _, best in sorted(scored, key=lambda t: (t[0], t[1]), reverse=True):
        if score < ONE_WORD_MIN:
            break
        diff = tuple(word_diff(draft, best.text))
        if score >= ALTERED_MIN or (changed_words(diff) <= 1 and word_count(draft) >= ONE_WORD_LENGTH):
            return Verdict(**found, verdict=ALTERED, source=_scored(best, score), diff=diff)

    # 3. Nothing close.
    return Verdict(**found, verdict=UNVERIFIED)


def check_quotes(session: Session, attributions: Iterable[Attribution]) -> list[Verdict]:
    """Verdicts for already attributed quotations; nested ones are checked as part of
    the quotation around them."""
    require_index(session)
    counts: dict[str, int] = {}
    return [check_quote(session, a, counts) for a in attributions if not a.quote.nested]


class UncheckedDraft(ValueError):
    """A draft with quotation marks that could not be paired: the quotation they
    begin or end was not read, so passing the rest would pass what was not checked."""

    def __init__(self, text: str, problems: list[str]) -> None:
        first = problems[0]
        offset = re.search(r"offset (\d+)", first)
        if offset:
            at = int(offset.group(1))
            line = text.count("\n", 0, at) + 1
            excerpt = text[at : at + 40].split("\n")[0]
            first = f"{first} (line {line}: {excerpt!r})"
        more = f", and {len(problems) - 1} more" if len(problems) > 1 else ""
        super().__init__(f"could not check every quotation: {first}{more}; pair the marks and check again")
        self.problems = problems


def check_draft(session: Session, text: str) -> list[Verdict]:
    """Find the draft's quotations and speakers as ingest would, and judge each one.

    Raises UncheckedDraft when a quotation mark could not be paired (an
    unclosed quotation): a check fails closed, never passing what it did not read.
    """
    require_index(session)
    analysis = next(iter(analyse([text])))
    if analysis.warnings:
        raise UncheckedDraft(text, analysis.warnings)
    return check_quotes(session, analysis.attributions)


__all__ = [
    "ALTERED",
    "CONFLICT",
    "MISATTRIBUTED",
    "UNVERIFIED",
    "VERDICTS",
    "VERIFIED",
    "Source",
    "UncheckedDraft",
    "UnreadableDraft",
    "UnsupportedDraft",
    "Verdict",
    "check_draft",
    "check_quote",
    "check_quotes",
    "read_draft",
    "same_person",
]
