"""Storage: SQLAlchemy models, opening a migrated database, and helpers that never commit."""

from quotes.store.db import open_db
from quotes.store.models import Article, Person, StoredQuote
from quotes.store.repo import add_article, is_current

__all__ = ["Article", "Person", "StoredQuote", "add_article", "is_current", "open_db"]
