"""Preferences: the workspace language chosen in the menu switches at once and is remembered for the next start;
an advisor changes their own password (wrong current password said under its field; the new one then signs in)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gn_desktop import app
from gn_desktop.app import build_main_window
from gn_desktop.services import auth, preferences
from gn_desktop.store.uow import Store
from gn_desktop.views.i18n import Translations
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.tasks import TaskRunner

from .conftest import PASSWORD
from .workspace import sign_in

NEW = "nouveau-mot-de-passe"


@pytest.fixture
def win(qtbot: QtBot, runner: TaskRunner, translations: Translations, accounts_: dict[str, str]) -> MainWindow:
    w = build_main_window(runner, lock_after_s=600, translations=translations)
    qtbot.addWidget(w)
    return w


def test_the_language_is_chosen_in_the_menu_and_remembered(
    qtbot: QtBot, win: MainWindow, store: Store, runner: TaskRunner, translations: Translations
) -> None:
    prefs = win.preferences
    assert prefs.menu.title() == "&Préférences"
    assert [a.text() for a in prefs.language_menu.actions()] == ["Français", "English"]
    assert prefs.language_actions["fr"].isChecked()
    assert not prefs.password_action.isEnabled()  # nobody signed in yet
    with qtbot.waitSignal(prefs.language_changed, timeout=5_000):
        prefs.language_actions["en"].trigger()  # before signing in: the sign-in screen follows
    qtbot.waitUntil(lambda: prefs.menu.title() == "&Preferences")
    assert prefs.language_actions["en"].isChecked()
    sign_in(qtbot, win)
    assert win.navigation.item(0).text() == "Home"
    assert _saved(qtbot, runner, store) == "en"
    # the next start on this computer reads it (gn-desktop with no --lang)
    translations.set_language("fr")
    app._use_saved_language(store, translations)
    assert translations.language == "en"
    prefs.language_actions["fr"].trigger()
    qtbot.waitUntil(lambda: win.navigation.item(0).text() == "Accueil")
    assert _saved(qtbot, runner, store) == "fr"


def _saved(qtbot: QtBot, runner: TaskRunner, store: Store) -> str | None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)  # the in-memory store is the worker's meanwhile
    with store.read_unit(None) as uow:
        return preferences.workspace_language(uow)


def test_nothing_saved_keeps_the_language_given(store: Store, translations: Translations) -> None:
    app._use_saved_language(store, translations)
    assert translations.language == "fr"


def test_an_advisor_changes_their_password(qtbot: QtBot, win: MainWindow, store: Store, runner: TaskRunner) -> None:
    sign_in(qtbot, win)
    prefs = win.preferences
    assert prefs.password_action.isEnabled()
    prefs.password_action.trigger()
    dialog = prefs.password_dialog
    assert dialog is not None and dialog.windowTitle() == "Changer mon mot de passe"
    qtbot.waitUntil(dialog.isVisible)
    dialog.fields["current"].setText("pas le bon mot de passe")
    dialog.fields["new"].setText("court")
    dialog.fields["repeat"].setText("court")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.errors["current"].isVisibleTo(dialog), timeout=10_000)
    assert dialog.errors["current"].text() == "Mot de passe actuel : il est incorrect."
    assert "au moins 10 caractères" in dialog.errors["new"].text()
    assert not dialog.errors["repeat"].isVisibleTo(dialog)
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    dialog.fields["current"].setText(PASSWORD)
    dialog.fields["new"].setText(NEW)
    dialog.fields["repeat"].setText(NEW)
    with qtbot.waitSignal(prefs.password_changed, timeout=10_000):
        dialog.ok_button.click()
    assert not dialog.isVisible()
    assert win.statusBar().currentMessage() == "Votre mot de passe a été changé."
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)
    with store.unit_of_work(None) as uow:
        assert not auth.sign_in(uow, "conseil.sdn", PASSWORD).ok
        assert auth.sign_in(uow, "conseil.sdn", NEW).ok
        uow.commit()
    # locking closes the dialog: nothing typed stays behind the sign-in screen
    prefs.password_action.trigger()
    other = prefs.password_dialog
    assert other is not None
    qtbot.waitUntil(other.isVisible)
    win.lock()
    assert not other.isVisible() and not prefs.password_action.isEnabled()
