"""Partners and what they offer: training organisations and their programmes and sessions, employers and their
job offers, employment services and funders.

Who writes them (gn_core.sync_rules): an entry without a campus is HQ's catalogue, sent to every campus, which a
campus PC writes only as HQ's data known in advance (inside `uow.as_reference()`: demo data, tests); an entry of a
campus is written by that campus, by the roles that keep the catalogue (services/catalogue.py has its forms).
Archived entries are left out of the lists here, which are the pickers of a person's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.errors import FieldError, InvalidInput
from gn_core.domain.validation import Collector, check_email, check_period, check_phone, check_required
from gn_desktop.services.common import get_or_fail, require_editor
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: referral statuses that take a place in a session: places left = capacity - accepted referrals
PLACE_TAKING = (e.ReferralStatus.ACCEPTED,)


@dataclass(frozen=True, slots=True)
class SessionView:
    id: str
    programme_id: str
    programme_title: str
    partner_name: str
    job_family: e.JobFamily
    campus_name: str
    starts_on: date
    ends_on: date
    capacity: int
    places_left: int


def create_partner(
    uow: UnitOfWork,
    name: str,
    kind: e.PartnerKind | str,
    *,
    commune_insee: str | None = None,
    website: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    job_families: list[str] | None = None,
    committed_to_hire: bool = False,
) -> str:
    require_editor(uow)
    c = Collector()
    clean_name = c.check(lambda: check_required(name, "name", "Nom du partenaire"), "")
    clean_email = c.check(lambda: check_email(email), None)
    clean_phone = c.check(lambda: check_phone(phone), None)
    c.raise_if_any()
    partner = m.Partner(
        name=clean_name,
        kind=e.PartnerKind(kind),
        commune_insee=commune_insee,
        website=website,
        email=clean_email,
        phone=clean_phone,
        job_families=[e.JobFamily(j).value for j in job_families or []],
        committed_to_hire=committed_to_hire,
    )
    uow.session.add(partner)
    uow.session.flush()
    return partner.id


def create_programme(
    uow: UnitOfWork,
    partner_id: str,
    title: str,
    job_family: e.JobFamily | str,
    duration_weeks: int,
    *,
    prerequisites: str = "",
    min_education_level: e.EducationLevel | None = None,
    certification: str = "",
    description: str = "",
) -> str:
    require_editor(uow)
    partner = get_or_fail(uow, m.Partner, partner_id)
    c = Collector()
    if partner.kind != e.PartnerKind.TRAINING_ORGANISATION:
        c.add("partner_id", "Organisme : seul un organisme de formation propose des formations.")
    clean_title = c.check(lambda: check_required(title, "title", "Intitulé de la formation"), "")
    if not 1 <= duration_weeks <= 156:
        c.add("duration_weeks", "Durée : indiquez un nombre de semaines entre 1 et 156.")
    c.raise_if_any()
    programme = m.Programme(
        partner_id=partner_id,
        title=clean_title,
        job_family=e.JobFamily(job_family),
        duration_weeks=duration_weeks,
        prerequisites=prerequisites,
        min_education_level=min_education_level,
        certification=certification,
        description=description,
    )
    uow.session.add(programme)
    uow.session.flush()
    return programme.id


def add_session(
    uow: UnitOfWork,
    programme_id: str,
    starts_on: date,
    ends_on: date,
    capacity: int,
    *,
    campus_id: str | None = None,
) -> str:
    """A session of this PC's campus (`campus_id` defaults to it; see gn_core.sync_rules)."""
    require_editor(uow)
    get_or_fail(uow, m.Programme, programme_id)
    c = Collector()
    c.check(lambda: check_period(starts_on, ends_on, "ends_on", "Dates de la session"), None)
    if capacity < 1:
        c.add("capacity", "Places : indiquez au moins une place.")
    c.raise_if_any()
    session = m.ProgrammeSession(
        programme_id=programme_id,
        campus_id=campus_id or uow.campus_id,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
    )
    uow.session.add(session)
    uow.session.flush()
    return session.id


def places_taken(uow: UnitOfWork, session_id: str) -> int:
    return int(
        uow.session.scalar(
            select(func.count())
            .select_from(m.Referral)
            .where(m.Referral.programme_session_id == session_id, m.Referral.status.in_(PLACE_TAKING))
        )
        or 0
    )


