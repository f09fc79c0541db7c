"""Alembic migrations of HQ's database, run programmatically (`gn-hq migrate`, and by `gn-hq serve` on start).

On PostgreSQL the upgrade holds HQ's write lock, so several server processes starting together migrate once.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

from gn_hq.db.engine import WRITE_LOCK_KEY, is_postgres


def migrations_dir() -> Path:
    return Path(str(resources.files("gn_hq.db") / "migrations"))


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the latest schema (no-op when it is there already)."""
    with engine.connect().execution_options(hq_write=True) as connection, connection.begin():
        if is_postgres(engine):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        command.upgrade(alembic_config(connection), "head")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def differences(engine: Engine) -> list[str]:
    """Differences between the database behind `engine` and the models (empty: the migrations match the models).

    Run on an empty database upgraded to head, this is `alembic check`: a model change without its migration fails.
    """
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from gn_hq.db.models import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "render_as_batch": True})
        return [repr(d) for d in compare_metadata(context, Base.metadata)]
