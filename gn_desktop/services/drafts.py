"""Intake drafts: the form as it is typed, saved on every change so a crash or a power cut loses nothing.

A draft belongs to the advisor who typed it (`user_id`) and is local to this computer (never synced). `complete_intake`
creates the person from a form, deletes the draft and marks the kiosk pre-registration it came from as converted,
all in the caller's unit of work (one transaction).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_core.domain.person import PersonForm
from gn_desktop.services import events, intake
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    data: dict[str, Any]
    page: int
    pre_registration_id: str | None
    updated_at: datetime


@dataclass(slots=True)
class IntakeRequest:
    """Everything the intake wizard sends when the advisor saves the new person."""

    form: PersonForm
    consents: list[intake.ConsentInput] = field(default_factory=list)
    confirmed_new: bool = False
    draft_id: str | None = None
    pre_registration_id: str | None = None


def save_draft(
    uow: UnitOfWork, draft_id: str | None, data: dict[str, Any], page: int, pre_registration_id: str | None = None
) -> str:
    """Create or update the acting user's draft; returns its id."""
    now = datetime.now(UTC)
    draft = uow.session.get(m.IntakeDraft, draft_id) if draft_id else None
    if draft is None:
        draft = m.IntakeDraft(user_id=uow.user_id, pre_registration_id=pre_registration_id, data=dict(data), page=page)
        if draft_id:
            draft.id = draft_id
        draft.created_at = now
        uow.session.add(draft)
    else:
        draft.data = dict(data)
        draft.page = page
        if pre_registration_id is not None:
            draft.pre_registration_id = pre_registration_id
    draft.updated_at = now
    uow.session.flush()
    return draft.id


def latest_draft(uow: UnitOfWork) -> Draft | None:
    """The acting user's most recent unfinished draft, if any."""
    d = uow.session.scalar(
        select(m.IntakeDraft).where(m.IntakeDraft.user_id == uow.user_id).order_by(m.IntakeDraft.updated_at.desc())
    )
    if d is None:
        return None
    return Draft(d.id, dict(d.data), d.page, d.pre_registration_id, d.updated_at)


def discard_draft(uow: UnitOfWork, draft_id: str) -> None:
    draft = uow.session.get(m.IntakeDraft, draft_id)
    if draft is not None:
        uow.session.delete(draft)
        uow.session.flush()


def pre_registration_form(uow: UnitOfWork, pre_registration_id: str) -> dict[str, Any]:
    """What a visitor typed at the kiosk, as intake form values (the wizard's field names)."""
    pre = uow.session.get(m.PreRegistration, pre_registration_id)
    if pre is None:
        return {}
    return {
        "first_name": pre.first_name,
        "last_name": pre.last_name,
        "birth_date": pre.birth_date.strftime("%d/%m/%Y") if pre.birth_date else "",
        "phone": pre.phone or "",
        "email": pre.email or "",
        "commune": pre.commune_insee or pre.commune_other or "",
        "job_families": list(pre.job_families),
        "referral_source": e.ReferralSource.KIOSK.value,
    }


def complete_intake(uow: UnitOfWork, request: IntakeRequest, today: date) -> str:
    """Create the person (search before create applies), then drop the draft and convert the pre-registration."""
    campus_id = uow.campus_id
    if campus_id is None:
        from gn_core.domain.errors import KnownError

        raise KnownError("Aucun campus n'est configuré sur ce poste : la personne ne peut pas être inscrite.")
    person_id = intake.create_person(
        uow,
        request.form,
        request.consents,
        campus_id=campus_id,
        advisor_id=uow.user_id,
        today=today,
        confirmed_new=request.confirmed_new,
    )
    if request.draft_id:
        discard_draft(uow, request.draft_id)
    if request.pre_registration_id:
        attach_pre_registration(uow, request.pre_registration_id, person_id)
    return person_id


def attach_pre_registration(uow: UnitOfWork, pre_registration_id: str, person_id: str) -> None:
    """A walk-in's pre-registration (or kiosk event sign-up) is this person — new, or already followed: it is
    converted and linked to them, their visit leaves the queue on every PC of the campus, and a sign-up registers
    them for its event (unless the event is full or they already are)."""
    pre = uow.session.get(m.PreRegistration, pre_registration_id)
    if pre is None:
        return
    pre.status = e.PreRegistrationStatus.CONVERTED
    pre.person_id = person_id
    for visit in uow.session.scalars(select(m.Visit).where(m.Visit.pre_registration_id == pre.id)):
        if visit.status in (e.VisitStatus.WAITING, e.VisitStatus.CALLED):
            visit.status = e.VisitStatus.SEEN
        visit.person_id = person_id
        visit.advisor_id = visit.advisor_id or uow.user_id
    uow.session.flush()
    if pre.event_id is not None and uow.session.get(m.Event, pre.event_id) is not None:
        with contextlib.suppress(InvalidInput):  # already registered, or the event filled up (checked before writing)
            events.register(uow, pre.event_id, person_id)
