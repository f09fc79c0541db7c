"""Reference data a campus needs before anyone can be enrolled: campuses and the partners the platform names.

Idempotent: records that exist (by campus code, by partner name) are left alone. Their ids derive from those
natural keys (`gn_core.ids.reference_id`), the same at HQ, so a campus seeded here and enrolled later is the same
record on both ends.
"""

from __future__ import annotations

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError
from gn_core.domain.reference import CAMPUSES, PUBLIC_PARTNERS
from gn_core.ids import reference_id
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


def ensure_reference_data(uow: UnitOfWork) -> dict[str, str]:
    """Create missing campuses and public partners; returns campus code → id.

    They are HQ's reference data, known in advance with the ids HQ gives them (gn_core.ids.reference_id): written
    as such (`UnitOfWork.as_reference`), never queued for HQ."""
    with uow.as_reference():
        return _ensure_reference_data(uow)


def _ensure_reference_data(uow: UnitOfWork) -> dict[str, str]:
    existing = dict(uow.session.execute(select(m.Campus.code, m.Campus.id)).all())
    for ref in CAMPUSES:
        if ref.code not in existing:
            campus = m.Campus(
                id=reference_id("campus", ref.code),
                code=ref.code,
                name=ref.name,
                commune_insee=ref.commune_insee,
                is_hq=ref.is_hq,
            )
            uow.session.add(campus)
            uow.session.flush()
            existing[ref.code] = campus.id
    _ensure_own_campus(uow, existing)
    names = set(uow.session.scalars(select(m.Partner.name)))
    for p in PUBLIC_PARTNERS:
        if p.name not in names:
            uow.session.add(
                m.Partner(
                    id=reference_id("partner", p.name),
                    name=p.name,
                    kind=e.PartnerKind(p.kind),
                    job_families=list(p.job_families),
                )
            )
    uow.session.flush()
    return existing


def _ensure_own_campus(uow: UnitOfWork, existing: dict[str, str]) -> None:
    """This PC's campus, when it was enrolled (by a version that did not store it) but has not pulled yet: as HQ
    named it at enrolment, replaced by HQ's record at the first pull. Without it, nobody could be enrolled here."""
    campus_id = uow.campus_id
    if campus_id is None or campus_id in existing.values():
        return
    state = uow.session.get(m.SyncState, 1)
    if state is None or not state.campus_code or state.campus_code in existing:
        return
    uow.session.add(
        m.Campus(id=campus_id, code=state.campus_code, name=state.campus_name or state.campus_code, commune_insee="")
    )
    uow.session.flush()
    existing[state.campus_code] = campus_id


def campus_id_for(uow: UnitOfWork, code: str | None) -> str:
    """The id of the campus with `code`, or of this device's campus when `code` is None."""
    if code is None:
        if uow.campus_id is None:
            raise KnownError(
                "Aucun campus n'est configuré sur ce poste : indiquez le code du campus (par exemple --campus SDN)."
            )
        return uow.campus_id
    campus_id = uow.session.scalar(select(m.Campus.id).where(m.Campus.code == code.strip().upper()))
    if campus_id is None:
        codes = ", ".join(sorted(uow.session.scalars(select(m.Campus.code))))
        raise KnownError(f"Campus « {code} » inconnu. Codes connus : {codes or 'aucun'}.")
    return campus_id
