"""Full-text index over quote text (SQLite FTS5), kept in sync by triggers.

An external-content FTS5 table over `quotes.text` (no second copy of the text),
three triggers that mirror inserts, deletes and text updates, a backfill of the
rows already stored, and an fts5vocab view giving each term's document count.

On PostgreSQL, its own text search does the same: a GIN index over a tsvector
expression, which the database keeps in step itself. The expression makes the
words FTS5's unicode61 tokenizer makes: punctuation (ASCII, Latin-1, general
and CJK punctuation, by code point, so whatever the server's locale) becomes
a space first, so `long-term`, `3.5` and `a@b.com` are words apart as in FTS5
rather than PostgreSQL's compound tokens; the `simple` configuration folds
case, and `unaccent` removes diacritics (`remove_diacritics 2`).
quotes.store.search holds the same expression, which queries must repeat
exactly for the index to be used.

A later batch migration that recreates `quotes` on SQLite drops these triggers
and must create them again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATEMENTS = [
    # unicode61 folds case and diacritics; content= keeps only the index here.
    "CREATE VIRTUAL TABLE quotes_fts USING fts5("
    "text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE quotes_fts_vocab USING fts5vocab(quotes_fts, 'row')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    # the backfill: index every quote already stored
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
]


# A frozen copy of quotes.store.search.PG_VECTOR as it was at this revision.
PG_SEPARATORS = r"[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]+"
PG_VECTOR = f"to_tsvector('quotes_fts_config', regexp_replace(text, '{PG_SEPARATORS}', ' ', 'g'))"
PG_STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",  # a trusted extension: a database owner may add it
    "CREATE TEXT SEARCH CONFIGURATION quotes_fts_config (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION quotes_fts_config ALTER MAPPING FOR word, numword WITH unaccent, simple",
    f"CREATE INDEX quotes_fts ON quotes USING gin ({PG_VECTOR})",
]


def dialect() -> str:
    return op.get_bind().dialect.name


def upgrade() -> None:
    for statement in {"sqlite": STATEMENTS, "postgresql": PG_STATEMENTS}.get(dialect(), []):
        op.execute(statement)


def downgrade() -> None:
    if dialect() == "postgresql":
        op.execute("DROP INDEX IF EXISTS quotes_fts")
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS quotes_fts_config")
    if dialect() != "sqlite":
        return
    for trigger in ("quotes_fts_update", "quotes_fts_delete", "quotes_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS quotes_fts_vocab")
    op.execute("DROP TABLE IF EXISTS quotes_fts")
