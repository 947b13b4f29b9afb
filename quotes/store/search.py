"""The full-text index over quote text (SQLite FTS5), made by migration 0002.

Only SQLite has it for now; the tables are kept out of the model metadata, so
Alembic's comparison must skip them (`is_search_table`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

FTS_TABLE = "quotes_fts"  # external-content FTS5 table over quotes.text
VOCAB_TABLE = "quotes_fts_vocab"  # fts5vocab 'row' view: documents per term
TRIGRAM_TABLE = "quotes_fts_trigram"  # external-content FTS5 trigram table (migration 0006): substrings


class SearchUnavailable(RuntimeError):
    """The database has no full-text index over quotes (it is not SQLite)."""


def is_search_table(name: str | None) -> bool:
    """The FTS5 table, its shadow tables (`quotes_fts_data`, ...) and the vocabulary view."""
    return bool(name) and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))


def has_trigram_index(session: Session) -> bool:
    """Whether migration 0006's trigram index is there (a database opened without migrating may lack it)."""
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": TRIGRAM_TABLE}
    )
    return found.first() is not None


def require_index(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        raise SearchUnavailable("checking quotations needs the SQLite full-text index")


def document_counts(session: Session, terms: Iterable[str]) -> dict[str, int]:
    """How many stored quotes contain each term (terms absent from the index are left out)."""
    wanted = sorted(set(terms))
    if not wanted:
        return {}
    marks = ", ".join(f":t{i}" for i in range(len(wanted)))
    rows = session.execute(
        text(f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term IN ({marks})"),
        {f"t{i}": term for i, term in enumerate(wanted)},
    )
    return {term: count for term, count in rows}


def matching_ids(session: Session, terms: Iterable[str], *, limit: int) -> list[int]:
    """Ids of quotes holding any of `terms` (plain lower-case words), best bm25 rank first."""
    query = " OR ".join(f'"{t}"' for t in terms if t.isalnum())
    if not query:
        return []
    rows = session.execute(
        text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rank LIMIT :n"),
        {"q": query, "n": limit},
    )
    return [rowid for (rowid,) in rows]
