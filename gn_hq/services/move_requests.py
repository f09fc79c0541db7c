"""A campus asks the campus following a person to share their file with it, or to transfer it there.

Intake found the person followed elsewhere (services/lookup.py) and the person agreed at the desk: the asking PC
sends the match token, the kind and the consent (`POST /v1/move-requests`). HQ keeps the request, addressed to the
campus following the person, for `EXPIRES_AFTER`. That campus's PCs list what waits for them (`GET
/v1/move-requests`, which also lists the campus's own requests and their outcome) and an advisor or manager there
accepts or declines (`POST /v1/move-requests/{id}/decision`). Accepting gives the asking campus access (the sharing's
`grant_access`: the file arrives with its next pull); a transfer is then completed by the owning PC itself, by the
usual synced change of `person.campus_id` (gn_desktop/services/transfers.py). The asking campus learns the person's
id only once accepted. Erasing or anonymising the person deletes their requests (`forget`).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from gn_core.ids import new_id
from gn_core.protocol import MoveDecision, MoveRequestCreate, MoveRequestsResponse, MoveRequestView
from gn_hq.db.models import move_request_table as req_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import lookup, records, sharing
from gn_hq.services.context import Hq
from gn_hq.services.devices import AuthDevice, find_campus
from gn_hq.services.errors import Conflicting, Invalid, NotFound

PENDING, ACCEPTED, DECLINED, EXPIRED = "pending", "accepted", "declined", "expired"
#: a request nobody answered lapses after this long
EXPIRES_AFTER = timedelta(days=30)
#: how long a campus sees the outcome of its own requests; older rows are deleted
KEPT_FOR = timedelta(days=30)

CONSENT_NEEDED = "Accord de la personne : cochez la case une fois qu'elle a donné son accord."


def forget(conn: Connection, person_id: str) -> None:
    """An erased or anonymised person: their requests go."""
    conn.execute(delete(req_t).where(req_t.c.person_id == person_id))


def _status(row: Any, now: datetime) -> str:
    return EXPIRED if row.status == PENDING and row.expires_at <= now else str(row.status)


def _view(conn: Connection, row: Any, direction: str, now: datetime) -> MoveRequestView:
    other = row.from_campus_id if direction == "incoming" else row.to_campus_id
    campus = find_campus(conn, other)
    status = _status(row, now)
    shown = direction == "incoming" or status == ACCEPTED
    return MoveRequestView(
        id=row.id,
        kind=row.kind,
        status=status,  # type: ignore[arg-type]
        direction=direction,  # type: ignore[arg-type]
        campus_code=campus.code if campus else "",
        campus_name=campus.name if campus else "",
        person_id=row.person_id if shown else None,
        requested_at=row.requested_at.isoformat(timespec="seconds"),
        expires_at=row.expires_at.isoformat(timespec="seconds"),
        decided_at=row.decided_at.isoformat(timespec="seconds") if row.decided_at else None,
    )


def _live_person(conn: Connection, person_id: str) -> Any:
    """The person's row (owning campus in `campus_id`), or `Conflicting` when their file is gone or merged away."""
    row = conn.execute(
        select(record_t.c.campus_id, record_t.c.deleted, record_t.c.erased, record_t.c.data).where(
            record_t.c.entity == "person", record_t.c.record_id == person_id
        )
    ).first()
    data = json.loads(row.data) if row is not None and not row.erased else {}
    if row is None or row.deleted or row.erased or data.get("anonymised_on") or data.get("merged_into"):
        raise Conflicting("Ce dossier n'existe plus au siège (effacé, anonymisé ou fusionné).", code="person_gone")
    return row


