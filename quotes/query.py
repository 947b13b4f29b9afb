"""Questions journalists ask of the store: who said this, what did X say, who speaks most.

Every function returns plain dataclass rows; how they are shown is the caller's job.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, desc, func, select
from sqlalchemy import column as column_text, table as table_text
from sqlalchemy.orm import Session

from quotes.folding import fold, query_text
from quotes.lookup import name_lookup_key
from quotes.store.models import Article, Person, PersonAlias, PersonRole, StoredQuote
from quotes.store.search import (
    TRIGRAM_TABLE,
    Phrase,
    fts5_expression,
    has_trigram_index,
    ranked_hits,
    require_index,
)


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
    title: str | None = None  # the article's, where known
    publisher: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    speaker_type: str | None = None  # person | org; None without a speaker
    confidence: float | None = None  # that the speaker is right (the resolver's); None: not scored

    @property
    def uncertain(self) -> bool:
        """The resolver gave this attribution less than an even chance."""
        return self.confidence is not None and self.confidence < UNCERTAIN


UNCERTAIN = 0.5  # below this confidence an attribution is shown as uncertain


@dataclass(frozen=True)
class RoleSeen:
    """A role as articles state it, and those articles (doc_ids) with their dates (ISO, None if unknown)."""

    role: str
    articles: tuple[str, ...]
    published: tuple[str | None, ...] = ()  # one per article

    def __str__(self) -> str:
        return self.role


@dataclass(frozen=True)
class SpeakerRow:
    """A speaker: canonical name, number of quotes, other names seen, roles stated, type."""

    name: str
    quotes: int
    aliases: tuple[str, ...] = ()
    roles: tuple[RoleSeen, ...] = ()  # most often stated first
    type: str = "person"  # person | org
    partial_in: str | None = None  # a first name or surname alone: the one article (doc_id) it is from

    @property
    def partial(self) -> bool:
        return self.partial_in is not None


def paragraph_around(text: str, start: int, end: int) -> str:
    """The line of `text` that holds `text[start:end]`, without surrounding space."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end == -1 else line_end].strip()


ARTICLE_COLUMNS = (Article.doc_id, Article.title, Article.publisher, Article.published, Article.url)


def _select(*, context: bool) -> Select:
    columns = [StoredQuote, Person.name, Person.type, *ARTICLE_COLUMNS]
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
    for quote, name, kind, doc_id, title, publisher, published, url, *article_text in session.execute(statement):
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
                context=paragraph_around(article_text[0], quote.start, quote.end) if context else None,
                title=title,
                publisher=publisher,
                published=published,
                url=url,
                speaker_type=kind if name is not None else None,
                confidence=quote.confidence,
            )
        )
    return rows


@dataclass(frozen=True)
class Filters:
    """Which quotes to keep: by speaker (name or surname), publisher, article, date range."""

    speaker: str | None = None
    publisher: str | None = None  # part of the stored name, any case (`guardian` keeps "The Guardian")
    article: str | None = None  # doc_id
    since: date | None = None  # published on or after; undated articles drop out
    until: date | None = None  # published on or before
    min_confidence: float | None = None  # attributions at least this sure; unscored ones drop out

    def apply(self, session: Session, statement: Select) -> Select:
        """`statement` (over quotes joined to articles) narrowed to these filters.

        Raises UnknownPerson when no stored speaker matches `speaker`.
        """
        if self.speaker is not None:
            ids = [p.id for p in find_people(session, self.speaker)]
            statement = statement.where(StoredQuote.person_id.in_(ids))
        if self.publisher is not None:
            wanted = self.publisher.strip().lower()
            statement = statement.where(func.lower(Article.publisher).contains(wanted, autoescape=True))
        if self.article is not None:
            statement = statement.where(Article.doc_id == self.article)
        if self.since is not None:
            statement = statement.where(Article.published >= self.since.isoformat())
        if self.until is not None:
            statement = statement.where(Article.published <= self.until.isoformat())
        if self.min_confidence is not None:
            statement = statement.where(StoredQuote.confidence >= self.min_confidence)
        return statement


# The largest id a quote can have: SQLite's integers are 64-bit, PostgreSQL's
# `integer` 32-bit. Asked for more, the database would raise an error, not say "none".
MAX_ID = {"sqlite": 2**63 - 1, "postgresql": 2**31 - 1}
MAX_LIMIT = 2**63 - 1  # LIMIT takes a 64-bit integer on both; beyond it means "all"


class UnknownQuote(LookupError):
    """No stored quote has the id asked for."""

    def __init__(self, quote_id: int) -> None:
        super().__init__(f"no quote has id {quote_id}")
        self.quote_id = quote_id


