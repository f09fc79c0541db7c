"""kiosk devices: device roles, ticket prefixes, the appointment slots and campus keys of the check-in index

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 20:30:00
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import gn_hq.db.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=16), server_default="campus_pc", nullable=False))
        batch_op.add_column(sa.Column("ticket_prefix", sa.String(length=2), nullable=True))
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=16), server_default="campus_pc", nullable=False))
    op.create_table(
        "appointment_slot",
        sa.Column("appointment_id", sa.String(length=64), nullable=False),
        sa.Column("campus_id", sa.String(length=64), nullable=False),
        sa.Column("starts_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("appointment_id", name=op.f("pk_appointment_slot")),
    )
    with op.batch_alter_table("appointment_slot", schema=None) as batch_op:
        batch_op.create_index("ix_appointment_slot_campus_starts", ["campus_id", "starts_at"], unique=False)
    op.create_table(
        "campus_key",
        sa.Column("campus_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("created_at", gn_hq.db.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("campus_id", name=op.f("pk_campus_key")),
    )

    # the slots of the appointments HQ already holds
    conn = op.get_bind()
    record = sa.table(
        "record",
        sa.column("entity", sa.String),
        sa.column("record_id", sa.String),
        sa.column("data", sa.Text),
        sa.column("deleted", sa.Boolean),
        sa.column("erased", sa.Boolean),
    )
    slot = sa.table(
        "appointment_slot",
        sa.column("appointment_id", sa.String),
        sa.column("campus_id", sa.String),
        sa.column("starts_at", sa.String),
    )
    rows = conn.execute(
        sa.select(record.c.record_id, record.c.data).where(
            record.c.entity == "appointment", record.c.deleted.is_(False), record.c.erased.is_(False)
        )
    ).all()
    slots = []
    for record_id, text in rows:
        data = json.loads(text)
        try:
            starts = datetime.fromisoformat(data["starts_at"]).astimezone(UTC).isoformat(timespec="milliseconds")
        except (KeyError, TypeError, ValueError):
            continue
        if isinstance(data.get("campus_id"), str):
            slots.append({"appointment_id": record_id, "campus_id": data["campus_id"], "starts_at": starts})
    if slots:
        conn.execute(sa.insert(slot), slots)


def downgrade() -> None:
    op.drop_table("campus_key")
    with op.batch_alter_table("appointment_slot", schema=None) as batch_op:
        batch_op.drop_index("ix_appointment_slot_campus_starts")
    op.drop_table("appointment_slot")
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.drop_column("role")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_column("ticket_prefix")
        batch_op.drop_column("role")
