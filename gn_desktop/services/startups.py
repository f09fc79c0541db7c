"""Startups created or accompanied: stage, urban tax-free zone (ZFU), mentor."""

from __future__ import annotations

from datetime import date

from gn_core.domain import enums as e
from gn_core.domain.reference import ZFU_ZONES
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
