"""lookup_throttle: each device's token bucket of person lookups, in the database and shared by every HQ process
(with `--workers N` each process kept its own buckets, so a device could look up N times as fast)

Nothing is carried over: buckets lived in memory and were full again at every restart anyway.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lookup_throttle",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("tokens", sa.Double(), nullable=False),
        sa.Column("counted_at", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_lookup_throttle")),
    )
    op.create_index("ix_lookup_throttle_counted_at", "lookup_throttle", ["counted_at"])


def downgrade() -> None:
    op.drop_index("ix_lookup_throttle_counted_at", table_name="lookup_throttle")
    op.drop_table("lookup_throttle")
