"""Questions journalists ask of the store: who said this, what did X say, who speaks most.

Every function returns plain dataclass rows; how they are shown is the caller's job.
They select from the Core tables (`quotes.store.tables`) and take a Core
connection or an ORM session: a query command never imports the ORM, which
costs more CPU than its answer (tests/test_startup.py checks).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, desc, func, select
from sqlalchemy import column as column_text, table as table_text

from quotes.folding import fold, query_text
from quotes.lookup import name_lookup_key
from quotes.store import tables
from quotes.store.search import (
    TRIGRAM_TABLE,
    Phrase,
    Reader,
    dialect_name,
    fts5_expression,
    has_trigram_index,
    ranked_hits,
    require_index,
)

# The columns of each table, as the queries below name them.
Q, A, P = tables.quotes.c, tables.articles.c, tables.people.c
ALIAS, ROLE = tables.person_aliases.c, tables.person_roles.c


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
class PersonRow:
    """A stored speaker as a name lookup finds them (find_people)."""

    id: int
    name: str
    type: str = "person"  # person | org
    partial: bool = False  # a first name or surname alone, its article's only


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


QUOTE_COLUMNS = (Q.id, Q.start, Q.end, Q.text, Q.speaker_mention, Q.cue, Q.kind, Q.paragraph, Q.nested, Q.confidence)
ARTICLE_COLUMNS = (A.doc_id, A.title, A.publisher, A.published, A.url)


def _select(*, context: bool) -> Select:
    columns = [*QUOTE_COLUMNS, P.name.label("speaker"), P.type.label("speaker_type"), *ARTICLE_COLUMNS]
    if context:
        columns.append(A.text.label("article_text"))
    return (
        select(*columns)
        .join_from(tables.quotes, tables.articles, Q.article_id == A.id)
        .outerjoin(tables.people, Q.person_id == P.id)
        .order_by(A.doc_id, Q.start)
    )


def _rows(connection: Reader, statement: Select, *, context: bool = True) -> list[QuoteRow]:
    return [
        QuoteRow(
            quote_id=row.id,
            doc_id=row.doc_id,
            start=row.start,
            end=row.end,
            text=row.text,
            speaker=row.speaker,
            speaker_mention=row.speaker_mention,
            cue=row.cue,
            kind=row.kind,
            paragraph=row.paragraph,
            nested=row.nested,
            context=paragraph_around(row.article_text, row.start, row.end) if context else None,
            title=row.title,
            publisher=row.publisher,
            published=row.published,
            url=row.url,
            speaker_type=row.speaker_type if row.speaker is not None else None,
            confidence=row.confidence,
        )
        for row in connection.execute(statement)
    ]


@dataclass(frozen=True)
class Filters:
    """Which quotes to keep: by speaker (name or surname), publisher, article, date range."""

    speaker: str | None = None
    publisher: str | None = None  # part of the stored name, any case (`guardian` keeps "The Guardian")
    article: str | None = None  # doc_id
    since: date | None = None  # published on or after; undated articles drop out
    until: date | None = None  # published on or before
    min_confidence: float | None = None  # attributions at least this sure; unscored ones drop out

    def apply(self, connection: Reader, statement: Select) -> Select:
        """`statement` (over quotes joined to articles) narrowed to these filters.

        Raises UnknownPerson when no stored speaker matches `speaker`.
        """
        if self.speaker is not None:
            ids = [p.id for p in find_people(connection, self.speaker)]
            statement = statement.where(Q.person_id.in_(ids))
        if self.publisher is not None:
            wanted = self.publisher.strip().lower()
            statement = statement.where(func.lower(A.publisher).contains(wanted, autoescape=True))
        if self.article is not None:
            statement = statement.where(A.doc_id == self.article)
        if self.since is not None:
            statement = statement.where(A.published >= self.since.isoformat())
        if self.until is not None:
            statement = statement.where(A.published <= self.until.isoformat())
        if self.min_confidence is not None:
            statement = statement.where(Q.confidence >= self.min_confidence)
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


def quote(connection: Reader, quote_id: int) -> QuoteRow:
    """One quote with the paragraph around it; raises UnknownQuote."""
    if not 0 < quote_id <= MAX_ID.get(dialect_name(connection), 2**31 - 1):
        raise UnknownQuote(quote_id)
    rows = _rows(connection, _select(context=True).where(Q.id == quote_id))
    if not rows:
        raise UnknownQuote(quote_id)
    return rows[0]


def search(connection: Reader, query: str, filters: Filters = Filters(), *, limit: int = 50) -> list[QuoteRow]:
    """Quotes matching `query` in the full-text index, best first (bm25; ts_rank on PostgreSQL),
    narrowed by `filters`.

    `query` is words, all of which must occur in any form of case and accents,
    and "phrases in double quotes" (any quotation glyph); `word*` matches words
    that start so. The index holds folded text, so the query is folded too.
    """
    wanted = phrases(fold(query).rstrip(".,;:!? "))
    if not wanted:
        return []
    require_index(connection)
    hits = ranked_hits(connection, wanted)
    statement = _select(context=True).join(hits, hits.c.id == Q.id).order_by(None)
    statement = filters.apply(connection, statement).order_by(hits.c.rank, Q.id).limit(min(limit, MAX_LIMIT))
    return _rows(connection, statement)


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
    connection: Reader, words: str, filters: Filters = Filters(), *, limit: int | None = None
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
    statement = _select(context=True).where(*_all_of([Q.folded.contains(t, autoescape=True) for t in terms]))
    candidates = substring_candidates(connection, terms)
    if candidates is not None:
        statement = statement.where(Q.id.in_(candidates))
    return _rows(connection, _limited(filters.apply(connection, statement), limit))


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
        Q.id.in_(select(Q.id).where(*conditions[i : i + CHUNK]))
        for i in range(0, len(conditions), CHUNK)
    ]


def substring_candidates(connection: Reader, terms: list[str]) -> Select | None:
    """Ids of quotes that may hold every term, from the trigram index; None when it cannot tell.

    A superset of the true matches (the index holds the same folded text, but
    its LIKE ignores ASCII case), so who_said still checks each term itself and
    finds what a scan of every quote would. Terms under three characters, or
    with LIKE's wildcards in them, are left to that check.
    """
    usable = [t for t in terms if len(t) >= 3 and "%" not in t and "_" not in t]
    usable = sorted(usable, key=len, reverse=True)[:CHUNK]  # fewer terms: a larger superset, still right
    if not usable or dialect_name(connection) != "sqlite" or not has_trigram_index(connection):
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
    stored = P.key
    aliased = select(ALIAS.person_id).where(ALIAS.key == wanted, ALIAS.lookup)
    return [
        (stored == wanted) | P.id.in_(aliased),  # the name, or a form of it merged in (`IDF`)
        stored.endswith(" " + wanted, autoescape=True),
        # starts with `wanted + " "`, as a range the key index answers
        (stored >= wanted + " ") & (stored < wanted + "!"),
    ]


def find_people(connection: Reader, name: str) -> list[PersonRow]:
    """Speakers matching `name` at the best level that matches anyone; raises UnknownPerson.

    Partial names (`Chollet` from an article that never gave the first name)
    do not hide the whole names of the next level: `chollet` finds both.
    """
    found: list[PersonRow] = []
    if name.strip():
        for condition in _name_matches(name):
            statement = select(P.id, P.name, P.type, P.partial).where(condition).order_by(P.name, P.id)
            people = [PersonRow(*row) for row in connection.execute(statement)]
            found += [p for p in people if p not in found]
            if any(not p.partial for p in people):
                break
    if not found:
        raise UnknownPerson(name)
    return sorted(found, key=lambda p: (p.partial, p.name, p.id))


def said_by(
    connection: Reader, name: str, filters: Filters = Filters(), *, limit: int | None = None
) -> list[QuoteRow]:
    """Every quote by the speaker called `name` (full name, alias or surname; case, accents,
    titles and apostrophe glyphs folded), narrowed by `filters`; the first `limit`."""
    ids = [p.id for p in find_people(connection, name)]
    statement = filters.apply(connection, _select(context=True).where(Q.person_id.in_(ids)))
    return _rows(connection, _limited(statement, limit))


def all_quotes(connection: Reader, *, context: bool = False, filters: Filters = Filters()) -> list[QuoteRow]:
    """Every stored quote (or those `filters` keep), in article order."""
    return _rows(connection, filters.apply(connection, _select(context=context)), context=context)


def quote_roles(connection: Reader, filters: Filters = Filters()) -> dict[int, list[str]]:
    """The roles each quote's article gives its speaker, by quote id (quotes `filters` keeps)."""
    statement = (
        select(Q.id, ROLE.role)
        .join_from(tables.quotes, tables.articles, Q.article_id == A.id)
        .join(tables.person_roles, (ROLE.person_id == Q.person_id) & (ROLE.article_id == Q.article_id))
        .order_by(Q.id, ROLE.role)
    )
    roles: dict[int, list[str]] = defaultdict(list)
    for quote_id, role in connection.execute(filters.apply(connection, statement)):
        roles[quote_id].append(role)
    return roles


