"""A campus database as one file: made by a replica of the campus for new PCs, put in place on a new PC.

`make` copies the replica's database with `VACUUM INTO` (a consistent, compact copy taken while it stays usable),
then removes from the copy what belongs to the replica and to no one else: its identity, its change log and sync
bookkeeping, its local settings, drafts and throttles. The copy keeps the campus's records as pulled, their history,
the campus's conflicts, and the feed cursor and epoch they are up to date with.

`install` is the new PC's side: the file (already downloaded and its digest checked by the sync) is opened read-only
and checked — SQLite's quick check, the schema revision, the campus — then the PC's own identity (device id, creation
date, clock) is written into it and it replaces the PC's empty database by an atomic rename. The PC then pulls from the
snapshot's cursor, which brings what happened since (edits and erasures) before anyone uses the app.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

#: tables whose rows belong to the installation, not to the campus
LOCAL_ONLY = (
    "change_log",
    "sync_sent",
    "sync_rejection",
    "sync_set_aside",
    "pending_erasure",
    "pending_share",
    "intake_draft",
    "sign_in_throttle",
    "local_setting",
    "checkin_entry",
    "audit_event",
)


class SnapshotRefused(Exception):
    """The file is not a snapshot this PC can start from; the reason is for the log (the sync falls back to pulling)."""


@dataclass(frozen=True, slots=True)
class SnapshotFacts:
    campus_id: str
    epoch: str
    cursor: int
    schema_revision: str


def facts(path: Path) -> SnapshotFacts:
    """What a snapshot file says about itself (read-only); SnapshotRefused when it is not one."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise SnapshotRefused(f"unreadable: {exc}") from None
    try:
        if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise SnapshotRefused("damaged (quick_check)")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        device = conn.execute("SELECT campus_id FROM device_state WHERE id = 1").fetchone()
        state = conn.execute("SELECT epoch, cursor, until FROM sync_state WHERE id = 1").fetchone()
    except sqlite3.Error as exc:
        raise SnapshotRefused(f"not a campus database: {exc}") from None
    finally:
        conn.close()
    if not revision or not device or not device[0] or not state or not state[0] or state[2] is not None:
        raise SnapshotRefused("incomplete: no campus, epoch or finished pull")
    return SnapshotFacts(str(device[0]), str(state[0]), int(state[1]), str(revision[0]))


def make(source: sqlite3.Connection, out: Path) -> SnapshotFacts:
    """Write a snapshot of the database `source` is connected to at `out` (replaced atomically)."""
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    source.execute("VACUUM INTO ?", (str(tmp),))
    try:
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            copy.execute("BEGIN")
            for table in LOCAL_ONLY:
                copy.execute(f"DELETE FROM {table}")
            copy.execute("UPDATE device_state SET device_id = '', hlc_last = '' WHERE id = 1")
            copy.execute(
                "UPDATE sync_state SET server_url = NULL, install_id = NULL, last_acked_seq = 0, until = NULL, "
                "last_attempt_at = NULL, last_success_at = NULL, last_error = NULL, needs_reenrol = 0 WHERE id = 1"
            )
            copy.execute("COMMIT")
            copy.execute("VACUUM")
        finally:
            copy.close()
        made = facts(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return made


def install(
    downloaded: Path, database: Path, *, device_id: str, campus_id: str, expected_revision: str
) -> SnapshotFacts:
    """Put the checked snapshot `downloaded` in place of `database` (which nobody may have open), as this PC:
    `device_id` becomes its identity. The previous file, its WAL and shared memory are replaced or removed."""
    found = facts(downloaded)
    if found.campus_id != campus_id:
        raise SnapshotRefused("another campus's snapshot")
    if found.schema_revision != expected_revision:
        raise SnapshotRefused(f"schema {found.schema_revision}, this app needs {expected_revision}")
    conn = sqlite3.connect(downloaded, isolation_level=None)
    try:
        conn.execute("UPDATE device_state SET device_id = ?, hlc_last = '' WHERE id = 1", (device_id,))
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with open(downloaded, "rb") as f:
        os.fsync(f.fileno())
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{database}{suffix}")
    os.replace(downloaded, database)
    with contextlib.suppress(OSError):  # the rename itself made durable (POSIX)
        directory = os.open(database.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return found
