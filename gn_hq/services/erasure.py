"""GDPR erasure: a person's data removed from every record about them, leaving tombstones that refuse late edits —
and its milder kind, anonymisation at the end of the retention period (gn_core.retention), which travels the same way.

What stays of an erasure: for each record, (entity, id, erased) and the person id it belonged to (an opaque random
id), so a campus that still has the person is told to erase them too (the tombstones are in its feed) and a change
pushed later for the person — even a brand-new note — is refused. Conflicts about the person lose their values. An
`erasure` row keeps the proof (when, why, at whose request; `kind` "erase") and no personal data.

An anonymisation rewrites the person's records instead (identity, contact and free text removed, what the indicators
count kept: `gn_core.retention.anonymised`), the person first, so every campus following them receives the person
— marked `anonymised_on` — before their records and removes every old value it holds (history included); then the
same conflict scrub and proof row (`kind` "anonymise"). Later changes to the file are refused (`forbidden`), an
erasure excepted.

The audit trail is left alone by both: an event about the person keeps their opaque id (it names nobody once the
file is gone, as the proof row does) so that "who read this file before it was erased?" can still be answered.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select

from gn_core.domain import erasure as erasure_rules
from gn_core.domain.enums import ErasureReason
from gn_core.domain.identity import Identity
from gn_core.merge import Incoming, erase, merge
from gn_core.protocol import ErasureResponse
from gn_core.retention import anonymised
from gn_core.sync_rules import NOT_PULLED, OWNING_CAMPUS_FIELD
from gn_hq.db.models import erasure_table as erasure_t
from gn_hq.db.models import person_access_table as access_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import conflicts, duplicates, merging, move_requests, records
from gn_hq.services.context import HQ_DEVICE_ID, Hq, WriteTx
from gn_hq.services.devices import AuthDevice
from gn_hq.services.errors import Forbidden, Invalid

ERASE, ANONYMISE = "erase", "anonymise"


def is_erased(tx: WriteTx, person_id: str, kind: str = ERASE) -> bool:
    found = tx.conn.execute(
        select(erasure_t.c.person_id).where(erasure_t.c.person_id == person_id, erasure_t.c.kind == kind)
    ).first()
    return found is not None


def _person_records(tx: WriteTx, person_id: str) -> list[tuple[str, str]]:
    """(entity, id) of every record about the person HQ holds not erased (the audit trail aside)."""
    return [
        (row.entity, row.record_id)
        for row in tx.conn.execute(
            select(record_t.c.entity, record_t.c.record_id).where(
                record_t.c.person_id == person_id,
                record_t.c.erased.is_(False),
                record_t.c.entity.not_in(sorted(NOT_PULLED)),
            )
        )
    ]


def erase_person(
    tx: WriteTx, person_id: str, reason: str, *, device_id: str | None, user_id: str | None
) -> tuple[int, bool]:
    """Erase everything HQ holds about a person, in the caller's transaction — with every file merged with theirs
    (a duplicate merged at HQ: erasing either erases both). Returns (records erased, already)."""
    count, already = 0, True
    for pid in merging.merge_group(tx.conn, person_id):
        n, was = _erase_one(tx, pid, reason, device_id=device_id, user_id=user_id)
        count, already = count + n, already and was
    return count, already


def _erase_one(
    tx: WriteTx, person_id: str, reason: str, *, device_id: str | None, user_id: str | None
) -> tuple[int, bool]:
    already = is_erased(tx, person_id)
    keys = _person_records(tx, person_id)
    person_key = ("person", person_id)
    if person_key not in keys:
        keys.append(person_key)  # the person's own tombstone, even if HQ never had the person or it is erased
    stored = records.load(tx.conn, keys)
    person = stored.get(person_key)
    unlinked = _front_desk_describing(tx, person.state.data) if person and not person.state.erased else {}
    keys.extend(unlinked)
    stored.update(records.load(tx.conn, list(unlinked)))
    now = utcnow()
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    count = 0
    for key in keys:
        current = stored.get(key)
        if current is not None and current.state.erased:
            continue
        state = erase(current.state if current else None)
        if key in unlinked:
            # not the person's record: its tombstone reaches the PCs of the campus that received it
            row = records.columns_of(key[0], key[1], state, tx.next_seq(), now)
            row["campus_id"] = unlinked[key]
        else:
            row = records.columns_of(key[0], key[1], state, tx.next_seq(), now, erased_person=person_id)
        (changed_rows if current else new_rows).append(row)
        count += 1
    records.write(tx.conn, new_rows, changed_rows)
    tx.erased = True
    conflicts.scrub(tx, person_id, [k[1] for k in keys])
    duplicates.forget(tx.conn, person_id)
    move_requests.forget(tx.conn, person_id)
    if not already:
        tx.conn.execute(
            insert(erasure_t).values(
                person_id=person_id,
                kind=ERASE,
                reason=reason,
                requested_by_device_id=device_id,
                requested_by_user_id=user_id,
                requested_at=now,
                records_erased=count,
            )
        )
    return count, already


def _front_desk_describing(tx: WriteTx, person: Mapping[str, Any]) -> dict[tuple[str, str], str | None]:
    """Kiosk pre-registrations never linked to a person's file that hold this person's name, phone or e-mail, with
    their campus: an erasure leaves none of them (at any campus)."""
    identity = Identity.of(person)
    rows = tx.conn.execute(
        select(record_t.c.record_id, record_t.c.data, record_t.c.campus_id).where(
            record_t.c.entity == "pre_registration", record_t.c.person_id.is_(None), record_t.c.erased.is_(False)
        )
    )
    return {
        ("pre_registration", row.record_id): row.campus_id
        for row in rows
        if identity.describes(Identity.of(json.loads(row.data or "{}")))
    }


def anonymise_person(hq: Hq, tx: WriteTx, person_id: str, reason: str, today: date) -> int:
    """Anonymise a person's file in the caller's transaction (gn_core.retention.anonymised: identity, contact and
    free text go, the indicators' fields stay), as HQ; returns how many records changed. The person is written first
    (lowest sequence): a campus receives the mark `anonymised_on` before the records it must then clean up after."""
    keys = [k for k in _person_records(tx, person_id) if k[0] != "person"]
    keys.insert(0, ("person", person_id))
    stored = records.load(tx.conn, keys)
    person = stored.get(("person", person_id))
    if person is None or person.state.deleted or person.state.erased:
        return 0
    owner = person.state.data.get(OWNING_CAMPUS_FIELD)
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for entity, record_id in keys:
        current = stored.get((entity, record_id))
        if current is None or current.state.deleted:
            continue
        data = current.state.data
        changes = anonymised(entity, data, today)
        if not changes:
            continue
        change = Incoming(
            op="update",
            fields={name: (data.get(name), value) for name, value in changes.items()},
            base_version=current.state.version,
            stamp=str(hq.clock.now()),
            device_id=HQ_DEVICE_ID,
        )
        state = merge(current.state, change).state
        linked_owner = owner if entity != "person" and isinstance(owner, str) else None
        rows.append(records.columns_of(entity, record_id, state, tx.next_seq(), now, owner_campus=linked_owner))
    records.write(tx.conn, [], rows)
    tx.erased = True  # the old values must not stay in SQLite's WAL either
    conflicts.scrub(tx, person_id, [k[1] for k in keys])
    duplicates.forget(tx.conn, person_id)
    move_requests.forget(tx.conn, person_id)
    if not is_erased(tx, person_id, ANONYMISE):
        tx.conn.execute(
            insert(erasure_t).values(
                person_id=person_id,
                kind=ANONYMISE,
                reason=reason,
                requested_by_device_id=None,
                requested_by_user_id=None,
                requested_at=now,
                records_erased=len(rows),
            )
        )
    return len(rows)


def request_erasure(
    hq: Hq,
    device: AuthDevice | None,
    person_id: str,
    reason: ErasureReason | str,
    reference: str,
    user_id: str | None,
) -> ErasureResponse:
    """Erase a person at the request of a campus following them (or of HQ when `device` is None). The proof kept is
    the reason's code and a reference, refused when it names the person (`Invalid`)."""
    with hq.write() as tx:
        if device is not None:
            known = tx.conn.execute(
                select(record_t.c.record_id).where(record_t.c.entity == "person", record_t.c.record_id == person_id)
            ).first()
            if known is not None and not records.campuses_with_access(tx.conn, [person_id], device.campus_id):
                raise Forbidden("Cette personne n'est pas suivie par votre campus.", code="forbidden")
        person = records.load(tx.conn, [("person", person_id)]).get(("person", person_id))
        names = person.state.data if person is not None and not person.state.erased else {}
        wrong = erasure_rules.problems(
            reason, reference, str(names.get("first_name") or ""), str(names.get("last_name") or "")
        )
        if wrong:
            raise Invalid(" ; ".join(p.message for p in wrong), code="invalid_erasure_reason")
        proof = erasure_rules.proof_text(reason, reference)
        count, already = erase_person(tx, person_id, proof, device_id=device.id if device else None, user_id=user_id)
    return ErasureResponse(epoch=tx.epoch, person_id=person_id, records_erased=count, already_erased=already)


@dataclass(frozen=True, slots=True)
class ErasureInfo:
    """One erasure or anonymisation as HQ's console lists it: the proof, never a name."""

    person_id: str
    kind: str  # "erase" | "anonymise"
    reason: str
    requested_at: datetime
    records_erased: int
    campus_ids: tuple[str, ...]  # the campuses that followed the person
    by_device_id: str | None


def list_erasures(hq: Hq, campus_id: str | None = None, limit: int = 500) -> list[ErasureInfo]:
    """The most recent erasures and anonymisations (of the people `campus_id` followed, when given), newest first."""
    with hq.read() as conn:
        stmt = select(erasure_t).order_by(erasure_t.c.requested_at.desc(), erasure_t.c.person_id)
        if campus_id is not None:
            followed = select(access_t.c.person_id).where(access_t.c.campus_id == campus_id)
            stmt = stmt.where(erasure_t.c.person_id.in_(followed))
        rows = conn.execute(stmt.limit(limit)).all()
        ids = [r.person_id for r in rows]
        access: dict[str, list[str]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for person_id, cid in conn.execute(
                select(access_t.c.person_id, access_t.c.campus_id).where(access_t.c.person_id.in_(chunk))
            ):
                access.setdefault(person_id, []).append(cid)
    return [
        ErasureInfo(
            r.person_id,
            r.kind,
            r.reason,
            r.requested_at,
            int(r.records_erased),
            tuple(sorted(access.get(r.person_id, []))),
            r.requested_by_device_id,
        )
        for r in rows
    ]
