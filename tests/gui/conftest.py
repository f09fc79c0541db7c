"""Fixtures of the GUI tests: an in-memory store with a campus, a task runner over it, the interface language; for the
sync tests, a real HQ (one per test module) and campus apps with their sync thread (tests/gui/sync_app.py)."""

from __future__ import annotations

import functools
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gn_desktop.services import intake, setup
from gn_desktop.store.uow import Store
from gn_desktop.views.i18n import Translations, catalogue_name, load_catalogue
from gn_desktop.views.tasks import TaskRunner
from tests.e2e.conftest import Hq
from tests.gui.sync_app import App, campus_apps
from tests.support.live_hq import running_hq

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 3, 14)


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm catalogues are build products: compile them once if a fresh checkout has none."""
    if any(load_catalogue(lang) is None for lang in ("fr", "en", "ar")):
        subprocess.run([sys.executable, str(ROOT / "resources" / "build_translations.py")], check=True)
    assert load_catalogue("fr") is not None, f"{catalogue_name('fr')} missing after build"


@pytest.fixture
def store() -> Iterator[Store]:
    """A migrated in-memory store with the reference data and this device's campus set to Saint-Denis."""
    st = Store.in_memory()
    with st.unit_of_work(None) as uow:
        campuses = setup.ensure_reference_data(uow)
        uow.commit()
    st.set_campus(campuses["SDN"])
    yield st
    st.dispose()


@pytest.fixture
def add_person(store: Store) -> Callable[..., str]:
    """Create a person at this device's campus through the intake service; returns the id."""

    def add(first_name: str, last_name: str, birth: str = "1998-05-02") -> str:
        assert store.campus_id is not None
        with store.unit_of_work(None) as uow:
            person_id = intake.create_person(
                uow,
                intake.PersonForm(first_name=first_name, last_name=last_name, birth_date=birth),
                [intake.ConsentInput(purpose="follow_up")],
                campus_id=store.campus_id,
                today=TODAY,
            )
            uow.commit()
        return person_id

    return add


@pytest.fixture
def runner(qapp: QApplication, store: Store) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(store.unit_of_work, open_read_uow=store.read_unit)
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The interface's translators, French by default; removed again after the test."""
    tr = Translations(qapp)
    assert tr.set_language("fr")
    yield tr
    tr.uninstall()
    tr.deleteLater()


@pytest.fixture
def training_session(store: Store) -> str:
    """A session of Simplon's "Développeur web" in HQ's catalogue, starting in 20 days, 12 places; returns its id."""
    from datetime import timedelta

    from sqlalchemy import select

    from gn_core.domain import enums as e
    from gn_desktop.services import partners
    from gn_desktop.store import models as m

    with store.unit_of_work(None) as uow:
        simplon = uow.session.scalar(select(m.Partner.id).where(m.Partner.name == "Simplon"))
        assert simplon is not None
        with uow.as_reference():  # HQ's catalogue
            programme = partners.create_programme(uow, simplon, "Développeur web", e.JobFamily.DEVELOPMENT, 20)
        start = date.today() + timedelta(days=20)
        session_id = partners.add_session(uow, programme, start, start + timedelta(weeks=20), 12)
        uow.commit()
    return session_id


PASSWORD = "mot-de-passe-conseil"


@functools.cache
def _password_hash() -> str:
    from gn_desktop.services import accounts

    return accounts.hash_password(PASSWORD)  # argon2 is slow on purpose: hash once per test session


@pytest.fixture
def accounts_(store: Store) -> dict[str, str]:
    """Two advisors and a campus manager at this device's campus (username → user id); password `PASSWORD`."""
    from gn_core.domain import enums as e
    from gn_desktop.services import accounts

    pw = _password_hash()
    ids = {}
    with store.unit_of_work(None) as uow:
        for username, name, role in (
            ("conseil.sdn", "Camille Martin", e.UserRole.ADVISOR),
            ("conseil2.sdn", "Hugo Lefèvre", e.UserRole.ADVISOR),
            ("resp.sdn", "Nadia Benali", e.UserRole.CAMPUS_MANAGER),
        ):
            ids[username] = accounts.create_user(
                uow, username, name, role, "", campus_id=store.campus_id, password_hash=pw
            )
        uow.commit()
    return ids


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    """A real `gn-hq serve` on loopback, shared by the tests of one module."""
    with running_hq(tmp_path_factory.mktemp("hq"), tmp_path_factory.mktemp("keyring") / "keyring.json") as server:
        yield server


@pytest.fixture
def open_app(qtbot: QtBot, translations: Translations) -> Iterator[Callable[..., App]]:
    with campus_apps(qtbot) as open_:
        yield open_
