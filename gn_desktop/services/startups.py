"""Startups created or accompanied: the list and each one's file — name, founders (people followed here), stage,
SIRET (checked with python-stdnum), address with the urban tax-free zone (ZFU) of its commune, sector, mentors,
support actions with their dates.

A startup belongs to its lead founder (`person_id`): the campuses that follow that person keep it (gn_core.sync_rules).
Other founders are linked by `startup_founder`, so the startup shows in each founder's file. A person's "business
created" outcome creates the startup, or links the person to the one already recorded with that SIRET
(`link_business`, called by the pathway move).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.reference import COMMUNES_BY_INSEE, ZFU_ZONES, zfu_zone_of
from gn_core.domain.validation import Collector, check_required, check_siret
from gn_desktop.services.common import get_or_fail
from gn_desktop.store import models as m
from gn_desktop.store.uow import UnitOfWork


def create_startup(
    uow: UnitOfWork,
    name: str,
    stage: e.StartupStage | str,
    *,
    person_id: str | None = None,
    zfu_zone: str | None = None,
    mentor_name: str | None = None,
    siret: str | None = None,
    created_on: date | None = None,
    job_family: e.JobFamily | str | None = None,
) -> str:
    c = Collector()
    clean_name = c.check(lambda: check_required(name, "name", "Nom de l'entreprise"), "")
    clean_siret = c.check(lambda: check_siret(siret), None)
    if zfu_zone is not None and zfu_zone not in ZFU_ZONES:
        c.add("zfu_zone", "Zone franche urbaine : choisissez une zone de la liste.")
    c.raise_if_any()
    if person_id is not None:
        get_or_fail(uow, m.Person, person_id)
    startup = m.Startup(
        name=clean_name,
        stage=e.StartupStage(stage),
        person_id=person_id,
        zfu_zone=zfu_zone,
        mentor_name=mentor_name,
        siret=clean_siret,
        created_on=created_on,
        job_family=e.JobFamily(job_family) if job_family else None,
    )
    uow.session.add(startup)
    uow.session.flush()
    return startup.id


def set_stage(uow: UnitOfWork, startup_id: str, stage: e.StartupStage | str) -> None:
    startup = get_or_fail(uow, m.Startup, startup_id)
    startup.stage = e.StartupStage(stage)
    uow.session.flush()


#: the stages a form offers (PROTOTYPE is the creation stage's earlier name, kept for records made with it)
STAGES = (
    e.StartupStage.IDEA,
    e.StartupStage.CREATION,
    e.StartupStage.LAUNCHED,
    e.StartupStage.GROWTH,
    e.StartupStage.CLOSED,
)


@dataclass(frozen=True, slots=True)
class StartupForm:
    name: str
    stage: e.StartupStage | str = e.StartupStage.IDEA
    siret: str | None = None
    address: str | None = None
    commune_insee: str | None = None
    sector: str | None = None
    mentors: str | None = None
    job_family: e.JobFamily | str | None = None
    created_on: date | None = None


def save_startup(
    uow: UnitOfWork, form: StartupForm, startup_id: str | None = None, *, founder_id: str | None = None
) -> str:
    """Create a startup founded by `founder_id` (a person followed here), or correct one. The ZFU zone is the one of
    its commune (gn_core.domain.reference.zfu_zone_of); a SIRET already recorded for another startup is refused."""
    c = Collector()
    name = c.check(lambda: check_required(form.name, "name", "Nom de l'entreprise"), "")
    siret = c.check(lambda: check_siret(form.siret), None)
    if form.commune_insee and form.commune_insee not in COMMUNES_BY_INSEE:
        c.add("commune_insee", "Commune : choisissez une commune de la Seine-Saint-Denis, ou laissez vide.")
    if startup_id is None and founder_id is None:
        c.add("founder", "Fondateur : choisissez la personne suivie qui crée l'entreprise.")
    if siret is not None:
        other = uow.session.scalar(
            select(m.Startup).where(m.Startup.siret == siret, m.Startup.id != (startup_id or ""))
        )
        if other is not None:
            c.add("siret", f"SIRET : il est déjà enregistré pour « {other.name} ». Ouvrez cette entreprise.")
    c.raise_if_any()
    values = {
        "name": name,
        "stage": e.StartupStage(form.stage),
        "siret": siret,
        "address": (form.address or "").strip() or None,
        "commune_insee": form.commune_insee or None,
        "zfu_zone": zfu_zone_of(form.commune_insee) if form.commune_insee else _kept_zone(uow, startup_id),
        "sector": (form.sector or "").strip() or None,
        "mentor_name": (form.mentors or "").strip() or None,
        "job_family": e.JobFamily(form.job_family) if form.job_family else None,
        "created_on": form.created_on,
    }
    if startup_id is None:
        assert founder_id is not None
        get_or_fail(uow, m.Person, founder_id)
        startup = m.Startup(**values, person_id=founder_id)
        uow.session.add(startup)
        uow.session.flush()
        add_founder(uow, startup.id, founder_id)
        return startup.id
    startup = get_or_fail(uow, m.Startup, startup_id)
    for key, value in values.items():
        if getattr(startup, key) != value:
            setattr(startup, key, value)
    uow.session.flush()
    return startup.id


def _kept_zone(uow: UnitOfWork, startup_id: str | None) -> str | None:
    """Without a commune, the zone recorded before communes were (a startup's zone chosen by hand) is kept."""
    startup = uow.session.get(m.Startup, startup_id) if startup_id else None
    return startup.zfu_zone if startup is not None else None


def add_founder(uow: UnitOfWork, startup_id: str, person_id: str) -> None:
    """Link a person followed here to a startup as one of its founders (nothing if they already are)."""
    get_or_fail(uow, m.Startup, startup_id)
    get_or_fail(uow, m.Person, person_id)
    exists = uow.session.scalar(
        select(m.StartupFounder.id).where(
            m.StartupFounder.startup_id == startup_id, m.StartupFounder.person_id == person_id
        )
    )
    if exists is None:
        uow.session.add(m.StartupFounder(startup_id=startup_id, person_id=person_id))
        uow.session.flush()


def add_action(uow: UnitOfWork, startup_id: str, done_on: date | None, title: str, note: str = "") -> str:
    """Record a support action (mentoring, workshop, financing file…) for a startup, on a date."""
    startup = get_or_fail(uow, m.Startup, startup_id)
    c = Collector()
    clean = c.check(lambda: check_required(title, "action_title", "Action d'accompagnement"), "")
    if done_on is None:
        c.add("action_on", "Date de l'action : indiquez-la.")
    if startup.person_id is None:
        c.add("founder", "Fondateur : cette entreprise n'a pas de fondateur suivi ici ; ajoutez-en un d'abord.")
    c.raise_if_any()
    assert done_on is not None and startup.person_id is not None
    action = m.StartupAction(
        startup_id=startup_id, person_id=startup.person_id, done_on=done_on, title=clean, note=note.strip()
    )
    uow.session.add(action)
    uow.session.flush()
    return action.id


def link_business(uow: UnitOfWork, person_id: str, siret: str, created_on: date | None, name: str | None) -> str:
    """A person's "business created" outcome: link them to the startup recorded with this SIRET, or create it."""
    clean = check_siret(siret)
    startup_id = uow.session.scalar(select(m.Startup.id).where(m.Startup.siret == clean))
    if startup_id is None:
        person = get_or_fail(uow, m.Person, person_id)
        startup = m.Startup(
            name=(name or "").strip() or f"Entreprise de {person.first_name} {person.last_name}",
            stage=e.StartupStage.LAUNCHED,
            person_id=person_id,
            siret=clean,
            created_on=created_on,
        )
        uow.session.add(startup)
        uow.session.flush()
        startup_id = startup.id
    add_founder(uow, startup_id, person_id)
    return startup_id


# --- what the screens show --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StartupRow:
    id: str
    name: str
    stage: e.StartupStage
    founders: str  # "First Last, First Last"
    zfu_zone: str | None
    siret: str | None
    actions: int
    last_action_on: date | None


@dataclass(frozen=True, slots=True)
class ActionView:
    id: str
    done_on: date
    title: str
    note: str


@dataclass(frozen=True, slots=True)
class StartupFile:
    id: str
    form: StartupForm
    zfu_zone: str | None
    founders: list[tuple[str, str]]  # (person id, name)
    actions: list[ActionView]


def _founders(uow: UnitOfWork, startup_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    rows = uow.session.execute(
        select(m.StartupFounder.startup_id, m.Person.id, m.Person.first_name, m.Person.last_name)
        .join(m.Person, m.Person.id == m.StartupFounder.person_id)
        .where(m.StartupFounder.startup_id.in_(startup_ids))
        .order_by(m.Person.last_name, m.Person.first_name)
    ).all()
    out: dict[str, list[tuple[str, str]]] = {}
    for sid, pid, first, last in rows:
        out.setdefault(sid, []).append((pid, f"{first} {last}"))
    return out


def list_startups(uow: UnitOfWork, *, person_id: str | None = None) -> list[StartupRow]:
    """The startups followed here (or those a person founded), by name, with their founders and support actions."""
    q = select(m.Startup).order_by(m.Startup.name)
    if person_id is not None:
        linked = select(m.StartupFounder.startup_id).where(m.StartupFounder.person_id == person_id)
        q = q.where((m.Startup.person_id == person_id) | m.Startup.id.in_(linked))
    startups = list(uow.session.scalars(q))
    ids = [s.id for s in startups]
    founders = _founders(uow, ids)
    counts = {
        sid: (int(n), last)
        for sid, n, last in uow.session.execute(
            select(m.StartupAction.startup_id, func.count(), func.max(m.StartupAction.done_on))
            .where(m.StartupAction.startup_id.in_(ids))
            .group_by(m.StartupAction.startup_id)
        )
    }
    return [
        StartupRow(
            s.id, s.name, s.stage, ", ".join(name for _pid, name in founders.get(s.id, [])), s.zfu_zone, s.siret,
            counts.get(s.id, (0, None))[0], counts.get(s.id, (0, None))[1],
        )
        for s in startups
    ]  # fmt: skip


def startup_file(uow: UnitOfWork, startup_id: str) -> StartupFile:
    s = get_or_fail(uow, m.Startup, startup_id)
    actions = [
        ActionView(a.id, a.done_on, a.title, a.note)
        for a in uow.session.scalars(
            select(m.StartupAction)
            .where(m.StartupAction.startup_id == startup_id)
            .order_by(m.StartupAction.done_on.desc(), m.StartupAction.created_at.desc())
        )
    ]
    form = StartupForm(
        s.name, s.stage, s.siret, s.address, s.commune_insee, s.sector, s.mentor_name, s.job_family, s.created_on
    )
    return StartupFile(s.id, form, s.zfu_zone, _founders(uow, [s.id]).get(s.id, []), actions)
