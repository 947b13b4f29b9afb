"""Stored articles analysed again from their stored text, without the files (`quotes reanalyse`).

After an upgrade of quotes (its detector, resolver or weights), the quotes in
the database are those the old analysis found. Each article records its
analysis version (quotes.analysis_version); this redoes those whose version is
not the running one (or every article), a batch per transaction as ingest does,
keeping `quotes fix` corrections and the people's merges and renames.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from quotes.analysis_version import analysis_version
from quotes.analysis import Analysis, Pipeline, analyse
from quotes.ingest import BATCH_SIZE
from quotes.people import consolidate
from quotes.store.db import write_transaction
from quotes.store.models import Article
from quotes.store.repo import NewArticle, add_articles


@dataclass
class ReanalyseSummary:
    articles: int = 0  # analysed again and stored
    quotes: int = 0  # the quotes they hold now
    current: int = 0  # already by the running analysis, left as they were


def outdated_ids(session: Session, *, everything: bool = False) -> list[str]:
    """doc_ids of the stored articles to redo: those by another analysis version (or all), in order."""
    statement = select(Article.doc_id).order_by(Article.doc_id)
    if not everything:
        version = analysis_version()
        statement = statement.where(or_(Article.analysis_version.is_(None), Article.analysis_version != version))
    return list(session.scalars(statement))


def reanalyse(
    factory: sessionmaker[Session],
    *,
    everything: bool = False,
    pipeline: Pipeline | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str], None] | None = None,
) -> ReanalyseSummary:
    """Analyse stored articles again from their text and replace their quotes.

    `pipeline` is ingest's (articles -> an Analysis of each, in order); the default is this
    process's `quotes.analysis.analyse`, given the stored rows.
    """
    run = pipeline or analyse
    summary = ReanalyseSummary()
    with factory() as session:
        todo = outdated_ids(session, everything=everything)
        summary.current = session.query(Article).count() - len(todo)
    for start in range(0, len(todo), batch_size):
        with factory() as session:
            rows = session.execute(
                select(Article.doc_id, Article.path, Article.text, Article.title, Article.published,
                       Article.publisher, Article.url).where(Article.doc_id.in_(todo[start : start + batch_size]))
            ).all()
        found = list(run(rows))
        write_transaction(factory, lambda session: _store(session, found))
        summary.articles += len(rows)
        summary.quotes += sum(len(a.attributions) for a in found)
        for row in rows:
            (progress or (lambda _doc: None))(row.doc_id)
    if todo:
        write_transaction(factory, consolidate)
    return summary


def _store(session: Session, found: Iterable[Analysis]) -> None:
    add_articles(session, [
        NewArticle(row.doc_id, row.path, row.text, analysis.attributions, row.title, row.published, row.publisher, row.url)
        for analysis in found
        for row in [analysis.article]
    ], again=True)
