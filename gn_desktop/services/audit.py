"""The audit trail of sensitive reads, campus side: one call records who read or exported what, when, on this PC.

`record` adds an `audit_event` in the caller's unit of work — the same transaction as the read it records, so a read
or an export that fails records nothing, and one that succeeds cannot go unrecorded. The event names the signed-in
account, this device and campus, the action (`gn_core.domain.enums.AuditAction`), the person's id when one person is
concerned, and a short detail that is never personal (a row count, a format). It is pushed to HQ like any change and
removed from this PC once HQ holds it (gn_desktop.sync); HQ administrators read the trail (`gn-hq audit list`).

Who calls it — the service functions that show or export sensitive data, never views:
- `person_file.open_file` (a person's file opened): `rqth_read` when the file shows an RQTH decision,
  `restricted_note_read` when it shows restricted notes — once per opening; reloads after an edit record nothing;
- `exporting.export_people` (CSV, JSON, xlsx; the app and `gn-desktop export`): `people_export`, with the rows;
- a one-person export (right of access, `access.person_export`, laid out as PDF and JSON by the view on the main
  thread): `person_exported`, run by the view as a write once the files are written (a failed write records nothing).
"""

from __future__ import annotations

from gn_core.domain.enums import AuditAction
from gn_desktop.store import models as m
from gn_desktop.store.types import utcnow
from gn_desktop.store.uow import UnitOfWork

#: the longest detail (gn_core.fields: audit_event.detail)
MAX_DETAIL = 200


def record(uow: UnitOfWork, action: AuditAction, *, person_id: str | None = None, detail: str | None = None) -> str:
    """Add one audit event to `uow` (a write unit of work: the caller commits it with the read); returns its id."""
    if uow.read_only:
        raise RuntimeError("an audit event is written with the read it records: use a write unit of work")
    device = uow.ctx.device_id
    campus = uow.campus_id
    if campus is None:
        return ""  # a PC not attached to a campus yet holds nobody's file (demo set-up, tests)
    event = m.AuditEvent(
        at=utcnow(),
        account_id=uow.user_id,
        device_id=device,
        campus_id=campus,
        action=action,
        person_id=person_id,
        detail=detail[:MAX_DETAIL] if detail else None,
    )
    uow.session.add(event)
    uow.flush()
    return event.id


def person_exported(uow: UnitOfWork, person_id: str, formats: str) -> str:
    """One person's data exported for them (right of access): recorded once the files are written; returns the id."""
    return record(uow, AuditAction.PERSON_EXPORT, person_id=person_id, detail=f"formats={formats}")
