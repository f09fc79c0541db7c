"""Follow-up: a person's file, pathway moves, append-only notes, appointments and the history of changes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput
from gn_core.domain.labels import label
from gn_core.domain.pathway import MoveDetails, check_move
from gn_core.domain.permissions import can_read_restricted_note, can_read_sensitive
from gn_core.domain.validation import age_on, check_siret
from gn_desktop.services import startups
from gn_desktop.services.common import acting_role, get_or_fail
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class PathwayEntry:
    from_step: e.PathwayStep | None
    to_step: e.PathwayStep
    occurred_on: date
    author_name: str
    details: str  # French summary of contract / business / exit reason


@dataclass(frozen=True, slots=True)
class NoteView:
    id: str
    created_at: datetime
    author_name: str
    body: str
    restricted: bool


@dataclass(frozen=True, slots=True)
class HistoryView:
    at: datetime
    entity: str
    op: str
    user_name: str
    fields: dict[str, Any]
    origin: str


@dataclass(frozen=True, slots=True)
class PersonFile:
    id: str
    first_name: str
    last_name: str
    age: int | None
    birth_date: date | None
    phone: str | None
    email: str | None
    campus_name: str
    advisor_name: str
    step: e.PathwayStep
    step_since: date
    timeline: list[PathwayEntry]
    rqth: tuple[date, date, date | None] | None  # only for roles allowed to see it


def _user_names(uow: UnitOfWork) -> dict[str, str]:
    return dict(uow.session.execute(select(m.User.id, m.User.display_name)).all())


def person_file(uow: UnitOfWork, person_id: str, today: date) -> PersonFile:
    p = get_or_fail(uow, m.Person, person_id)
    names = _user_names(uow)
    campus = uow.session.get(m.Campus, p.campus_id)
    events = uow.session.scalars(
        select(m.PathwayEvent)
        .where(m.PathwayEvent.person_id == person_id)
        .order_by(m.PathwayEvent.occurred_on, m.PathwayEvent.created_at)
    ).all()
    rqth = None
    if can_read_sensitive(acting_role(uow)):
        r = uow.session.scalar(select(m.RqthDecision).where(m.RqthDecision.person_id == person_id))
        if r is not None:
            rqth = (r.decided_on, r.valid_from, r.valid_until)
    return PersonFile(
        id=p.id,
        first_name=p.first_name,
        last_name=p.last_name,
        age=age_on(p.birth_date, today) if p.birth_date else None,
        birth_date=p.birth_date,
        phone=p.phone,
        email=p.email,
        campus_name=campus.name if campus else "",
        advisor_name=names.get(p.advisor_id or "", ""),
        step=p.pathway_step,
        step_since=p.pathway_since,
        timeline=[
            PathwayEntry(ev.from_step, ev.to_step, ev.occurred_on, names.get(ev.author_id or "", ""), _details(ev))
            for ev in events
        ],
        rqth=rqth,
    )


def _details(ev: m.PathwayEvent) -> str:
    if ev.to_step == e.PathwayStep.OUTCOME_HIRED and ev.contract_type:
        start = ev.contract_start.strftime("%d/%m/%Y") if ev.contract_start else ""
        return f"{label(ev.contract_type)} chez {ev.employer_name}, début le {start}"
    if ev.to_step == e.PathwayStep.OUTCOME_BUSINESS:
        created = ev.business_created_on.strftime("%d/%m/%Y") if ev.business_created_on else ""
        return f"Entreprise créée le {created} (SIRET {ev.siret})"
    if ev.to_step == e.PathwayStep.OUTCOME_OTHER_EXIT and ev.exit_reason:
        return label(ev.exit_reason)
    return ev.comment


def advance_pathway(
    uow: UnitOfWork,
    person_id: str,
    target: e.PathwayStep | str,
    on: date,
    details: MoveDetails | None = None,
    *,
    programme_session_id: str | None = None,
    comment: str = "",
) -> None:
    """Move a person to `target`; refused with the state machine's reason when the move is illegal."""
    person = get_or_fail(uow, m.Person, person_id)
    target = e.PathwayStep(target)
    details = details or MoveDetails()
    check_move(person.pathway_step, target, details)
    siret = check_siret(details.siret) if target == e.PathwayStep.OUTCOME_BUSINESS else None
    if on < person.pathway_since:
        raise InvalidInput(
            [
                FieldError(
                    "occurred_on",
                    "Date de l'étape : elle précède l'étape en cours "
                    f"({person.pathway_since.strftime('%d/%m/%Y')}). Choisissez une date postérieure.",
                )
            ]
        )
    uow.session.add(
        m.PathwayEvent(
            person_id=person_id,
            from_step=person.pathway_step,
            to_step=target,
            occurred_on=on,
            author_id=uow.user_id,
            programme_session_id=programme_session_id,
            contract_type=details.contract_type if target == e.PathwayStep.OUTCOME_HIRED else None,
            employer_name=(details.employer_name or "").strip() or None,
            contract_start=details.contract_start,
            siret=siret,
            business_created_on=details.business_created_on,
            exit_reason=details.exit_reason if target == e.PathwayStep.OUTCOME_OTHER_EXIT else None,
            comment=comment,
        )
    )
    person.pathway_step = target
    person.pathway_since = on
    person.last_contact_on = max(person.last_contact_on or on, on)
    uow.session.flush()
    if target == e.PathwayStep.OUTCOME_BUSINESS and siret is not None:
        # the business created is followed as a startup: created, or linked when its SIRET is already known
        startups.link_business(uow, person_id, siret, details.business_created_on, details.employer_name)


