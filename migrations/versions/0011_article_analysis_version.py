"""The version of the analysis that found each article's quotes (quotes.analysis_version).

Ingest re-analyses an unchanged article whose version differs from the
running one, and `quotes reanalyse` redoes such articles from their stored
text. Articles stored before this revision have none (NULL), which differs
from every version, so they are redone the next time either runs.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 01:41:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("analysis_version", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "analysis_version")  # SQLite 3.35+ drops a column in place
