"""Alembic migrations, run programmatically so the same code works from source and frozen by PyInstaller.

`upgrade_to_head` runs at every start (`Store.open`). When a database file made by an older version is behind the
newest revision, a backup copy is taken first (`backup.take`); if the migration then fails, the copy is put back and
`backup.MigrationFailed` says so in French. A new database, or one already at head, is not copied.

Alembic is imported only when there is something to migrate: the usual start (a database already at head) is checked
with one query and a look at the revision files' headers, which keeps Alembic's import (~0.2 s) off the start-up path.
"""

from __future__ import annotations

import logging
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, exc

from gn_core.domain.errors import KnownError
from gn_desktop.store import backup

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|['\"]([^'\"]+)['\"])\s*$", re.MULTILINE)


class DatabaseTooNew(KnownError):
    """The database was migrated by a newer gn-desktop than this one: opening it could lose data."""

    def __init__(self, database: str, revision: str) -> None:
        super().__init__(
            f"La base de données {database} a été mise à jour par une version plus récente de gn-desktop "
            f"(révision {revision}) : cette version ne peut pas l'ouvrir sans risque. Installez la dernière version "
            "de gn-desktop sur ce poste."
        )


def migrations_dir() -> Path:
    return Path(str(resources.files("gn_desktop.store") / "migrations"))


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def database_file(engine: Engine) -> Path | None:
    """The SQLite file behind `engine`, or None for an in-memory database."""
    name = engine.url.database
    return Path(name) if engine.url.get_backend_name() == "sqlite" and name and name != ":memory:" else None


def upgrade_to_head(engine: Engine) -> Path | None:
    """Migrate the database to the newest revision; returns the backup copy taken first, if one was needed.

    Raises `DatabaseTooNew` for a database from a newer version and `backup.MigrationFailed` when a migration failed
    (the copy has been restored; `engine` may be used again, it reconnects to the restored file).
    """
    path = database_file(engine)
    copy: Path | None = None
    if path is not None and path.is_file() and path.stat().st_size > 0:
        recorded = _recorded_revision(engine)
        if recorded is not None and recorded == quick_head_revision():
            return None  # up to date: the usual start, nothing to run
        current = current_revision(engine)
        if current is not None:
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(alembic_config())
            if current not in {rev.revision for rev in script.walk_revisions()}:
                raise DatabaseTooNew(str(path), current)
            if current == script.get_current_head():
                return None  # up to date: the usual start, nothing to run
            engine.dispose()  # no connection of ours stays open while the copy is made
            copy = backup.take(path, current)
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
    except Exception as error:
        if path is None or copy is None:
            raise
        log.exception("migration of %s failed; restoring %s", path, copy.name)
        engine.dispose()
        try:
            backup.restore(copy, path)
        except Exception as restore_error:
            log.exception("restoring %s failed", copy.name)
            raise backup.RestoreFailed(path, copy, restore_error) from error
        raise backup.MigrationFailed(path, copy, error) from error
    if copy is not None:
        log.info("database %s migrated to %s (backup: %s)", path, head_revision(), copy.name)
    return copy


def _recorded_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (one query, no Alembic), or None for a database never migrated."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    except exc.OperationalError:  # no alembic_version table: a new (or foreign) database
        return None
    return rows[0] if len(rows) == 1 else None


def quick_head_revision() -> str | None:
    """The newest revision, read from the revision files' `revision`/`down_revision` lines without importing Alembic.

    None when that is not conclusive (several heads, an unusual header): the caller then asks Alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            return None
        revisions.add(revision[1])
        if down[1]:
            parents.add(down[1])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


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
