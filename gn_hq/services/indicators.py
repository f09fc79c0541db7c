"""HQ's programme indicators: the records HQ holds, loaded for `gn_core.indicators`, which defines every figure.

Only counts leave this module — never a person. Disability recognition (RQTH) is a count, nothing else. Deleted and
erased people are not counted; anonymised ones are (what the indicators read is kept). The fields the record table
does not extract are read inside the stored JSON by the database (SQLite's json_extract, PostgreSQL's
json_extract_path_text), so no record is parsed in Python.

- `load_records(conn, campus_id)`: the records of one campus, or of all (None);
- `programme(hq, period, campus_id)`: every campus (or one) side by side and their total, from one load;
- `indicators(hq, campus_id, today)`: the same since the programme's start (`GET /v1/indicators`, `gn-hq indicators`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy import JSON, Connection, and_, cast, func, select
from sqlalchemy.sql import ColumnElement

from gn_core import indicators as ind
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import iso, utcnow
from gn_hq.services import duplicates
from gn_hq.services.context import Hq
from gn_hq.services.devices import CampusInfo, list_campuses


def _field(conn: Connection, name: str, table: Any = record_t) -> ColumnElement[Any]:
    """A field of the stored JSON `data`, as text, read by the database."""
    if conn.dialect.name == "postgresql":
        return func.json_extract_path_text(cast(table.c.data, JSON), name)
    return func.json_extract(table.c.data, f"$.{name}")


def _live(entity: str, table: Any = record_t) -> ColumnElement[bool]:
    return and_(table.c.entity == entity, table.c.deleted.is_(False))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def load_records(conn: Connection, campus_id: str | None = None) -> ind.Records:
    """The records the indicators read, of `campus_id`'s people (None: every campus)."""
    r = record_t
    # a duplicate merged into another file is a redirect: the person counts once, as the survivor
    person_filter = and_(_live("person"), duplicates.not_merged(r.c.record_id))
    if campus_id is not None:
        person_filter = and_(person_filter, r.c.campus_id == campus_id)
    mine = select(r.c.record_id).where(person_filter)
    rqth = set(conn.scalars(select(r.c.person_id).where(_live("rqth_decision"), r.c.person_id.in_(mine))))
    fromiso = date.fromisoformat
    people_q = select(
        r.c.record_id,
        r.c.campus_id,
        _field(conn, "enrolled_on"),
        r.c.gender,
        r.c.birth_date,
        _field(conn, "commune_insee"),
        r.c.situation,
        _field(conn, "education_level"),
        _field(conn, "referral_source"),
    ).where(person_filter)
    people = [
        ind.PersonRecord(pid, cid, fromiso(enrolled), g, _day(born), commune, sit, edu, src, pid in rqth)
        for pid, cid, enrolled, g, born, commune, sit, edu, src in conn.execute(people_q)
        if enrolled
    ]
    to_step = _field(conn, "to_step")
    steps_q = select(
        r.c.record_id, r.c.person_id, to_step, _field(conn, "occurred_on"), _field(conn, "contract_type")
    ).where(_live("pathway_event"), to_step.in_([s.value for s in ind.COUNTED_STEPS]), r.c.person_id.in_(mine))
    steps = [
        ind.StepRecord(i, pid, step, fromiso(on), ct) for i, pid, step, on, ct in conn.execute(steps_q) if pid and on
    ]
    referrals_q = select(r.c.person_id, _field(conn, "referred_on"), _field(conn, "status")).where(
        _live("referral"), r.c.person_id.in_(mine)
    )
    referrals = [ind.ReferralRecord(pid, fromiso(on), st) for pid, on, st in conn.execute(referrals_q) if pid and on]
    ev = record_t.alias("ev")
    event_id = _field(conn, "event_id")
    attendance_q = select(event_id, r.c.person_id, _field(conn, "starts_at", ev), _field(conn, "status")).join(
        ev, and_(ev.c.record_id == event_id, _live("event", ev))
    )
    attendances = [
        ind.AttendanceRecord(eid, pid, fromiso(start[:10]), st)
        for eid, pid, start, st in conn.execute(
            attendance_q.where(_live("event_registration"), r.c.person_id.in_(mine))
        )
        if pid and start
    ]
    founder_campus = {p.id: p.campus_id for p in people}
    startups_q = select(r.c.record_id, r.c.person_id, _field(conn, "stage"), _field(conn, "created_on")).where(
        _live("startup")
    )
    startups = [
        ind.StartupRecord(sid, founder_campus.get(pid or ""), stage or "", _day(created))
        for sid, pid, stage, created in conn.execute(startups_q)
    ]
    return ind.Records(people, steps, referrals, attendances, startups)


