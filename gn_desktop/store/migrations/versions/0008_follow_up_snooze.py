"""follow-up worklist snoozed until a date (synced); the people of a referent advisor and the appointments missed
lately found by index

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Plain ALTER TABLE (no batch copy): recreating `person` would drop its full-text index's triggers (migration 0002).


def upgrade() -> None:
    op.add_column('person', sa.Column('follow_up_snoozed_until', sa.Date(), nullable=True))
    op.create_index(op.f('ix_person_advisor_id'), 'person', ['advisor_id'], unique=False)
    op.create_index('ix_appointment_status_starts_at', 'appointment', ['status', 'starts_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_appointment_status_starts_at', table_name='appointment')
    op.drop_index(op.f('ix_person_advisor_id'), table_name='person')
    op.execute('ALTER TABLE person DROP COLUMN follow_up_snoozed_until')
