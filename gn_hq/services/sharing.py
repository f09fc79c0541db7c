"""Sharing a person with another campus: it gains access and receives the person's records with its next pull.

Access only grows: a campus that followed a person keeps receiving them after a share or a transfer (its advisors
worked with the person and hold the file). Giving every record of the person a new sequence number is what makes
them appear in the new campus's feed, whose cursor is already past their old numbers.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select, update

from gn_core.protocol import ShareResponse
from gn_core.sync_rules import NOT_PULLED
from gn_hq.db.models import person_access_table as access_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import records
from gn_hq.services.context import Hq, WriteTx
from gn_hq.services.devices import AuthDevice, find_campus
from gn_hq.services.errors import Conflicting, Forbidden, NotFound


def rebump(tx: WriteTx, person_id: str) -> int:
    """New sequence numbers for every record of a person (they go out again in every feed that includes them)."""
    keys = tx.conn.execute(
        select(record_t.c.entity, record_t.c.record_id)
        .where(record_t.c.person_id == person_id, record_t.c.entity.not_in(sorted(NOT_PULLED)))
        .order_by(record_t.c.server_seq)
    ).all()
    rows = [{"k_entity": e, "k_record_id": i, "server_seq": tx.next_seq()} for e, i in keys]
    if rows:
        tx.conn.execute(
            update(record_t).where(
                record_t.c.entity == bindparam("k_entity"), record_t.c.record_id == bindparam("k_record_id")
            ),
            rows,
        )
    return len(rows)


def grant_access(tx: WriteTx, person_id: str, campus_id: str) -> bool:
    """Give a campus access to a person (it receives their file with its next pull); False if it had it already."""
    if records.campuses_with_access(tx.conn, [person_id], campus_id):
        return False
    records.grant(tx.conn, [(person_id, campus_id, "shared")], utcnow())
    rebump(tx, person_id)
    return True


def share(hq: Hq, device: AuthDevice, person_id: str, campus_id: str) -> ShareResponse:
    """Share a person the device's campus follows with another campus."""
    with hq.write() as tx:
        person = tx.conn.execute(
            select(record_t.c.erased).where(record_t.c.entity == "person", record_t.c.record_id == person_id)
        ).first()
        if person is None:
            raise NotFound("Personne inconnue au siège : synchronisez d'abord ce poste.", code="unknown_person")
        if person.erased:
            raise Conflicting("Cette personne a été effacée (RGPD).", code="erased")
        if not records.campuses_with_access(tx.conn, [person_id], device.campus_id):
            raise Forbidden("Cette personne n'est pas suivie par votre campus.", code="forbidden")
        target = find_campus(tx.conn, campus_id)
        if target is None:
            raise NotFound("Campus inconnu.", code="unknown_campus")
        grant_access(tx, person_id, target.id)
        campus_ids = sorted(
            tx.conn.scalars(select(access_t.c.campus_id).where(access_t.c.person_id == person_id)).all()
        )
    return ShareResponse(epoch=tx.epoch, person_id=person_id, campus_ids=campus_ids)
