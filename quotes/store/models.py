"""The tables: articles, the people quoted in them, and the quotes.

The schema itself is created by the Alembic migrations in `migrations/`; these
classes are what the migrations are checked against and what queries use.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import false, text
from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from quotes.lookup import name_lookup_key

from quotes.folding import fold

# Named constraints, so that batch migrations on SQLite can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Article(Base):
    """One ingested text; `doc_id` (the file stem) identifies it across runs."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_published", "published"),
        Index("ix_articles_publisher", "publisher"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(Binary, unique=True)
    path: Mapped[str] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String, nullable=True)
    published: Mapped[str | None] = mapped_column(BinaryDate, nullable=True)  # ISO date, YYYY-MM-DD
    publisher: Mapped[str | None] = mapped_column(Binary, nullable=True)
    url: Mapped[str | None] = mapped_column(String, nullable=True)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # quotes.analysis_version of the run that found its quotes (migration 0011); None from before
    analysis_version: Mapped[str | None] = mapped_column(String, nullable=True)

    quotes: Mapped[list[StoredQuote]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="StoredQuote.start",
    )


WHOLE, PARTIAL = text("partial = false"), text("partial = true")


class Person(Base):
    """A speaker, person or organisation, by canonical whole name; the same name is the same speaker.

    A `partial` name (a first name or surname alone that its article never
    expanded) belongs to that one article (`article_id`) and is unique there,
    so `Bush` in two articles is two rows until a person merges them.
    """

    __tablename__ = "people"
    __table_args__ = (
        Index("ix_people_name", "name", unique=True, sqlite_where=WHOLE, postgresql_where=WHOLE),
        Index("ix_people_partial_name", "article_id", "name", unique=True, sqlite_where=PARTIAL, postgresql_where=PARTIAL),
        Index("ix_people_key", "key"),  # find_people's lookups
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Binary)
    type: Mapped[str] = mapped_column(String, default="person", server_default="person")  # person | org
    partial: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    article_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a partial name's article
    key: Mapped[str] = mapped_column(String, default="", server_default="")  # name_lookup_key(name), kept by `name`

    @validates("name")
    def _keyed(self, _field: str, name: str) -> str:
        self.key = name_lookup_key(name)
        return name

    quotes: Mapped[list[StoredQuote]] = relationship(back_populates="person")
    aliases: Mapped[list[PersonAlias]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True, order_by="PersonAlias.id"
    )
    roles: Mapped[list[PersonRole]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True, order_by="PersonRole.id"
    )


class PersonAlias(Base):
    """A name a person goes by in some article.

    `lookup` names (the person's canonical name in some article, or a name given
    by a correction) link newly ingested quotes to the person; the others are
    mentions as written (`Chollet`), kept to show and search.
    """

    __tablename__ = "person_aliases"
    __table_args__ = (
        UniqueConstraint("person_id", "name"),
        Index("ix_person_aliases_key", "key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Binary)
    key: Mapped[str] = mapped_column(String)  # lookup.name_lookup_key(name), kept by `name`
    lookup: Mapped[bool] = mapped_column(Boolean, default=False)

    @validates("name")
    def _keyed(self, _field: str, name: str) -> str:
        self.key = name_lookup_key(name)
        return name

    person: Mapped[Person] = relationship(back_populates="aliases")


class PersonRole(Base):
    """A role or affiliation as one article states it (`State Department counsellor`)."""

    __tablename__ = "person_roles"
    __table_args__ = (
        UniqueConstraint("person_id", "article_id", "role"),
        Index("ix_person_roles_article_id", "article_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String)

    person: Mapped[Person] = relationship(back_populates="roles")
    article: Mapped[Article] = relationship()


class Correction(Base):
    """A merge or rename made by a person; ingest looks names up here first, so
    re-ingesting articles never undoes it."""

    __tablename__ = "person_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String)  # merge | rename
    name: Mapped[str] = mapped_column(String)  # the name corrected
    target: Mapped[str] = mapped_column(String)  # the person it means from now on
    made_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class QuoteFix(Base):
    """A speaker given to one quote by hand (`quotes fix`). Quote ids change when an article
    is stored again, so it names the quote by article, offsets and words; ingest applies it
    each time it stores that article (quotes.store.fixes)."""

    __tablename__ = "quote_fixes"
    __table_args__ = (UniqueConstraint("doc_id", "start", "end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(Binary)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String, nullable=True)  # None: the quote has no speaker
    made_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def _folded(context) -> str:
    """A new quote's `folded`, from its text: what lookups and the search indexes compare."""
    return fold(context.get_current_parameters()["text"])


class StoredQuote(Base):
    """One quotation segment: `article.text[start:end] == text`."""

    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_article_id", "article_id"),
        Index("ix_quotes_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text, default=_folded, server_default="")  # fold(text), migration 0009
    speaker_mention: Mapped[str | None] = mapped_column(String, nullable=True)
    cue: Mapped[str | None] = mapped_column(String, nullable=True)
    kind: Mapped[str] = mapped_column(String, default="none")
    paragraph: Mapped[int] = mapped_column(Integer)
    grp: Mapped[int] = mapped_column(Integer)  # segments of one multi-paragraph quote
    nested: Mapped[bool] = mapped_column(Boolean, default=False)
    detector_version: Mapped[str] = mapped_column(String)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)  # that the speaker is right; None: not scored

    article: Mapped[Article] = relationship(back_populates="quotes")
    person: Mapped[Person | None] = relationship(back_populates="quotes")
