"""person_match_cursor: how far duplicate detection has read the feed (person_match is kept from the feed by the
detector, no longer by the pushes)

No row is written: the detector reads a missing cursor as 0, so its first rounds read every person HQ holds. Their
`person_match` rows are already up to date (the pushes kept them until now): nobody is queued again, and a pair
already judged keeps its decision whatever happens (duplicate_pair).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_match_cursor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_match_cursor")),
    )


def downgrade() -> None:
    op.drop_table("person_match_cursor")
