"""The Pilotage page's figures: this campus's indicators (gn_core.indicators) over its own store, offline.

Campus managers only (`can_view`); anyone else is refused. Only counts leave this module — never a person. The
records are read with one query per table, as stored text (no ORM objects, no per-value type processing): 100,000
people stay well under a second (bench/pilotage.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from gn_core import indicators as ind
from gn_core.domain.enums import UserRole
from gn_core.domain.errors import PermissionDenied
from gn_desktop.services.common import acting_role
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

VIEWING_ROLES = frozenset({UserRole.CAMPUS_MANAGER})
REFUSED = "Le pilotage est réservé aux responsables de campus : connectez-vous avec un compte de responsable."


def can_view(role: UserRole | str | None) -> bool:
    return role in VIEWING_ROLES


@dataclass(frozen=True, slots=True)
class PilotageData:
    campus_code: str | None
    campus_name: str | None
    indicators: ind.Indicators


def _text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """The column as stored (ISO text for a date or a timestamp), without the type's conversion."""
    return type_coerce(column, String())


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def load_records(session: Session, campus_id: str | None) -> ind.Records:
    """The records the indicators read, for `campus_id` (None: the whole store)."""
    p, pe, r = m.Person.__table__.c, m.PathwayEvent.__table__.c, m.Referral.__table__.c
    people_q = select(
        p.id,
        p.campus_id,
        _text(p.enrolled_on),
        p.gender,
        _text(p.birth_date),
        p.commune_insee,
        p.situation,
        p.education_level,
        p.referral_source,
        m.RqthDecision.__table__.c.id,
    ).outerjoin(m.RqthDecision.__table__, m.RqthDecision.__table__.c.person_id == p.id)
    steps_q = select(pe.id, pe.person_id, pe.to_step, _text(pe.occurred_on), pe.contract_type).where(
        pe.to_step.in_([s.value for s in ind.COUNTED_STEPS])
    )
    referrals_q = select(r.person_id, _text(r.referred_on), r.status)
    if campus_id is not None:
        mine = select(p.id).where(p.campus_id == campus_id)
        people_q = people_q.where(p.campus_id == campus_id)
        steps_q = steps_q.where(pe.person_id.in_(mine))
        referrals_q = referrals_q.where(r.person_id.in_(mine))
    fromiso = date.fromisoformat
    people = [
        ind.PersonRecord(pid, cid, fromiso(enrolled), g, _day(born), commune, sit, edu, src, rqth is not None)
        for pid, cid, enrolled, g, born, commune, sit, edu, src, rqth in session.execute(people_q)
    ]
    steps = [ind.StepRecord(i, pid, step, fromiso(on), ct) for i, pid, step, on, ct in session.execute(steps_q)]
    referrals = [ind.ReferralRecord(pid, fromiso(on), st) for pid, on, st in session.execute(referrals_q)]
    ev, reg = m.Event.__table__.c, m.EventRegistration.__table__.c
    attendances = [
        ind.AttendanceRecord(eid, pid, fromiso(start[:10]), st)
        for eid, pid, start, st in session.execute(
            select(reg.event_id, reg.person_id, _text(ev.starts_at), reg.status).join(
                m.Event.__table__, ev.id == reg.event_id
            )
        )
    ]
    st = m.Startup.__table__.c
    startups = [
        ind.StartupRecord(sid, cid, stage, _day(created))
        for sid, cid, stage, created in session.execute(
            select(st.id, p.campus_id, st.stage, _text(st.created_on)).outerjoin(
                m.Person.__table__, p.id == st.person_id
            )
        )
    ]
    return ind.Records(people, steps, referrals, attendances, startups)


def pilotage_data(uow: UnitOfWork, period: ind.Period | None = None, today: date | None = None) -> PilotageData:
    """This campus's indicators over `period` (default: since the programme's start). Campus managers only."""
    if not can_view(acting_role(uow)):
        raise PermissionDenied(REFUSED)
    s = uow.session
    campus_id = uow.campus_id
    campuses = {cid: (code, name) for cid, code, name in s.execute(select(m.Campus.id, m.Campus.code, m.Campus.name))}
    code, name = campuses.get(campus_id or "", (None, None))
    period = period or ind.Period.programme(today or date.today())
    data = ind.compute(
        load_records(s, campus_id),
        period,
        campus_id=campus_id,
        goal=ind.campus_goal(code),
        startup_goal=ind.campus_startup_goal(code),
        campus_key=lambda c: campuses[c][0] if c in campuses else c or ind.UNKNOWN,
    )
    return PilotageData(code, name, data)
