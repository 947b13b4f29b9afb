"""Speakers given to single quotes by hand (`quotes fix`), and applied again on every re-ingest.

A quote's id changes each time its article is stored again, so a fix names the
quote by what lasts: the article's doc_id, the quote's words and where they
were. Helpers flush but never commit.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.name_checks import speaker_kind
from quotes.store.models import Article, QuoteFix, StoredQuote, utcnow
from quotes.store.people import get_or_create_person


def _give(session: Session, quote: StoredQuote, speaker: str | None) -> None:
    """`quote` is `speaker`'s (a whole name, found through aliases and corrections), or nobody's."""
    quote.person = get_or_create_person(session, speaker, kind=speaker_kind(speaker, None)) if speaker else None
    quote.confidence = None  # the resolver's confidence was in its own answer


def fix_quote(session: Session, quote_id: int, speaker: str | None) -> StoredQuote:
    """Give quote `quote_id` to `speaker` (None: to nobody), now and on every later ingest of its article.

    Raises quotes.query.UnknownQuote, as `quotes show` does.
    """
    from quotes.query import UnknownQuote  # the one "no quote has id N" (query sits above store)

    quote = session.get(StoredQuote, quote_id)
    if quote is None:
        raise UnknownQuote(quote_id)
    speaker = " ".join(speaker.split()) if speaker else None
    doc_id = quote.article.doc_id
    fix = session.scalar(
        select(QuoteFix).where(QuoteFix.doc_id == doc_id, QuoteFix.start == quote.start, QuoteFix.end == quote.end)
    ) or QuoteFix(doc_id=doc_id, start=quote.start, end=quote.end)
    fix.text, fix.speaker, fix.made_at = quote.text, speaker, utcnow()
    session.add(fix)
    _give(session, quote, speaker)
    session.flush()
    return quote


def apply_fixes(session: Session, article: Article) -> int:
    """Give the article's quotes the speakers fixes name; returns how many quotes a fix reached.

    A fix finds its quote by the same words, the one nearest its old offsets
    (the text around may have changed); a fix whose words are gone waits, and
    applies again if they come back.
    """
    fixes = session.scalars(select(QuoteFix).where(QuoteFix.doc_id == article.doc_id).order_by(QuoteFix.id)).all()
    applied = 0
    for fix in fixes:
        same = [q for q in article.quotes if q.text == fix.text]
        if same:
            _give(session, min(same, key=lambda q: abs(q.start - fix.start)), fix.speaker)
            applied += 1
    if applied:
        session.flush()
    return applied
