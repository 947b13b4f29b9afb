"""Writing articles and their quotes. Helpers here flush but never commit:
the caller owns the transaction (one per article during ingest)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.analysis_version import analysis_version
from quotes.detect import DETECTOR_VERSION
from quotes.name_checks import is_partial, name_problems, speaker_kind, tidy_name
from quotes.records import Attribution
from quotes.store.models import Article, Person, StoredQuote, utcnow
from quotes.store.fixes import apply_fixes
from quotes.store.people import add_alias, add_role, clear_roles, get_or_create_person


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(session: Session, doc_id: str) -> Article | None:
    return session.scalar(select(Article).where(Article.doc_id == doc_id))


def is_current(session: Session, doc_id: str, text: str, version: str | None = None) -> bool:
    """True when `doc_id` is stored with exactly this text, by this analysis version
    (the running one unless given), so it can be skipped."""
    article = find_article(session, doc_id)
    return is_current_article(article, text, version)


def is_current_article(article: Article | None, text: str, version: str | None = None) -> bool:
    """is_current for an article already looked up (None: not stored)."""
    return (
        article is not None
        and article.sha256 == sha256(text)
        and article.analysis_version == (version or analysis_version())
    )


def same_metadata(article: Article, meta: dict[str, str | None]) -> bool:
    return all(getattr(article, key) == value for key, value in meta.items())


def update_metadata(session: Session, doc_id: str, meta: dict[str, str | None]) -> bool:
    """Give a stored article the title, date, publisher or URL now known; False if none changed.

    Lets a database made before articles had metadata learn it on re-ingest,
    without the article's quotes being found again.
    """
    article = find_article(session, doc_id)
    if article is None or same_metadata(article, meta):
        return False
    for key, value in meta.items():
        setattr(article, key, value)
    session.flush()
    return True


def add_article(
    session: Session,
    doc_id: str,
    path: str,
    text: str,
    attributions: Iterable[Attribution],
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    detector_version: str = DETECTOR_VERSION,
    version: str | None = None,
    again: bool = False,
) -> Article:
    """Store an article and its quotes, linking each named speaker to a Person.

    The same doc_id with the same text, found by the same analysis `version`
    (quotes.analysis_version, the running one unless given) is left as it is,
    unless `again`; with a changed text, or another version, the article is
    updated and its old quotes are replaced, in the caller's transaction, so a
    crash leaves the old version or the new one. Fixes made with `quotes fix`
    are applied again to the new quotes. People are
    only ever added here, never changed or removed (see get_or_create_person);
    named mentions become their aliases and stated roles their roles.

    A speaker name that is not a name (`name_problems`: `CEO`, `Obama Says`,
    markup) is stored as no speaker, its words kept as the mention: the last
    defence, whatever the resolver handed over. The speaker's type is the
    resolver's (`speaker_type`) or else what the name says; a first name or
    surname alone is a partial name, kept to this article.
    """
    digest = sha256(text)
    version = version or analysis_version()
    article = find_article(session, doc_id)
    if not again and is_current_article(article, text, version):
        return article
    if article is None:
        article = Article(doc_id=doc_id)
        session.add(article)
    else:
        article.quotes.clear()  # delete-orphan removes the old rows
        clear_roles(session, article.id)
    article.path = str(path)
    article.text = text
    article.sha256 = digest
    article.title = title
    article.published, article.publisher, article.url = published, publisher, url
    article.ingested_at = utcnow()
    article.analysis_version = version

    if article.id is None:
        session.flush()  # partial names belong to the article: it needs its id
    people: dict[tuple[str, str], Person] = {}
    seen: list[tuple[Person, str, Attribution]] = []
    for a in attributions:
        q = a.quote
        person, mention, confidence = None, a.mention, a.confidence
        name = tidy_name(a.speaker or "")
        kind = speaker_kind(name, a.speaker_type) if name else None
        if name and name_problems(name, kind):
            mention, confidence = mention or name, None  # the resolver's confidence was in that name
        elif name:
            person = people.get((name, kind)) or get_or_create_person(
                session, name, kind=kind, partial=is_partial(name, kind), article_id=article.id
            )
            people[(name, kind)] = person
            seen.append((person, name, a))
        article.quotes.append(
            StoredQuote(
                person=person,
                start=q.start,
                end=q.end,
                text=q.text,
                speaker_mention=mention,
                confidence=confidence,
                cue=a.cue,
                kind=a.kind,
                paragraph=q.paragraph,
                grp=q.group,
                nested=q.nested,
                detector_version=detector_version,
            )
        )
    session.flush()
    names = {(p.id, name): (p, True) for p, name, _ in seen}
    mentions = {(p.id, tidy_name(a.mention)): (p, False) for p, _, a in seen if a.kind == "named" and a.mention}
    for (_, name), (person, lookup) in (mentions | names).items():
        add_alias(session, person, name, lookup=lookup)
    for person, role in {(p, a.role) for p, _, a in seen if a.role}:
        add_role(session, person, article.id, role)
    apply_fixes(session, article)
    return article
