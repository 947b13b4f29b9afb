"""The ORM classes for writing: articles, the people quoted in them, and the quotes.

Each class is mapped onto its table in `quotes.store.tables`, the one
description of the schema (the queries select from those tables without the
ORM). The schema itself is created by the Alembic migrations in `migrations/`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship, validates

from quotes.lookup import name_lookup_key
from quotes.store import tables
from quotes.store.tables import utcnow  # noqa: F401  (the writers import it from here)


class Base(DeclarativeBase):
    metadata = tables.metadata


class Article(Base):
    """One ingested text; `doc_id` (the file stem) identifies it across runs."""

    __table__ = tables.articles

    id: Mapped[int]
    doc_id: Mapped[str]
    path: Mapped[str]
    text: Mapped[str]
    sha256: Mapped[str]
    title: Mapped[str | None]
    published: Mapped[str | None]  # ISO date, YYYY-MM-DD
    publisher: Mapped[str | None]
    url: Mapped[str | None]
    ingested_at: Mapped[datetime]
    analysis_version: Mapped[str | None]  # quotes.analysis_version of the run that found its quotes

    quotes: Mapped[list[StoredQuote]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="StoredQuote.start",
    )


class Person(Base):
    """A speaker, person or organisation, by canonical whole name; the same name is the same speaker.

    A `partial` name (a first name or surname alone that its article never
    expanded) belongs to that one article (`article_id`) and is unique there,
    so `Bush` in two articles is two rows until a person merges them.
    """

    __table__ = tables.people

    id: Mapped[int]
    name: Mapped[str]
    type: Mapped[str]  # person | org
    partial: Mapped[bool]
    article_id: Mapped[int | None]  # a partial name's article
    key: Mapped[str]  # name_lookup_key(name), kept by `name`

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

    __table__ = tables.person_aliases

    id: Mapped[int]
    person_id: Mapped[int]
    name: Mapped[str]
    key: Mapped[str]  # lookup.name_lookup_key(name), kept by `name`
    lookup: Mapped[bool]

    @validates("name")
    def _keyed(self, _field: str, name: str) -> str:
        self.key = name_lookup_key(name)
        return name

    person: Mapped[Person] = relationship(back_populates="aliases")


class PersonRole(Base):
    """A role or affiliation as one article states it (`State Department counsellor`)."""

    __table__ = tables.person_roles

    id: Mapped[int]
    person_id: Mapped[int]
    article_id: Mapped[int]
    role: Mapped[str]

    person: Mapped[Person] = relationship(back_populates="roles")
    article: Mapped[Article] = relationship()


class Correction(Base):
    """A merge or rename made by a person; ingest looks names up here first, so
    re-ingesting articles never undoes it."""

    __table__ = tables.person_corrections

    id: Mapped[int]
    action: Mapped[str]  # merge | rename
    name: Mapped[str]  # the name corrected
    target: Mapped[str]  # the person it means from now on
    made_at: Mapped[datetime]


class QuoteFix(Base):
    """A speaker given to one quote by hand (`quotes fix`). Quote ids change when an article
    is stored again, so it names the quote by article, offsets and words; ingest applies it
    each time it stores that article (quotes.store.fixes)."""

    __table__ = tables.quote_fixes

    id: Mapped[int]
    doc_id: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    speaker: Mapped[str | None]  # None: the quote has no speaker
    made_at: Mapped[datetime]


class StoredQuote(Base):
    """One quotation segment: `article.text[start:end] == text`."""

    __table__ = tables.quotes

    id: Mapped[int]
    article_id: Mapped[int]
    person_id: Mapped[int | None]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    folded: Mapped[str]  # fold(text), migration 0009
    speaker_mention: Mapped[str | None]
    cue: Mapped[str | None]
    kind: Mapped[str]
    paragraph: Mapped[int]
    grp: Mapped[int]  # segments of one multi-paragraph quote
    nested: Mapped[bool]
    detector_version: Mapped[str]
    confidence: Mapped[float | None]  # that the speaker is right; None: not scored

    article: Mapped[Article] = relationship(back_populates="quotes")
    person: Mapped[Person | None] = relationship(back_populates="quotes")
