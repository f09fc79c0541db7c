"""the catalogue kept on a campus: partners, programmes and job offers of a campus (HQ-wide when no campus), an
`archived` flag instead of deleting what referrals point to, partners' contacts, programmes' funding, sessions' place,
events' target audiences, referrals to an employment service itself; startups' address, commune and sector, their
founders followed here and their support actions

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gn_desktop.store.types import StringList, UTCDateTime

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ARCHIVED = ('partner', 'programme', 'programme_session', 'job_offer', 'event')
_CAMPUS = ('partner', 'programme', 'job_offer')


# Plain ALTER TABLE ADD COLUMN (no batch copy): the tables stay in place, with the rows referrals point to, and
# SQLite accepts an inline REFERENCES clause on a column added with no default.


def _add_fk(table: str, column: str, target: str) -> None:
    op.execute(
        f'ALTER TABLE {table} ADD COLUMN {column} VARCHAR(36) '
        f'CONSTRAINT fk_{table}_{column}_{target} REFERENCES {target} (id)'
    )


def _synced_columns() -> list[sa.Column[object]]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', UTCDateTime(length=32), nullable=False),
        sa.Column('updated_at', UTCDateTime(length=32), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('sync_version', sa.Integer(), nullable=False),
        sa.Column('updated_by_user_id', sa.String(length=36), nullable=True),
        sa.Column('updated_by_device_id', sa.String(length=36), nullable=True),
        sa.Column('updated_by_campus_id', sa.String(length=36), nullable=True),
    ]


def upgrade() -> None:
    for table in _ARCHIVED:
        op.add_column(table, sa.Column('archived', sa.Boolean(), nullable=False, server_default=sa.false()))
    for table in _CAMPUS:
        _add_fk(table, 'campus_id', 'campus')
    op.add_column('partner', sa.Column('contact_name', sa.String(length=200), nullable=True))
    op.add_column('partner', sa.Column('contact_email', sa.String(length=200), nullable=True))
    op.add_column('partner', sa.Column('contact_phone', sa.String(length=20), nullable=True))
    op.add_column('programme', sa.Column('funding', StringList(), nullable=False, server_default='[]'))
    op.add_column('programme_session', sa.Column('place', sa.String(length=200), nullable=True))
    op.add_column('event', sa.Column('audiences', StringList(), nullable=False, server_default='[]'))
    _add_fk('referral', 'partner_id', 'partner')
    op.add_column('startup', sa.Column('address', sa.String(length=200), nullable=True))
    op.add_column('startup', sa.Column('commune_insee', sa.String(length=5), nullable=True))
    op.add_column('startup', sa.Column('sector', sa.String(length=100), nullable=True))
    op.create_table(
        'startup_founder',
        sa.Column('startup_id', sa.String(length=36), nullable=False),
        sa.Column('person_id', sa.String(length=36), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_startup_founder_person_id_person')),
        sa.ForeignKeyConstraint(['startup_id'], ['startup.id'], name=op.f('fk_startup_founder_startup_id_startup')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_startup_founder')),
        sa.UniqueConstraint('startup_id', 'person_id', name=op.f('uq_startup_founder_startup_id')),
    )
    op.create_index(op.f('ix_startup_founder_person_id'), 'startup_founder', ['person_id'], unique=False)
    op.create_index(op.f('ix_startup_founder_startup_id'), 'startup_founder', ['startup_id'], unique=False)
    op.create_table(
        'startup_action',
        sa.Column('startup_id', sa.String(length=36), nullable=False),
        sa.Column('person_id', sa.String(length=36), nullable=False),
        sa.Column('done_on', sa.Date(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_startup_action_person_id_person')),
        sa.ForeignKeyConstraint(['startup_id'], ['startup.id'], name=op.f('fk_startup_action_startup_id_startup')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_startup_action')),
    )
    op.create_index(op.f('ix_startup_action_person_id'), 'startup_action', ['person_id'], unique=False)
    op.create_index(op.f('ix_startup_action_startup_id'), 'startup_action', ['startup_id'], unique=False)


def downgrade() -> None:
    op.drop_table('startup_action')
    op.drop_table('startup_founder')
    for column in ('sector', 'commune_insee', 'address'):
        op.execute(f'ALTER TABLE startup DROP COLUMN {column}')
    # DROP COLUMN refuses a column with a foreign key: those tables are rebuilt
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_constraint('fk_referral_partner_id_partner', type_='foreignkey')
        batch_op.drop_column('partner_id')
    op.execute('ALTER TABLE event DROP COLUMN audiences')
    op.execute('ALTER TABLE programme_session DROP COLUMN place')
    op.execute('ALTER TABLE programme DROP COLUMN funding')
    for column in ('contact_phone', 'contact_email', 'contact_name'):
        op.execute(f'ALTER TABLE partner DROP COLUMN {column}')
    for table in _CAMPUS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f'fk_{table}_campus_id_campus', type_='foreignkey')
            batch_op.drop_column('campus_id')
    for table in _ARCHIVED:
        op.execute(f'ALTER TABLE {table} DROP COLUMN archived')
