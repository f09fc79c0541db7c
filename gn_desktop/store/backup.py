"""Backup copies of the campus database, taken before a migration and put back when the migration fails.

A copy is named `campus.db.bak-<revision>-<YYYYMMDD-HHMMSS>` (the revision the database was at, then when) and sits
beside the database; the last `KEEP` copies are kept, older ones deleted. Copies are made with SQLite's online backup
API, so a database in WAL mode is copied whole and consistent (its -wal file included).

Threading: call before the store is shared (at start-up); nothing else may hold the database open during `restore`.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from gn_core.domain.errors import KnownError

log = logging.getLogger(__name__)

#: how many backup copies are kept beside the database
KEEP = 3
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"\.bak-(?P<revision>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?$")


class MigrationFailed(KnownError):
    """Updating the database to this version failed; the backup copy was put back, the data is as before."""

    def __init__(self, database: Path, backup: Path, cause: BaseException) -> None:
        self.database = database
        self.backup = backup
        super().__init__(
            f"La mise à jour de la base de données {database} vers cette version de gn-desktop a échoué. "
            f"La copie de sauvegarde {backup.name} a été remise en place : les données sont celles d'avant la "
            f"mise à jour, rien n'est perdu. Réinstallez la version précédente et signalez-le au support du siège "
            f"(cause : {type(cause).__name__} : {cause})."
        )


class RestoreFailed(KnownError):
    """The migration failed and the backup copy could not be put back: a person must copy it by hand."""

    def __init__(self, database: Path, backup: Path, cause: BaseException) -> None:
        self.database = database
        self.backup = backup
        super().__init__(
            f"La mise à jour de la base de données {database} a échoué et la copie de sauvegarde n'a pas pu être "
            f"remise en place ({type(cause).__name__} : {cause}). N'utilisez pas ce poste : la copie intacte est "
            f"{backup} ; contactez le support du siège pour la restaurer."
        )


def backups(database: Path) -> list[Path]:
    """The backup copies of `database`, oldest first."""
    found = [p for p in database.parent.glob(f"{database.name}.bak-*") if _NAME.search(p.name)]
    return sorted(found, key=_order)


def _order(path: Path) -> tuple[str, int, str]:
    match = _NAME.search(path.name)
    assert match is not None
    return (match["stamp"], int(match["n"] or 0), path.name)


def take(database: Path, revision: str, *, now: datetime | None = None) -> Path:
    """Copy `database` (at `revision`) to a new backup file beside it; keep the last `KEEP` copies. Returns the copy."""
    stamp = (now or datetime.now()).strftime(_STAMP)
    target = database.with_name(f"{database.name}.bak-{revision}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = database.with_name(f"{database.name}.bak-{revision}-{stamp}-{n}")
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(database)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    os.replace(partial, target)
    log.info("database %s (revision %s) backed up to %s", database, revision, target.name)
    _prune(database)
    return target


def _prune(database: Path) -> None:
    for old in backups(database)[:-KEEP]:
        old.unlink(missing_ok=True)
        log.info("old database backup %s deleted", old.name)


def restore(backup: Path, database: Path) -> None:
    """Put `backup` back in place of `database` (and drop its WAL and shared-memory files).

    Every connection to `database` must be closed first (dispose the engine).
    """
    partial = database.with_name(database.name + ".restoring")
    shutil.copyfile(backup, partial)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    os.replace(partial, database)
    log.warning("database %s restored from %s", database, backup.name)
