"""The audit trail of sensitive reads, as HQ administrators read it (`gn-hq audit list`).

Campus PCs add the events (gn_core.sync_rules: a PC adds events of its own campus, naming itself and an account of
its campus, and nobody edits or deletes one); HQ stores them as records of `record` (entity `audit_event`, with the
person and campus extracted for the filters) and sends them to no device. An event names a person by their opaque id
only; erasing or anonymising the person keeps it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from gn_core.domain.enums import AuditAction
from gn_core.domain.labels import label
from gn_core.sync_rules import AUDIT_ENTITY
from gn_hq.db.models import device_table as device_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services import devices, users
from gn_hq.services.context import Hq
from gn_hq.services.errors import HqError


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One event, with the names an administrator reads (account, device, campus code) beside the ids."""

    id: str
    at: datetime
    campus_id: str
    campus_code: str | None
    account_id: str | None
    account: str | None  # the user name, None for a command run without signing in
    device_id: str
    device: str | None  # the device's name
    action: str
    action_label: str  # French
    person_id: str | None
    detail: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "campus_id": self.campus_id,
            "campus_code": self.campus_code,
            "account_id": self.account_id,
            "account": self.account,
            "device_id": self.device_id,
            "device": self.device,
            "action": self.action,
            "action_label": self.action_label,
            "person_id": self.person_id,
            "detail": self.detail,
        }


def _action_label(action: str) -> str:
    try:
        return label(AuditAction(action))
    except ValueError:
        return action


def list_events(
    hq: Hq, *, person_id: str | None = None, since: date | None = None, campus_code: str | None = None
) -> list[AuditEntry]:
    """The events (of one person, one campus, from a day on — UTC), oldest first."""
    codes = {c.id: c.code for c in devices.list_campuses(hq)}
    campus_id = None
    if campus_code is not None:
        wanted = campus_code.strip().upper()
        campus_id = next((cid for cid, code in codes.items() if code == wanted), None)
        if campus_id is None:
            raise HqError(f"Campus « {wanted[:8]} » inconnu : voyez gn-hq campus list.", code="unknown_campus")
    accounts = {a.id: a.username for a in users.list_accounts(hq)}
    stmt = select(record_t.c.record_id, record_t.c.data).where(
        record_t.c.entity == AUDIT_ENTITY, record_t.c.deleted.is_(False)
    )
    if person_id is not None:
        stmt = stmt.where(record_t.c.person_id == person_id)
    if campus_id is not None:
        stmt = stmt.where(record_t.c.campus_id == campus_id)
    start = datetime(since.year, since.month, since.day, tzinfo=UTC) if since is not None else None
    with hq.read() as conn:
        rows = conn.execute(stmt).all()
        names: dict[str, str] = {r.id: r.name for r in conn.execute(select(device_t.c.id, device_t.c.name))}
    out = []
    for record_id, text in rows:
        data = json.loads(text)
        at = datetime.fromisoformat(data["at"]).astimezone(UTC)
        if start is not None and at < start:
            continue
        account = data.get("account_id")
        out.append(
            AuditEntry(
                id=record_id,
                at=at,
                campus_id=data["campus_id"],
                campus_code=codes.get(data["campus_id"]),
                account_id=account,
                account=accounts.get(account) if account else None,
                device_id=data["device_id"],
                device=names.get(data["device_id"]),
                action=data["action"],
                action_label=_action_label(data["action"]),
                person_id=data.get("person_id"),
                detail=data.get("detail"),
            )
        )
    out.sort(key=lambda e: (e.at, e.id))
    return out
