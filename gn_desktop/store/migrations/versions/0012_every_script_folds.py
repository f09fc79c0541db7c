"""every script folds, and merged duplicates: names written in another script (Arabic, Cyrillic, Vietnamese…) get a
Latin key, so the stored name_key and search terms of people whose identity is not plain ASCII are computed again
(the person_fts update trigger keeps the search index in step); a person's `merged_into` (set by HQ when the file
was merged into another)

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FIELDS = "first_name, last_name, birth_date, phone, email, france_travail_id"


def upgrade() -> None:
    # Folding is Python (gn_core), not SQL. ASCII identities fold as before: only the others are rewritten.
    from gn_core.domain.normalize import name_key, person_search_terms

    # a plain ADD COLUMN: no batch rebuild of `person` (which would drop the search index's triggers)
    op.add_column('person', sa.Column('merged_into', sa.String(length=36), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql(f"SELECT id, name_key, search_terms, {_FIELDS} FROM person").fetchall()
    for pid, old_key, old_terms, first, last, birth, phone, email, ft in rows:
        if all(v is None or v.isascii() for v in (first, last, email)):
            continue
        key = name_key(first, last)
        terms = person_search_terms(first, last, date.fromisoformat(birth) if birth else None, phone, email, ft)
        if (key, terms) != (old_key, old_terms):
            conn.exec_driver_sql("UPDATE person SET name_key = ?, search_terms = ? WHERE id = ?", (key, terms, pid))


def downgrade() -> None:
    # The keys computed by the newer folding still find everyone the older one found: nothing else to undo.
    op.drop_column('person', 'merged_into')  # SQLite 3.35+: no rebuild, the search triggers stay
