"""A trigram full-text index over quote text, so `who-said` need not read every quote.

`who_said` matches case-insensitive substrings (`ice` finds `price`), which the
word index of 0002 cannot answer; an FTS5 trigram index answers `LIKE '%ice%'`
for any term of three characters or more. It is external-content over
`quotes.text` like 0002's, kept in sync by three triggers, and filled from
the rows already stored.

On PostgreSQL, a pg_trgm GIN index on `lower(text)` answers who_said's own
`lower(text) LIKE '%ice%'` conditions directly, so no candidates table is needed.

A later batch migration that recreates `quotes` on SQLite drops these triggers
and must create them again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 21:00:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The name starts `quotes_fts_`, so quotes.store.search.is_search_table keeps
# it and its shadow tables out of Alembic's model comparison.
STATEMENTS = [
    "CREATE VIRTUAL TABLE quotes_fts_trigram USING fts5("
    "text, content='quotes', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER quotes_fts_trigram_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts_trigram(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_fts_trigram_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts_trigram(quotes_fts_trigram, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quotes_fts_trigram_update AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quotes_fts_trigram(quotes_fts_trigram, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quotes_fts_trigram(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO quotes_fts_trigram(quotes_fts_trigram) VALUES ('rebuild')",
]


PG_STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",  # a trusted extension: a database owner may add it
    "CREATE INDEX quotes_fts_trigram ON quotes USING gin (lower(text) gin_trgm_ops)",
]


def dialect() -> str:
    return op.get_bind().dialect.name


def upgrade() -> None:
    for statement in {"sqlite": STATEMENTS, "postgresql": PG_STATEMENTS}.get(dialect(), []):
        op.execute(statement)


def downgrade() -> None:
    if dialect() == "postgresql":
        op.execute("DROP INDEX IF EXISTS quotes_fts_trigram")
    if dialect() != "sqlite":
        return
    for trigger in ("quotes_fts_trigram_update", "quotes_fts_trigram_delete", "quotes_fts_trigram_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS quotes_fts_trigram")
