"""The tables as SQLAlchemy Core `Table`s: articles, the people quoted in them, and the quotes.

One description of the schema for everything that reads or writes it: the
queries (`quotes.query`) select from these tables, the ORM classes in
`quotes.store.models` are mapped onto them, and the Alembic migrations are
checked against them. Core only: importing the ORM costs a query command more
CPU than its whole answer, so the read side never does.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint,
    false, text,
)
from sqlalchemy.types import TypeDecorator

from quotes.folding import fold

# Named constraints, so that batch migrations on SQLite can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

# Compared and sorted by code point on PostgreSQL as on SQLite (BINARY), whatever
# the server's locale: the same order and the same ASCII-only lower() everywhere;
# find_people's prefix range relies on it. Migrations 0001, 0003, 0004 make them so.
Binary = String().with_variant(String(collation="C"), "postgresql")
BinaryDate = String(10).with_variant(String(10, collation="C"), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes; SQLite itself would hand them back naive."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


# One ingested text; `doc_id` (the file stem) identifies it across runs.
articles = Table(
    "articles",
    metadata,
    _id(),
    Column("doc_id", Binary, nullable=False, unique=True),
    Column("path", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("title", String, nullable=True),
    Column("published", BinaryDate, nullable=True),  # ISO date, YYYY-MM-DD
    Column("publisher", Binary, nullable=True),
    Column("url", String, nullable=True),
    Column("ingested_at", UTCDateTime(), nullable=False, default=utcnow),
    # quotes.analysis_version of the run that found its quotes (migration 0011); None from before
    Column("analysis_version", String, nullable=True),
    Index("ix_articles_published", "published"),
    Index("ix_articles_publisher", "publisher"),
)

WHOLE, PARTIAL = text("partial = false"), text("partial = true")

# A speaker, person or organisation, by canonical whole name (see models.Person).
people = Table(
    "people",
    metadata,
    _id(),
    Column("name", Binary, nullable=False),
    Column("type", String, nullable=False, default="person", server_default="person"),  # person | org
    Column("partial", Boolean, nullable=False, default=False, server_default=false()),
    Column("article_id", Integer, nullable=True),  # a partial name's article
    Column("key", String, nullable=False, default="", server_default=""),  # name_lookup_key(name)
    Index("ix_people_name", "name", unique=True, sqlite_where=WHOLE, postgresql_where=WHOLE),
    Index("ix_people_partial_name", "article_id", "name", unique=True, sqlite_where=PARTIAL, postgresql_where=PARTIAL),
    Index("ix_people_key", "key"),  # find_people's lookups
)

# A name a person goes by in some article (see models.PersonAlias).
person_aliases = Table(
    "person_aliases",
    metadata,
    _id(),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("name", Binary, nullable=False),
    Column("key", String, nullable=False),  # lookup.name_lookup_key(name)
    Column("lookup", Boolean, nullable=False, default=False),
    UniqueConstraint("person_id", "name"),
    Index("ix_person_aliases_key", "key"),
)

# A role or affiliation as one article states it (`State Department counsellor`).
person_roles = Table(
    "person_roles",
    metadata,
    _id(),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("role", String, nullable=False),
    UniqueConstraint("person_id", "article_id", "role"),
    Index("ix_person_roles_article_id", "article_id"),
)

# A merge or rename made by a person (see models.Correction).
person_corrections = Table(
    "person_corrections",
    metadata,
    _id(),
    Column("action", String, nullable=False),  # merge | rename
    Column("name", String, nullable=False),  # the name corrected
    Column("target", String, nullable=False),  # the person it means from now on
    Column("made_at", UTCDateTime(), nullable=False, default=utcnow),
)

# A speaker given to one quote by hand (see models.QuoteFix).
quote_fixes = Table(
    "quote_fixes",
    metadata,
    _id(),
    Column("doc_id", Binary, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", String, nullable=True),  # None: the quote has no speaker
    Column("made_at", UTCDateTime(), nullable=False, default=utcnow),
    UniqueConstraint("doc_id", "start", "end"),
)


def _folded(context) -> str:
    """A new quote's `folded`, from its text: what lookups and the search indexes compare."""
    return fold(context.get_current_parameters()["text"])


# One quotation segment: `articles.text[start:end] == text`.
quotes = Table(
    "quotes",
    metadata,
    _id(),
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("person_id", ForeignKey("people.id", ondelete="SET NULL"), nullable=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("folded", Text, nullable=False, default=_folded, server_default=""),  # fold(text), migration 0009
    Column("speaker_mention", String, nullable=True),
    Column("cue", String, nullable=True),
    Column("kind", String, nullable=False, default="none"),
    Column("paragraph", Integer, nullable=False),
    Column("grp", Integer, nullable=False),  # segments of one multi-paragraph quote
    Column("nested", Boolean, nullable=False, default=False),
    Column("detector_version", String, nullable=False),
    Column("confidence", Float, nullable=True),  # that the speaker is right; None: not scored
    Index("ix_quotes_article_id", "article_id"),
    Index("ix_quotes_person_id", "person_id"),
)