def quote(session: Session, quote_id: int) -> QuoteRow:
    """One quote with the paragraph around it; raises UnknownQuote."""
    if not 0 < quote_id <= MAX_ID.get(session.get_bind().dialect.name, 2**31 - 1):
        raise UnknownQuote(quote_id)
    rows = _rows(session, _select(context=True).where(StoredQuote.id == quote_id))
    if not rows:
        raise UnknownQuote(quote_id)
    return rows[0]


def search(session: Session, query: str, filters: Filters = Filters(), *, limit: int = 50) -> list[QuoteRow]:
    """Quotes matching `query` in the full-text index, best first (bm25; ts_rank on PostgreSQL),
    narrowed by `filters`.

    `query` is words, all of which must occur in any form of case and accents,
    and "phrases in double quotes" (any quotation glyph); `word*` matches words
    that start so. The index holds folded text, so the query is folded too.
    """
    wanted = phrases(fold(query).rstrip(".,;:!? "))
    if not wanted:
        return []
    require_index(session)
    hits = ranked_hits(session, wanted)
    statement = _select(context=True).join(hits, hits.c.id == StoredQuote.id).order_by(None)
    statement = filters.apply(session, statement).order_by(hits.c.rank, StoredQuote.id).limit(min(limit, MAX_LIMIT))
    return _rows(session, statement)


def phrases(query: str) -> list[Phrase]:
    """A user's words and "phrases" as word lists, with a flag for `word*` (a prefix).
    Operators and punctuation lose their meaning."""
    found = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        words = re.findall(r"\w+", phrase or word)
        if words:
            found.append((words, word.endswith("*") and not phrase))
    return found


def match_expression(query: str) -> str:
    """A user's words and "phrases" as a safe FTS5 expression: `cold "hit the" ice*` ->
    `"cold" AND "hit the" AND "ice"*`."""
    return fts5_expression(phrases(query))


def who_said(
    session: Session, words: str, filters: Filters = Filters(), *, limit: int | None = None
) -> list[QuoteRow]:
    """Quotes containing every one of `words` as substrings, in article order, narrowed by
    `filters` (e.g. `min_confidence`).

    Both sides are folded (quotes.folding.query_text; the stored side is
    `folded`): case, accents and the glyph of an apostrophe or quotation mark
    do not matter, nor quotation marks around the words or a full stop after them.
    """
    terms = list(dict.fromkeys(query_text(words).split()))
    if not terms:
        return []
    statement = _select(context=True).where(*_all_of([StoredQuote.folded.contains(t, autoescape=True) for t in terms]))
    candidates = substring_candidates(session, terms)
    if candidates is not None:
        statement = statement.where(StoredQuote.id.in_(candidates))
    return _rows(session, _limited(filters.apply(session, statement), limit))


def _limited(statement: Select, limit: int | None) -> Select:
    """The first `limit` rows; all of them for None (or a limit past what LIMIT takes)."""
    return statement if limit is None else statement.limit(min(limit, MAX_LIMIT))


# Conditions per SQL expression: SQLite refuses one nested over 1000 deep, and
# `a AND b AND ...` nests one level a condition (a pasted paragraph is hundreds).
CHUNK = 100


