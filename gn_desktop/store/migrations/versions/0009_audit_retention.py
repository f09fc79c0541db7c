"""audit trail and retention: the audit events a PC records until HQ holds them, HQ's settings (the retention
period), the day a person's file was anonymised, and an index on the last contact

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gn_desktop.store.types

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced_columns() -> list[sa.Column[object]]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', gn_desktop.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column('updated_at', gn_desktop.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('sync_version', sa.Integer(), nullable=False),
        sa.Column('updated_by_user_id', sa.String(length=36), nullable=True),
        sa.Column('updated_by_device_id', sa.String(length=36), nullable=True),
        sa.Column('updated_by_campus_id', sa.String(length=36), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('hq_setting',
    sa.Column('value', sa.String(length=200), nullable=False),
    *_synced_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_setting'))
    )
    op.create_table('audit_event',
    sa.Column('at', gn_desktop.store.types.UTCDateTime(length=32), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('campus_id', sa.String(length=36), nullable=False),
    sa.Column(
        'action',
        sa.Enum(
            'rqth_read', 'restricted_note_read', 'person_export', 'people_export',
            name='auditaction', native_enum=False, create_constraint=False, length=32,
        ),
        nullable=False,
    ),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=True),
    *_synced_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    # a plain ADD COLUMN: no batch rebuild of `person` (which would drop the search index's triggers)
    op.add_column('person', sa.Column('anonymised_on', sa.Date(), nullable=True))
    # the retention warning looks for old contacts without reading every person
    op.create_index('ix_person_last_contact_on', 'person', ['last_contact_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_person_last_contact_on', table_name='person')
    op.drop_column('person', 'anonymised_on')  # SQLite 3.35+: no rebuild, the search triggers stay
    op.drop_table('audit_event')
    op.drop_table('hq_setting')
