"""The home page's follow-up worklist: an item marked done (a contact today) or snoozed to a date leaves the list, and
the figure on home is the number of lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.person.tab import qdate
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")


@pytest.fixture
def people(store: Store, add_person: Callable[..., str]) -> dict[str, str]:
    """Three people not seen for 40 days, one seen yesterday."""
    ids = {
        "awa": add_person("Awa", "Diallo"),
        "karim": add_person("Karim", "Benali", "1990-01-01"),
        "lea": add_person("Léa", "Nguyen"),
        "seen": add_person("Sami", "Rahmani"),
    }
    with store.unit_of_work(None) as uow:
        for key, pid in ids.items():
            person = uow.session.get(m.Person, pid)
            assert person is not None
            days = 1 if key == "seen" else 40
            person.last_contact_on = date.today() - timedelta(days=days)
        uow.commit()
    return ids


@pytest.fixture
def win(qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], people: dict[str, str]) -> MainWindow:
    w = open_window(qtbot, runner)
    sign_in(qtbot, w)
    qtbot.waitUntil(lambda: w.home.due_table.rowCount() == 3, timeout=10_000)
    return w


def _names(win: MainWindow) -> list[str]:
    t = win.home.due_table
    return [t.item(r, 0).text() for r in range(t.rowCount())]


def test_the_worklist_lists_each_person_once_with_why(win: MainWindow) -> None:
    home = win.home
    assert sorted(_names(win)) == ["Awa Diallo", "Karim Benali", "Léa Nguyen"]
    assert {home.due_table.item(r, 1).text() for r in range(3)} == {"Sans contact depuis 30 jours"}
    assert home.due_figure.number.text() == "3"  # the figure is the number of lines
    assert not home.due_done_button.isEnabled() and not home.snooze_button.isEnabled()  # nothing selected


def test_done_records_a_contact_and_the_item_leaves(
    qtbot: QtBot, win: MainWindow, store: Store, runner: TaskRunner
) -> None:
    home = win.home
    row = _names(win).index("Karim Benali")
    home.due_table.selectRow(row)
    assert home.due_done_button.isEnabled()
    home.due_done_button.click()
    qtbot.waitUntil(lambda: "Karim Benali" not in _names(win), timeout=10_000)
    assert home.due_figure.number.text() == "2"
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)  # the store is the worker's meanwhile
    with store.read_unit(None) as uow:
        karim = next(p for p in uow.session.query(m.Person) if p.first_name == "Karim")
        assert karim.last_contact_on == date.today()


def test_snoozing_to_a_date(qtbot: QtBot, win: MainWindow, store: Store, runner: TaskRunner) -> None:
    home = win.home
    home.due_table.selectRow(_names(win).index("Léa Nguyen"))
    until = date.today() + timedelta(days=10)
    home.snooze_date.setDate(qdate(until))
    home.snooze_button.click()
    qtbot.waitUntil(lambda: "Léa Nguyen" not in _names(win), timeout=10_000)
    assert home.due_figure.number.text() == "2"
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)  # the store is the worker's meanwhile
    with store.read_unit(None) as uow:
        lea = next(p for p in uow.session.query(m.Person) if p.first_name == "Léa")
        assert lea.follow_up_snoozed_until == until
    # a date gone by is refused, said under the list
    home.due_table.selectRow(0)
    home.snooze_date.setDate(qdate(date.today()))
    home.snooze_button.click()
    qtbot.waitUntil(lambda: home.due_error.isVisibleTo(home), timeout=10_000)
    assert home.due_error.text() == "Reporter au : choisissez une date à venir."
