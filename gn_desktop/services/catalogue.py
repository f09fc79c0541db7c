"""The catalogue a campus keeps: partners (with their contact), programmes, their sessions and job offers.

Campus managers (and HQ administrators) create, edit and archive the entries of their campus; HQ-wide entries (no
campus) come from HQ and are read-only on a PC, as are other campuses' (gn_core.sync_rules: a campus writes its own
entries only). An entry is archived, never deleted: referrals point to it. Archived entries are hidden from the
pickers of a person's file and from the kiosk, and still listed here (greyed) so that they can be restored.
The role is checked here, not only by the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.errors import PermissionDenied
from gn_core.domain.permissions import can_edit_catalogue
from gn_core.domain.reference import COMMUNES_BY_INSEE
from gn_core.domain.validation import Collector, check_email, check_period, check_phone, check_required
from gn_core.sync_rules import REFUSAL_DETAIL, Refusal
from gn_desktop.services.common import acting_role, get_or_fail, require_editor
from gn_desktop.services.partners import PLACE_TAKING
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork

#: the catalogue's entities an entry may be archived of
ARCHIVABLE: dict[str, type[m.Partner | m.Programme | m.ProgrammeSession | m.JobOffer | m.Event]] = {
    "partner": m.Partner,
    "programme": m.Programme,
    "programme_session": m.ProgrammeSession,
    "job_offer": m.JobOffer,
    "event": m.Event,
}


def _require_own(uow: UnitOfWork, campus_id: str | None) -> None:
    if uow.ctx.capture and (campus_id is None or campus_id != uow.campus_id):
        raise PermissionDenied(REFUSAL_DETAIL[Refusal.OTHER_CAMPUS])


def _check_commune(c: Collector, insee: str | None) -> str | None:
    if insee and insee not in COMMUNES_BY_INSEE:
        c.add("commune_insee", "Commune : choisissez une commune de la liste.")
        return None
    return insee or None


# --- partners ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartnerForm:
    name: str
    kind: e.PartnerKind | str
    commune_insee: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    job_families: tuple[str, ...] = ()
    committed_to_hire: bool = False


def save_partner(uow: UnitOfWork, form: PartnerForm, partner_id: str | None = None) -> str:
    """Create a partner of this campus, or correct one (`partner_id`)."""
    require_editor(uow)
    c = Collector()
    values: dict[str, Any] = {
        "name": c.check(lambda: check_required(form.name, "name", "Nom du partenaire"), ""),
        "kind": e.PartnerKind(form.kind),
        "commune_insee": _check_commune(c, form.commune_insee),
        "website": (form.website or "").strip() or None,
        "email": c.check(lambda: check_email(form.email), None),
        "phone": c.check(lambda: check_phone(form.phone), None),
        "contact_name": (form.contact_name or "").strip() or None,
        "contact_email": c.check(lambda: check_email(form.contact_email, "contact_email"), None),
        "contact_phone": c.check(lambda: check_phone(form.contact_phone, "contact_phone"), None),
        "job_families": sorted({e.JobFamily(j).value for j in form.job_families}),
        "committed_to_hire": form.committed_to_hire and e.PartnerKind(form.kind) == e.PartnerKind.EMPLOYER,
    }
    c.raise_if_any()
    return save_owned(uow, m.Partner, partner_id, values)


def save_owned(uow: UnitOfWork, model: type[m.Synced], record_id: str | None, values: dict[str, Any]) -> str:
    """Insert a record of this campus (HQ's when written as reference data), or update one of this campus."""
    if record_id is None:
        record = model(**values, campus_id=uow.campus_id) if uow.ctx.capture else model(**values)
        uow.session.add(record)
    else:
        record = get_or_fail(uow, model, record_id)
        _require_own(uow, getattr(record, "campus_id", None))
        for key, value in values.items():
            if getattr(record, key) != value:
                setattr(record, key, value)
    uow.session.flush()
    return record.id


# --- programmes and sessions ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgrammeForm:
    partner_id: str
    title: str
    job_family: e.JobFamily | str
    duration_weeks: int
    min_education_level: e.EducationLevel | str | None = None
    funding: tuple[str, ...] = ()
    certification: str = ""
    prerequisites: str = ""
    description: str = ""


def save_programme(uow: UnitOfWork, form: ProgrammeForm, programme_id: str | None = None) -> str:
    require_editor(uow)
    c = Collector()
    partner = uow.session.get(m.Partner, form.partner_id) if form.partner_id else None
    if partner is None or partner.kind != e.PartnerKind.TRAINING_ORGANISATION:
        c.add("partner_id", "Organisme : choisissez un organisme de formation.")
    title = c.check(lambda: check_required(form.title, "title", "Intitulé de la formation"), "")
    if not 1 <= form.duration_weeks <= 156:
        c.add("duration_weeks", "Durée : indiquez un nombre de semaines entre 1 et 156.")
    c.raise_if_any()
    level = form.min_education_level
    return save_owned(
        uow,
        m.Programme,
        programme_id,
        {
            "partner_id": form.partner_id,
            "title": title,
            "job_family": e.JobFamily(form.job_family),
            "duration_weeks": form.duration_weeks,
            "min_education_level": e.EducationLevel(level) if level else None,
            "funding": sorted({e.FundingSource(f).value for f in form.funding}),
            "certification": form.certification.strip(),
            "prerequisites": form.prerequisites.strip(),
            "description": form.description.strip(),
        },
    )


@dataclass(frozen=True, slots=True)
class SessionForm:
    programme_id: str
    starts_on: date | None
    ends_on: date | None
    capacity: int
    place: str = ""


def save_session(uow: UnitOfWork, form: SessionForm, session_id: str | None = None) -> str:
    """A session of this campus. Its capacity never goes below the referrals already accepted."""
    require_editor(uow)
    c = Collector()
    if not form.programme_id or uow.session.get(m.Programme, form.programme_id) is None:
        c.add("programme_id", "Formation : choisissez la formation de cette session.")
    if form.starts_on is None:
        c.add("starts_on", "Début : indiquez la date de début.")
    if form.ends_on is None:
        c.add("ends_on", "Fin : indiquez la date de fin.")
    c.check(lambda: check_period(form.starts_on, form.ends_on, "ends_on", "Dates de la session"), None)
    if form.capacity < 1:
        c.add("capacity", "Places : indiquez au moins une place.")
    taken = accepted_referrals(uow, session_id) if session_id else 0
    if session_id and form.capacity < taken:
        c.add("capacity", f"Places : {taken} orientations sont déjà acceptées ; indiquez au moins {taken} places.")
    c.raise_if_any()
    values = {
        "programme_id": form.programme_id,
        "starts_on": form.starts_on,
        "ends_on": form.ends_on,
        "capacity": form.capacity,
        "place": form.place.strip() or None,
    }
    if session_id is None:
        session = m.ProgrammeSession(**values, campus_id=uow.campus_id)
        uow.session.add(session)
        uow.session.flush()
        return session.id
    return save_owned(uow, m.ProgrammeSession, session_id, values)


def accepted_referrals(uow: UnitOfWork, session_id: str) -> int:
    return int(
        uow.session.scalar(
            select(func.count())
            .select_from(m.Referral)
            .where(m.Referral.programme_session_id == session_id, m.Referral.status.in_(PLACE_TAKING))
        )
        or 0
    )


# --- job offers -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OfferForm:
    partner_id: str
    title: str
    job_family: e.JobFamily | str
    contract_type: e.ContractType | str
    posted_on: date | None
    closes_on: date | None = None
    commune_insee: str | None = None
    description: str = ""
    is_open: bool = True


def save_offer(uow: UnitOfWork, form: OfferForm, offer_id: str | None = None) -> str:
    require_editor(uow)
    c = Collector()
    partner = uow.session.get(m.Partner, form.partner_id) if form.partner_id else None
    if partner is None or partner.kind != e.PartnerKind.EMPLOYER:
        c.add("partner_id", "Employeur : choisissez un partenaire employeur.")
    title = c.check(lambda: check_required(form.title, "title", "Intitulé du poste"), "")
    if form.posted_on is None:
        c.add("posted_on", "Publiée le : indiquez la date de publication.")
    c.check(lambda: check_period(form.posted_on, form.closes_on, "closes_on", "Dates de l'offre"), None)
    commune = _check_commune(c, form.commune_insee)
    c.raise_if_any()
    return save_owned(
        uow,
        m.JobOffer,
        offer_id,
        {
            "partner_id": form.partner_id,
            "title": title,
            "job_family": e.JobFamily(form.job_family),
            "contract_type": e.ContractType(form.contract_type),
            "posted_on": form.posted_on,
            "closes_on": form.closes_on,
            "commune_insee": commune,
            "description": form.description.strip(),
            "is_open": form.is_open,
        },
    )


# --- archiving --------------------------------------------------------------------------------------------------


def set_archived(uow: UnitOfWork, entity: str, record_id: str, archived: bool) -> None:
    """Archive (or restore) an entry of this campus: hidden from pickers and the kiosk, kept for its referrals."""
    require_editor(uow)
    record = get_or_fail(uow, ARCHIVABLE[entity], record_id)
    _require_own(uow, record.campus_id)
    if record.archived != archived:
        record.archived = archived
        uow.session.flush()


# --- what the catalogue page shows ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose an entry is, as the page shows it."""

    hq_wide: bool  # HQ's catalogue ("Réseau")
    own: bool  # this campus's: editable by a campus manager
    campus_name: str


@dataclass(frozen=True, slots=True)
class PartnerRow:
    id: str
    form: PartnerForm
    owner: Owner
    archived: bool


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    id: str
    form: ProgrammeForm
    partner_name: str
    owner: Owner
    archived: bool


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: str
    form: SessionForm
    programme_title: str
    owner: Owner
    archived: bool
    places_left: int


@dataclass(frozen=True, slots=True)
class OfferRow:
    id: str
    form: OfferForm
    partner_name: str
    owner: Owner
    archived: bool


@dataclass(frozen=True, slots=True)
class CatalogueData:
    can_edit: bool  # the signed-in account keeps the catalogue
    partners: list[PartnerRow] = field(default_factory=list)
    programmes: list[ProgrammeRow] = field(default_factory=list)
    sessions: list[SessionRow] = field(default_factory=list)
    offers: list[OfferRow] = field(default_factory=list)


def catalogue_data(uow: UnitOfWork, today: date) -> CatalogueData:
    """Every partner, programme, job offer, and the sessions not yet over, archived ones last."""
    s = uow.session
    campuses: dict[str, str] = {k: v for k, v in s.execute(select(m.Campus.id, m.Campus.name))}

    def owner(campus_id: str | None) -> Owner:
        return Owner(
            campus_id is None, campus_id is not None and campus_id == uow.campus_id, campuses.get(campus_id or "", "")
        )

    partner_names: dict[str, str] = {k: v for k, v in s.execute(select(m.Partner.id, m.Partner.name))}
    partners = [
        PartnerRow(
            p.id,
            PartnerForm(
                p.name, p.kind, p.commune_insee, p.website, p.email, p.phone, p.contact_name, p.contact_email,
                p.contact_phone, tuple(p.job_families), p.committed_to_hire,
            ),
            owner(p.campus_id),
            p.archived,
        )
        for p in s.scalars(select(m.Partner).order_by(m.Partner.archived, m.Partner.kind, m.Partner.name))
    ]  # fmt: skip
    programmes = [
        ProgrammeRow(
            p.id,
            ProgrammeForm(
                p.partner_id, p.title, p.job_family, p.duration_weeks, p.min_education_level, tuple(p.funding),
                p.certification, p.prerequisites, p.description,
            ),
            partner_names.get(p.partner_id, ""),
            owner(p.campus_id),
            p.archived,
        )
        for p in s.scalars(select(m.Programme).order_by(m.Programme.archived, m.Programme.title))
    ]  # fmt: skip
    titles = {p.id: p.form.title for p in programmes}
    taken: dict[str | None, int] = {
        k: int(n)
        for k, n in s.execute(
            select(m.Referral.programme_session_id, func.count())
            .where(m.Referral.status.in_(PLACE_TAKING), m.Referral.programme_session_id.is_not(None))
            .group_by(m.Referral.programme_session_id)
        )
    }
    sessions = [
        SessionRow(
            x.id,
            SessionForm(x.programme_id, x.starts_on, x.ends_on, x.capacity, x.place or ""),
            titles.get(x.programme_id, ""),
            owner(x.campus_id),
            x.archived,
            max(0, x.capacity - int(taken.get(x.id, 0))),
        )
        for x in s.scalars(
            select(m.ProgrammeSession)
            .where(m.ProgrammeSession.ends_on >= today)
            .order_by(m.ProgrammeSession.archived, m.ProgrammeSession.starts_on)
        )
    ]
    offers = [
        OfferRow(
            o.id,
            OfferForm(
                o.partner_id, o.title, o.job_family, o.contract_type, o.posted_on, o.closes_on, o.commune_insee,
                o.description, o.is_open,
            ),
            partner_names.get(o.partner_id, ""),
            owner(o.campus_id),
            o.archived,
        )
        for o in s.scalars(select(m.JobOffer).order_by(m.JobOffer.archived, m.JobOffer.posted_on.desc()))
    ]  # fmt: skip
    return CatalogueData(can_edit_catalogue(acting_role(uow)), partners, programmes, sessions, offers)
