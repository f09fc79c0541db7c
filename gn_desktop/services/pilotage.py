"""The Pilotage page's figures: this campus's indicators (gn_core.indicators) over its own store, offline.

Campus managers only (`can_view`); anyone else is refused. Only counts leave this module — never a person. The
records are read with one query per table, as stored text (no ORM objects, no per-value type processing): 100,000
people: see bench/pilotage.py and docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from gn_core import indicators as ind
from gn_core import report
from gn_core.domain.enums import UserRole
from gn_core.domain.errors import FieldError, InvalidInput, PermissionDenied
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


def _rows(session: Session, statement: Select[Any]) -> Sequence[Any]:
    """The statement's rows as the database stores them (ISO text for dates, values for enums): executed as plain
    SQL, so no column type converts value by value, and fetched at once."""
    conn = session.connection()
    sql = str(statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return cursor.fetchall()  # plain tuples: no Row object per row
    finally:
        cursor.close()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def load_records(session: Session, campus_id: str | None) -> ind.Records:
    """The records the indicators read, for `campus_id` (None: the whole store)."""
    p, pe, r = m.Person.__table__.c, m.PathwayEvent.__table__.c, m.Referral.__table__.c
    people_q = select(
        p.id,
        p.campus_id,
        p.enrolled_on,
        p.gender,
        p.birth_date,
        p.commune_insee,
        p.situation,
        p.education_level,
        p.referral_source,
        m.RqthDecision.__table__.c.id,
    ).outerjoin(m.RqthDecision.__table__, m.RqthDecision.__table__.c.person_id == p.id)
    steps_q = select(pe.id, pe.person_id, pe.to_step, pe.occurred_on, pe.contract_type).where(
        pe.to_step.in_([s.value for s in ind.COUNTED_STEPS])
    )
    referrals_q = select(r.person_id, r.referred_on, r.status)
    if campus_id is not None:
        # Only the people: a PC holds few records of other campuses' people, and `compute` keeps those of its
        # people (cheaper than a join here).
        people_q = people_q.where(p.campus_id == campus_id)
    fromiso = date.fromisoformat
    people = [
        ind.PersonRecord(
            pid, cid, fromiso(enrolled), g, fromiso(born) if born else None, commune, sit, edu, src, rqth is not None
        )
        for pid, cid, enrolled, g, born, commune, sit, edu, src, rqth in _rows(session, people_q)
    ]
    steps = [ind.StepRecord(i, pid, step, fromiso(on), ct) for i, pid, step, on, ct in _rows(session, steps_q)]
    referrals = [ind.ReferralRecord(pid, fromiso(on), st) for pid, on, st in _rows(session, referrals_q)]
    ev, reg = m.Event.__table__.c, m.EventRegistration.__table__.c
    attendances = [
        ind.AttendanceRecord(eid, pid, fromiso(start[:10]), st)
        for eid, pid, start, st in _rows(
            session,
            select(reg.event_id, reg.person_id, ev.starts_at, reg.status).join(
                m.Event.__table__, ev.id == reg.event_id
            ),
        )
    ]
    st = m.Startup.__table__.c
    startups = [
        ind.StartupRecord(sid, cid, stage, _day(created))
        for sid, cid, stage, created in _rows(
            session,
            select(st.id, p.campus_id, st.stage, st.created_on).outerjoin(m.Person.__table__, p.id == st.person_id),
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


def monthly_report(uow: UnitOfWork, month: str, lang: str = report.DEFAULT_LANGUAGE) -> report.Report:
    """This campus's report of `month` ("YYYY-MM") in `lang` ("fr" or "en"; the interface's, from the page): the same
    layout and figures as HQ's `gn-hq report --campus`. Campus managers only."""
    try:
        period = ind.Period.month(month)
    except ValueError as exc:
        raise InvalidInput([FieldError("month", f"Mois invalide « {month} » : attendu AAAA-MM.")]) from exc
    data = pilotage_data(uow, period)
    return report.monthly_report(month, data.campus_name or data.campus_code or "", data.indicators, lang=lang)


def write_report_xlsx(uow: UnitOfWork, month: str, path: Path, lang: str = report.DEFAULT_LANGUAGE) -> Path:
    """The report of `month` in `lang` as a workbook at `path` (campus managers only)."""
    report.write_xlsx(monthly_report(uow, month, lang), path)
    return path