def add_note(uow: UnitOfWork, person_id: str, body: str, *, restricted: bool = False, contact: bool = True) -> str:
    """Add a follow-up note; it records a contact today unless `contact` is False (a note about a missed or cancelled
    appointment is no contact with the person)."""
    person = get_or_fail(uow, m.Person, person_id)
    text = body.strip()
    if not text:
        raise InvalidInput([FieldError("body", "Note : elle est vide. Écrivez le contenu de la note.")])
    note = m.Note(person_id=person.id, author_id=uow.user_id, body=text, restricted=restricted)
    uow.session.add(note)
    if contact:
        person.last_contact_on = date.today()
    uow.session.flush()
    return note.id


def notes(uow: UnitOfWork, person_id: str) -> list[NoteView]:
    """The person's notes, newest first; restricted notes only for roles allowed (and their authors)."""
    role = acting_role(uow)
    names = _user_names(uow)
    rows = uow.session.scalars(
        select(m.Note).where(m.Note.person_id == person_id).order_by(m.Note.created_at.desc())
    ).all()
    return [
        NoteView(n.id, n.created_at, names.get(n.author_id or "", ""), n.body, n.restricted)
        for n in rows
        if not n.restricted or can_read_restricted_note(role, uow.user_id, n.author_id)
    ]


def _check_slot(starts_at: datetime, duration_min: int, now: datetime | None) -> None:
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    errors = []
    if now is not None and starts_at < now - timedelta(minutes=5):
        errors.append(FieldError("starts_at", "Rendez-vous : la date est passée. Choisissez une date à venir."))
    if not 5 <= duration_min <= 480:
        errors.append(FieldError("duration_min", "Durée : indiquez une durée entre 5 minutes et 8 heures."))
    if errors:
        raise InvalidInput(errors)


def book_appointment(
    uow: UnitOfWork,
    person_id: str,
    starts_at: datetime,
    *,
    duration_min: int = 45,
    subject: str = "",
    advisor_id: str | None = None,
    now: datetime | None = None,
) -> str:
    person = get_or_fail(uow, m.Person, person_id)
    _check_slot(starts_at, duration_min, now)
    import secrets

    appt = m.Appointment(
        person_id=person.id,
        campus_id=person.campus_id,
        advisor_id=advisor_id or uow.user_id,
        starts_at=starts_at,
        duration_min=duration_min,
        subject=subject.strip(),
        status=e.AppointmentStatus.PLANNED,
        code=f"{secrets.randbelow(1_000_000):06d}",
    )
    uow.session.add(appt)
    uow.session.flush()
    return appt.id