def speakers(connection: Reader, *, kind: str | None = None, limit: int | None = None) -> list[SpeakerRow]:
    """Each quoted speaker (or each of type `kind`: person | org) with their number of quotes,
    most quoted first; the first `limit`."""
    count = func.count(Q.id).label("n")
    statement = (
        select(P.id, P.name, count, P.type, P.partial, A.doc_id)
        .join_from(tables.people, tables.quotes, Q.person_id == P.id)
        .outerjoin(tables.articles, (A.id == P.article_id) & P.partial)
        .group_by(P.id, A.doc_id)
        .order_by(desc(count), P.name, P.id)
    )
    if kind is not None:
        statement = statement.where(P.type == kind)
    found = connection.execute(_limited(statement, limit)).all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for person_id, alias in connection.execute(select(ALIAS.person_id, ALIAS.name).order_by(ALIAS.name)):
        aliases[person_id].append(alias)
    roles: dict[int, dict[str, list[tuple[str, str | None]]]] = defaultdict(lambda: defaultdict(list))
    role_rows = connection.execute(
        select(ROLE.person_id, ROLE.role, A.doc_id, A.published)
        .join_from(tables.person_roles, tables.articles, ROLE.article_id == A.id)
        .order_by(A.doc_id)
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
    "PersonRow",
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
