"""The Pilotage service: campus managers only; this campus's people only."""

from __future__ import annotations

import pytest

from gn_core.domain.errors import PermissionDenied
from gn_desktop.services import pilotage
from gn_desktop.store import models as m
from tests.unit.world import World


def test_managers_only_and_this_campus_only(world: World) -> None:
    world.person("Awa", "Diallo")
    other = world.person("Karim", "Benali")
    with world.store.unit_of_work(None) as uow:  # moved to another campus
        person = uow.session.get(m.Person, other)
        assert person is not None
        person.campus_id = world.other_campus_id
        uow.commit()
    with world.store.read_unit(world.advisor_id) as uow, pytest.raises(PermissionDenied):
        pilotage.pilotage_data(uow)
    with world.store.read_unit(world.manager_id) as uow:
        data = pilotage.pilotage_data(uow)
    assert data.campus_code == "SDN" and data.indicators.enrolled_cumulative == 1
    assert data.indicators.placed_goal == 5000
