"""audit trail and retention: an erasure's kind ("erase", or "anonymise" at the end of the retention period), so that
a person anonymised and later erased keeps both proofs (audit events and HQ's settings are records of `record`)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=16), server_default="erase", nullable=False))
        batch_op.drop_constraint("pk_erasure", type_="primary")
        batch_op.create_primary_key("pk_erasure", ["person_id", "kind"])


def downgrade() -> None:
    op.execute("DELETE FROM erasure WHERE kind <> 'erase'")
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.drop_constraint("pk_erasure", type_="primary")
        batch_op.create_primary_key("pk_erasure", ["person_id"])
        batch_op.drop_column("kind")
