"""The advisor window: home figures from the store, French by default, English on request, keyboard navigation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gn_core.domain import enums as e
from gn_desktop.app import build_main_window, build_runner
from gn_desktop.services import dashboard, followup
from gn_desktop.services.auth import SignedIn
from gn_desktop.store.uow import Store, UnitOfWork
from gn_desktop.views.i18n import Translations
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.sync_page import SyncPage
from gn_desktop.views.tasks import TaskRunner

from .conftest import TODAY


@pytest.fixture
def people(store: Store, add_person: Callable[..., str]) -> list[str]:
    """Three people at the campus: two at welcome, one moved on to assessment, plus one appointment today."""
    ids = [add_person("Awa", "Diallo"), add_person("Karim", "Benali", "1990-01-01"), add_person("Léa", "Nguyen")]
    with store.unit_of_work(None) as uow:
        followup.advance_pathway(uow, ids[2], e.PathwayStep.ASSESSMENT, TODAY)
        start = datetime.combine(date.today(), time(10, 0)).astimezone(UTC)
        followup.book_appointment(uow, ids[0], start)
        uow.commit()
    return ids


def _signed_in(qtbot: QtBot, runner: TaskRunner) -> MainWindow:
    win = build_main_window(runner, lock_after_s=600)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.home.loaded, timeout=10_000):
        win.sign_in_as(SignedIn(None, "test", "Test", None, None))
    return win


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner, translations: Translations, people: list[str]) -> Iterator[MainWindow]:
    yield _signed_in(qtbot, runner)


def _step_count(win: MainWindow, step_label: str) -> str:
    table = win.home.steps
    for row in range(table.rowCount()):
        name = table.item(row, 0)
        if name is not None and name.text() == step_label:
            count = table.item(row, 1)
            assert count is not None
            return count.text()
    raise AssertionError(f"no row {step_label!r}")


def _texts(win: MainWindow) -> list[str]:
    return [w.text() for w in win.findChildren(QLabel) if w.text()]


def test_home_shows_the_campus_figures_in_french(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    summary = window.home.summary
    assert summary is not None and summary.people_total == 3
    assert window.windowTitle() == "Le Grand Numérique — Campus Saint-Denis"
    assert window.home.title.text() == "Campus Saint-Denis"
    assert window.home.people.number.text() == "3"
    assert window.home.people.caption.text() == "personnes suivies"
    assert window.home.appointments.number.text() == "1"
    assert window.home.appointments.caption.text() == "rendez-vous aujourd'hui"
    assert window.home.appointments_table.rowCount() == 1
    assert window.home.appointments_table.item(0, 1).text() == "Awa Diallo"
    assert window.home.appointments_table.item(0, 3).text() == "Prévu"
    with store.unit_of_work(None) as uow:
        pending = dashboard.home_summary(uow).pending_changes
    assert pending > 0
    assert window.sync_label.text() == f"{pending} modifications en attente de synchronisation"
    assert window.home.pending.number.text() == QLocale().toString(pending)
    # a PC never enrolled with HQ says so, and that the data stays here
    qtbot.waitUntil(
        lambda: window.offline_label.text() == "Non relié au siège — les données restent sur ce poste", timeout=10_000
    )
    assert window.navigation.item(0).text() == "Accueil"
    assert [window.navigation.item(r).text() for r in range(7)] == [
        "Accueil",
        "Personnes",
        "Nouvelle inscription",
        "Partenaires",
        "Événements",
        "Entreprises",
        "Synchronisation",
    ]
    assert window.size().width() == 1280 and window.size().height() == 800


def test_a_committed_write_refreshes_the_home_page(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, store: Store
) -> None:
    from gn_desktop.services import intake

    def create(uow: UnitOfWork) -> str:
        assert store.campus_id is not None
        return intake.create_person(
            uow,
            intake.PersonForm(first_name="Nadia", last_name="Haddad"),
            [intake.ConsentInput(purpose="follow_up")],
            campus_id=store.campus_id,
            today=TODAY,
        )

    with qtbot.waitSignal(window.home.loaded, timeout=10_000):
        runner.run(create)
    assert window.home.people.number.text() == "4"


def test_english_interface(qtbot: QtBot, window: MainWindow, translations: Translations) -> None:
    translations.set_language("en")
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Home")
    assert window.windowTitle() == "Le Grand Numérique — Campus Saint-Denis"
    assert window.home.people.caption.text() == "people followed"
    assert window.home.appointments_table.item(0, 3).text() == "Planned"
    qtbot.waitUntil(
        lambda: window.offline_label.text() == "Not enrolled with the head office — data stays on this computer"
    )
    assert window.sync_label.text().endswith("changes waiting to be synchronised")
    translations.set_language("fr")
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Accueil")


def test_english_from_the_start(
    qtbot: QtBot, runner: TaskRunner, translations: Translations, people: list[str]
) -> None:
    translations.set_language("en")
    win = _signed_in(qtbot, runner)
    assert win.navigation.item(1).text() == "People"
    assert win.home.people.caption.text() == "people followed"


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen platform, when a window is shown
def test_keyboard_navigation_between_sections(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.navigation.setFocus()
    assert window.current_section() == "home"

    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_section() == "people"
    assert window.search.title.text() == "Trouver une personne"
    qtbot.keyClick(window.navigation, Qt.Key.Key_End)
    page = window.pages.currentWidget()
    assert isinstance(page, SyncPage)
    assert page.title.text() == "Synchronisation"

    qtbot.keyClick(window.navigation, Qt.Key.Key_End)
    assert window.current_section() == "sync"
    qtbot.keyClick(window.navigation, Qt.Key.Key_Home)
    assert window.current_section() == "home"


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen platform, when a window is shown
def test_section_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "events"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "people"
    assert window.search.field.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "intake"
    assert window.intake.fields["first_name"].hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "home"


def test_no_campus_configured(qtbot: QtBot, qapp: object, translations: Translations) -> None:
    bare = Store.in_memory()
    task_runner = build_runner(bare)
    try:
        win = _signed_in(qtbot, task_runner)
        assert win.windowTitle() == "Le Grand Numérique — aucun campus configuré"
        assert win.home.notice.text().startswith("Aucun campus n'est encore configuré")
        assert win.home.people.number.text() == "0"
        assert win.sync_label.text() == "Aucune modification en attente de synchronisation"
    finally:
        task_runner.shutdown()
        bare.dispose()


def test_home_figures_count_this_campus_and_todays_live_appointments(
    store: Store, add_person: Callable[..., str]
) -> None:
    """The service behind the home page (plain data, no Qt)."""
    here = add_person("Awa", "Diallo")
    today = date.today()
    with store.unit_of_work(None) as uow:
        elsewhere = intake_elsewhere(uow)
        at = datetime.combine(today, time(9, 30)).astimezone(UTC)
        followup.book_appointment(uow, here, at)
        cancelled = followup.book_appointment(uow, here, at + timedelta(hours=2))
        followup.set_appointment_status(uow, cancelled, e.AppointmentStatus.CANCELLED)
        followup.book_appointment(uow, here, at + timedelta(days=1))
        followup.book_appointment(uow, elsewhere, at)
        uow.commit()
    with store.unit_of_work(None) as uow:
        summary = dashboard.home_summary(uow, today)
    assert summary.campus_name == "Campus Saint-Denis"
    assert summary.people_total == 1
    assert dict(summary.people_by_step)[e.PathwayStep.WELCOME] == 1
    assert summary.people_by_step[0][0] == e.PathwayStep.WELCOME
    assert len(summary.people_by_step) == len(e.PathwayStep)
    assert summary.appointments_today == 1
    assert summary.pending_changes > 0


def intake_elsewhere(uow: UnitOfWork) -> str:
    from sqlalchemy import select

    from gn_desktop.services import intake
    from gn_desktop.store import models as m

    montreuil = uow.session.scalar(select(m.Campus.id).where(m.Campus.code == "MTR"))
    assert montreuil is not None
    pid = intake.create_person(
        uow,
        intake.PersonForm(first_name="Sami", last_name="Rahmani"),
        [intake.ConsentInput(purpose="follow_up")],
        campus_id=uow.campus_id,
        today=date.today(),
    )
    person = uow.session.get(m.Person, pid)
    assert person is not None
    person.campus_id = montreuil  # transferred to Montreuil: still on this PC, no longer of this campus
    uow.flush()
    return pid
