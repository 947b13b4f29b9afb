"""Speakers a reader can trust: a type (person | org), partial names, one folded lookup key,
and the resolver's confidence on each quote.

- `people.type`: `person` or `org` (`Ministry of Foreign Affairs`, `IDF`, `Israel`).
- `people.partial` and `people.article_id`: a first name or surname alone that
  its article never expanded (`Chollet`) belongs to that article only; it is
  never joined across articles on its own. `people.name` is unique among whole
  names, and a partial name among its article's.
- `people.key` and `person_aliases.key`: `quotes.lookup.name_lookup_key`
  (case, accents, apostrophe glyphs, full stops, leading titles), indexed, so
  `said-by sorensen`, `Mayor Ruiz` and `O'Neill` are an index read. It replaces
  the lower(name) index of 0007.
- `quotes.confidence`: the calibrated probability that the speaker is right;
  NULL for quotes stored before the resolver gave one.

Existing people get their type, partial flag and keys from the live
`quotes.name_checks` and `quotes.lookup` (a best guess from the name alone; a
re-ingest with the new resolver gives the resolver's). Columns are added in
place, so `quotes` keeps its full-text triggers and the `quote_rows` view is
only recreated, with the speaker's type and the confidence added.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from quotes.lookup import name_lookup_key
from quotes.name_checks import is_partial, speaker_kind

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEW = """
CREATE VIEW quote_rows AS
SELECT
    q.id AS quote_id,
    q.text AS text,
    p.name AS speaker,
    q.speaker_mention AS speaker_mention,
    q.cue AS cue,
    q.kind AS kind,
    a.doc_id AS doc_id,
    a.title AS title,
    a.publisher AS publisher,
    a.published AS published,
    a.url AS url,
    q.paragraph AS paragraph,
    q.start AS start,
    q."end" AS "end",
    p.type AS speaker_type,
    q.confidence AS confidence
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN people AS p ON p.id = q.person_id
"""
OLD_VIEW = VIEW.replace(",\n    p.type AS speaker_type,\n    q.confidence AS confidence", "")


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quote_rows")
    op.add_column("people", sa.Column("type", sa.String(), nullable=False, server_default="person"))
    op.add_column("people", sa.Column("partial", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("people", sa.Column("article_id", sa.Integer(), nullable=True))
    op.add_column("people", sa.Column("key", sa.String(), nullable=False, server_default=""))
    op.add_column("quotes", sa.Column("confidence", sa.Float(), nullable=True))

    bind = op.get_bind()
    people = sa.table("people", sa.column("id"), sa.column("name"), sa.column("type"), sa.column("partial"), sa.column("key"))
    for person_id, name in bind.execute(sa.text("SELECT id, name FROM people")).all():
        kind = speaker_kind(name, None)
        bind.execute(people.update().where(people.c.id == person_id).values(
            type=kind, partial=is_partial(name, kind), key=name_lookup_key(name)
        ))
    aliases = sa.table("person_aliases", sa.column("id"), sa.column("key"))
    for alias_id, name in bind.execute(sa.text("SELECT id, name FROM person_aliases")).all():
        bind.execute(aliases.update().where(aliases.c.id == alias_id).values(key=name_lookup_key(name)))

    op.drop_index("ix_people_name_lower", table_name="people")
    op.drop_index("ix_people_name", table_name="people")
    whole, partial = sa.text("partial = false"), sa.text("partial = true")
    op.create_index("ix_people_name", "people", ["name"], unique=True, sqlite_where=whole, postgresql_where=whole)
    op.create_index(
        "ix_people_partial_name", "people", ["article_id", "name"], unique=True,
        sqlite_where=partial, postgresql_where=partial,
    )
    op.create_index("ix_people_key", "people", ["key"], unique=False)
    op.execute(VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quote_rows")
    op.drop_index("ix_people_key", table_name="people")
    op.drop_index("ix_people_partial_name", table_name="people")
    op.drop_index("ix_people_name", table_name="people")
    op.create_index("ix_people_name", "people", ["name"], unique=True)
    op.create_index("ix_people_name_lower", "people", [sa.text("lower(name)")], unique=False)
    op.drop_column("quotes", "confidence")  # in place (SQLite 3.35+): the full-text triggers stay
    with op.batch_alter_table("people") as batch:
        for column in ("key", "article_id", "partial", "type"):
            batch.drop_column(column)
    op.execute(OLD_VIEW)
