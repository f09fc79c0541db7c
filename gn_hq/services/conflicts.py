"""Conflicts: stored when a merge finds concurrent writes, sent to the campuses of both sides, resolved by advisors.

"auto" conflicts (HQ picked the winner) are information; "open" ones (protected fields, delete against update) hold
the field — no change applies to it — until an advisor of one of the campuses involved decides.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from gn_core import fields as value_rules
from gn_core.merge import Conflict, resolve_delete, resolve_field
from gn_core.protocol import ConflictNotice, ConflictSide, ResolveRequest
from gn_core.sync_rules import PERSON_LINK, REFUSAL_DETAIL, DeviceRole, write_refusal
from gn_hq.db.models import conflict_table as conflict_t
from gn_hq.db.types import iso, utcnow
from gn_hq.services import records
from gn_hq.services.context import Hq, WriteTx
from gn_hq.services.devices import AuthDevice, campus_of_devices, live_campus_ids
from gn_hq.services.errors import Conflicting, Forbidden, HqError, NotFound


def _json(value: Any) -> str:
    return records.dumps(value)


def _value(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def row_for(
    conflict: Conflict,
    *,
    entity: str,
    record_id: str,
    person_id: str | None,
    campus_id: str,
    campus_hlc: str,
    hq_campus_id: str | None,
    seq: int,
    now: datetime,
) -> dict[str, Any]:
    """The `conflict` row for a merge's Conflict; `campus_*` is the pushing device's side."""
    hq_writer = conflict.hq_writer
    return {
        "id": str(uuid.uuid4()),
        "entity": entity,
        "record_id": record_id,
        "person_id": person_id,
        "kind": conflict.kind,
        "field": conflict.field,
        "status": "open" if conflict.held else "auto",
        "winner": conflict.winner,
        "base": _json(conflict.base),
        "hq_value": _json(conflict.hq_value),
        "hq_device_id": hq_writer.device_id if hq_writer else None,
        "hq_campus_id": hq_campus_id,
        "hq_user_id": hq_writer.user_id if hq_writer else None,
        "hq_hlc": hq_writer.stamp if hq_writer else None,
        "campus_value": _json(conflict.campus_value),
        "campus_device_id": conflict.campus_writer.device_id,
        "campus_campus_id": campus_id,
        "campus_user_id": conflict.campus_writer.user_id,
        "campus_hlc": campus_hlc,
        "resolution": None,
        "resolved_by_device_id": None,
        "resolved_by_user_id": None,
        "created_at": now,
        "resolved_at": None,
        "server_seq": seq,
    }


def notice(row: Any) -> ConflictNotice:
    """A stored conflict (row or mapping) as campuses receive it."""
    get = row.__getitem__ if isinstance(row, dict) else row._mapping.__getitem__
    return ConflictNotice(
        id=get("id"),
        seq=get("server_seq"),
        entity=get("entity"),
        record_id=get("record_id"),
        person_id=get("person_id"),
        kind=get("kind"),
        field=get("field"),
        status=get("status"),
        base=_value(get("base")),
        hq=ConflictSide(
            value=_value(get("hq_value")),
            device_id=get("hq_device_id"),
            campus_id=get("hq_campus_id"),
            user_id=get("hq_user_id"),
            hlc=get("hq_hlc"),
        ),
        campus=ConflictSide(
            value=_value(get("campus_value")),
            device_id=get("campus_device_id"),
            campus_id=get("campus_campus_id"),
            user_id=get("campus_user_id"),
            hlc=get("campus_hlc"),
        ),
        winner=get("winner"),
        resolution=_value(get("resolution")),
        created_at=iso(get("created_at")) or "",
        resolved_at=iso(get("resolved_at")),
    )


def insert_rows(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(conflict_t), rows)


def held_fields(conn: Connection, keys: Iterable[records.Key]) -> dict[records.Key, set[str]]:
    """Fields held by open conflicts, per record (a delete conflict holds nothing: the record stays editable)."""
    ids = sorted({record_id for _entity, record_id in keys})
    held: dict[records.Key, set[str]] = {}
    for chunk in records.chunks(conn, ids):
        stmt = select(conflict_t.c.entity, conflict_t.c.record_id, conflict_t.c.field).where(
            records.id_in(conn, conflict_t.c.record_id, chunk),
            conflict_t.c.status == "open",
            conflict_t.c.kind == "field",
        )
        for row in conn.execute(stmt):
            held.setdefault((row.entity, row.record_id), set()).add(row.field)
    return held


def scrub(tx: WriteTx, person_id: str, record_ids: Iterable[str]) -> int:
    """Erasure: remove the values of every conflict about the person and mark them erased (sent again)."""
    ids = set(record_ids)
    rows = tx.conn.execute(
        select(conflict_t.c.id, conflict_t.c.record_id, conflict_t.c.person_id).where(
            (conflict_t.c.person_id == person_id) | conflict_t.c.record_id.in_(list(ids) or [""]),
            conflict_t.c.status != "erased",
        )
    ).all()
    for row in rows:
        tx.conn.execute(
            update(conflict_t)
            .where(conflict_t.c.id == row.id)
            .values(
                status="erased",
                base=None,
                hq_value=None,
                campus_value=None,
                resolution=None,
                server_seq=tx.next_seq(),
            )
        )
    return len(rows)


def resolve(hq: Hq, device: AuthDevice, conflict_id: str, request: ResolveRequest) -> ConflictNotice:
    """An advisor's decision on an open conflict, made on a campus involved in it (or following the person)."""
    with hq.write() as tx:
        row = tx.conn.execute(select(conflict_t).where(conflict_t.c.id == conflict_id)).first()
        if row is None:
            raise NotFound("Conflit inconnu.", code="unknown_conflict")
        if device.campus_id not in (row.hq_campus_id, row.campus_campus_id) and not (
            row.person_id and records.campuses_with_access(tx.conn, [row.person_id], device.campus_id)
        ):
            raise Forbidden("Ce conflit ne concerne pas votre campus.", code="forbidden")
        if row.status != "open":
            raise Conflicting("Ce conflit est déjà réglé (ou n'attend pas de décision).", code="conflict_closed")
        key = (row.entity, row.record_id)
        stored = records.load(tx.conn, [key]).get(key)
        if stored is None or stored.state.erased:
            raise Conflicting("L'enregistrement n'existe plus.", code="conflict_closed")
        state = stored.state
        stamp = str(hq.clock.now())
        if row.kind == "field":
            if request.choice not in ("hq", "campus", "value"):
                raise HqError(
                    "Choix invalide pour un conflit de champ : hq, campus ou value.", code="invalid_choice", status=422
                )
            value = {
                "hq": state.data.get(row.field),
                "campus": _value(row.campus_value),
                "value": request.value,
            }[request.choice]
            _check_decision(tx.conn, device, row.entity, row.record_id, state, row.field, value, request.user_id)
            new_state = resolve_field(state, row.field, value, stamp, device.id, request.user_id)
            resolution: dict[str, Any] = {"choice": request.choice, "value": value}
            same = (conflict_t.c.kind == "field") & (conflict_t.c.field == row.field)
        else:
            if request.choice not in ("keep", "delete"):
                raise HqError(
                    "Choix invalide pour une suppression : keep ou delete.", code="invalid_choice", status=422
                )
            new_state = resolve_delete(state, request.choice == "delete", stamp, device.id, request.user_id)
            resolution = {"choice": request.choice}
            same = conflict_t.c.kind == "delete"
        now = utcnow()
        if new_state is not state:
            row_out = records.columns_of(row.entity, row.record_id, new_state, tx.next_seq(), now)
            records.write(tx.conn, [], [row_out])
        # Every open conflict on the same field (several campuses may have disagreed) is settled by this decision.
        open_ids = tx.conn.scalars(
            select(conflict_t.c.id).where(
                conflict_t.c.entity == row.entity,
                conflict_t.c.record_id == row.record_id,
                conflict_t.c.status == "open",
                same,
            )
        ).all()
        for cid in open_ids:
            tx.conn.execute(
                update(conflict_t)
                .where(conflict_t.c.id == cid)
                .values(
                    status="resolved",
                    resolution=_json(resolution),
                    resolved_by_device_id=device.id,
                    resolved_by_user_id=request.user_id,
                    resolved_at=now,
                    server_seq=tx.next_seq(),
                )
            )
        result = tx.conn.execute(select(conflict_t).where(conflict_t.c.id == conflict_id)).one()
    return notice(result)


