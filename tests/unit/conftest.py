"""Fixtures for Qt-free tests: an in-memory store with reference data and three accounts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gn_core.domain import enums as e
from gn_desktop.services import accounts, setup
from gn_desktop.store.uow import Store
from tests.unit.world import World


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store.in_memory()
    yield s
    s.dispose()


@pytest.fixture
def world(store: Store) -> World:
    pw = accounts.hash_password("motdepasse-demo")
    with store.unit_of_work(None) as uow:
        campuses = setup.ensure_reference_data(uow)
        advisor = accounts.create_user(
            uow, "conseil", "Camille Martin", e.UserRole.ADVISOR, "", campus_id=campuses["SDN"], password_hash=pw
        )
        manager = accounts.create_user(
            uow, "resp", "Nadia Benali", e.UserRole.CAMPUS_MANAGER, "", campus_id=campuses["SDN"], password_hash=pw
        )
        other = accounts.create_user(
            uow, "conseil2", "Hugo Lefèvre", e.UserRole.ADVISOR, "", campus_id=campuses["SDN"], password_hash=pw
        )
        uow.commit()
    store.set_campus(campuses["SDN"])
    return World(store, campuses["SDN"], campuses["AUB"], advisor, manager, other)
