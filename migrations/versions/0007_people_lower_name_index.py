"""An index on lower(people.name), so said-by finds a person without reading every name.

`find_people` compares `lower(name)` with the name asked for (equality, then
a prefix as a range); with 100,000 people each was a scan of the table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 21:05:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_people_name_lower", "people", [sa.text("lower(name)")], unique=False)


def downgrade() -> None:
    op.drop_index("ix_people_name_lower", table_name="people")
