"""Events and outreach: hackathons, innovation contests, information sessions, job datings, school visits and
outreach actions, for audiences from a closed list (gn_core `Audience`), with registrations and attendance.

A campus manager creates, corrects and archives the events of their campus (`save_event`, the role checked here);
anyone registers a known person, from their file or from the event, and marks attendance. Kiosk sign-ups are
pre-registrations naming the event (services/kiosk.py): `kiosk_sign_ups` suggests the person each one is, and
`confirm_sign_up` registers that person. `reach_by_audience` counts, for the indicators, the events and the people
reached per audience over a period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, or_, select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput
from gn_core.domain.normalize import name_key
from gn_core.domain.permissions import can_edit_catalogue
from gn_core.domain.validation import Collector, check_required
from gn_desktop.services import search
from gn_desktop.services.catalogue import Owner, save_owned
from gn_desktop.services.common import acting_role, get_or_fail, require_editor
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


@dataclass(frozen=True, slots=True)
class EventForm:
    title: str
    kind: e.EventKind | str
    starts_at: datetime
    ends_at: datetime
    capacity: int | None = None
    audiences: tuple[str, ...] = ()
    audience: str = ""  # free words beside the closed list ("classes de 3e du collège Jean-Moulin")
    description: str = ""


def save_event(uow: UnitOfWork, form: EventForm, event_id: str | None = None) -> str:
    """Create an event of this campus, or correct one of its events (campus managers)."""
    require_editor(uow)
    c = Collector()
    title = c.check(lambda: check_required(form.title, "title", "Titre de l'événement"), "")
    if form.ends_at <= form.starts_at:
        c.add("ends_at", "Fin de l'événement : elle doit être après le début.")
    if form.capacity is not None and form.capacity < 1:
        c.add("capacity", "Places : indiquez au moins une place, ou laissez vide pour un accès libre.")
    if not form.audiences:
        c.add("audiences", "Publics : cochez au moins un public visé (ou « Tout public »).")
    if event_id is not None and form.capacity is not None and form.capacity < _active(uow, event_id):
        c.add("capacity", "Places : plus de personnes sont déjà inscrites ; indiquez au moins leur nombre.")
    c.raise_if_any()
    values = {
        "title": title,
        "kind": e.EventKind(form.kind),
        "starts_at": form.starts_at,
        "ends_at": form.ends_at,
        "capacity": form.capacity,
        "audiences": sorted({e.Audience(a).value for a in form.audiences}),
        "audience": form.audience.strip(),
        "description": form.description.strip(),
    }
    return save_owned(uow, m.Event, event_id, values)


def _active(uow: UnitOfWork, event_id: str) -> int:
    return int(
        uow.session.scalar(
            select(func.count())
            .select_from(m.EventRegistration)
            .where(
                m.EventRegistration.event_id == event_id,
                m.EventRegistration.status != e.AttendanceStatus.CANCELLED,
            )
        )
        or 0
    )


def register(uow: UnitOfWork, event_id: str, person_id: str) -> str:
    """Register a known person to an event (from their file or from the event); refuses a full or archived one."""
    event = get_or_fail(uow, m.Event, event_id)
    get_or_fail(uow, m.Person, person_id)
    if event.archived:
        raise InvalidInput([FieldError("event_id", "Événement : il est archivé. Choisissez-en un autre.")])
    existing = uow.session.scalar(
        select(m.EventRegistration).where(
            m.EventRegistration.event_id == event_id, m.EventRegistration.person_id == person_id
        )
    )
    if existing is not None and existing.status != e.AttendanceStatus.CANCELLED:
        raise InvalidInput([FieldError("person_id", "Inscription : cette personne est déjà inscrite.")])
    if event.capacity is not None and _active(uow, event_id) >= event.capacity:
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
    audiences: tuple[str, ...] = ()
    description: str = ""
    archived: bool = False
    owner: Owner = field(default_factory=lambda: Owner(True, False, ""))
    #: waiting kiosk sign-ups naming this event
    sign_ups: int = 0

    def form(self) -> EventForm:
        return EventForm(
            self.title, self.kind, self.starts_at, self.ends_at, self.capacity, self.audiences, self.audience,
            self.description,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class RegistrationView:
    id: str
    person_id: str
    person_name: str
    status: e.AttendanceStatus


def upcoming(uow: UnitOfWork, now: datetime) -> list[EventView]:
    """Events not yet over and not archived, soonest first: what a person can be registered to from their file."""
    return sorted((ev for ev in list_events(uow) if ev.ends_at >= now and not ev.archived), key=lambda x: x.starts_at)


@dataclass(frozen=True, slots=True)
class EventsData:
    events: list[EventView]
    can_edit: bool  # the signed-in account keeps this campus's events


def events_data(uow: UnitOfWork) -> EventsData:
    """The events page: every event (archived ones too, the page hides them) and whether the user may edit."""
    return EventsData(list_events(uow), can_edit_catalogue(acting_role(uow)))


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
    waiting = {
        k: int(n)
        for k, n in uow.session.execute(
            select(m.PreRegistration.event_id, func.count())
            .where(m.PreRegistration.event_id.is_not(None), m.PreRegistration.status == e.PreRegistrationStatus.WAITING)
            .group_by(m.PreRegistration.event_id)
        )
    }
    return [
        EventView(
            ev.id, ev.title, ev.kind, campus or "", ev.starts_at, ev.ends_at, ev.capacity, int(n), int(present),
            ev.audience, tuple(ev.audiences), ev.description, ev.archived,
            Owner(ev.campus_id is None, ev.campus_id is not None and ev.campus_id == uow.campus_id, campus or ""),
            waiting.get(ev.id, 0),
        )
        for ev, campus, n, present in uow.session.execute(q).all()
    ]  # fmt: skip


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


# --- kiosk sign-ups ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignUpView:
    """A visitor's sign-up at the kiosk, and the people it may be (same name, phone or e-mail)."""

    id: str
    name: str
    phone: str | None
    email: str | None
    matches: list[tuple[str, str]]  # (person id, "First Last (birth date)")


