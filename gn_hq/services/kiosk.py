"""What a kiosk needs to check visitors in: the check-in index of its campus (gn_core.checkin).

For the campus's appointments from the start of today (its local day, taken wide: 14 hours before now) to 8 days
ahead, still planned or already arrived: the appointment id, keyed hashes of its check-in code and of the person's
name key and birth date, the first name and the time — nothing else about anyone. The key is the campus's own
(`campus_key`, drawn on first use). Computed on demand from `appointment_slot` (one indexed range) and the records of
those appointments and their people.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select

from gn_core.checkin import code_hash, decode_key, encode_key, name_hash
from gn_core.protocol import CheckInEntry, CheckInIndex
from gn_core.sync_rules import DeviceRole
from gn_hq.db.models import appointment_slot_table as slot_t
from gn_hq.db.models import campus_key_table as key_t
from gn_hq.db.types import utcnow
from gn_hq.services import records
from gn_hq.services.context import Hq
from gn_hq.services.devices import AuthDevice
from gn_hq.services.errors import Forbidden

#: how far back and ahead of now the index reaches
INDEX_BEHIND = timedelta(hours=14)
INDEX_AHEAD = timedelta(days=8)
#: appointments a visitor may still check in for
OPEN_STATUSES = ("planned", "arrived")


def campus_key(hq: Hq, campus_id: str) -> bytes:
    """The campus's check-in key, drawn the first time it is needed."""
    with hq.read() as conn:
        found = conn.scalar(select(key_t.c.key).where(key_t.c.campus_id == campus_id))
    if found is not None:
        return decode_key(found)
    with hq.write() as tx:
        found = tx.conn.scalar(select(key_t.c.key).where(key_t.c.campus_id == campus_id))
        if found is None:
            found = encode_key(secrets.token_bytes(32))
            tx.conn.execute(insert(key_t).values(campus_id=campus_id, key=found, created_at=utcnow()))
    return decode_key(found)


def check_in_index(hq: Hq, device: AuthDevice, now: datetime | None = None) -> CheckInIndex:
    """The check-in index of the kiosk's campus (a kiosk only: a campus PC holds the appointments themselves)."""
    if device.role is not DeviceRole.KIOSK:
        raise Forbidden("L'index d'accueil est réservé aux bornes.", code="kiosk_only")
    now = now or datetime.now(UTC)
    key = campus_key(hq, device.campus_id)
    low = (now - INDEX_BEHIND).isoformat(timespec="milliseconds")
    high = (now + INDEX_AHEAD).isoformat(timespec="milliseconds")
    with hq.read() as conn:
        epoch, _ = hq.read_meta(conn)
        ids = list(
            conn.scalars(
                select(slot_t.c.appointment_id).where(
                    slot_t.c.campus_id == device.campus_id, slot_t.c.starts_at >= low, slot_t.c.starts_at < high
                )
            )
        )
        appointments = records.load(conn, [("appointment", i) for i in ids])
        people = records.load(
            conn,
            [("person", p) for s in appointments.values() if isinstance(p := s.state.data.get("person_id"), str)],
        )
    entries = []
    for (_entity, appointment_id), stored in sorted(appointments.items()):
        data = stored.state.data
        if stored.state.deleted or stored.state.erased or data.get("status") not in OPEN_STATUSES:
            continue
        person = people.get(("person", data.get("person_id") or ""))
        if person is None or person.state.deleted or person.state.erased:
            continue
        who = person.state.data
        entries.append(
            CheckInEntry(
                appointment_id=appointment_id,
                code_hash=code_hash(key, data.get("code") or ""),
                name_hash=name_hash(key, who.get("first_name", ""), who.get("last_name", ""), who.get("birth_date")),
                first_name=str(who.get("first_name", "")),
                starts_at=datetime.fromisoformat(data["starts_at"]).astimezone(UTC).isoformat(timespec="milliseconds"),
            )
        )
    return CheckInIndex(
        epoch=epoch, generated_at=now.isoformat(timespec="milliseconds"), key=encode_key(key), entries=entries
    )