def _check_decision(
    conn: Connection,
    device: AuthDevice,
    entity: str,
    record_id: str,
    state: Any,
    field: str,
    value: Any,
    author: str | None,
) -> None:
    """A decided value is a write like any other: a value no campus can store (422), or one the deciding campus may
    not write — a person's owning campus moved without the transfer rules, a record moved to a person it does not
    follow — is refused (403)."""
    problem = value_rules.problem(entity, field, value)
    if problem is not None:
        raise HqError(problem.message, code="invalid_value", status=422)
    stored = state.data
    link = PERSON_LINK.get(entity)
    people = [p for p in (stored.get(link), value if field == link else None) if isinstance(p, str)] if link else []
    if link == "id":
        people = [record_id]
    followed = records.campuses_with_access(conn, people, device.campus_id)
    refusal = write_refusal(
        DeviceRole.CAMPUS_PC,
        device.campus_id,
        entity,
        record_id,
        "update",
        stored=stored,
        new={field: value},
        follows=lambda person_id: person_id in followed,
        campus_exists=lambda campus_id: campus_id in live_campus_ids(conn),
        author=author,
    )
    if refusal is not None:
        raise Forbidden(REFUSAL_DETAIL[refusal], code="forbidden")


def hq_campuses(conn: Connection, conflicts: list[Conflict]) -> dict[str, str]:
    """Campus of the device behind each conflict's HQ side."""
    return campus_of_devices(conn, {c.hq_writer.device_id for c in conflicts if c.hq_writer})