def kiosk_sign_ups(uow: UnitOfWork, event_id: str) -> list[SignUpView]:
    """The waiting kiosk sign-ups of an event, each with the people of this PC it may be, likeliest first."""
    out: list[SignUpView] = []
    pending = uow.session.scalars(
        select(m.PreRegistration)
        .where(m.PreRegistration.event_id == event_id, m.PreRegistration.status == e.PreRegistrationStatus.WAITING)
        .order_by(m.PreRegistration.created_at)
    )
    for pre in pending:
        same = [m.Person.name_key == name_key(pre.first_name, pre.last_name)]
        if pre.phone:
            same.append(m.Person.phone == pre.phone)
        if pre.email:
            same.append(m.Person.email == pre.email)
        people = uow.session.scalars(
            select(m.Person).where(or_(*same), m.Person.anonymised_on.is_(None)).order_by(m.Person.last_name).limit(5)
        )
        matches = [
            (p.id, f"{p.first_name} {p.last_name}" + (f" ({p.birth_date:%d/%m/%Y})" if p.birth_date else ""))
            for p in people
        ]
        out.append(SignUpView(pre.id, f"{pre.first_name} {pre.last_name}", pre.phone, pre.email, matches))
    return out


def confirm_sign_up(uow: UnitOfWork, pre_registration_id: str, person_id: str) -> str:
    """The kiosk sign-up was this known person: register them to its event and close the sign-up."""
    pre = get_or_fail(uow, m.PreRegistration, pre_registration_id)
    if pre.event_id is None or pre.status != e.PreRegistrationStatus.WAITING:
        raise InvalidInput([FieldError("pre_registration_id", "Inscription : elle a déjà été traitée.")])
    reg = register(uow, pre.event_id, person_id)
    pre.person_id = person_id
    pre.status = e.PreRegistrationStatus.CONVERTED
    uow.session.flush()
    return reg


# --- reach, for the indicators ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reach:
    events: int  # events held for this audience
    registered: int  # registrations not cancelled
    attended: int  # people who came (each counted once per audience)


def reach_by_audience(
    uow: UnitOfWork, since: datetime, until: datetime, *, campus_id: str | None = None
) -> dict[e.Audience, Reach]:
    """For each audience of the closed list, the events starting in [since, until) aimed at it (archived ones left
    out) and the people they reached. An event for several audiences counts for each."""
    q = select(m.Event).where(m.Event.starts_at >= since, m.Event.starts_at < until, m.Event.archived.is_(False))
    if campus_id is not None:
        q = q.where(m.Event.campus_id == campus_id)
    by_audience: dict[e.Audience, list[str]] = {a: [] for a in e.Audience}
    for ev in uow.session.scalars(q):
        for a in ev.audiences:
            by_audience[e.Audience(a)].append(ev.id)
    out: dict[e.Audience, Reach] = {}
    for audience, ids in by_audience.items():
        regs = uow.session.execute(
            select(m.EventRegistration.person_id, m.EventRegistration.status).where(
                m.EventRegistration.event_id.in_(ids), m.EventRegistration.status != e.AttendanceStatus.CANCELLED
            )
        ).all()
        came = {pid for pid, status in regs if status == e.AttendanceStatus.ATTENDED}
        out[audience] = Reach(len(ids), len(regs), len(came))
    return out


def find_people(uow: UnitOfWork, query: str) -> list[tuple[str, str]]:
    """People to register to an event, found by name, phone or e-mail: (id, "First Last (birth date)")."""
    found = search.rows(uow, search.search(uow, query, limit=20).ids)
    return [
        (p.id, f"{p.first_name} {p.last_name}" + (f" ({p.birth_date:%d/%m/%Y})" if p.birth_date else "")) for p in found
    ]
