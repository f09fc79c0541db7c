"""records received from HQ that this PC could not store

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gn_desktop.store.types

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sync_set_aside',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=100), nullable=True),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('set_aside_at', gn_desktop.store.types.UTCDateTime(length=32), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'record_id', name=op.f('pk_sync_set_aside'))
    )
    with op.batch_alter_table('sync_set_aside', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_set_aside_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_set_aside', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_set_aside_person_id'))
    op.drop_table('sync_set_aside')
