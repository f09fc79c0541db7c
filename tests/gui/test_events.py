"""The events page: a campus manager creates an outreach action for audiences of the closed list; a person found by
name is registered from the event; a kiosk sign-up is confirmed as the person it is; a person is registered from
their file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gn_desktop.services import events, kiosk
from gn_desktop.services.events import EventForm
from gn_desktop.store.uow import Store
from gn_desktop.views.events import EventsPage
from gn_desktop.views.main_window import SECTIONS, MainWindow
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")

START = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)


def _event(store: Store, manager: str) -> str:
    with store.unit_of_work(manager) as uow:
        form = EventForm("Réunion métiers", "info_session", START, START + timedelta(hours=2), 20, ("everyone",))
        ev = events.save_event(uow, form)
        uow.commit()
    return ev


def _page(qtbot: QtBot, runner: TaskRunner, username: str) -> tuple[MainWindow, EventsPage]:
    win = open_window(qtbot, runner)
    sign_in(qtbot, win, username)
    with qtbot.waitSignal(win.events.loaded, timeout=10_000):
        win.go_to(SECTIONS.index("events"))
    return win, win.events


def test_a_campus_manager_creates_an_outreach_action(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str]
) -> None:
    win, page = _page(qtbot, runner, "resp.sdn")
    assert page.new_button.isVisibleTo(win)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    dialog.title_edit.setText("Visite du collège Jean-Moulin")
    dialog.kind.setCurrentIndex(dialog.kind.findData("school_visit"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["audiences"].isVisibleTo(dialog), timeout=10_000)
    assert dialog.errors["audiences"].text().startswith("Publics")
    dialog.audiences.set_values(["pupils"])
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.save()
    assert page.list.item(0, 0).text() == "Visite du collège Jean-Moulin"
    assert page.list.item(0, 1).text() == "Visite scolaire"
    assert page.list.item(0, 3).text() == "Collégiens et lycéens"


def test_registering_from_the_event_and_confirming_a_kiosk_sign_up(
    qtbot: QtBot,
    runner: TaskRunner,
    store: Store,
    accounts_: dict[str, str],
    add_person: Callable[..., str],
) -> None:
    awa, karim = add_person("Awa", "Diallo"), add_person("Karim", "Haddad", "1990-01-01")
    ev = _event(store, accounts_["resp.sdn"])
    with store.unit_of_work(None) as uow:
        kiosk.register_for_event(uow, ev, kiosk.EventSignUp("Karim", "Haddad", email="karim@example.org", consent=True))
        uow.commit()
    _win, page = _page(qtbot, runner, "conseil.sdn")
    assert not page.new_button.isVisible()
    assert page.list.currentRow() == 0  # the first event is selected, its sign-ups shown
    qtbot.waitUntil(lambda: page.sign_up_table.rowCount() == 1, timeout=10_000)
    assert page.sign_up_match.currentData() == karim
    with qtbot.waitSignal(page.registrations_loaded, timeout=10_000):
        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sign_up_table.rowCount() == 0, timeout=10_000)
    qtbot.keyClicks(page.person_query, "diallo")
    qtbot.keyClick(page.person_query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.person_choice.count() == 1, timeout=10_000)
    assert page.person_choice.currentData() == awa
    with qtbot.waitSignal(page.registrations_loaded, timeout=10_000):
        qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert sorted(r.person_id for r in page.registrations) == sorted([awa, karim])
    assert page.list.item(0, 4).text() == "2 / 20"


def test_registering_a_person_from_their_file(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str], add_person: Callable[..., str]
) -> None:
    awa = add_person("Awa", "Diallo")
    ev = _event(store, accounts_["resp.sdn"])
    win = open_window(qtbot, runner)
    sign_in(qtbot, win)
    page = win.person
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        win.open_person(awa)
    tab = page.referrals
    page.tabs.setCurrentWidget(tab)
    assert tab.event_choice.currentData() == ev
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        tab.event_button.click()
    with store.read_unit(None) as uow:
        assert [r.person_id for r in events.registrations(uow, ev)] == [awa]
