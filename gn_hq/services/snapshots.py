"""Ready campus databases for new PCs: the first sync downloads one instead of pulling every record (issue #19).

A snapshot is made by a campus replica running beside HQ (`gn-desktop snapshot publish --into DIR`, a campus PC of
that campus with no one at its keyboard): a copy of its database with its own identity and local bookkeeping
removed, written as `<campus_id>.db` and described by `<campus_id>.json` (`SnapshotInfo`: epoch, feed cursor, schema
revision, SHA-256, size, date). HQ only serves them (`GET /v1/snapshot`, `GET /v1/snapshot/file`, HTTP ranges so an
interrupted download resumes): it never reads their content, and gn_hq never imports the campus app.

A device is offered its own campus's snapshot only, only a campus PC (a kiosk holds no one's file), only of HQ's
current epoch (after a restore, the cursor means nothing) and only while fresh (`MAX_AGE`): otherwise 404 and the PC
pulls page by page as before.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError

from gn_core.protocol import SnapshotInfo
from gn_core.sync_rules import DeviceRole
from gn_hq.services.context import Hq
from gn_hq.services.devices import AuthDevice
from gn_hq.services.errors import NotFound

SNAPSHOT_DIRNAME = "snapshots"
MAX_AGE = timedelta(days=7)

_NONE = "Pas de base prête pour ce campus : le poste reçoit ses données page par page."


def directory(hq: Hq) -> Path | None:
    return hq.data_dir / SNAPSHOT_DIRNAME if hq.data_dir is not None else None


def offer(hq: Hq, device: AuthDevice) -> tuple[SnapshotInfo, Path]:
    """The snapshot this device may start from and its file; NotFound when there is none worth taking."""
    folder = directory(hq)
    if folder is None or device.role is not DeviceRole.CAMPUS_PC:
        raise NotFound(_NONE, code="no_snapshot")
    meta, data = folder / f"{device.campus_id}.json", folder / f"{device.campus_id}.db"
    try:
        info = SnapshotInfo.model_validate_json(meta.read_bytes())
        size = data.stat().st_size
    except (OSError, ValidationError, json.JSONDecodeError):
        raise NotFound(_NONE, code="no_snapshot") from None
    with hq.read() as conn:
        epoch, last_seq = hq.read_meta(conn)
    made = datetime.fromisoformat(info.created_at)
    fresh = datetime.now(UTC) - (made if made.tzinfo else made.replace(tzinfo=UTC)) <= MAX_AGE
    if info.campus_id != device.campus_id or info.epoch != epoch or info.cursor > last_seq or size != info.size:
        raise NotFound(_NONE, code="no_snapshot")
    if not fresh:
        raise NotFound(_NONE, code="no_snapshot")
    return info, data
