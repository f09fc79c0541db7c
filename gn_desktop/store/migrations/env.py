"""Alembic environment of the campus store: batch mode for SQLite, the models' naming convention."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from gn_desktop.store.migrate import include_name
from gn_desktop.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or "sqlite://"
    with create_engine(url).connect() as conn:
        _run(conn)
        conn.commit()
