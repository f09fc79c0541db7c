"""The advisor's home worklists: today's appointments, follow-ups due, walk-ins waiting from the kiosk.

Plain data out (no Qt): the view formats and translates. Read-only; runs on the task runner's worker thread.
The follow-up worklist's rules are `services.worklist`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_desktop.services import retention, worklist
from gn_desktop.services.dashboard import HomeSummary, day_bounds, home_summary
from gn_desktop.services.retention import AnonymisationWarnings
from gn_desktop.services.worklist import DueItem, DueReason, FollowUpRules
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

__all__ = ["AppointmentItem", "DueItem", "DueReason", "FollowUpRules", "HomeView", "WalkIn", "home_view", "mark_visit"]

#: how many rows of each worklist are sent to the home page (the counts cover everyone)
LIST_LIMIT = 200


@dataclass(frozen=True, slots=True)
class AppointmentItem:
    id: str
    person_id: str
    person_name: str
    starts_at: datetime
    subject: str
    status: e.AppointmentStatus
    advisor_name: str


@dataclass(frozen=True, slots=True)
class WalkIn:
    """A visitor waiting: a kiosk check-in (`visit_id`) and/or a pre-registration to turn into a file."""

    visit_id: str | None
    pre_registration_id: str | None
    ticket: str
    name: str
    purpose: e.VisitPurpose
    arrived_at: datetime
    person_id: str | None


@dataclass(frozen=True, slots=True)
class HomeView:
    summary: HomeSummary
    appointments: list[AppointmentItem] = field(default_factory=list)
    due: list[DueItem] = field(default_factory=list)
    due_counts: dict[DueReason, int] = field(default_factory=dict)
    walk_ins: list[WalkIn] = field(default_factory=list)
    #: files HQ anonymises within 30 days without a new contact (`services.retention`)
    anonymisation: AnonymisationWarnings = field(default_factory=lambda: AnonymisationWarnings([], 0))

    # the figures the window's title and status bar read
    @property
    def campus_name(self) -> str | None:
        return self.summary.campus_name

    @property
    def pending_changes(self) -> int:
        return self.summary.pending_changes

    @property
    def people_total(self) -> int:
        return self.summary.people_total

    @property
    def appointments_today(self) -> int:
        return self.summary.appointments_today

    @property
    def day(self) -> date:
        return self.summary.day

    @property
    def people_by_step(self) -> tuple[tuple[e.PathwayStep, int], ...]:
        return self.summary.people_by_step


def _name(first: str, last: str) -> str:
    return f"{first} {last}"


def home_view(
    uow: UnitOfWork, today: date | None = None, rules: FollowUpRules | None = None, tz: tzinfo | None = None
) -> HomeView:
    """Everything the home page shows, for this device's campus."""
    day = today or date.today()
    rules = rules or FollowUpRules()
    summary = home_summary(uow, day, tz)
    s = uow.session
    campus = uow.campus_id
    names = dict(s.execute(select(m.User.id, m.User.display_name)).all())

    start, end = day_bounds(day, tz)
    appt_q = (
        select(m.Appointment, m.Person.first_name, m.Person.last_name)
        .join(m.Person, m.Person.id == m.Appointment.person_id)
        .where(m.Appointment.starts_at >= start, m.Appointment.starts_at < end)
        .where(m.Appointment.status != e.AppointmentStatus.CANCELLED)
        .order_by(m.Appointment.starts_at)
    )
    if campus:
        appt_q = appt_q.where(m.Appointment.campus_id == campus)
    appointments = [
        AppointmentItem(
            a.id, a.person_id, _name(f, la), a.starts_at, a.subject, a.status, names.get(a.advisor_id or "", "")
        )
        for a, f, la in s.execute(appt_q.limit(LIST_LIMIT)).all()
    ]

    due = worklist.due(uow, day, rules, tz)

    # Walk-ins waiting: today's kiosk check-ins still waiting, and pre-registrations not yet turned into a file
    visits_q = (
        select(m.Visit, m.Person.first_name, m.Person.last_name, m.PreRegistration)
        .outerjoin(m.Person, m.Person.id == m.Visit.person_id)
        .outerjoin(m.PreRegistration, m.PreRegistration.id == m.Visit.pre_registration_id)
        .where(m.Visit.status == e.VisitStatus.WAITING, m.Visit.arrived_at >= start, m.Visit.arrived_at < end)
        .order_by(m.Visit.arrived_at)
    )
    if campus:
        visits_q = visits_q.where(m.Visit.campus_id == campus)
    walk_ins: list[WalkIn] = []
    pre_seen: set[str] = set()
    for v, first, last, pre in s.execute(visits_q).all():
        name = _name(first, last) if first else (_name(pre.first_name, pre.last_name) if pre is not None else "")
        if pre is not None and pre.status == e.PreRegistrationStatus.WAITING:
            pre_seen.add(pre.id)
        pre_id = pre.id if pre is not None and pre.status == e.PreRegistrationStatus.WAITING else None
        walk_ins.append(WalkIn(v.id, pre_id, v.ticket, name, v.purpose, v.arrived_at, v.person_id))
    pre_q = (
        select(m.PreRegistration)
        .where(m.PreRegistration.status == e.PreRegistrationStatus.WAITING)
        .order_by(m.PreRegistration.created_at)
    )
    if campus:
        pre_q = pre_q.where(m.PreRegistration.campus_id == campus)
    for pre in s.scalars(pre_q.limit(LIST_LIMIT)):
        if pre.id not in pre_seen:
            walk_ins.append(
                WalkIn(
                    None,
                    pre.id,
                    "",
                    _name(pre.first_name, pre.last_name),
                    e.VisitPurpose.PRE_REGISTRATION,
                    pre.created_at,
                    None,
                )
            )
    return HomeView(summary, appointments, due.items, due.counts, walk_ins, retention.due_for_anonymisation(uow, day))


def mark_visit(uow: UnitOfWork, visit_id: str, status: e.VisitStatus | str) -> None:
    """The advisor calls or receives a waiting visitor."""
    visit = uow.session.get(m.Visit, visit_id)
    if visit is not None:
        visit.status = e.VisitStatus(status)
        if visit.advisor_id is None:
            visit.advisor_id = uow.user_id
        uow.session.flush()
