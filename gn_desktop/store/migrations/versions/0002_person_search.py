"""person search: folded search terms and an FTS5 index kept by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# External-content FTS5 table over person.search_terms: the text lives once (in person), the index is kept in step by
# plain-SQL triggers, so any tool writing the table keeps search right. Prefix indexes make search-as-you-type cheap.
FTS = "person_fts"


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_terms", sa.Text(), nullable=False, server_default=""))
    # Rows that existed before this migration: compute their terms in Python (folding is not SQL) BEFORE the index and
    # its triggers exist (the update trigger would delete index entries never added, corrupting the index), then
    # index them all at once with 'rebuild'.
    from datetime import date

    from gn_core.domain.normalize import person_search_terms

    conn = op.get_bind()
    rows = conn.exec_driver_sql(
        "SELECT id, first_name, last_name, birth_date, phone, email, france_travail_id FROM person"
    ).fetchall()
    for pid, first, last, birth, phone, email, ft in rows:
        terms = person_search_terms(first, last, date.fromisoformat(birth) if birth else None, phone, email, ft)
        conn.exec_driver_sql("UPDATE person SET search_terms = ? WHERE id = ?", (terms, pid))
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_terms, content='person', content_rowid='rowid', "
        "tokenize=\"unicode61 remove_diacritics 2 tokenchars '@.'\", prefix='1 2 3 4')"
    )
    op.execute(
        f"CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN "
        f"INSERT INTO {FTS}(rowid, search_terms) VALUES (new.rowid, new.search_terms); END"
    )
    op.execute(
        f"CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, search_terms) VALUES ('delete', old.rowid, old.search_terms); END"
    )
    op.execute(
        f"CREATE TRIGGER person_fts_au AFTER UPDATE OF search_terms ON person BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, search_terms) VALUES ('delete', old.rowid, old.search_terms); "
        f"INSERT INTO {FTS}(rowid, search_terms) VALUES (new.rowid, new.search_terms); END"
    )
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("person_fts_ai", "person_fts_ad", "person_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {FTS}")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("search_terms")