def upcoming_sessions(
    uow: UnitOfWork,
    today: date,
    *,
    job_family: e.JobFamily | str | None = None,
    partner_id: str | None = None,
) -> list[SessionView]:
    """Sessions not yet started, soonest first, with places left."""
    taken = (
        select(m.Referral.programme_session_id, func.count().label("n"))
        .where(m.Referral.status.in_(PLACE_TAKING), m.Referral.programme_session_id.is_not(None))
        .group_by(m.Referral.programme_session_id)
        .subquery()
    )
    q = (
        select(m.ProgrammeSession, m.Programme, m.Partner.name, m.Campus.name, func.coalesce(taken.c.n, 0))
        .join(m.Programme, m.Programme.id == m.ProgrammeSession.programme_id)
        .join(m.Partner, m.Partner.id == m.Programme.partner_id)
        .outerjoin(m.Campus, m.Campus.id == m.ProgrammeSession.campus_id)
        .outerjoin(taken, taken.c.programme_session_id == m.ProgrammeSession.id)
        .where(m.ProgrammeSession.starts_on >= today)
        .where(m.ProgrammeSession.archived.is_(False), m.Programme.archived.is_(False), m.Partner.archived.is_(False))
        .order_by(m.ProgrammeSession.starts_on, m.Programme.title)
    )
    if job_family is not None:
        q = q.where(m.Programme.job_family == e.JobFamily(job_family))
    if partner_id is not None:
        q = q.where(m.Programme.partner_id == partner_id)
    return [
        SessionView(
            s.id,
            prog.id,
            prog.title,
            partner_name,
            prog.job_family,
            campus_name or "",
            s.starts_on,
            s.ends_on,
            s.capacity,
            max(0, s.capacity - int(n)),
        )
        for s, prog, partner_name, campus_name, n in uow.session.execute(q).all()
    ]


def create_job_offer(
    uow: UnitOfWork,
    partner_id: str,
    title: str,
    job_family: e.JobFamily | str,
    contract_type: e.ContractType | str,
    posted_on: date,
    *,
    closes_on: date | None = None,
    commune_insee: str | None = None,
    description: str = "",
) -> str:
    require_editor(uow)
    partner = get_or_fail(uow, m.Partner, partner_id)
    c = Collector()
    if partner.kind != e.PartnerKind.EMPLOYER:
        c.add("partner_id", "Employeur : seul un partenaire employeur publie des offres d'emploi.")
    clean_title = c.check(lambda: check_required(title, "title", "Intitulé du poste"), "")
    c.check(lambda: check_period(posted_on, closes_on, "closes_on", "Dates de l'offre"), None)
    c.raise_if_any()
    offer = m.JobOffer(
        partner_id=partner_id,
        title=clean_title,
        job_family=e.JobFamily(job_family),
        contract_type=e.ContractType(contract_type),
        posted_on=posted_on,
        closes_on=closes_on,
        commune_insee=commune_insee,
        description=description,
    )
    uow.session.add(offer)
    uow.session.flush()
    return offer.id


def close_job_offer(uow: UnitOfWork, offer_id: str) -> None:
    require_editor(uow)
    offer = get_or_fail(uow, m.JobOffer, offer_id)
    if not offer.is_open:
        raise InvalidInput([FieldError("is_open", "Offre : elle est déjà close.")])
    offer.is_open = False
    uow.session.flush()


@dataclass(frozen=True, slots=True)
class PartnerView:
    id: str
    name: str
    kind: e.PartnerKind
    commune_insee: str | None
    email: str | None
    phone: str | None
    website: str | None
    committed_to_hire: bool
    job_families: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OfferView:
    id: str
    title: str
    partner_name: str
    job_family: e.JobFamily
    contract_type: e.ContractType
    commune_insee: str | None
    posted_on: date
    closes_on: date | None


def referral_services(uow: UnitOfWork) -> list[PartnerView]:
    """The employment services a person can be referred to (France Travail, missions locales, Cap Emploi,
    associations), not archived, by kind then name."""
    return [p for p in list_partners(uow) if p.kind in e.REFERRAL_SERVICES]


def list_partners(uow: UnitOfWork, kind: e.PartnerKind | str | None = None) -> list[PartnerView]:
    """Partners by kind then name."""
    q = select(m.Partner).where(m.Partner.archived.is_(False)).order_by(m.Partner.kind, m.Partner.name)
    if kind is not None:
        q = q.where(m.Partner.kind == e.PartnerKind(kind))
    return [
        PartnerView(
            p.id,
            p.name,
            p.kind,
            p.commune_insee,
            p.email,
            p.phone,
            p.website,
            p.committed_to_hire,
            tuple(p.job_families),
        )
        for p in uow.session.scalars(q)
    ]


def open_offers(uow: UnitOfWork, today: date, *, partner_id: str | None = None) -> list[OfferView]:
    """Job offers still open on `today`, newest first."""
    q = (
        select(m.JobOffer, m.Partner.name)
        .join(m.Partner, m.Partner.id == m.JobOffer.partner_id)
        .where(m.JobOffer.is_open.is_(True), m.JobOffer.archived.is_(False), m.Partner.archived.is_(False))
        .where((m.JobOffer.closes_on.is_(None)) | (m.JobOffer.closes_on >= today))
        .order_by(m.JobOffer.posted_on.desc(), m.JobOffer.title)
    )
    if partner_id is not None:
        q = q.where(m.JobOffer.partner_id == partner_id)
    return [
        OfferView(o.id, o.title, name, o.job_family, o.contract_type, o.commune_insee, o.posted_on, o.closes_on)
        for o, name in uow.session.execute(q).all()
    ]


@dataclass(frozen=True, slots=True)
class PartnersData:
    """What the partners page shows: upcoming training sessions, open job offers and every partner."""

    sessions: list[SessionView]
    offers: list[OfferView]
    partners: list[PartnerView]


def partners_data(uow: UnitOfWork, today: date) -> PartnersData:
    """The partners page's three lists, in one read."""
    return PartnersData(upcoming_sessions(uow, today), open_offers(uow, today), list_partners(uow))
