"""Article metadata: date published, publisher, URL (the title is there since 0001).

Columns are added in place (SQLite's ADD COLUMN), so the quotes table and its
full-text triggers are not touched and existing rows keep their data, with
NULL where nothing is known.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 12:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Dates and publishers compare by code point on PostgreSQL too, as on SQLite
# (BINARY), whatever the server's locale; lower(publisher) is ASCII-only on both.
DATE = sa.String(length=10).with_variant(sa.String(length=10, collation="C"), "postgresql")
BINARY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.add_column("articles", sa.Column("published", DATE, nullable=True))
    op.add_column("articles", sa.Column("publisher", BINARY, nullable=True))
    op.add_column("articles", sa.Column("url", sa.String(), nullable=True))
    op.create_index("ix_articles_published", "articles", ["published"], unique=False)
    op.create_index("ix_articles_publisher", "articles", ["publisher"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_articles_publisher", table_name="articles")
    op.drop_index("ix_articles_published", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("url")
        batch.drop_column("publisher")
        batch.drop_column("published")