def _all_of(conditions: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
    """`conditions` for `where`, as they are or, when many, CHUNK at a time in subqueries on the quote id."""
    if len(conditions) <= CHUNK:
        return conditions
    return [
        StoredQuote.id.in_(select(StoredQuote.id).where(*conditions[i : i + CHUNK]))
        for i in range(0, len(conditions), CHUNK)
    ]


def substring_candidates(session: Session, terms: list[str]) -> Select | None:
    """Ids of quotes that may hold every term, from the trigram index; None when it cannot tell.

    A superset of the true matches (the index holds the same folded text, but
    its LIKE ignores ASCII case), so who_said still checks each term itself and
    finds what a scan of every quote would. Terms under three characters, or
    with LIKE's wildcards in them, are left to that check.
    """
    usable = [t for t in terms if len(t) >= 3 and "%" not in t and "_" not in t]
    usable = sorted(usable, key=len, reverse=True)[:CHUNK]  # fewer terms: a larger superset, still right
    if not usable or session.get_bind().dialect.name != "sqlite" or not has_trigram_index(session):
        return None
    column = column_text("folded")
    return (
        select(column_text("rowid"))
        .select_from(table_text(TRIGRAM_TABLE))
        .where(*(column.like(f"%{t}%") for t in usable))
    )


def _name_matches(name: str) -> list[ColumnElement[bool]]:
    """Ways `name` can match a stored person, best first: full name, surname, first name.

    Both sides are `name_lookup_key`s (case, accents, apostrophes, titles folded:
    `sorensen` finds `Sørensen`, `Mayor Ruiz` finds `Elena Ruiz`). The first word
    is tried last because names written family name first (`Shen Dingli`) are found by it.
    """
    wanted = name_lookup_key(name)
    stored = Person.key
    aliased = select(PersonAlias.person_id).where(PersonAlias.key == wanted, PersonAlias.lookup)
    return [
        (stored == wanted) | Person.id.in_(aliased),  # the name, or a form of it merged in (`IDF`)
        stored.endswith(" " + wanted, autoescape=True),
        # starts with `wanted + " "`, as a range the key index answers
        (stored >= wanted + " ") & (stored < wanted + "!"),
    ]


def find_people(session: Session, name: str) -> list[Person]:
    """Speakers matching `name` at the best level that matches anyone; raises UnknownPerson.

    Partial names (`Chollet` from an article that never gave the first name)
    do not hide the whole names of the next level: `chollet` finds both.
    """
    found: list[Person] = []
    if name.strip():
        for condition in _name_matches(name):
            people = list(session.scalars(select(Person).where(condition).order_by(Person.name, Person.id)))
            found += [p for p in people if p not in found]
            if any(not p.partial for p in people):
                break
    if not found:
        raise UnknownPerson(name)
    return sorted(found, key=lambda p: (p.partial, p.name, p.id))


def said_by(
    session: Session, name: str, filters: Filters = Filters(), *, limit: int | None = None
) -> list[QuoteRow]:
    """Every quote by the speaker called `name` (full name, alias or surname; case, accents,
    titles and apostrophe glyphs folded), narrowed by `filters`; the first `limit`."""
    ids = [p.id for p in find_people(session, name)]
    statement = filters.apply(session, _select(context=True).where(StoredQuote.person_id.in_(ids)))
    return _rows(session, _limited(statement, limit))


def all_quotes(session: Session, *, context: bool = False, filters: Filters = Filters()) -> list[QuoteRow]:
    """Every stored quote (or those `filters` keep), in article order."""
    return _rows(session, filters.apply(session, _select(context=context)), context=context)


def quote_roles(session: Session, filters: Filters = Filters()) -> dict[int, list[str]]:
    """The roles each quote's article gives its speaker, by quote id (quotes `filters` keeps)."""
    statement = (
        select(StoredQuote.id, PersonRole.role)
        .join(Article, StoredQuote.article_id == Article.id)
        .join(PersonRole, (PersonRole.person_id == StoredQuote.person_id) & (PersonRole.article_id == StoredQuote.article_id))
        .order_by(StoredQuote.id, PersonRole.role)
    )
    roles: dict[int, list[str]] = defaultdict(list)
    for quote_id, role in session.execute(filters.apply(session, statement)):
        roles[quote_id].append(role)
    return roles


def speakers(session: Session, *, kind: str | None = None, limit: int | None = None) -> list[SpeakerRow]:
    """Each quoted speaker (or each of type `kind`: person | org) with their number of quotes,
    most quoted first; the first `limit`."""
    count = func.count(StoredQuote.id).label("n")
    statement = (
        select(Person.id, Person.name, count, Person.type, Person.partial, Article.doc_id)
        .join(StoredQuote, StoredQuote.person_id == Person.id)
        .outerjoin(Article, (Article.id == Person.article_id) & Person.partial)
        .group_by(Person.id, Article.doc_id)
        .order_by(desc(count), Person.name, Person.id)
    )
    if kind is not None:
        statement = statement.where(Person.type == kind)
    found = session.execute(_limited(statement, limit)).all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for person_id, alias in session.execute(select(PersonAlias.person_id, PersonAlias.name).order_by(PersonAlias.name)):
        aliases[person_id].append(alias)
    roles: dict[int, dict[str, list[tuple[str, str | None]]]] = defaultdict(lambda: defaultdict(list))
    role_rows = session.execute(
        select(PersonRole.person_id, PersonRole.role, Article.doc_id, Article.published)
        .join(Article, PersonRole.article_id == Article.id)
        .order_by(Article.doc_id)
    )
    for person_id, role, doc_id, published in role_rows:
        roles[person_id][role].append((doc_id, published))
    return [
        SpeakerRow(
            name=name,
            quotes=n,
            aliases=tuple(a for a in aliases[pid] if a != name),
            roles=tuple(
                RoleSeen(role, tuple(d for d, _ in seen), tuple(p for _, p in seen))
                for role, seen in sorted(roles[pid].items(), key=lambda item: (-len(item[1]), item[0]))
            ),
            type=kind,
            partial_in=doc_id if partial else None,
        )
        for pid, name, n, kind, partial, doc_id in found
    ]


__all__ = [
    "Filters",
    "QuoteRow",
    "UnknownQuote",
    "match_expression",
    "quote",
    "search",
    "RoleSeen",
    "UNCERTAIN",
    "SpeakerRow",
    "UnknownPerson",
    "all_quotes",
    "find_people",
    "paragraph_around",
    "quote_roles",
    "said_by",
    "speakers",
    "who_said",
]