@dataclass(frozen=True, slots=True)
class CampusFigures:
    campus: CampusInfo | None  # None: the total of every campus
    indicators: ind.Indicators


@dataclass(frozen=True, slots=True)
class Programme:
    epoch: str
    period: ind.Period
    campuses: tuple[CampusFigures, ...]
    total: CampusFigures


def programme(hq: Hq, period: ind.Period, campus_id: str | None = None) -> Programme:
    """Every campus's indicators over `period` (or only `campus_id`'s), and their total; HQ itself is listed only
    when it has people."""
    with hq.read() as conn:
        epoch, _ = hq.read_meta(conn)
        records = load_records(conn, campus_id)
    campuses = {c.id: c for c in list_campuses(hq)}
    codes = {cid: c.code for cid, c in campuses.items()}

    def key(cid: str | None) -> str:
        return codes.get(cid or "", cid or ind.UNKNOWN)

    def figures(cid: str | None) -> CampusFigures:
        info = campuses.get(cid) if cid else None
        code = info.code if info else None
        data = ind.compute(
            records,
            period,
            campus_id=cid,
            goal=ind.campus_goal(code if cid else None),
            startup_goal=ind.campus_startup_goal(code if cid else None),
            campus_key=key,
        )
        return CampusFigures(info, data)

    with_people = {p.campus_id for p in records.people}
    ids = [campus_id] if campus_id else [c.id for c in sorted(campuses.values(), key=lambda c: c.code)]
    ids = [c for c in ids if c in with_people or not (campuses.get(c) and campuses[c].is_hq)]
    rows = tuple(figures(cid) for cid in ids)
    total = rows[0] if campus_id and rows else figures(None)
    return Programme(epoch, period, rows, CampusFigures(None, total.indicators))


# --- GET /v1/indicators ------------------------------------------------------------------------------------------


class CampusIndicators(BaseModel):
    campus_id: str | None
    campus_code: str | None
    campus_name: str | None
    indicators: ind.Indicators


class Indicators(BaseModel):
    epoch: str
    generated_at: str
    period_start: str
    period_end: str
    campuses: list[CampusIndicators]
    total: CampusIndicators


def _campus(figures: CampusFigures) -> CampusIndicators:
    c = figures.campus
    return CampusIndicators(
        campus_id=c.id if c else None,
        campus_code=c.code if c else None,
        campus_name=c.name if c else "Total",
        indicators=figures.indicators,
    )


def indicators(
    hq: Hq, campus_id: str | None = None, today: date | None = None, period: ind.Period | None = None
) -> Indicators:
    """The indicators of every campus (or only `campus_id`) and their total, over `period` (default: since the
    programme's start until `today`)."""
    period = period or ind.Period.programme(today or date.today())
    prog = programme(hq, period, campus_id)
    return Indicators(
        epoch=prog.epoch,
        generated_at=iso(utcnow()) or "",
        period_start=period.start.isoformat(),
        period_end=period.end.isoformat(),
        campuses=[_campus(f) for f in prog.campuses],
        total=_campus(prog.total),
    )
