"""Events: hackathons, innovation contests, information sessions and outreach actions, with registrations and
attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput
from gn_core.domain.validation import Collector, check_required
from gn_desktop.services.common import get_or_fail
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


def create_event(
    uow: UnitOfWork,
    title: str,
    kind: e.EventKind | str,
    starts_at: datetime,
    ends_at: datetime,
    *,
    campus_id: str | None = None,
    capacity: int | None = None,
    audience: str = "",
    description: str = "",
) -> str:
    """An event of this PC's campus (`campus_id` defaults to it; another campus's events are that campus's to write,
    HQ-wide ones HQ's: gn_core.sync_rules)."""
    c = Collector()
    clean_title = c.check(lambda: check_required(title, "title", "Titre de l'événement"), "")
    if ends_at <= starts_at:
        c.add("ends_at", "Fin de l'événement : elle doit être après le début.")
    if capacity is not None and capacity < 1:
        c.add("capacity", "Places : indiquez au moins une place, ou laissez vide pour un accès libre.")
    c.raise_if_any()
    event = m.Event(
        title=clean_title,
        kind=e.EventKind(kind),
        starts_at=starts_at,
        ends_at=ends_at,
        campus_id=campus_id or uow.campus_id,
        capacity=capacity,
        audience=audience,
        description=description,
    )
    uow.session.add(event)
    uow.session.flush()
    return event.id


def register(uow: UnitOfWork, event_id: str, person_id: str) -> str:
    event = get_or_fail(uow, m.Event, event_id)
    get_or_fail(uow, m.Person, person_id)
    existing = uow.session.scalar(
        select(m.EventRegistration).where(
            m.EventRegistration.event_id == event_id, m.EventRegistration.person_id == person_id
        )
    )
    if existing is not None and existing.status != e.AttendanceStatus.CANCELLED:
        raise InvalidInput([FieldError("person_id", "Inscription : cette personne est déjà inscrite.")])
    if event.capacity is not None:
        count = uow.session.scalar(
            select(func.count())
            .select_from(m.EventRegistration)
            .where(
                m.EventRegistration.event_id == event_id,
                m.EventRegistration.status != e.AttendanceStatus.CANCELLED,
            )
        )
        if (count or 0) >= event.capacity:
            raise InvalidInput([FieldError("event_id", "Événement : il est complet.")])
    if existing is not None:
        existing.status = e.AttendanceStatus.REGISTERED
        uow.session.flush()
        return existing.id
    reg = m.EventRegistration(event_id=event_id, person_id=person_id, status=e.AttendanceStatus.REGISTERED)
    uow.session.add(reg)
    uow.session.flush()
    return reg.id


def mark_attendance(uow: UnitOfWork, registration_id: str, status: e.AttendanceStatus | str) -> None:
    reg = get_or_fail(uow, m.EventRegistration, registration_id)
    reg.status = e.AttendanceStatus(status)
    uow.session.flush()


@dataclass(frozen=True, slots=True)
class EventView:
    id: str
    title: str
    kind: e.EventKind
    campus_name: str
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    registered: int
    attended: int
    audience: str


@dataclass(frozen=True, slots=True)
class RegistrationView:
    id: str
    person_id: str
    person_name: str
    status: e.AttendanceStatus


def list_events(uow: UnitOfWork) -> list[EventView]:
    """Every event, latest first, with its registration and attendance counts."""
    active = func.sum(case((m.EventRegistration.status != e.AttendanceStatus.CANCELLED, 1), else_=0))
    attended = func.sum(case((m.EventRegistration.status == e.AttendanceStatus.ATTENDED, 1), else_=0))
    q = (
        select(m.Event, m.Campus.name, func.coalesce(active, 0), func.coalesce(attended, 0))
        .outerjoin(m.Campus, m.Campus.id == m.Event.campus_id)
        .outerjoin(m.EventRegistration, m.EventRegistration.event_id == m.Event.id)
        .group_by(m.Event.id, m.Campus.name)
        .order_by(m.Event.starts_at.desc())
    )
    return [
        EventView(
            ev.id,
            ev.title,
            ev.kind,
            campus or "",
            ev.starts_at,
            ev.ends_at,
            ev.capacity,
            int(n),
            int(present),
            ev.audience,
        )
        for ev, campus, n, present in uow.session.execute(q).all()
    ]


def registrations(uow: UnitOfWork, event_id: str) -> list[RegistrationView]:
    """The people registered to an event, by name."""
    q = (
        select(m.EventRegistration, m.Person.first_name, m.Person.last_name)
        .join(m.Person, m.Person.id == m.EventRegistration.person_id)
        .where(m.EventRegistration.event_id == event_id)
        .order_by(m.Person.last_name, m.Person.first_name)
    )
    return [
        RegistrationView(r.id, r.person_id, f"{first} {last}", r.status)
        for r, first, last in uow.session.execute(q).all()
    ]
