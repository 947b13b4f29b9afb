"""The stored articles: what is there (`quotes articles`), and taking one out (`quotes articles remove`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.store.models import Article, StoredQuote


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


def list_articles(session: Session, *, limit: int | None = None) -> list[ArticleRow]:
    """Every stored article (the first `limit`), by doc_id."""
    count = func.count(StoredQuote.id)
    statement = (
        select(Article, count)
        .outerjoin(StoredQuote, StoredQuote.article_id == Article.id)
        .group_by(Article.id)
        .order_by(Article.doc_id)
        .limit(limit)
    )
    return [
        ArticleRow(a.doc_id, n, a.title, a.publisher, a.published, a.path,
                   a.ingested_at.isoformat(timespec="seconds"), a.analysis_version)
        for a, n in session.execute(statement)
    ]


def remove_article(session: Session, doc_id: str) -> int:
    """Delete the article and its quotes and roles (its speakers stay); returns how many quotes went.

    Raises UnknownArticle. A later ingest of the file stores it again.
    """
    article = session.scalar(select(Article).where(Article.doc_id == doc_id))
    if article is None:
        raise UnknownArticle(doc_id)
    quotes = len(article.quotes)
    session.delete(article)
    session.flush()
    return quotes
