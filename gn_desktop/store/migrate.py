"""Alembic migrations, run programmatically so the same code works from source and frozen by PyInstaller."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine


def migrations_dir() -> Path:
    return Path(str(resources.files("gn_desktop.store") / "migrations"))


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade_to_head(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave SQLite's FTS5 index tables (made by raw SQL in migrations) out of autogenerate comparisons."""
    return not (type_ == "table" and name is not None and name.startswith("person_fts"))


def check() -> list[str]:
    """Upgrade an empty database to head, then list differences between it and the models (empty = clean).

    The same gate as `alembic check`: a model change without its migration fails the test command.
    """
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from gn_desktop.store.engine import make_memory_engine
    from gn_desktop.store.models import Base

    engine = make_memory_engine()
    upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "render_as_batch": True, "include_name": include_name},
        )
        diffs = compare_metadata(context, Base.metadata)
    engine.dispose()
    return [repr(d) for d in diffs]


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args != ["--check"]:
        print("usage: python -m gn_desktop.store.migrate --check", file=sys.stderr)
        return 2
    diffs = check()
    if diffs:
        print("The models differ from the migrations; add a migration:", *diffs, sep="\n  ")
        return 1
    print(f"Migrations OK: empty database upgraded to {head_revision()}, no difference with the models.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
