"""Speakers given to single quotes by hand (`quotes fix`), kept across re-ingests.

A quote's id changes when its article is analysed again, so a fix is keyed by
what stays: the article's doc_id and the quote's offsets and words. Ingest
applies the fixes of an article each time it stores it (quotes.store.fixes).
`speaker` NULL means the quote has no speaker (`--no-speaker`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:40:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Binary = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "quote_fixes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", Binary, nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(), nullable=True),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_fixes")),
        sa.UniqueConstraint("doc_id", "start", "end", name=op.f("uq_quote_fixes_doc_id")),
    )


def downgrade() -> None:
    op.drop_table("quote_fixes")
