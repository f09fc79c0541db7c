"""accounts scoped to their campus; records campuses set aside

Accounts reach only the PCs of their campus: their `record.campus_id` is now filled (from their data) so the pull
feed can tell. Records a campus could not store are reported to HQ (`set_aside`).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 19:00:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gn_hq.db.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "set_aside",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("campus_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("reported_at", gn_hq.db.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "entity", "record_id", name=op.f("pk_set_aside")),
    )
    with op.batch_alter_table("set_aside", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_set_aside_campus_id"), ["campus_id"], unique=False)

    conn = op.get_bind()
    record = sa.table(
        "record",
        sa.column("entity", sa.String),
        sa.column("record_id", sa.String),
        sa.column("data", sa.Text),
        sa.column("erased", sa.Boolean),
        sa.column("campus_id", sa.String),
    )
    accounts = conn.execute(
        sa.select(record.c.record_id, record.c.data).where(record.c.entity == "app_user", record.c.erased.is_(False))
    ).all()
    for record_id, data in accounts:
        campus = json.loads(data).get("campus_id")
        conn.execute(
            sa.update(record)
            .where(record.c.entity == "app_user", record.c.record_id == record_id)
            .values(campus_id=campus[:64] if isinstance(campus, str) else None)
        )


def downgrade() -> None:
    with op.batch_alter_table("set_aside", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_set_aside_campus_id"))
    op.drop_table("set_aside")
