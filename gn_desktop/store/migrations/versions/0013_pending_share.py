"""shares decided on a campus PC, waiting for the next sync (pending_share)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gn_desktop.store.types

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'pending_share',
        sa.Column('person_id', sa.String(length=36), nullable=False),
        sa.Column('campus_id', sa.String(length=36), nullable=False),
        sa.Column('user_id', sa.String(length=36), nullable=True),
        sa.Column('requested_at', gn_desktop.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint('person_id', 'campus_id', name=op.f('pk_pending_share')),
    )


def downgrade() -> None:
    op.drop_table('pending_share')
