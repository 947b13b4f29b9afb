"""A view of quotes with their speaker and article, for browsing (`quotes serve`).

One row per quote with the speaker's name and the article's publisher and
date beside it, so Datasette can facet on speaker and publisher without joins.
Nothing is stored twice: it is a view. A later batch migration that recreates
`quotes` or `articles` on SQLite must drop it first and create it again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:00:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
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
    q."end" AS "end"
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN people AS p ON p.id = q.person_id
"""


def upgrade() -> None:
    op.execute(VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quote_rows")
