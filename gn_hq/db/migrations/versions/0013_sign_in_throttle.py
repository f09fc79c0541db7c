"""sign_in_throttle: failed password sign-ins counted in the database, shared by every HQ process (with
`--workers N` each process kept its own counts, so the limit was N times looser)

Nothing is carried over: counts lived in memory and started from zero at every restart anyway.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_throttle",
        sa.Column("key", sa.String(length=320), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure", sa.Double(), nullable=False),
        sa.Column("blocked_until", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_throttle")),
    )
    op.create_index("ix_sign_in_throttle_last_failure", "sign_in_throttle", ["last_failure"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_throttle_last_failure", table_name="sign_in_throttle")
    op.drop_table("sign_in_throttle")
