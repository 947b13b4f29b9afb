"""People across articles: aliases, roles, and corrections made by a person.

Every existing person gets their name as a lookup alias, and the named mentions
of their stored quotes as aliases to show, so an old database keeps linking new
quotes to the same people.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Alias names compare and sort by code point on PostgreSQL too, as on SQLite (BINARY),
# whatever the server's locale: the same order everywhere, an ASCII-only lower()
# like SQLite's, and find_people's prefix range needs it.
BINARY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def person_key(name: str) -> str:
    """A frozen copy of quotes.names.person_key as it was at this revision."""
    return " ".join(name.replace(".", " ").casefold().split())


def upgrade() -> None:
    aliases = op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", BINARY, nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("lookup", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_person_aliases_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_aliases")),
        sa.UniqueConstraint("person_id", "name", name=op.f("uq_person_aliases_person_id")),
    )
    op.create_index("ix_person_aliases_key", "person_aliases", ["key"], unique=False)
    op.create_table(
        "person_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_person_roles_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_person_roles_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_roles")),
        sa.UniqueConstraint("person_id", "article_id", "role", name=op.f("uq_person_roles_person_id")),
    )
    op.create_index("ix_person_roles_article_id", "person_roles", ["article_id"], unique=False)
    op.create_table(
        "person_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_corrections")),
    )

    # Backfill: each person's own name (a lookup alias) and their named mentions.
    bind = op.get_bind()
    seen: dict[tuple[int, str], bool] = {}
    for person_id, name in bind.execute(sa.text("SELECT id, name FROM people")):
        seen[(person_id, name)] = True
    mentions = bind.execute(sa.text(
        "SELECT DISTINCT person_id, speaker_mention FROM quotes "
        "WHERE person_id IS NOT NULL AND kind = 'named' AND speaker_mention IS NOT NULL"
    ))
    for person_id, mention in mentions:
        mention = " ".join(mention.split())
        if mention:
            seen.setdefault((person_id, mention), False)
    rows = [
        {"person_id": pid, "name": name, "key": person_key(name), "lookup": lookup}
        for (pid, name), lookup in seen.items()
    ]
    if rows:
        op.bulk_insert(aliases, rows)


def downgrade() -> None:
    op.drop_table("person_corrections")
    op.drop_index("ix_person_roles_article_id", table_name="person_roles")
    op.drop_table("person_roles")
    op.drop_index("ix_person_aliases_key", table_name="person_aliases")
    op.drop_table("person_aliases")
