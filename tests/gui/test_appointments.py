"""Appointments in a person's file: marked done or missed with a note (into the follow-up notes), cancelled, moved;
the home page's day list and worklist follow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDateTime, QTime
from pytestqt.qtbot import QtBot

from gn_desktop.services import followup
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.person.tab import qdate
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")

TODAY_9 = datetime.combine(date.today(), time(9, 0)).astimezone(UTC)


@pytest.fixture
def person(add_person: Callable[..., str]) -> str:
    return add_person("Awa", "Diallo")


def _book(store: Store, person: str, at: datetime, subject: str = "Bilan") -> str:
    with store.unit_of_work(None) as uow:
        aid = followup.book_appointment(uow, person, at, subject=subject)
        uow.commit()
    return aid


@pytest.fixture
def win(qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], person: str, store: Store) -> MainWindow:
    _book(store, person, TODAY_9)
    _book(store, person, TODAY_9 + timedelta(days=7), subject="Atelier CV")
    w = open_window(qtbot, runner)
    sign_in(qtbot, w)
    with qtbot.waitSignal(w.person.loaded, timeout=10_000):
        w.open_person(person)
    w.person.tabs.setCurrentIndex(2)
    return w


def _row(win: MainWindow, subject: str) -> int:
    t = win.person.appointments.appointments_table
    return next(r for r in range(t.rowCount()) if t.item(r, 2).text() == subject)


def _select(win: MainWindow, subject: str) -> None:
    win.person.appointments.appointments_table.selectRow(_row(win, subject))


def _status(win: MainWindow, subject: str) -> str:
    return win.person.appointments.appointments_table.item(_row(win, subject), 3).text()


def test_marking_missed_with_a_note_goes_to_the_notes_and_the_worklist(qtbot: QtBot, win: MainWindow) -> None:
    tab = win.person.appointments
    assert not tab.done_button.isEnabled()  # nothing selected yet
    assert tab.selected_box.title() == "Rendez-vous sélectionné : choisissez-en un dans la liste"
    _select(win, "Bilan")
    assert tab.selected_box.title().endswith("— Bilan")
    assert tab.done_button.isEnabled() and tab.missed_button.isEnabled() and tab.cancel_button.isEnabled()
    tab.outcome_note.setText("Ne répond pas au téléphone")
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        tab.missed_button.click()
    assert _status(win, "Bilan") == "Absent"
    assert tab.outcome_note.text() == ""
    assert tab.selected() is not None and tab.selected().subject == "Bilan"  # type: ignore[union-attr]
    assert not tab.missed_button.isEnabled() and tab.done_button.isEnabled()  # a correction stays possible
    assert not tab.move_button.isEnabled()
    notes = win.person.notes.notes_table
    assert notes.item(0, 2).text().startswith("Rendez-vous du ")
    assert notes.item(0, 2).text().endswith("(Bilan) — absent : Ne répond pas au téléphone")
    assert win.person.tabs.tabText(1) == "&Notes (1)"
    # with next week's appointment cancelled, nothing is planned after the missed one: the worklist has the person
    _select(win, "Atelier CV")
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: _status(win, "Atelier CV") == "Annulé", timeout=10_000)
    win.go_to(0)
    home = win.home
    home.reload()
    qtbot.waitUntil(lambda: home.appointments_table.item(0, 3).text() == "Absent", timeout=10_000)
    # enrolled long ago and not seen since, but the missed appointment comes first
    assert home.due_table.rowCount() == 1
    assert [home.due_table.item(0, c).text() for c in (0, 1)] == ["Awa Diallo", "Rendez-vous manqué"]
    assert home.due_figure.number.text() == "1"


def test_marking_done_and_a_future_one_cannot_be_yet(qtbot: QtBot, win: MainWindow) -> None:
    tab = win.person.appointments
    _select(win, "Atelier CV")
    assert not tab.done_button.isEnabled() and not tab.missed_button.isEnabled()  # in a week
    assert tab.cancel_button.isEnabled() and tab.move_button.isEnabled()
    _select(win, "Bilan")
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        tab.done_button.click()
    assert _status(win, "Bilan") == "Réalisé"
    assert win.person.notes.notes_table.rowCount() == 0  # no note typed, no note added


def test_moving_and_cancelling(qtbot: QtBot, win: MainWindow, store: Store, person: str, runner: TaskRunner) -> None:
    tab = win.person.appointments
    _select(win, "Atelier CV")
    later = date.today() + timedelta(days=9)
    tab.move_when.setDateTime(QDateTime(qdate(later), QTime(15, 30)))
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        tab.move_button.click()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)  # the store is the worker's meanwhile
    with store.read_unit(None) as uow:
        moved = next(a for a in followup.appointments(uow, person) if a.subject == "Atelier CV")
    assert moved.starts_at.astimezone().date() == later
    assert (moved.starts_at.astimezone().hour, moved.starts_at.astimezone().minute) == (15, 30)
    # cancelling today's appointment takes it off the home page's day list and count
    win.go_to(0)
    qtbot.waitUntil(lambda: win.home.appointments.number.text() == "1")
    win.open_person(person)
    win.person.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: win.person.appointments.appointments_table.rowCount() == 2)
    _select(win, "Bilan")
    tab.outcome_note.setText("Reporté à sa demande")
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: _status(win, "Bilan") == "Annulé", timeout=10_000)
    assert not any(b.isEnabled() for b in (tab.done_button, tab.missed_button, tab.cancel_button, tab.move_button))
    win.go_to(0)
    qtbot.waitUntil(lambda: win.home.appointments.number.text() == "0")
    assert win.home.appointments_table.rowCount() == 0


def test_a_refused_move_says_why_under_the_selected_appointment(qtbot: QtBot, win: MainWindow) -> None:
    tab = win.person.appointments
    _select(win, "Atelier CV")
    tab.move_when.setDateTime(QDateTime(qdate(date.today() - timedelta(days=3)), QTime(9, 0)))
    with qtbot.waitSignal(win.person.failed, timeout=10_000):
        tab.move_button.click()
    assert tab.selected_error.text() == "Rendez-vous : la date est passée. Choisissez une date à venir."
    assert tab.selected_error.isVisibleTo(tab)
