"""A new PC's first sync from a ready database (issue #19): download, check, install, then pull what came after.

Pulling a whole campus row by row costs the time of writing every row into indexed tables, whatever the protocol.
When HQ offers a snapshot of this campus (`GET /v1/snapshot`, made by a campus replica beside HQ), a new PC instead:

1. downloads the file into `snapshot.part` in its data directory, resuming an interrupted download with an HTTP
   range (a `snapshot.part.json` beside it says which snapshot the bytes belong to);
2. checks its SHA-256 and size against what HQ announced, then installs it aside as this PC (`READY`, through
   `Store.install_beside`: SQLite's quick check, schema revision, campus; its device identity, enrolment and key);
3. pulls into that file from the snapshot's cursor — the edits and erasures made since (`Syncer._start_from_snapshot`);
   HQ out of reach meanwhile keeps the file, and the next sync goes on from the cursor it reached (`resumable`);
4. lets it replace the store's file (`Store.swap_in`), where no unit of work of the store is open: in the running
   app on the task runner's thread between two tasks, from the command line directly.

The store in use is untouched until that last rename, so the app stays usable during the download. Anything
unexpected (no snapshot, another epoch, a digest that does not match, a file this app cannot open, the store written
to meanwhile) leaves the PC as it was, and the cycle pulls page by page as before; HQ out of reach leaves the store
as it was too, for the next cycle.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from gn_core.domain.errors import KnownError
from gn_core.protocol import SnapshotInfo
from gn_core.sync_rules import DeviceRole
from gn_desktop.store import models as m
from gn_desktop.store import snapshot as files
from gn_desktop.store.replica import raw_connection, read_state, sync_transaction, write_state
from gn_desktop.store.snapshot import SnapshotRefused
from gn_desktop.store.uow import Store
from gn_desktop.sync.client import HqClient

log = logging.getLogger(__name__)

PART = "snapshot.part"
#: the snapshot installed as this PC and caught up, before it replaces the store's file
READY = "snapshot.ready.db"


def worth_it(store: Store, state: dict[str, Any]) -> bool:
    """A campus PC that has never pulled and holds nothing of its own: nothing to lose by becoming the snapshot."""
    if state["cursor"] != 0 or state["until"] is not None or store.role is not DeviceRole.CAMPUS_PC:
        return False
    with store.reading() as session:
        mine = session.scalar(select(func.count()).select_from(m.ChangeLog))
        people = session.scalar(select(m.Person.id).limit(1))
        erasures = session.scalar(select(func.count()).select_from(m.PendingErasure))
    return not mine and people is None and not erasures


def prepare(
    store: Store, client: HqClient, data_dir: Path, state: dict[str, Any], progress: Callable[[int, int], None]
) -> Path | None:
    """Download HQ's snapshot of this campus if it offers a usable one, check it and install it aside as this PC
    (`READY` in the data directory: this PC's identity and enrolment, encrypted with its key), without touching
    `store`; None when there is none, or it is unusable (the caller pulls page by page)."""
    if (ready := resumable(store, data_dir, state)) is not None:
        log.info("a first sync cut while catching up goes on from where it stopped")
        return ready
    info = client.snapshot_info()
    if info is None or info.campus_id != store.campus_id or info.epoch != state["epoch"]:
        return None
    part, label = data_dir / PART, data_dir / f"{PART}.json"
    if _label(label) != info.sha256:  # bytes of another snapshot: start over
        part.unlink(missing_ok=True)
        label.write_text(json.dumps({"sha256": info.sha256}), encoding="utf-8")
    if not client.download_snapshot(info, part, progress):
        return None
    if part.stat().st_size != info.size or _sha256(part) != info.sha256:
        log.warning("snapshot digest or size differs from HQ's announcement: pulling page by page")
        _discard(part, label)
        return None
    ready = data_dir / READY
    try:
        found = store.install_beside(part, ready)
    except SnapshotRefused as exc:
        log.warning("snapshot refused (%s): pulling page by page", exc)
        _discard(part, label)
        discard_ready(data_dir)
        return None
    label.unlink(missing_ok=True)
    aside = store.beside(ready)
    try:
        with sync_transaction(aside.engine) as conn:
            write_state(
                conn,
                server_url=state["server_url"],
                install_id=state["install_id"],
                campus_code=state["campus_code"],
                campus_name=state["campus_name"],
                epoch=found.epoch,
                cursor=found.cursor,
                until=None,
                last_acked_seq=0,
                needs_reenrol=False,
            )
    finally:
        aside.dispose()
    log.info("HQ's snapshot of %s at cursor %d installed aside", info.created_at, found.cursor)
    return ready


def resumable(store: Store, data_dir: Path, state: dict[str, Any]) -> Path | None:
    """`READY` left by a first sync cut while catching up (HQ out of reach): installed as this PC, of its campus and
    HQ's epoch, it is caught up from the cursor it reached instead of downloaded again (a first sync on a line that
    drops does not start over for a few missing pages). Anything else found there is discarded."""
    ready = data_dir / READY
    if not ready.exists():
        return None
    try:
        aside = store.beside(ready)
        try:
            with sync_transaction(aside.engine) as conn:
                found = read_state(conn)
            same = (aside.device_id, aside.campus_id) == (store.device_id, store.campus_id)
        finally:
            aside.dispose()
    except Exception:  # not a database this PC can open (another key, a file cut short): start again
        log.warning("a database made aside by an earlier first sync is unusable: discarded", exc_info=True)
        discard_ready(data_dir)
        return None
    if not same or found["epoch"] != state["epoch"] or not found["cursor"]:
        discard_ready(data_dir)
        return None
    return ready


def discard_ready(data_dir: Path) -> None:
    """Remove a database made aside that will not be used (and its WAL)."""
    for name in (READY, f"{READY}-wal", f"{READY}-shm"):
        (data_dir / name).unlink(missing_ok=True)


def discard_leftovers(data_dir: Path) -> None:
    """Remove what a first sync that was cut left in `data_dir` (a download, a database made aside), once this PC
    will not start from a snapshot any more: they hold campus data, the download unencrypted."""
    _discard(data_dir / PART, data_dir / f"{PART}.json")
    discard_ready(data_dir)


def publish(store: Store, into: Path) -> SnapshotInfo:
    """Write this replica's campus database for new PCs into HQ's `into` folder: `<campus_id>.db`, then
    `<campus_id>.json` describing it (both replaced atomically; HQ reads the description first, and a PC that got
    the description of the previous file sees the digest differ and pulls page by page)."""
    state = read_current_state(store)
    campus = store.campus_id
    if campus is None or not state["server_url"] or state["cursor"] == 0 or state["until"] is not None:
        raise KnownError("Ce poste doit être inscrit et synchronisé avant de publier une base prête.")
    into.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = into / f"{campus}.db"
    with store.engine.connect() as conn:
        found = files.make(raw_connection(conn), target)
    info = SnapshotInfo(
        campus_id=found.campus_id,
        epoch=found.epoch,
        cursor=found.cursor,
        schema_revision=found.schema_revision,
        sha256=_sha256(target),
        size=target.stat().st_size,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    meta = into / f"{campus}.json"
    tmp = meta.with_name(f"{meta.name}.tmp")
    tmp.write_text(info.model_dump_json(), encoding="utf-8")
    os.replace(tmp, meta)
    return info


def read_current_state(store: Store) -> dict[str, Any]:
    with sync_transaction(store.engine) as conn:
        return read_state(conn)


def _label(path: Path) -> str | None:
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("sha256"))
    except (OSError, ValueError, AttributeError):
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _discard(part: Path, label: Path) -> None:
    part.unlink(missing_ok=True)
    label.unlink(missing_ok=True)
