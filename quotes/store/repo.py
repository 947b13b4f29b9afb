"""Writing articles and their quotes. Helpers here flush but never commit:
the caller owns the transaction (one per article during ingest)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.detect import DETECTOR_VERSION
from quotes.records import Attribution
from quotes.store.models import Article, Person, StoredQuote, utcnow


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(session: Session, doc_id: str) -> Article | None:
    return session.scalar(select(Article).where(Article.doc_id == doc_id))


def is_current(session: Session, doc_id: str, text: str) -> bool:
    """True when `doc_id` is stored with exactly this text, so it can be skipped."""
    article = find_article(session, doc_id)
    return article is not None and article.sha256 == sha256(text)


def get_or_create_person(session: Session, name: str) -> Person:
    """The person with this canonical name, added if new.

    The one place a detected name becomes a Person. Corrections made by a person
    (merges, renames: not built yet) must be looked up here, e.g. in an alias
    table, so that re-ingesting an article links its quotes to the corrected
    person. Ingest never renames or deletes people rows, so such corrections
    survive re-ingest already; only this lookup is missing.
    """
    name = " ".join(name.split())
    person = session.scalar(select(Person).where(Person.name == name))
    if person is None:
        person = Person(name=name)
        session.add(person)
        session.flush()
    return person


def add_article(
    session: Session,
    doc_id: str,
    path: str,
    text: str,
    attributions: Iterable[Attribution],
    *,
    title: str | None = None,
    detector_version: str = DETECTOR_VERSION,
) -> Article:
    """Store an article and its quotes, linking each named speaker to a Person.

    The same doc_id with the same text is left as it is; with a changed text the
    article is updated and its old quotes are replaced, in the caller's
    transaction, so a crash leaves the old version or the new one. People are
    only ever added here, never changed or removed (see get_or_create_person).
    """
    digest = sha256(text)
    article = find_article(session, doc_id)
    if article is not None and article.sha256 == digest:
        return article
    if article is None:
        article = Article(doc_id=doc_id)
        session.add(article)
    else:
        article.quotes.clear()  # delete-orphan removes the old rows
    article.path = str(path)
    article.text = text
    article.sha256 = digest
    article.title = title
    article.ingested_at = utcnow()

    people: dict[str, Person] = {}
    for a in attributions:
        q = a.quote
        person = None
        if a.speaker and a.speaker.strip():
            person = people.get(a.speaker) or get_or_create_person(session, a.speaker)
            people[a.speaker] = person
        article.quotes.append(
            StoredQuote(
                person=person,
                start=q.start,
                end=q.end,
                text=q.text,
                speaker_mention=a.mention,
                cue=a.cue,
                kind=a.kind,
                paragraph=q.paragraph,
                grp=q.group,
                nested=q.nested,
                detector_version=detector_version,
            )
        )
    session.flush()
    return article