@dataclass(frozen=True, slots=True)
class OpenConflict:
    """An open conflict as HQ's console lists it: what and where, never the values (they may be personal data)."""

    id: str
    entity: str
    record_id: str
    person_id: str | None
    kind: str  # field | delete
    field: str | None
    campus_ids: tuple[str, ...]  # the campuses of both sides (one when a campus conflicted with itself)
    created_at: datetime


def list_open(hq: Hq, campus_id: str | None = None, limit: int = 500) -> list[OpenConflict]:
    """Conflicts waiting for an advisor's decision (of `campus_id`'s side, when given), oldest first."""
    stmt = select(
        conflict_t.c.id,
        conflict_t.c.entity,
        conflict_t.c.record_id,
        conflict_t.c.person_id,
        conflict_t.c.kind,
        conflict_t.c.field,
        conflict_t.c.hq_campus_id,
        conflict_t.c.campus_campus_id,
        conflict_t.c.created_at,
    ).where(conflict_t.c.status == "open")
    if campus_id is not None:
        stmt = stmt.where((conflict_t.c.hq_campus_id == campus_id) | (conflict_t.c.campus_campus_id == campus_id))
    with hq.read() as conn:
        rows = conn.execute(stmt.order_by(conflict_t.c.created_at, conflict_t.c.id).limit(limit)).all()
    return [
        OpenConflict(
            r.id,
            r.entity,
            r.record_id,
            r.person_id,
            r.kind,
            r.field,
            tuple(sorted({c for c in (r.hq_campus_id, r.campus_campus_id) if c})),
            r.created_at,
        )
        for r in rows
    ]
