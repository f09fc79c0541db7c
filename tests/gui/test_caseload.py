"""The People page's caseload: "my people" with nothing typed, by step and last contact; a campus manager selects
several people and hands them over to another advisor ("Réaffecter…"), an advisor has no such button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from gn_core.domain import enums as e
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")


@pytest.fixture
def people(store: Store, add_person: Callable[..., str], accounts_: dict[str, str]) -> dict[str, str]:
    """Camille follows Awa (seen lately), Karim and Léa (not seen for 45 days, job search); Hugo follows Jean."""
    ids = {
        "awa": add_person("Awa", "Diallo"),
        "karim": add_person("Karim", "Benali", "1990-01-01"),
        "lea": add_person("Léa", "Nguyen"),
        "jean": add_person("Jean", "Martin"),
    }
    camille, hugo = accounts_["conseil.sdn"], accounts_["conseil2.sdn"]
    with store.unit_of_work(None) as uow:
        for key, pid in ids.items():
            person = uow.session.get(m.Person, pid)
            assert person is not None
            person.advisor_id = hugo if key == "jean" else camille
            person.last_contact_on = date.today() - timedelta(days=2 if key == "awa" else 45)
            if key in ("karim", "lea"):
                person.pathway_step = e.PathwayStep.JOB_SEARCH
        uow.commit()
    return ids


def _window(qtbot: QtBot, runner: TaskRunner, username: str) -> MainWindow:
    w = open_window(qtbot, runner)
    sign_in(qtbot, w, username)
    w.find_person()
    return w


def _names(win: MainWindow) -> list[str]:
    model = win.search.model
    return [f"{model.index(r, 1).data()} {model.index(r, 0).data()}" for r in range(model.rowCount())]


def test_my_people_by_step_and_last_contact(qtbot: QtBot, runner: TaskRunner, people: dict[str, str]) -> None:
    win = _window(qtbot, runner, "conseil.sdn")
    page = win.search
    assert page.status.text() == "Tapez au moins une lettre ou un chiffre, ou choisissez un filtre."
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.filters.mine.click()
    assert _names(win) == ["Karim Benali", "Awa Diallo", "Léa Nguyen"]
    assert page.status.text() == "3 personnes dans cette liste"
    assert page.model.index(0, 6).data() == "Camille Martin"  # the referent advisor's column
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.filters.contact.setCurrentIndex(page.filters.contact.findData(30))
    assert _names(win) == ["Karim Benali", "Léa Nguyen"]
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.filters.step.setCurrentIndex(page.filters.step.findData(e.PathwayStep.WELCOME.value))
    assert _names(win) == []
    assert page.status.text() == "Personne dans cette liste."
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.filters.set_filters(mine=True)
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.search_now("nguy")  # the filters narrow what is typed
    assert _names(win) == ["Léa Nguyen"]
    assert page.filters.contact.currentText() == "Peu importe"
    assert not page.reassign_button.isVisible() and page.reassign_button.isHidden()  # advisors do not reassign


def test_a_manager_reassigns_several_people(
    qtbot: QtBot, runner: TaskRunner, people: dict[str, str], store: Store, accounts_: dict[str, str]
) -> None:
    win = _window(qtbot, runner, "resp.sdn")
    page = win.search
    assert not page.reassign_button.isHidden()
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        page.filters.set_filters(no_contact_days=30)
    assert _names(win) == ["Karim Benali", "Jean Martin", "Léa Nguyen"]
    assert page.selected_ids() == [people["karim"]]  # the first row is selected with the answer
    page.view.clearSelection()
    assert not page.reassign_button.isEnabled()  # nothing selected
    selection = page.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2):
        selection.select(page.model.index(row, 0), flags)
    assert page.selected_ids() == [people["karim"], people["lea"]]
    assert page.reassign_button.isEnabled()
    page.reassign_button.click()
    qtbot.waitUntil(lambda: page.reassign_dialog is not None and page.reassign_dialog.isVisible(), timeout=5_000)
    dialog = page.reassign_dialog
    assert dialog is not None
    assert dialog.intro.text() == "Confier les 2 personnes sélectionnées à :"
    choices = [dialog.advisor.itemText(i) for i in range(dialog.advisor.count())]
    assert choices == [
        "Camille Martin — Conseiller, 3 personnes",
        "Hugo Lefèvre — Conseiller, 1 personne",
        "Nadia Benali — Responsable de campus, 0 personne",
    ]
    dialog.advisor.setCurrentIndex(1)
    with qtbot.waitSignal(page.results_shown, timeout=10_000):
        dialog.accept()
    assert page.status.text().startswith("2 personnes réaffectées.")
    assert [page.model.index(r, 6).data() for r in range(3)] == ["Hugo Lefèvre"] * 3
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)  # the store is the worker's meanwhile
    with store.read_unit(None) as uow:
        hugo = accounts_["conseil2.sdn"]
        assert {p.id for p in uow.session.query(m.Person).filter(m.Person.advisor_id == hugo)} == {
            people["karim"],
            people["lea"],
            people["jean"],
        }
