"""Full-text index over quote text (SQLite FTS5), kept in sync by triggers.

An external-content FTS5 table over `quotes.text` (no second copy of the text),
three triggers that mirror inserts, deletes and text updates, a backfill of the
rows already stored, and an fts5vocab view giving each term's document count.
Only on SQLite: other databases get their own index in a later migration.

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


def sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not sqlite():
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if not sqlite():
        return
    for trigger in ("quotes_fts_update", "quotes_fts_delete", "quotes_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS quotes_fts_vocab")
    op.execute("DROP TABLE IF EXISTS quotes_fts")
