"""move requests: a campus asks the campus following a person found by a lookup to share or transfer the file
(move_request); HQ's own secrets by purpose (hq_key: the lookup's match tokens)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gn_hq.db.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "move_request",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("from_campus_id", sa.String(length=64), nullable=False),
        sa.Column("to_campus_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("requested_at", gn_hq.db.types.UTCDateTime(), nullable=False),
        sa.Column("expires_at", gn_hq.db.types.UTCDateTime(), nullable=False),
        sa.Column("requested_by_device_id", sa.String(length=64), nullable=False),
        sa.Column("requested_by_user_id", sa.String(length=64), nullable=True),
        sa.Column("decided_at", gn_hq.db.types.UTCDateTime(), nullable=True),
        sa.Column("decided_by_device_id", sa.String(length=64), nullable=True),
        sa.Column("decided_by_user_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_move_request")),
    )
    with op.batch_alter_table("move_request", schema=None) as batch_op:
        for column in ("person_id", "from_campus_id", "to_campus_id"):
            batch_op.create_index(batch_op.f(f"ix_move_request_{column}"), [column], unique=False)
    op.create_table(
        "hq_key",
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("created_at", gn_hq.db.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("purpose", name=op.f("pk_hq_key")),
    )


def downgrade() -> None:
    op.drop_table("hq_key")
    with op.batch_alter_table("move_request", schema=None) as batch_op:
        for column in ("person_id", "from_campus_id", "to_campus_id"):
            batch_op.drop_index(batch_op.f(f"ix_move_request_{column}"))
    op.drop_table("move_request")
