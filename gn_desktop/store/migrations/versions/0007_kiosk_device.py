"""kiosk devices: the installation's role and ticket mark, and a kiosk's check-in index; a visit's appointment is no
longer a foreign key (a kiosk records check-ins of appointments it never holds)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gn_desktop.store.types

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('device_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sa.String(length=16), server_default='campus_pc', nullable=False))
        batch_op.add_column(sa.Column('ticket_prefix', sa.String(length=2), nullable=True))
    # a kiosk device records check-ins of appointments it never holds
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_constraint('fk_visit_appointment_id_appointment', type_='foreignkey')
    op.create_table('checkin_entry',
    sa.Column('appointment_id', sa.String(length=64), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=True),
    sa.Column('name_hash', sa.String(length=64), nullable=True),
    sa.Column('first_name', sa.String(length=200), nullable=False),
    sa.Column('starts_at', gn_desktop.store.types.UTCDateTime(length=32), nullable=False),
    sa.Column('ticket', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('appointment_id', name=op.f('pk_checkin_entry'))
    )
    with op.batch_alter_table('checkin_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_entry_code_hash'), ['code_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_entry_name_hash'), ['name_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_entry_starts_at'), ['starts_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('checkin_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkin_entry_starts_at'))
        batch_op.drop_index(batch_op.f('ix_checkin_entry_name_hash'))
        batch_op.drop_index(batch_op.f('ix_checkin_entry_code_hash'))
    op.drop_table('checkin_entry')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_foreign_key(
            'fk_visit_appointment_id_appointment', 'appointment', ['appointment_id'], ['id']
        )
    with op.batch_alter_table('device_state', schema=None) as batch_op:
        batch_op.drop_column('ticket_prefix')
        batch_op.drop_column('role')
