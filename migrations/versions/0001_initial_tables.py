"""Initial tables: articles, people, quotes.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 19:01:50

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Names compare and sort by code point on PostgreSQL too, as on SQLite (BINARY),
# whatever the server's locale: the same order everywhere, an ASCII-only lower()
# like SQLite's, and find_people's prefix range needs it.
BINARY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", BINARY, nullable=False),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("doc_id", name=op.f("uq_articles_doc_id")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", BINARY, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    op.create_index("ix_people_name", "people", ["name"], unique=True)
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker_mention", sa.String(), nullable=True),
        sa.Column("cue", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("grp", sa.Integer(), nullable=False),
        sa.Column("nested", sa.Boolean(), nullable=False),
        sa.Column("detector_version", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_quotes_article_id_articles"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"],
            name=op.f("fk_quotes_person_id_people"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"], unique=False)
    op.create_index("ix_quotes_person_id", "quotes", ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_quotes_person_id", table_name="quotes")
    op.drop_index("ix_quotes_article_id", table_name="quotes")
    op.drop_table("quotes")
    op.drop_index("ix_people_name", table_name="people")
    op.drop_table("people")
    op.drop_table("articles")
