"""Referrals: sending a person to a programme session, a job offer or an employment service (France Travail, a
mission locale, Cap Emploi, an association), and following what became of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput
from gn_desktop.services.common import get_or_fail
from gn_desktop.services.partners import PLACE_TAKING, places_taken
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: allowed status changes of a referral
STATUS_MOVES: dict[e.ReferralStatus, frozenset[e.ReferralStatus]] = {
    e.ReferralStatus.PROPOSED: frozenset({e.ReferralStatus.SENT, e.ReferralStatus.WITHDRAWN}),
    e.ReferralStatus.SENT: frozenset({e.ReferralStatus.ACCEPTED, e.ReferralStatus.REFUSED, e.ReferralStatus.WITHDRAWN}),
    e.ReferralStatus.ACCEPTED: frozenset({e.ReferralStatus.WITHDRAWN}),
    e.ReferralStatus.REFUSED: frozenset(),
    e.ReferralStatus.WITHDRAWN: frozenset(),
}

_OPEN = (e.ReferralStatus.PROPOSED, e.ReferralStatus.SENT, e.ReferralStatus.ACCEPTED)


def refer(
    uow: UnitOfWork,
    person_id: str,
    on: date,
    *,
    programme_session_id: str | None = None,
    job_offer_id: str | None = None,
    partner_id: str | None = None,
    comment: str = "",
) -> str:
    """Refer a person to exactly one session, offer or employment service. Refuses a full session, a closed offer,
    an archived entry and a duplicate."""
    get_or_fail(uow, m.Person, person_id)
    if sum(x is not None for x in (programme_session_id, job_offer_id, partner_id)) != 1:
        raise InvalidInput(
            [
                FieldError(
                    "target",
                    "Orientation : choisissez une session de formation, une offre d'emploi ou une structure "
                    "(France Travail, mission locale, Cap Emploi, association).",
                )
            ]
        )
    if partner_id is not None:
        dup = _service_target(uow, partner_id)
    elif programme_session_id is not None:
        session = get_or_fail(uow, m.ProgrammeSession, programme_session_id)
        if session.archived:
            raise InvalidInput(
                [FieldError("programme_session_id", "Session : elle est archivée. Choisissez-en une autre.")]
            )
        if session.starts_on < on:
            raise InvalidInput(
                [
                    FieldError(
                        "programme_session_id",
                        "Session : elle a déjà commencé. Choisissez une session à venir.",
                    )
                ]
            )
        if places_taken(uow, session.id) >= session.capacity:
            raise InvalidInput(
                [FieldError("programme_session_id", "Session : elle est complète. Choisissez une autre session.")]
            )
        dup = m.Referral.programme_session_id == programme_session_id
    else:
        offer = get_or_fail(uow, m.JobOffer, job_offer_id or "")
        if offer.archived or not offer.is_open or (offer.closes_on is not None and offer.closes_on < on):
            raise InvalidInput([FieldError("job_offer_id", "Offre : elle est close. Choisissez une offre ouverte.")])
        dup = m.Referral.job_offer_id == job_offer_id
    existing = uow.session.scalar(
        select(m.Referral.id).where(m.Referral.person_id == person_id, dup, m.Referral.status.in_(_OPEN))
    )
    if existing is not None:
        raise InvalidInput(
            [
                FieldError(
                    "target",
                    "Orientation : cette personne y est déjà orientée. Ouvrez l'orientation existante.",
                )
            ]
        )
    referral = m.Referral(
        person_id=person_id,
        programme_session_id=programme_session_id,
        job_offer_id=job_offer_id,
        partner_id=partner_id,
        status=e.ReferralStatus.PROPOSED,
        referred_on=on,
        comment=comment,
    )
    uow.session.add(referral)
    uow.session.flush()
    return referral.id


def _service_target(uow: UnitOfWork, partner_id: str) -> ColumnElement[bool]:
    """Check an employment service a person is referred to; the condition finding a referral to it."""
    partner = get_or_fail(uow, m.Partner, partner_id)
    if partner.kind not in e.REFERRAL_SERVICES or partner.archived:
        raise InvalidInput(
            [
                FieldError(
                    "partner_id",
                    "Structure : choisissez France Travail, une mission locale, Cap Emploi ou une association "
                    "du catalogue (non archivée).",
                )
            ]
        )
    return m.Referral.partner_id == partner_id


def set_status(uow: UnitOfWork, referral_id: str, status: e.ReferralStatus | str, on: date) -> None:
    referral = get_or_fail(uow, m.Referral, referral_id)
    target = e.ReferralStatus(status)
    if target not in STATUS_MOVES[referral.status]:
        raise InvalidInput(
            [
                FieldError(
                    "status",
                    "Orientation : ce changement de statut n'est pas possible depuis le statut actuel.",
                )
            ]
        )
    if target in PLACE_TAKING and referral.status not in PLACE_TAKING and referral.programme_session_id is not None:
        session = get_or_fail(uow, m.ProgrammeSession, referral.programme_session_id)
        if places_taken(uow, session.id) >= session.capacity:
            raise InvalidInput([FieldError("status", "Session : elle est complète.")])
    referral.status = target
    if target in (e.ReferralStatus.ACCEPTED, e.ReferralStatus.REFUSED):
        referral.decided_on = on
    uow.session.flush()


@dataclass(frozen=True, slots=True)
class ReferralView:
    id: str
    kind: str  # "session", "offer" or "service"
    title: str  # programme or job title
    partner_name: str
    starts_on: date | None  # session start, or offer posting date
    status: e.ReferralStatus
    referred_on: date
    next_statuses: tuple[e.ReferralStatus, ...]
    service_kind: e.PartnerKind | None = None  # a referral to an employment service: which kind it is


def for_person(uow: UnitOfWork, person_id: str) -> list[ReferralView]:
    """The person's referrals, newest first, with the statuses each can move to."""
    s = uow.session
    out: list[ReferralView] = []
    rows = s.scalars(
        select(m.Referral)
        .where(m.Referral.person_id == person_id)
        .order_by(m.Referral.referred_on.desc(), m.Referral.created_at.desc())
    ).all()
    for r in rows:
        moves = tuple(st for st in e.ReferralStatus if st in STATUS_MOVES[r.status])
        if r.programme_session_id:
            row = s.execute(
                select(m.Programme.title, m.Partner.name, m.ProgrammeSession.starts_on)
                .join(m.Programme, m.Programme.id == m.ProgrammeSession.programme_id)
                .join(m.Partner, m.Partner.id == m.Programme.partner_id)
                .where(m.ProgrammeSession.id == r.programme_session_id)
            ).one()
            out.append(ReferralView(r.id, "session", row[0], row[1], row[2], r.status, r.referred_on, moves))
        elif r.job_offer_id:
            row = s.execute(
                select(m.JobOffer.title, m.Partner.name, m.JobOffer.posted_on)
                .join(m.Partner, m.Partner.id == m.JobOffer.partner_id)
                .where(m.JobOffer.id == r.job_offer_id)
            ).one()
            out.append(ReferralView(r.id, "offer", row[0], row[1], row[2], r.status, r.referred_on, moves))
        elif r.partner_id:
            partner = get_or_fail(uow, m.Partner, r.partner_id)
            out.append(
                ReferralView(r.id, "service", partner.name, "", None, r.status, r.referred_on, moves, partner.kind)
            )
    return out
