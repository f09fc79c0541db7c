"""A campus database as one file: made by a replica of the campus for new PCs, put in place on a new PC.

`make` copies the replica's database with `sqlcipher_export` into a plain SQLite file (a consistent, compact copy
taken in one read transaction while the database stays usable; HQ serves it over HTTPS from its private data
directory to PCs that each have their own key), then removes from the copy what belongs to the replica and to no one
else: its identity, its change log and sync bookkeeping, its local settings, drafts and throttles. The copy keeps the
campus's records as pulled, their history, the campus's conflicts, and the feed cursor and epoch they are up to date
with.

`install` is the new PC's side: the file (already downloaded and its digest checked by the sync) is opened read-only
and checked — SQLite's quick check, the schema revision, the campus — then the PC's own device id is written into it,
it is encrypted with the PC's key (`cipher.encrypt_in_place`) and renamed into place beside the store's file. The PC
pulls into it from the snapshot's cursor, which brings what happened since (edits and erasures), then `Store.swap_in`
makes it the store's file: `local_state` reads what the empty store holds of its own (settings, drafts, throttles,
what it sent to HQ, its change sequence, role and creation date; None when it holds anything a replacement would
lose), `carry_local_state` writes it into the new file, and `put_in_place` renames it over the store's.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text, update

from gn_desktop.store import cipher
from gn_desktop.store import models as m

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


def make(source: Any, out: Path) -> SnapshotFacts:
    """Write a plain snapshot of the database `source` (a DB-API connection, encrypted or not) is connected to at
    `out` (replaced atomically)."""
    tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    source.execute("ATTACH DATABASE ? AS snapshot KEY ''", (str(tmp),))  # an empty key: a plain SQLite file
    try:
        source.execute("SELECT sqlcipher_export('snapshot')")
        (version,) = source.execute("PRAGMA main.user_version").fetchone()
        source.execute(f"PRAGMA snapshot.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE snapshot")
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
    downloaded: Path, database: Path, *, device_id: str, campus_id: str, expected_revision: str, key: str | None
) -> SnapshotFacts:
    """Put the checked snapshot `downloaded` in place of `database` (which nobody may have open: the file made
    ready beside the store's), as this PC: `device_id` becomes its identity, `key` its encryption (None: left plain,
    the insecure demo mode). A previous file there, its WAL and shared memory are replaced or removed."""
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
    if key is not None:
        cipher.encrypt_in_place(downloaded, key)  # synced to disk; the plain file is replaced by the encrypted one
    with open(downloaded, "rb") as f:
        os.fsync(f.fileno())
    put_in_place(downloaded, database)
    return found


def put_in_place(ready: Path, database: Path) -> None:
    """Rename the complete database file `ready` over `database` (which nobody may have open): its WAL and shared
    memory go first, and the rename is made durable."""
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{database}{suffix}")
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{ready}{suffix}")
    os.replace(ready, database)
    with contextlib.suppress(OSError):  # the rename itself made durable (POSIX)
        directory = os.open(database.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


#: this installation's rows kept when its database is replaced by one made aside (`carry_local_state`)
CARRIED = (m.LocalSetting, m.IntakeDraft, m.SignInThrottle, m.SyncSent, m.SyncRejection)


@dataclass(frozen=True, slots=True)
class LocalState:
    """What an empty store holds of its own, to be carried into the database that replaces it."""

    device: dict[str, Any]
    state: dict[str, Any]
    last_seq: int
    rows: dict[str, list[dict[str, Any]]]


def local_state(conn: Connection) -> LocalState | None:
    """This installation's own state in the store `conn` reads; None when the store holds something that a
    replacement would lose: a person, a change or an erasure waiting for HQ, a share, a decision, pulled records."""
    own = (
        select(m.Person.id).limit(1),
        select(m.ChangeLog.seq).limit(1),
        select(m.PendingErasure.person_id).limit(1),
        select(m.PendingShare.person_id).limit(1),
        select(m.SyncConflict.id).where(m.SyncConflict.pending_choice.is_not(None)).limit(1),
    )
    if any(conn.execute(q).first() is not None for q in own):
        return None
    state = conn.execute(select(m.SyncState.__table__).where(m.SyncState.id == 1)).mappings().first()
    device = conn.execute(select(m.DeviceState.__table__).where(m.DeviceState.id == 1)).mappings().first()
    if state is None or device is None or state["cursor"] != 0 or state["until"] is not None:
        return None
    seq = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")).scalar()
    rows = {
        model.__tablename__: [dict(r) for r in conn.execute(select(model.__table__)).mappings()] for model in CARRIED
    }
    return LocalState(dict(device), dict(state), int(seq or 0), rows)


def carry_local_state(conn: Connection, carried: LocalState) -> bool:
    """Write `carried` into the database made aside that `conn` writes to (a transaction); False when that database
    is not this installation's (another device id or enrolment): it must then not replace the store."""
    device = conn.execute(select(m.DeviceState.device_id).where(m.DeviceState.id == 1)).scalar()
    state = conn.execute(select(m.SyncState.server_url, m.SyncState.install_id).where(m.SyncState.id == 1)).first()
    mine = carried.state
    if device != carried.device["device_id"] or state is None:
        return False
    if (state[0], state[1]) != (mine["server_url"], mine["install_id"]):
        return False
    for model in CARRIED:
        rows = carried.rows[model.__tablename__]
        if rows:
            conn.execute(insert(model).prefix_with("OR REPLACE"), rows)
    conn.execute(
        update(m.DeviceState)
        .where(m.DeviceState.id == 1)
        .values(
            role=carried.device["role"],
            ticket_prefix=carried.device["ticket_prefix"],
            created_at=carried.device["created_at"],
        )
    )
    conn.execute(update(m.SyncState).where(m.SyncState.id == 1).values(last_acked_seq=mine["last_acked_seq"]))
    # this device's change sequence continues where it was at HQ (never below what HQ already holds from it)
    conn.execute(text("DELETE FROM sqlite_sequence WHERE name = 'change_log'"))
    conn.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES ('change_log', :seq)"), {"seq": carried.last_seq})
    return True
