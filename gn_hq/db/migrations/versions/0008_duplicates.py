"""duplicates: the keys people are compared by (person_match, filled from the people HQ holds) and the likely pairs
found with what was decided about them (duplicate_pair)

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-04 22:00:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gn_hq.db.types

revision: str = "0008"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_match",
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("campus_id", sa.String(length=64), nullable=True),
        sa.Column("name_key", sa.String(length=400), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_match")),
    )
    with op.batch_alter_table("person_match", schema=None) as batch_op:
        for column in ("name_key", "phone", "email"):
            batch_op.create_index(batch_op.f(f"ix_person_match_{column}"), [column], unique=False)
        batch_op.create_index("ix_person_match_birth_name", ["birth_date", "name_key", "person_id"], unique=False)
    op.create_table(
        "duplicate_pair",
        sa.Column("person_a", sa.String(length=64), nullable=False),
        sa.Column("person_b", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("found_at", gn_hq.db.types.UTCDateTime(length=32), nullable=False),
        sa.Column("decided_at", gn_hq.db.types.UTCDateTime(length=32), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("person_a", "person_b", name=op.f("pk_duplicate_pair")),
    )
    with op.batch_alter_table("duplicate_pair", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duplicate_pair_person_b"), ["person_b"], unique=False)
        batch_op.create_index(batch_op.f("ix_duplicate_pair_status"), ["status"], unique=False)

    op.create_table(
        "person_redirect",
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("survivor_id", sa.String(length=64), nullable=False),
        sa.Column("merged_at", gn_hq.db.types.UTCDateTime(length=32), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_redirect")),
    )
    with op.batch_alter_table("person_redirect", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_redirect_survivor_id"), ["survivor_id"], unique=False)

    # the keys of the people HQ already holds (pairs among them: `gn-hq duplicates scan`)
    from gn_core.domain.likeness import MatchKeys

    conn = op.get_bind()
    record = sa.table(
        "record",
        sa.column("entity", sa.String),
        sa.column("record_id", sa.String),
        sa.column("data", sa.Text),
        sa.column("campus_id", sa.String),
        sa.column("deleted", sa.Boolean),
        sa.column("erased", sa.Boolean),
    )
    match = sa.table(
        "person_match",
        sa.column("person_id", sa.String),
        sa.column("campus_id", sa.String),
        sa.column("name_key", sa.String),
        sa.column("birth_date", sa.String),
        sa.column("phone", sa.String),
        sa.column("email", sa.String),
    )
    rows = conn.execute(
        sa.select(record.c.record_id, record.c.data, record.c.campus_id).where(
            record.c.entity == "person", record.c.deleted.is_(False), record.c.erased.is_(False)
        )
    )
    batch: list[dict[str, object]] = []
    for record_id, text, campus_id in rows:
        data = json.loads(text)
        keys = MatchKeys.of(data)
        if not keys.name or data.get("anonymised_on") or data.get("merged_into"):
            continue
        batch.append(
            {
                "person_id": record_id,
                "campus_id": campus_id,
                "name_key": keys.name[:400],
                "birth_date": keys.birth_date,
                "phone": keys.phone,
                "email": (keys.email or "")[:254] or None,
            }
        )
        if len(batch) >= 5000:
            conn.execute(sa.insert(match), batch)
            batch = []
    if batch:
        conn.execute(sa.insert(match), batch)


def downgrade() -> None:
    op.drop_table("person_redirect")
    op.drop_table("duplicate_pair")
    op.drop_table("person_match")
