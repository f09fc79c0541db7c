"""Sharing or transferring a file from the person's page: the other campus from the network's list, the person's
consent required (and noted in the file), a share queued for the next synchronisation, a transfer changing who follows
the person."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.person.move import MoveDialog
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")


@pytest.fixture
def person(add_person: Callable[..., str]) -> str:
    return add_person("Awa", "Diallo")


@pytest.fixture
def win(qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], person: str) -> MainWindow:
    w = open_window(qtbot, runner)
    sign_in(qtbot, w)
    with qtbot.waitSignal(w.person.loaded, timeout=10_000):
        w.open_person(person)
    return w


def _dialog(qtbot: QtBot, win: MainWindow, campus: str) -> MoveDialog:
    assert not win.person.move_button.isHidden()
    win.person.move_button.click()
    dialog = win.person.move_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.campus.count() > 0, timeout=10_000)
    labels = [dialog.campus.itemText(i) for i in range(dialog.campus.count())]
    assert not any("(SDN)" in text for text in labels)  # never its own campus
    dialog.campus.setCurrentIndex(next(i for i, text in enumerate(labels) if f"({campus})" in text))
    assert not dialog.confirm.isEnabled()  # not before the person agreed
    dialog.consent.click()
    assert dialog.confirm.isEnabled()
    return dialog


def test_a_share_waits_for_the_sync_and_the_consent_is_noted(
    qtbot: QtBot, win: MainWindow, runner: TaskRunner, store: Store, person: str
) -> None:
    dialog = _dialog(qtbot, win, "AUB")
    with qtbot.waitSignal(dialog.moved, timeout=10_000):
        dialog.confirm.click()
    qtbot.waitUntil(lambda: "partagé" in win.person.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)  # the file read again
    with store.reading() as s:
        shares = s.execute(
            select(m.PendingShare.person_id, m.Campus.code).join(m.Campus, m.Campus.id == m.PendingShare.campus_id)
        ).all()
        notes = list(s.scalars(select(m.Note.body).where(m.Note.person_id == person)))
    assert shares == [(person, "AUB")]
    assert any("partagé avec le campus" in n and "accord de la personne" in n for n in notes)


def test_a_transfer_changes_the_campus_that_follows_the_person(
    qtbot: QtBot, win: MainWindow, runner: TaskRunner, store: Store, person: str
) -> None:
    dialog = _dialog(qtbot, win, "AUB")
    dialog.transfer.click()
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        dialog.confirm.click()
    assert "Aubervilliers" in win.person.details.text()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    with store.reading() as s:
        moved = s.get(m.Person, person)
        assert moved is not None
        aub = s.scalar(select(m.Campus.id).where(m.Campus.code == "AUB"))
    assert moved.campus_id == aub and moved.advisor_id is None
