"""The stored articles: what is there (`quotes articles`), and taking one out (`quotes articles remove`)."""

from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from quotes.store import tables
from quotes.store.search import Reader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class UnknownArticle(LookupError):
    """No stored article has the doc_id asked for."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"no stored article has doc_id {doc_id!r}")
        self.doc_id = doc_id


@dataclass(frozen=True)
class ArticleRow:
    """One stored article: its id, where it came from, what is known of it, how many quotes."""

    doc_id: str
    quotes: int
    title: str | None
    publisher: str | None
    published: str | None  # ISO date
    path: str
    ingested_at: str  # ISO, UTC
    analysis_version: str | None  # None: stored before versions were recorded


def list_articles(connection: Reader, *, limit: int | None = None) -> list[ArticleRow]:
    """Every stored article (the first `limit`), by doc_id."""
    a, q = tables.articles.c, tables.quotes.c
    statement = (
        select(a.doc_id, func.count(q.id), a.title, a.publisher, a.published, a.path, a.ingested_at, a.analysis_version)
        .outerjoin_from(tables.articles, tables.quotes, q.article_id == a.id)
        .group_by(a.id)
        .order_by(a.doc_id)
        .limit(limit)
    )
    return [
        ArticleRow(doc_id, n, title, publisher, published, path, ingested_at.isoformat(timespec="seconds"), version)
        for doc_id, n, title, publisher, published, path, ingested_at, version in connection.execute(statement)
    ]


def remove_article(session: Session, doc_id: str) -> int:
    """Delete the article and its quotes and roles (its speakers stay); returns how many quotes went.

    Raises UnknownArticle. A later ingest of the file stores it again.
    """
    from quotes.store.models import Article  # the ORM: only this command, not the listing, needs it

    article = session.scalar(select(Article).where(Article.doc_id == doc_id))
    if article is None:
        raise UnknownArticle(doc_id)
    quotes = len(article.quotes)
    session.delete(article)
    session.flush()
    return quotes
