"""Questions journalists ask of the store: who said this, what did X say, who speaks most.

Every function returns plain dataclass rows; how they are shown is the caller's job.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, desc, func, or_, select
from sqlalchemy.orm import Session

from quotes.store.models import Article, Person, PersonAlias, PersonRole, StoredQuote


class UnknownPerson(LookupError):
    """No stored speaker matches the name asked for."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no speaker matches {name!r}")
        self.name = name


@dataclass(frozen=True)
class QuoteRow:
    """A stored quote with its speaker, article and surrounding paragraph."""

    quote_id: int
    doc_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    kind: str
    paragraph: int
    nested: bool
    context: str | None = None  # the paragraph (line) holding the quote, trimmed


@dataclass(frozen=True)
class RoleSeen:
    """A role as articles state it, and those articles (doc_ids)."""

    role: str
    articles: tuple[str, ...]

    def __str__(self) -> str:
        return self.role


@dataclass(frozen=True)
class SpeakerRow:
    """A person: canonical name, number of quotes, other names seen, roles stated."""

    name: str
    quotes: int
    aliases: tuple[str, ...] = ()
    roles: tuple[RoleSeen, ...] = ()  # most often stated first


def paragraph_around(text: str, start: int, end: int) -> str:
    """The line of `text` that holds `text[start:end]`, without surrounding space."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end == -1 else line_end].strip()


def _select(*, context: bool) -> Select:
    columns = [StoredQuote, Article.doc_id, Person.name]
    if context:
        columns.append(Article.text)
    return (
        select(*columns)
        .join(Article, StoredQuote.article_id == Article.id)
        .outerjoin(Person, StoredQuote.person_id == Person.id)
        .order_by(Article.doc_id, StoredQuote.start)
    )


def _rows(session: Session, statement: Select, *, context: bool = True) -> list[QuoteRow]:
    rows = []
    for quote, doc_id, name, *text in session.execute(statement):
        rows.append(
            QuoteRow(
                quote_id=quote.id,
                doc_id=doc_id,
                start=quote.start,
                end=quote.end,
                text=quote.text,
                speaker=name,
                speaker_mention=quote.speaker_mention,
                cue=quote.cue,
                kind=quote.kind,
                paragraph=quote.paragraph,
                nested=quote.nested,
                context=paragraph_around(text[0], quote.start, quote.end) if context else None,
            )
        )
    return rows


def who_said(session: Session, words: str) -> list[QuoteRow]:
    """Quotes containing every one of `words` (case-insensitive substrings), in article order."""
    terms = words.lower().split()
    if not terms:
        return []
    lowered = func.lower(StoredQuote.text)
    statement = _select(context=True).where(*(lowered.contains(t, autoescape=True) for t in terms))
    return _rows(session, statement)


def _name_matches(name: str) -> list[ColumnElement[bool]]:
    """Ways `name` can match a stored person, best first: full name, surname, first name.

    The first word is tried last because names written family name first
    (`Shen Dingli`) are found by it.
    """
    wanted = " ".join(name.lower().split())
    stored = func.lower(Person.name)
    return [
        stored == wanted,
        stored.endswith(" " + wanted, autoescape=True),
        stored.startswith(wanted + " ", autoescape=True),
    ]


def find_people(session: Session, name: str) -> list[Person]:
    """People matching `name` at the best level that matches anyone; raises UnknownPerson."""
    if name.strip():
        for condition in _name_matches(name):
            people = list(session.scalars(select(Person).where(condition).order_by(Person.name)))
            if people:
                return people
    raise UnknownPerson(name)


def said_by(session: Session, name: str) -> list[QuoteRow]:
    """Every quote by the person called `name` (full name or surname, any case)."""
    ids = [p.id for p in find_people(session, name)]
    return _rows(session, _select(context=True).where(StoredQuote.person_id.in_(ids)))


def all_quotes(session: Session, *, context: bool = False) -> list[QuoteRow]:
    """Every stored quote, in article order."""
    return _rows(session, _select(context=context), context=context)


def speakers(session: Session) -> list[SpeakerRow]:
    """Each quoted person with their number of quotes, most quoted first."""
    count = func.count(StoredQuote.id).label("n")
    statement = (
        select(Person.id, Person.name, count)
        .join(StoredQuote, StoredQuote.person_id == Person.id)
        .group_by(Person.id)
        .order_by(desc(count), Person.name)
    )
    found = session.execute(statement).all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for person_id, alias in session.execute(select(PersonAlias.person_id, PersonAlias.name).order_by(PersonAlias.name)):
        aliases[person_id].append(alias)
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    role_rows = session.execute(
        select(PersonRole.person_id, PersonRole.role, Article.doc_id)
        .join(Article, PersonRole.article_id == Article.id)
        .order_by(Article.doc_id)
    )
    for person_id, role, doc_id in role_rows:
        roles[person_id][role].append(doc_id)
    return [
        SpeakerRow(
            name=name,
            quotes=n,
            aliases=tuple(a for a in aliases[pid] if a != name),
            roles=tuple(
                RoleSeen(role, tuple(docs))
                for role, docs in sorted(roles[pid].items(), key=lambda item: (-len(item[1]), item[0]))
            ),
        )
        for pid, name, n in found
    ]


__all__ = [
    "QuoteRow",
    "RoleSeen",
    "SpeakerRow",
    "UnknownPerson",
    "all_quotes",
    "find_people",
    "paragraph_around",
    "said_by",
    "speakers",
    "who_said",
]
