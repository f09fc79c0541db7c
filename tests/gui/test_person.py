"""A person's file: moving through the pathway (and a refused move with the state machine's French reason), an
outcome with its contract, a referral to a programme session in two clicks, appointments and history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from gn_core.domain import enums as e
from gn_desktop.services import followup
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import MainWindow
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


def _choose_target(win: MainWindow, step: e.PathwayStep) -> None:
    combo = win.person.pathway.move_target
    combo.setCurrentIndex(combo.findData(step.value))


def test_header_and_a_refused_move_shows_the_reason(qtbot: QtBot, win: MainWindow) -> None:
    page = win.person
    pathway = page.pathway
    assert page.name.text() == "Awa Diallo"
    assert "Campus Saint-Denis" in page.details.text()
    assert page.step_label.text().startswith("Étape actuelle : Accueil")
    assert pathway.move_target.itemText(0) == "Diagnostic"  # allowed moves first
    _choose_target(win, e.PathwayStep.TRAINING_IN_PROGRESS)
    assert "impossible depuis cette étape" in pathway.move_target.currentText()
    with qtbot.waitSignal(page.failed, timeout=5_000):
        pathway.move_button.click()
    assert pathway.move_error.text().startswith("Impossible de passer de « Accueil » à « Formation : en cours »")
    assert "Étapes possibles depuis « Accueil »" in pathway.move_error.text()


def test_advancing_the_pathway_updates_the_timeline_with_who(
    qtbot: QtBot, win: MainWindow, store: Store, person: str
) -> None:
    page = win.person
    pathway = page.pathway
    pathway.move_date.setDate(QDate.currentDate())
    _choose_target(win, e.PathwayStep.ASSESSMENT)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pathway.move_button.click()
    assert page.step_label.text().startswith("Étape actuelle : Diagnostic")
    assert [pathway.timeline.item(0, c).text() for c in (1, 2, 3)] == ["Accueil", "Diagnostic", "Camille Martin"]
    assert not pathway.move_error.isVisibleTo(page)


def test_an_outcome_records_the_contract(qtbot: QtBot, win: MainWindow, store: Store, person: str) -> None:
    with store.unit_of_work(None) as uow:
        for step in (e.PathwayStep.ASSESSMENT, e.PathwayStep.ORIENTATION, e.PathwayStep.JOB_SEARCH):
            followup.advance_pathway(uow, person, step, date.today())
        uow.commit()
    page = win.person
    pathway = page.pathway
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    _choose_target(win, e.PathwayStep.OUTCOME_HIRED)
    assert pathway.employer.isVisibleTo(pathway.move_box) or pathway.move_form.isRowVisible(pathway.employer)
    with qtbot.waitSignal(page.failed, timeout=5_000):
        pathway.move_button.click()  # no employer yet
    assert pathway.move_error.text() == "Pour passer à « Sortie : emploi », indiquez l'employeur."
    pathway.contract_type.setCurrentIndex(pathway.contract_type.findData(e.ContractType.CDI.value))
    pathway.employer.setText("Octo Numérique")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pathway.move_button.click()
    assert page.step_label.text().startswith("Étape actuelle : Sortie : emploi")
    assert pathway.timeline.item(0, 4).text().startswith("CDI chez Octo Numérique")


def test_referring_to_an_employment_service(qtbot: QtBot, win: MainWindow, person: str) -> None:
    page = win.person
    tab = page.referrals
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    page.tabs.setCurrentIndex(3)
    rows = {tab.options_table.item(r, 1).text(): r for r in range(tab.options_table.rowCount())}
    tab.options_table.selectRow(rows["Cap Emploi 93"])
    assert tab.options_table.item(rows["Cap Emploi 93"], 0).text() == "Cap Emploi"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        tab.refer_button.click()
    assert [tab.referrals_table.item(0, c).text() for c in (0, 1, 4)] == ["Cap Emploi", "Cap Emploi 93", "Proposée"]


@pytest.mark.usefixtures("training_session")
def test_referring_to_a_session_takes_two_clicks(qtbot: QtBot, win: MainWindow) -> None:
    page = win.person
    tab = page.referrals
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    page.tabs.setCurrentIndex(3)
    assert tab.options_table.item(0, 1).text() == "Développeur web"
    assert tab.options_table.item(0, 4).text() == "12 places restantes"
    tab.options_table.selectRow(0)  # click 1
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        tab.refer_button.click()  # click 2
    assert tab.referrals_table.rowCount() == 1
    assert [tab.referrals_table.item(0, c).text() for c in (0, 1, 4)] == ["Formation", "Développeur web", "Proposée"]
    assert page.tabs.tabText(3) == "&Orientations (1)"
    tab.referrals_table.selectRow(0)
    tab.referral_status.setCurrentIndex(tab.referral_status.findData(e.ReferralStatus.SENT.value))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        tab.referral_status_button.click()
    assert tab.referrals_table.item(0, 4).text() == "Envoyée"
    assert tab.options_table.item(0, 4).text() == "12 places restantes"  # sent: no place taken until accepted
    tab.referrals_table.selectRow(0)
    tab.referral_status.setCurrentIndex(tab.referral_status.findData(e.ReferralStatus.ACCEPTED.value))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        tab.referral_status_button.click()
    assert tab.options_table.item(0, 4).text() == "11 places restantes"
    page.tabs.setCurrentWidget(page.history)
    history = page.history.history_table
    assert any("Orientation" in history.item(r, 2).text() for r in range(history.rowCount()))
    changes = [history.item(r, 3).text() for r in range(history.rowCount())]
    # the advisor reads field names and values, not column names and codes
    assert "Statut : Proposée → Envoyée" in changes
    assert any("Base légale : Consentement" in text for text in changes)
    assert not any(raw in text for text in changes for raw in ("status", "legal_basis", "_id", "public_interest"))


def test_opening_a_file_records_its_sensitive_reads_once_and_its_reloads_nothing(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], store: Store, add_person: Callable[..., str]
) -> None:
    """The audit trail (services.audit): a restricted note shown when the file opens is recorded once; the reload
    after each edit records nothing; opening the file again is a new reading."""
    from sqlalchemy import select

    from gn_desktop.store import models as m

    pid = add_person("Karim", "Haddad")
    with store.unit_of_work(accounts_["conseil.sdn"]) as uow:
        followup.add_note(uow, pid, "Dossier MDPH en cours", restricted=True)
        uow.commit()

    def events() -> list[tuple[str, str | None]]:
        with store.reading() as s:
            return [(a.value, p) for a, p in s.execute(select(m.AuditEvent.action, m.AuditEvent.person_id)).all()]

    w = open_window(qtbot, runner)
    sign_in(qtbot, w)  # the note's author: they read it
    page = w.person
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        w.open_person(pid)
    assert events() == [("restricted_note_read", pid)]
    page.pathway.move_date.setDate(QDate.currentDate())
    _choose_target(w, e.PathwayStep.ASSESSMENT)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.pathway.move_button.click()  # saved, then the file reloads
    assert events() == [("restricted_note_read", pid)]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        w.open_person(pid)
    assert events() == [("restricted_note_read", pid)] * 2
