"""person_match_pending: people still to be compared for likely duplicates, compared after the push that queued them

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_match_pending",
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("queued_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_match_pending")),
    )


def downgrade() -> None:
    op.drop_table("person_match_pending")
