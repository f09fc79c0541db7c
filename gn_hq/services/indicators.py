"""HQ-wide indicators for reporting: people followed, by campus, pathway step, outcome and public.

Only counts leave this module — never a person. Disability recognition (RQTH) is a count, nothing else. Deleted and
erased people are not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date

from pydantic import BaseModel
from sqlalchemy import and_, func, select
from sqlalchemy.sql import ColumnElement

from gn_core.domain.enums import PathwayStep
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import iso, utcnow
from gn_hq.services import duplicates
from gn_hq.services.context import Hq
from gn_hq.services.devices import CampusInfo, list_campuses

OUTCOMES = {
    PathwayStep.OUTCOME_HIRED.value: "hired",
    PathwayStep.OUTCOME_BUSINESS.value: "business",
    PathwayStep.OUTCOME_OTHER_EXIT.value: "other_exit",
}


class PublicCounts(BaseModel):
    situation: dict[str, int]
    gender: dict[str, int]
    under_26: int
    rqth: int


class CampusIndicators(BaseModel):
    campus_id: str | None
    campus_code: str | None
    campus_name: str | None
    people: int
    pathway: dict[str, int]
    outcomes: dict[str, int]
    public: PublicCounts


class Indicators(BaseModel):
    epoch: str
    generated_at: str
    as_of: str
    under_26_born_after: str
    campuses: list[CampusIndicators]
    total: CampusIndicators


def _cutoff(today: date) -> date:
    try:
        return today.replace(year=today.year - 26)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 26, day=28)


def indicators(hq: Hq, campus_id: str | None = None, today: date | None = None) -> Indicators:
    """Counts for every campus (or only `campus_id`), and their total."""
    today = today or date.today()
    cutoff = _cutoff(today).isoformat()
    person = record_t
    # a duplicate merged into another file is a redirect: the person counts once, as the survivor
    live_person: ColumnElement[bool] = and_(
        person.c.entity == "person", person.c.deleted.is_(False), duplicates.not_merged(person.c.record_id)
    )
    if campus_id is not None:
        live_person = and_(live_person, person.c.campus_id == campus_id)
    with hq.read() as conn:
        epoch, _ = hq.read_meta(conn)
        cube = conn.execute(
            select(person.c.campus_id, person.c.pathway_step, person.c.situation, person.c.gender, func.count())
            .where(live_person)
            .group_by(person.c.campus_id, person.c.pathway_step, person.c.situation, person.c.gender)
        ).all()
        young: dict[str | None, int] = dict(
            conn.execute(
                select(person.c.campus_id, func.count())
                .where(live_person, person.c.birth_date > cutoff)
                .group_by(person.c.campus_id)
            ).all()
        )
        rqth = record_t.alias("rqth")
        rqth_counts: dict[str | None, int] = dict(
            conn.execute(
                select(person.c.campus_id, func.count())
                .select_from(rqth.join(person, and_(person.c.record_id == rqth.c.person_id, live_person)))
                .where(rqth.c.entity == "rqth_decision", rqth.c.deleted.is_(False))
                .group_by(person.c.campus_id)
            ).all()
        )
    campuses = {c.id: c for c in list_campuses(hq)}
    per: dict[str | None, dict[str, Counter[str]]] = {}
    for cid, step, situation, gender, n in cube:
        bucket = per.setdefault(
            cid, {"people": Counter(), "pathway": Counter(), "situation": Counter(), "gender": Counter()}
        )
        bucket["people"]["n"] += n
        bucket["pathway"][step or "unknown"] += n
        bucket["situation"][situation or "unknown"] += n
        bucket["gender"][gender or "unknown"] += n
    ids = sorted(set(per) | ({campus_id} if campus_id else set(campuses)), key=lambda c: (c is None, c or ""))
    rows = [_campus(cid, per.get(cid), young.get(cid, 0), rqth_counts.get(cid, 0), campuses) for cid in ids]
    total = _sum(rows)
    return Indicators(
        epoch=epoch,
        generated_at=iso(utcnow()) or "",
        as_of=today.isoformat(),
        under_26_born_after=cutoff,
        campuses=rows,
        total=total,
    )


def _campus(
    cid: str | None, bucket: dict[str, Counter[str]] | None, young: int, rqth: int, campuses: Mapping[str, CampusInfo]
) -> CampusIndicators:
    bucket = bucket or {"people": Counter(), "pathway": Counter(), "situation": Counter(), "gender": Counter()}
    pathway = dict(sorted(bucket["pathway"].items()))
    outcomes = {name: pathway.get(step, 0) for step, name in OUTCOMES.items()}
    outcomes["in_progress"] = sum(bucket["people"].values()) - sum(outcomes.values())
    campus = campuses.get(cid) if cid else None
    return CampusIndicators(
        campus_id=cid,
        campus_code=campus.code if campus else None,
        campus_name=campus.name if campus else None,
        people=bucket["people"]["n"],
        pathway=pathway,
        outcomes=outcomes,
        public=PublicCounts(
            situation=dict(sorted(bucket["situation"].items())),
            gender=dict(sorted(bucket["gender"].items())),
            under_26=young,
            rqth=rqth,
        ),
    )


def _sum(rows: list[CampusIndicators]) -> CampusIndicators:
    def add(dicts: list[dict[str, int]]) -> dict[str, int]:
        total: Counter[str] = Counter()
        for d in dicts:
            total.update(d)
        return dict(sorted(total.items()))

    return CampusIndicators(
        campus_id=None,
        campus_code=None,
        campus_name="Total",
        people=sum(r.people for r in rows),
        pathway=add([r.pathway for r in rows]),
        outcomes=add([r.outcomes for r in rows]),
        public=PublicCounts(
            situation=add([r.public.situation for r in rows]),
            gender=add([r.public.gender for r in rows]),
            under_26=sum(r.public.under_26 for r in rows),
            rqth=sum(r.public.rqth for r in rows),
        ),
    )
