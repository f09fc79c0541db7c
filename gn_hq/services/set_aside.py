"""Records campus PCs could not store, as they report them: so HQ administrators see a campus that is missing data.

A campus sets a pulled record aside when it cannot store it (an older app, a rule added since) and goes on with the
rest of its pull; it reports its whole list after each pull, which replaces what it reported before (a record it
stored since is no longer listed). Reports hold no value of the records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select

from gn_core.protocol import SetAsideAck, SetAsideItem
from gn_hq.db.models import set_aside_table as set_aside_t
from gn_hq.db.types import utcnow
from gn_hq.services.context import Hq
from gn_hq.services.devices import AuthDevice


@dataclass(frozen=True, slots=True)
class SetAsideInfo:
    device_id: str
    campus_id: str
    entity: str
    record_id: str
    version: int
    reason: str
    app_version: str
    reported_at: datetime


def report(hq: Hq, device: AuthDevice, app_version: str, items: list[SetAsideItem]) -> SetAsideAck:
    """Replace the device's list of set-aside records with `items`."""
    now = utcnow()
    unique = {(i.entity, i.record_id): i for i in items}
    with hq.write() as tx:
        tx.conn.execute(delete(set_aside_t).where(set_aside_t.c.device_id == device.id))
        if unique:
            tx.conn.execute(
                insert(set_aside_t),
                [
                    {
                        "device_id": device.id,
                        "campus_id": device.campus_id,
                        "entity": i.entity,
                        "record_id": i.record_id,
                        "version": i.version,
                        "reason": i.reason,
                        "app_version": app_version,
                        "reported_at": now,
                    }
                    for i in unique.values()
                ],
            )
    return SetAsideAck(epoch=tx.epoch, count=len(unique))


def list_set_aside(hq: Hq) -> list[SetAsideInfo]:
    with hq.read() as conn:
        rows = conn.execute(
            select(set_aside_t).order_by(set_aside_t.c.campus_id, set_aside_t.c.device_id, set_aside_t.c.entity)
        ).all()
    return [
        SetAsideInfo(r.device_id, r.campus_id, r.entity, r.record_id, r.version, r.reason, r.app_version, r.reported_at)
        for r in rows
    ]
