"""Startups: founders followed here, SIRET checked, the ZFU zone of the commune, support actions, and a person's
"business created" outcome creating or linking the startup, shown in their file."""

from __future__ import annotations

from datetime import date

import pytest

from gn_core.domain import enums as e
from gn_core.domain.errors import InvalidInput
from gn_core.domain.pathway import MoveDetails
from gn_core.domain.reference import zfu_zone_of
from gn_desktop.services import followup, person_file, startups
from gn_desktop.services.startups import StartupForm
from tests.unit.world import TODAY, World

SIRET = "73282932000074"


def test_the_zfu_zone_is_the_one_of_the_commune() -> None:
    assert zfu_zone_of("93066") == "Saint-Denis / Épinay-sur-Seine / Villetaneuse"  # Saint-Denis
    assert zfu_zone_of("93055") == "Pantin"
    assert zfu_zone_of("93048") is None  # Montreuil has none
    assert zfu_zone_of(None) is None


def test_a_startup_with_its_founders_zone_and_support_actions(world: World) -> None:
    a, b = world.person(), world.person("Karim", "Haddad", birth_date="01/01/1990")
    with world.store.unit_of_work(world.advisor_id) as uow:
        with pytest.raises(InvalidInput) as bad:
            startups.save_startup(uow, StartupForm(" ", siret="123", commune_insee="75056"))
        assert {err.field for err in bad.value.errors} == {"name", "siret", "commune_insee", "founder"}
        sid = startups.save_startup(
            uow,
            StartupForm("DataCité", "creation", "732 829 320 00074", "12 rue Hoche", "93055", "Données", "M. Kader"),
            founder_id=a,
        )
        startups.add_founder(uow, sid, b)
        with pytest.raises(InvalidInput, match="Date"):
            startups.add_action(uow, sid, None, "Atelier business plan")
        startups.add_action(uow, sid, date(2026, 2, 3), "Atelier business plan", "Avec la CCI")
        startups.add_action(uow, sid, date(2026, 2, 20), "Dossier de prêt d'honneur")
        with pytest.raises(InvalidInput, match="déjà enregistré"):
            startups.save_startup(uow, StartupForm("Autre", siret=SIRET), founder_id=b)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        [row] = startups.list_startups(uow)
        file = startups.startup_file(uow, sid)
        in_file = person_file.file_data(uow, b, TODAY).startups
    assert (row.name, row.stage, row.founders, row.zfu_zone, row.siret, row.actions) == (
        "DataCité", e.StartupStage.CREATION, "Awa Diallo, Karim Haddad", "Pantin", SIRET, 2,
    )  # fmt: skip
    assert [x.title for x in file.actions] == ["Dossier de prêt d'honneur", "Atelier business plan"]
    assert [x.id for x in in_file] == [sid]


def test_a_business_created_outcome_creates_the_startup_or_links_the_person(world: World) -> None:
    a, b = world.person(), world.person("Karim", "Haddad", birth_date="01/01/1990")
    with world.store.unit_of_work(world.advisor_id) as uow:
        for pid in (a, b):
            for step in ("assessment", "orientation", "job_search"):
                followup.advance_pathway(uow, pid, step, TODAY)
        details = MoveDetails(siret=SIRET, business_created_on=date(2026, 1, 5), employer_name="DataCité")
        followup.advance_pathway(uow, a, e.PathwayStep.OUTCOME_BUSINESS, TODAY, details)
        followup.advance_pathway(uow, b, e.PathwayStep.OUTCOME_BUSINESS, TODAY, details)
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow:
        [row] = startups.list_startups(uow)
        assert (row.name, row.founders, row.stage) == ("DataCité", "Awa Diallo, Karim Haddad", e.StartupStage.LAUNCHED)
        assert [x.id for x in startups.list_startups(uow, person_id=b)] == [row.id]
