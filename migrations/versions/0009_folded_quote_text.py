"""Quote text folded for lookups (`quotes.folded`), and the search indexes rebuilt over it.

Users type `we're`, `Sorensen` and `"cold ice."`; articles print `we’re`,
`Sørensen` and `cold ice`. `quotes.folding.fold` makes both sides alike (case,
accents, apostrophe and quotation glyphs); the text a lookup compares must be
folded the same way, and the indexes must hold that folded text, or a folded
query finds nothing in them. So each quote gets `folded = fold(text)` (the
model's default fills it as quotes are stored; this migration backfills the
rows already there), and on SQLite the word index of 0002 and the trigram
index of 0006 are made again over `folded`, with their triggers. On
PostgreSQL the two GIN indexes are made again over the same column.

`quotes.text` is unchanged: offsets, display and exports keep the article's
own characters.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from quotes.folding import fold

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = [
    "quotes_fts_insert", "quotes_fts_delete", "quotes_fts_update",
    "quotes_fts_trigram_insert", "quotes_fts_trigram_delete", "quotes_fts_trigram_update",
]


def index_statements(column: str) -> list[str]:
    """0002's and 0006's SQLite indexes and triggers, over `column` of quotes."""
    statements = []
    for table, tokenize in (("quotes_fts", "unicode61 remove_diacritics 2"), ("quotes_fts_trigram", "trigram")):
        statements += [
            f"CREATE VIRTUAL TABLE {table} USING fts5("
            f"{column}, content='quotes', content_rowid='id', tokenize='{tokenize}')",
            f"CREATE TRIGGER {table}_insert AFTER INSERT ON quotes BEGIN "
            f"INSERT INTO {table}(rowid, {column}) VALUES (new.id, new.{column}); END",
            f"CREATE TRIGGER {table}_delete AFTER DELETE ON quotes BEGIN "
            f"INSERT INTO {table}({table}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
            f"CREATE TRIGGER {table}_update AFTER UPDATE OF {column} ON quotes BEGIN "
            f"INSERT INTO {table}({table}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
            f"INSERT INTO {table}(rowid, {column}) VALUES (new.id, new.{column}); END",
            f"INSERT INTO {table}({table}) VALUES ('rebuild')",
        ]
    return statements + ["CREATE VIRTUAL TABLE quotes_fts_vocab USING fts5vocab(quotes_fts, 'row')"]


def drop_sqlite_indexes() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in ("quotes_fts_vocab", "quotes_fts", "quotes_fts_trigram"):
        op.execute(f"DROP TABLE IF EXISTS {table}")


# A frozen copy of quotes.store.search.PG_VECTOR's separators (as in 0002).
PG_SEPARATORS = r"[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]+"


def pg_statements(column: str, trigram: str) -> list[str]:
    vector = f"to_tsvector('quotes_fts_config', regexp_replace({column}, '{PG_SEPARATORS}', ' ', 'g'))"
    return [
        "DROP INDEX IF EXISTS quotes_fts",
        "DROP INDEX IF EXISTS quotes_fts_trigram",
        f"CREATE INDEX quotes_fts ON quotes USING gin ({vector})",
        f"CREATE INDEX quotes_fts_trigram ON quotes USING gin ({trigram} gin_trgm_ops)",
    ]


def backfill() -> None:
    bind = op.get_bind()
    quotes = sa.table("quotes", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("folded", sa.Text))
    rows = bind.execute(sa.select(quotes.c.id, quotes.c.text)).all()
    if rows:
        bind.execute(
            quotes.update().where(quotes.c.id == sa.bindparam("qid")).values(folded=sa.bindparam("f")),
            [{"qid": qid, "f": fold(text)} for qid, text in rows],
        )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        drop_sqlite_indexes()
    op.add_column("quotes", sa.Column("folded", sa.Text(), nullable=False, server_default=""))
    backfill()
    if dialect == "sqlite":
        for statement in index_statements("folded"):
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in pg_statements("folded", "folded"):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        drop_sqlite_indexes()
    elif dialect == "postgresql":
        for statement in pg_statements("text", "lower(text)"):
            op.execute(statement)
    op.drop_column("quotes", "folded")  # in place (SQLite 3.35+)
    if dialect == "sqlite":
        for statement in index_statements("text"):
            op.execute(statement)
