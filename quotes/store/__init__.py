"""Storage: the tables and their ORM classes, opening a migrated database, and helpers that never commit.

The names below are imported on first use: `quotes.store.repo` brings in the
name rules (and spaCy), which a query command must not pay for.
"""

from importlib import import_module

_HOME = {
    "open_db": "quotes.store.db",
    "open_engine": "quotes.store.db",
    "Article": "quotes.store.models",
    "Person": "quotes.store.models",
    "StoredQuote": "quotes.store.models",
    "add_article": "quotes.store.repo",
    "is_current": "quotes.store.repo",
}
__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(_HOME[name]), name)
    raise AttributeError(f"module 'quotes.store' has no attribute {name!r}")
