"""Backup copies of the campus database, taken before a migration and put back when the migration fails.

A copy is named `campus.db.bak-<revision>-<YYYYMMDD-HHMMSS>` (the revision the database was at, then when) and sits
beside the database; the last `KEEP` copies are kept, older ones deleted. Copies are made with SQLite's online backup
API, so a database in WAL mode is copied whole and consistent (its -wal file included), and encrypted with the
database's key (`cipher`: this PC's key unless told otherwise): a copy is no more readable than the database.

Threading: call before the store is shared (at start-up); nothing else may hold the database open during `restore`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from gn_core.domain.errors import KnownError
from gn_core.domain.identity import Identity
from gn_desktop import paths
from gn_desktop.store import cipher

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


def take(
    database: Path, revision: str, *, now: datetime | None = None, key: str | cipher.ThisPc | None = cipher.THIS_PC
) -> Path:
    """Copy `database` (at `revision`, encrypted with `key`) to a new backup file beside it, encrypted with the same
    key; keep the last `KEEP` copies. Returns the copy."""
    key = cipher.resolve(key)
    stamp = (now or datetime.now()).strftime(_STAMP)
    target = database.with_name(f"{database.name}.bak-{revision}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = database.with_name(f"{database.name}.bak-{revision}-{stamp}-{n}")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    paths.create_private_file(partial)
    source = cipher.connect(database, key)
    try:
        copy = cipher.connect(partial, key)
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
    paths.private_file(partial)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    os.replace(partial, database)
    log.warning("database %s restored from %s", database, backup.name)


def scrub(database: Path, erased: Iterable[str], *, key: str | cipher.ThisPc | None = cipher.THIS_PC) -> None:
    """Erase from every backup copy of `database` too what was erased from it — people and everything about them,
    records erased on their own — by id: each copy is rewritten without them (its own schema, whatever revision it
    is at) or, if that fails, deleted. An erasure leaves no copy behind."""
    wanted = sorted(set(erased))
    if not wanted:
        return
    key = cipher.resolve(key)
    for copy in backups(database):
        try:
            _scrub_copy(copy, wanted, key)
        except (cipher.DBAPI.Error, OSError, KnownError) as exc:
            copy.unlink(missing_ok=True)
            log.warning(
                "database backup %s deleted: it could not be rewritten without an erased person (%s)",
                copy.name,
                type(exc).__name__,
            )


#: what an erasure keeps: the tombstones (opaque ids) and the request still owed to HQ (an id and a reason code)
_KEPT = frozenset({"tombstone", "pending_erasure"})


def _scrub_copy(copy: Path, person_ids: list[str], key: str | None) -> None:
    conn = cipher.connect(copy, key)
    conn.row_factory = cipher.DBAPI.Row
    try:
        conn.execute("PRAGMA secure_delete = ON")
        tables = {
            name: {col["name"] for col in conn.execute(f'PRAGMA table_info("{name}")')}
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith(("sqlite_", "person_fts"))
        }
        with conn:
            for person_id in person_ids:
                _scrub_person(conn, tables, person_id)
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'person_fts'").fetchone():
                conn.execute("INSERT INTO person_fts(person_fts) VALUES('optimize')")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _scrub_person(conn: cipher.Connection, tables: dict[str, set[str]], person_id: str) -> None:
    """The erasure of `gn_desktop.store.replica.erase_person`, done on a schema known only by its column names
    (`person_id` is a person's id, or a record's erased on its own)."""
    person = conn.execute("SELECT * FROM person WHERE id = ?", (person_id,)).fetchone() if "person" in tables else None
    identity = Identity.of(dict(person)) if person is not None else None
    ids: set[str] = {person_id}
    for name, columns in tables.items():
        if "id" in columns and name not in _KEPT:
            conn.execute(f'DELETE FROM "{name}" WHERE id = ?', (person_id,))  # a record erased on its own
    for name, columns in tables.items():
        if "person_id" in columns and name not in _KEPT:
            if "id" in columns:
                ids.update(r[0] for r in conn.execute(f'SELECT id FROM "{name}" WHERE person_id = ?', (person_id,)))
            conn.execute(f'DELETE FROM "{name}" WHERE person_id = ?', (person_id,))
    if identity is not None and "pre_registration" in tables:
        for row in conn.execute("SELECT * FROM pre_registration WHERE person_id IS NULL").fetchall():
            if identity.describes(Identity.of(dict(row))):
                ids.add(row["id"])
                conn.execute("DELETE FROM pre_registration WHERE id = ?", (row["id"],))
    if identity is not None and "intake_draft" in tables:
        for row in conn.execute("SELECT id, data FROM intake_draft").fetchall():
            data = _json_object(row["data"])
            if identity.describes(Identity.of(data)):
                conn.execute("DELETE FROM intake_draft WHERE id = ?", (row["id"],))
    if "person" in tables:
        conn.execute("DELETE FROM person WHERE id = ?", (person_id,))
    for name, columns in tables.items():
        if "record_id" in columns and name not in _KEPT:
            conn.executemany(f'DELETE FROM "{name}" WHERE record_id = ?', [(i,) for i in ids])


def _json_object(text: Any) -> dict[str, Any]:
    try:
        value = json.loads(text) if isinstance(text, str | bytes) else None
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