def create(hq: Hq, device: AuthDevice, body: MoveRequestCreate) -> MoveRequestView:
    """Record the request of the device's campus (the same pending request again is answered as it stands)."""
    if not body.consent:
        raise Invalid(
            CONSENT_NEEDED,
            code="consent_needed",
            errors=[{"loc": ["body", "consent"], "msg": CONSENT_NEEDED, "type": "missing"}],
        )
    person_id = lookup.open_token(hq, body.token, device.campus_id)
    now = utcnow()
    with hq.write() as tx:
        conn = tx.conn
        person = _live_person(conn, person_id)
        owner = person.campus_id
        if owner is None or owner == device.campus_id:
            raise Conflicting("Cette personne est déjà suivie par votre campus.", code="already_followed")
        if body.kind == "share" and records.campuses_with_access(conn, [person_id], device.campus_id):
            raise Conflicting(
                "Ce dossier est déjà partagé avec votre campus : synchronisez le poste.", code="already_shared"
            )
        conn.execute(delete(req_t).where(req_t.c.expires_at < now - KEPT_FOR))
        row = conn.execute(
            select(req_t).where(
                req_t.c.person_id == person_id,
                req_t.c.from_campus_id == device.campus_id,
                req_t.c.kind == body.kind,
                req_t.c.status == PENDING,
                req_t.c.expires_at > now,
            )
        ).first()
        if row is None:
            request_id = new_id()
            conn.execute(
                insert(req_t).values(
                    id=request_id,
                    person_id=person_id,
                    from_campus_id=device.campus_id,
                    to_campus_id=owner,
                    kind=body.kind,
                    status=PENDING,
                    requested_at=now,
                    expires_at=now + EXPIRES_AFTER,
                    requested_by_device_id=device.id,
                    requested_by_user_id=lookup.account_of_campus(conn, body.user_id, device.campus_id),
                )
            )
            row = conn.execute(select(req_t).where(req_t.c.id == request_id)).one()
        return _view(conn, row, "outgoing", now)


def for_campus(hq: Hq, device: AuthDevice) -> MoveRequestsResponse:
    """What waits for the device's campus, and its own requests of the last `KEPT_FOR` with their outcome."""
    now = utcnow()
    with hq.read() as conn:
        epoch, _ = hq.read_meta(conn)
        incoming = conn.execute(
            select(req_t)
            .where(req_t.c.to_campus_id == device.campus_id, req_t.c.status == PENDING, req_t.c.expires_at > now)
            .order_by(req_t.c.requested_at)
        ).all()
        outgoing = conn.execute(
            select(req_t)
            .where(
                req_t.c.from_campus_id == device.campus_id,
                or_(req_t.c.requested_at > now - KEPT_FOR, req_t.c.decided_at > now - KEPT_FOR),
            )
            .order_by(req_t.c.requested_at.desc())
        ).all()
        return MoveRequestsResponse(
            epoch=epoch,
            incoming=[_view(conn, r, "incoming", now) for r in incoming],
            outgoing=[_view(conn, r, "outgoing", now) for r in outgoing],
        )


def decide(hq: Hq, device: AuthDevice, request_id: str, body: MoveDecision) -> MoveRequestView:
    """Accept or decline a request addressed to the device's campus. Accepting gives the asking campus access."""
    now = utcnow()
    with hq.write() as tx:
        conn = tx.conn
        row = conn.execute(
            select(req_t).where(req_t.c.id == request_id, req_t.c.to_campus_id == device.campus_id)
        ).first()
        if row is None:
            raise NotFound("Demande inconnue pour ce campus : actualisez la liste.", code="unknown_request")
        status = _status(row, now)
        if status == EXPIRED:
            raise Conflicting("Cette demande a expiré : l'autre campus peut en refaire une.", code="request_expired")
        if status != PENDING:
            raise Conflicting("Cette demande a déjà reçu une réponse.", code="request_decided")
        if body.accept:
            person = _live_person(conn, row.person_id)
            # a transfer already pushed by this campus's PC has made the asking campus the owner: still fine
            if person.campus_id not in (device.campus_id, row.from_campus_id):
                raise Conflicting("Cette personne n'est plus suivie par votre campus.", code="not_followed_here")
            sharing.grant_access(tx, row.person_id, row.from_campus_id)
        conn.execute(
            update(req_t)
            .where(req_t.c.id == request_id)
            .values(
                status=ACCEPTED if body.accept else DECLINED,
                decided_at=now,
                decided_by_device_id=device.id,
                decided_by_user_id=lookup.account_of_campus(conn, body.user_id, device.campus_id),
            )
        )
        row = conn.execute(select(req_t).where(req_t.c.id == request_id)).one()
        return _view(conn, row, "incoming", now)
