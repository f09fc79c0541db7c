"""The startups page: a new startup needs its founder (found by name); its SIRET is checked and its ZFU zone shown
from its commune; a co-founder and a support action are added; the startup shows in the founder's file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gn_desktop.services import startups
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import SECTIONS
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations", "accounts_")


def test_a_startup_followed_from_its_founders(
    qtbot: QtBot, runner: TaskRunner, store: Store, add_person: Callable[..., str]
) -> None:
    awa, karim = add_person("Awa", "Diallo"), add_person("Karim", "Haddad", "1990-01-01")
    win = open_window(qtbot, runner)
    sign_in(qtbot, win)
    page = win.startups
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        win.go_to(SECTIONS.index("startups"))
    assert page.file is None and page.file_title.text() == "Nouvelle entreprise"
    page.name.setText("DataCité")
    page.siret.setText("123")
    page.commune.setCurrentIndex(page.commune.findData("93055"))  # Pantin
    page.save()
    qtbot.waitUntil(lambda: page.errors["siret"].isVisibleTo(page), timeout=10_000)
    assert page.errors["siret"].text().startswith("SIRET")
    assert page.founder_error.text().startswith("Fondateur")
    page.siret.setText("732 829 320 00074")
    qtbot.keyClicks(page.founder_query, "diallo")
    qtbot.keyClick(page.founder_query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.founder_choice.count() == 1, timeout=10_000)
    with qtbot.waitSignal(page.file_loaded, timeout=10_000):
        page.save()
    assert page.file is not None and page.file.founders == [(awa, "Awa Diallo")]
    assert page.zfu.text().startswith("Pantin")
    page.founder_query.clear()
    qtbot.keyClicks(page.founder_query, "haddad")
    qtbot.keyClick(page.founder_query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.founder_choice.currentData() == karim, timeout=10_000)
    with qtbot.waitSignal(page.file_loaded, timeout=10_000):
        page.add_founder_button.click()
    qtbot.keyClicks(page.action_title, "Atelier business plan")
    with qtbot.waitSignal(page.file_loaded, timeout=10_000):
        page.add_action_button.click()
    assert page.actions_table.rowCount() == 1 and page.actions_table.item(0, 1).text() == "Atelier business plan"
    assert page.list.item(0, 2).text() == "Awa Diallo, Karim Haddad"
    with store.read_unit(None) as uow:
        assert [s.name for s in startups.list_startups(uow, person_id=karim)] == ["DataCité"]
    person = win.person
    with qtbot.waitSignal(person.loaded, timeout=10_000):
        win.open_person(karim)
    assert person.pathway.startups_label.text() == "Entreprises fondées : DataCité (Idée)"
