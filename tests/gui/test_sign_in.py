"""Offline sign-in with argon2, throttled failures, inactivity lock, and writes attributed to the signed-in advisor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gn_desktop.services import followup
from gn_desktop.store.uow import Store
from gn_desktop.views.i18n import Translations
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")


def test_nothing_is_shown_before_sign_in_and_a_good_password_opens_the_workspace(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str]
) -> None:
    win = open_window(qtbot, runner)
    assert win.screens.currentWidget() is win.sign_in_page
    assert win.sign_in_page.title.text() == "Connexion"
    assert runner.user_id is None
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # shortcuts do nothing while signed out
    assert win.screens.currentWidget() is win.sign_in_page

    sign_in(qtbot, win)
    assert win.screens.currentWidget() is win.workspace
    assert runner.user_id == accounts_["conseil.sdn"]
    assert win.user_label.text() == "Connecté : Camille Martin"
    with qtbot.waitSignal(win.home.loaded, timeout=10_000):
        pass


def test_wrong_passwords_are_refused_then_slowed_down(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str]
) -> None:
    win = open_window(qtbot, runner)
    page = win.sign_in_page
    for attempt in range(3):
        page.username.setText("conseil.sdn")
        page.password.setText(f"mauvais-{attempt}")
        with qtbot.waitSignal(page.refused, timeout=10_000) as refused:
            qtbot.keyClick(page.password, Qt.Key.Key_Return)
        assert refused.args is not None
        assert refused.args[0].startswith("Identifiant ou mot de passe incorrect.")
    assert "réessayez dans 5 s" in page.message.text()
    assert not page.button.isEnabled()  # the next attempt must wait
    assert page.message.isVisible() or page.message.text()
    assert win.screens.currentWidget() is win.sign_in_page
    assert runner.user_id is None


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_inactivity_locks_and_the_same_advisor_finds_their_work_again(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], add_person: Callable[..., str]
) -> None:
    person = add_person("Awa", "Diallo")
    win = open_window(qtbot, runner, lock_after_s=0.4)
    win.show()
    sign_in(qtbot, win)
    win.open_person(person)
    with qtbot.waitSignal(win.locked, timeout=5_000):
        pass  # no input for 0.4 s
    assert win.screens.currentWidget() is win.sign_in_page
    assert win.sign_in_page.title.text() == "Session verrouillée"
    assert win.sign_in_page.username.text() == "conseil.sdn"
    assert runner.user_id is None
    win.inactivity.set_timeout(600)
    sign_in(qtbot, win)
    assert win.people.currentWidget() is win.person
    assert win.person.person_id == person


def test_another_advisor_signing_in_after_a_lock_gets_a_fresh_workspace(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], add_person: Callable[..., str]
) -> None:
    person = add_person("Awa", "Diallo")
    win = open_window(qtbot, runner)
    sign_in(qtbot, win)
    win.open_person(person)
    win.lock()
    sign_in(qtbot, win, "conseil2.sdn")
    assert runner.user_id == accounts_["conseil2.sdn"]
    assert win.current_section() == "home"
    assert win.person.person_id is None


def test_a_note_is_attributed_to_the_signed_in_advisor(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str], add_person: Callable[..., str]
) -> None:
    person = add_person("Awa", "Diallo")
    win = open_window(qtbot, runner)
    sign_in(qtbot, win, "conseil2.sdn")
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        win.open_person(person)
    win.person.tabs.setCurrentIndex(1)
    qtbot.keyClicks(win.person.notes.note_text, "Premier entretien : projet en cybersecurite.")
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        win.person.notes.note_button.click()
    assert win.person.notes.notes_table.item(0, 1).text() == "Hugo Lefèvre"
    with store.read_unit(accounts_["conseil2.sdn"]) as uow:
        notes = followup.notes(uow, person)
        history = followup.history(uow, person)
    assert notes[0].author_name == "Hugo Lefèvre"
    assert [h.user_name for h in history if h.entity == "note"] == ["Hugo Lefèvre"]


def test_sign_in_in_english(
    qtbot: QtBot, runner: TaskRunner, translations: Translations, accounts_: dict[str, str]
) -> None:
    translations.set_language("en")
    win = open_window(qtbot, runner)
    assert win.sign_in_page.title.text() == "Sign in"
    assert win.sign_in_page.button.text() == "Sign &in"


def test_when_the_campus_data_comes_whole_from_hq_the_advisor_carries_on_if_their_account_is_in_it(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str]
) -> None:
    win = open_window(qtbot, runner)
    sign_in(qtbot, win)
    with qtbot.waitSignal(win.home.loaded, timeout=10_000):  # every view reloads
        runner.replaced()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)  # the account was looked up
    assert win.screens.currentWidget() is win.workspace
    assert runner.user_id == accounts_["conseil.sdn"]


def test_when_the_campus_data_comes_whole_from_hq_without_the_advisors_account_they_sign_in_again(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str]
) -> None:
    from gn_desktop.store import models as m

    win = open_window(qtbot, runner)
    sign_in(qtbot, win)

    def without_the_account(uow: Any) -> None:  # the data HQ sent has no such account
        with uow.as_reference():
            uow.session.delete(uow.session.get(m.User, accounts_["conseil.sdn"]))

    done: list[object] = []
    runner.run(without_the_account, on_done=done.append, on_error=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [None]
    with qtbot.waitSignal(win.locked, timeout=10_000):
        runner.replaced()
    assert win.screens.currentWidget() is win.sign_in_page
    assert runner.user_id is None
    assert win.sign_in_page.title.text() == "Connexion"
    assert win.sign_in_page.message.text() == (
        "Les données du campus ont été reçues du siège et votre compte n'y figure pas : connectez-vous avec votre "
        "compte de ce campus."
    )