A = e.AppointmentStatus
#: the statuses an appointment may take from each one; done and missed may be corrected into each other
STATUS_MOVES: dict[e.AppointmentStatus, frozenset[e.AppointmentStatus]] = {
    A.PLANNED: frozenset({A.ARRIVED, A.DONE, A.MISSED, A.CANCELLED}),
    A.ARRIVED: frozenset({A.DONE, A.MISSED, A.CANCELLED}),
    A.DONE: frozenset({A.MISSED}),
    A.MISSED: frozenset({A.DONE}),
    A.CANCELLED: frozenset(),
}
#: what an appointment's note says happened (French, stored in the note's text)
_OUTCOME_WORDS = {A.DONE: "réalisé", A.MISSED: "absent", A.CANCELLED: "annulé"}


def _local_day(moment: datetime, tz: tzinfo | None) -> date:
    return moment.astimezone(tz).date()


def set_appointment_status(
    uow: UnitOfWork,
    appointment_id: str,
    status: e.AppointmentStatus | str,
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> None:
    """Move an appointment to `status` (`STATUS_MOVES`); done or arrived records a contact on its day.

    An appointment is marked done or missed on its day or later (`now`: the current time, default now)."""
    appt = get_or_fail(uow, m.Appointment, appointment_id)
    target = e.AppointmentStatus(status)
    if target == appt.status:
        return
    if target not in STATUS_MOVES[appt.status]:
        raise InvalidInput(
            [
                FieldError(
                    "status",
                    f"Rendez-vous : impossible de passer de « {label(appt.status)} » à « {label(target)} ». "
                    "Prenez un nouveau rendez-vous si besoin.",
                )
            ]
        )
    day = _local_day(appt.starts_at, tz)
    current = now or datetime.now(UTC)
    if target in (A.DONE, A.MISSED) and day > _local_day(current, tz):
        raise InvalidInput(
            [
                FieldError(
                    "status",
                    f"Rendez-vous : il est prévu le {day.strftime('%d/%m/%Y')} ; attendez ce jour pour le marquer "
                    f"« {label(target)} ».",
                )
            ]
        )
    appt.status = target
    if target in (A.ARRIVED, A.DONE):
        person = uow.session.get(m.Person, appt.person_id)
        if person is not None:
            person.last_contact_on = max(person.last_contact_on or day, day)
    uow.session.flush()


def appointment_note_text(
    starts_at: datetime, subject: str, status: e.AppointmentStatus, note: str, tz: tzinfo | None = None
) -> str:
    """The text of the follow-up note that says what became of an appointment: it names the appointment."""
    local = starts_at.astimezone(tz)
    what = f"Rendez-vous du {local.strftime('%d/%m/%Y')} à {local.strftime('%H:%M')}"
    if subject:
        what += f" ({subject})"
    return f"{what} — {_OUTCOME_WORDS[status]} : {note.strip()}"


def record_appointment_outcome(
    uow: UnitOfWork,
    appointment_id: str,
    status: e.AppointmentStatus | str,
    note: str = "",
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> str | None:
    """Mark an appointment done, missed or cancelled, with an optional note.

    The note is a follow-up note of the person (append-only, in their file) whose text names the appointment; it
    records no contact of its own (done records one on the appointment's day; missed and cancelled none — a missed
    appointment goes to the follow-up worklist). Returns the note's id, or None without a note."""
    target = e.AppointmentStatus(status)
    if target not in _OUTCOME_WORDS:
        raise ValueError(f"not an outcome: {target}")
    set_appointment_status(uow, appointment_id, target, now=now, tz=tz)
    if not note.strip():
        return None
    appt = get_or_fail(uow, m.Appointment, appointment_id)
    text = appointment_note_text(appt.starts_at, appt.subject, target, note, tz)
    return add_note(uow, appt.person_id, text, contact=False)


def reschedule_appointment(
    uow: UnitOfWork,
    appointment_id: str,
    starts_at: datetime,
    *,
    duration_min: int | None = None,
    now: datetime | None = None,
) -> None:
    """Move a planned appointment to another time (and duration); its check-in code stays the same."""
    appt = get_or_fail(uow, m.Appointment, appointment_id)
    if appt.status != A.PLANNED:
        raise InvalidInput(
            [
                FieldError(
                    "starts_at",
                    "Rendez-vous : seul un rendez-vous prévu peut être déplacé "
                    f"(celui-ci est « {label(appt.status)} »). Prenez un nouveau rendez-vous.",
                )
            ]
        )
    duration = duration_min if duration_min is not None else appt.duration_min
    _check_slot(starts_at, duration, now)
    appt.starts_at = starts_at
    appt.duration_min = duration
    uow.session.flush()


def history(uow: UnitOfWork, person_id: str) -> list[HistoryView]:
    """Every change to the person and their records (who changed what, when), newest first.

    Values of sensitive records are hidden from roles not allowed to see them.
    """
    role = acting_role(uow)
    sensitive_ok = can_read_sensitive(role)
    names = _user_names(uow)
    rows = uow.session.scalars(
        select(m.HistoryEntry)
        .where(m.HistoryEntry.person_id == person_id)
        .order_by(m.HistoryEntry.hlc.desc(), m.HistoryEntry.id.desc())
    ).all()
    out = []
    for h in rows:
        fields = h.fields
        if h.entity == "rqth_decision" and not sensitive_ok:
            fields = {k: {"old": "•••", "new": "•••"} for k in fields}
        if h.entity == "note" and (fields.get("restricted") or {}).get("new"):
            author = (fields.get("author_id") or {}).get("new")
            if not can_read_restricted_note(role, uow.user_id, author):
                fields = {k: v for k, v in fields.items() if k != "body"}
        out.append(HistoryView(h.at, h.entity, h.op, names.get(h.user_id or "", ""), fields, h.origin))
    out = _with_targets_named(uow, out)
    if not any(h.entity == "person" and h.op == "insert" for h in out):
        # the person came with this PC's first sync (a snapshot brings states, not their story): say so, with when
        # the record was created; its earlier history is kept at HQ
        person = uow.session.get(m.Person, person_id)
        if person is not None:
            out.append(HistoryView(person.created_at, "person", "received", "", {}, "hq"))
    return out


#: ids a history entry shows by what they name: the training session or job offer of a referral or a pathway step
NAMED_TARGETS = ("programme_session_id", "job_offer_id")


def _sides(change: Any) -> list[str]:
    """The values of a history entry's field: before and after for a change, the value for a plain one."""
    values = [change.get("old"), change.get("new")] if isinstance(change, dict) else [change]
    return [str(v) for v in values if v]


def _with_targets_named(uow: UnitOfWork, entries: list[HistoryView]) -> list[HistoryView]:
    """The history with each session or offer id replaced by its title ("Développeur web (24/12/2026)"); an id this
    PC cannot name (not in its catalogue) is left out."""
    ids = {value for h in entries for key in NAMED_TARGETS for value in _sides(h.fields.get(key)) if value}
    if not ids:
        return entries
    titles: dict[str, str] = {
        sid: f"{title} ({starts:%d/%m/%Y})"
        for sid, title, starts in uow.session.execute(
            select(m.ProgrammeSession.id, m.Programme.title, m.ProgrammeSession.starts_on)
            .join(m.Programme, m.Programme.id == m.ProgrammeSession.programme_id)
            .where(m.ProgrammeSession.id.in_(ids))
        )
    }
    titles |= dict(uow.session.execute(select(m.JobOffer.id, m.JobOffer.title).where(m.JobOffer.id.in_(ids))).all())

    def named(fields: dict[str, Any]) -> dict[str, Any]:
        out = dict(fields)
        for key in NAMED_TARGETS:
            change = fields.get(key)
            if isinstance(change, dict):
                out[key] = {side: titles.get(str(value)) if value else None for side, value in change.items()}
            elif change is not None:
                out[key] = titles.get(str(change))
        return out

    return [replace(h, fields=named(h.fields)) if any(k in h.fields for k in NAMED_TARGETS) else h for h in entries]


@dataclass(frozen=True, slots=True)
class AppointmentView:
    id: str
    starts_at: datetime
    duration_min: int
    subject: str
    status: e.AppointmentStatus
    advisor_name: str


def appointments(uow: UnitOfWork, person_id: str) -> list[AppointmentView]:
    """The person's appointments, latest first."""
    names = _user_names(uow)
    rows = uow.session.scalars(
        select(m.Appointment).where(m.Appointment.person_id == person_id).order_by(m.Appointment.starts_at.desc())
    ).all()
    return [
        AppointmentView(a.id, a.starts_at, a.duration_min, a.subject, a.status, names.get(a.advisor_id or "", ""))
        for a in rows
    ]
