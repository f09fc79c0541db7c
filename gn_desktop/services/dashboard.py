"""The advisor home page's figures: people by pathway step at this campus, today's appointments, changes to sync.

Plain data out, no Qt: the view formats and translates. Runs in whatever thread owns the unit of work (in the app,
the task runner's worker thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.pathway import ORDER
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class HomeSummary:
    """What the home page shows.

    `campus_name` is None when no campus is configured on this device; the counts then cover the whole local store.
    `people_by_step` lists every pathway step in the pathway's canonical order, zeros included, so the table has a
    stable shape.
    """

    campus_name: str | None
    people_by_step: tuple[tuple[e.PathwayStep, int], ...]
    appointments_today: int
    pending_changes: int
    day: date

    @property
    def people_total(self) -> int:
        return sum(count for _, count in self.people_by_step)


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The UTC instants of local midnight at the start of `day` and of the next day (`tz`: local zone if None)."""
    zone = tz if tz is not None else datetime.now().astimezone().tzinfo
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def home_summary(uow: UnitOfWork, today: date | None = None, tz: tzinfo | None = None) -> HomeSummary:
    """Counts for the home page of this device's campus. Read-only: never commits."""
    day = today if today is not None else date.today()
    s = uow.session
    campus_id = uow.campus_id
    campus_name = s.scalar(select(m.Campus.name).where(m.Campus.id == campus_id)) if campus_id else None

    by_step = select(m.Person.pathway_step, func.count(m.Person.id)).group_by(m.Person.pathway_step)
    if campus_id:
        by_step = by_step.where(m.Person.campus_id == campus_id)
    counts = {step: count for step, count in s.execute(by_step)}

    start, end = day_bounds(day, tz)
    appts = select(func.count(m.Appointment.id)).where(
        m.Appointment.starts_at >= start,
        m.Appointment.starts_at < end,
        m.Appointment.status != e.AppointmentStatus.CANCELLED,
    )
    if campus_id:
        appts = appts.where(m.Appointment.campus_id == campus_id)

    return HomeSummary(
        campus_name=campus_name,
        people_by_step=tuple((step, counts.get(step, 0)) for step in ORDER),
        appointments_today=s.scalar(appts) or 0,
        pending_changes=s.scalar(select(func.count(m.ChangeLog.seq))) or 0,
        day=day,
    )
