"""Issue #14's "done when": a whole follow-up walked through the advisor's window, without a command line.

Camille, an advisor, signs in and registers Inès with the intake wizard; her file opens. Camille corrects her phone,
books an appointment for now, holds it and marks it done with a note, moves her through the pathway and refers her to
a training session. Six weeks go by without news: signing in again, Camille finds Inès on the home page's worklist,
calls her and ticks the follow-up done. Inès has found a job: Camille finds her file with the search and records the
outcome. The file's history then shows every step, in the advisor's words.

Everything is done with the mouse and the keyboard on the real widgets; the test waits on the pages' signals. The only
thing done behind the window is the passing of time (the person's last contact moved six weeks back, as a clock
would, without a change of its own in the history).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from gn_core.domain import enums as e
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.person.tab import qdate
from gn_desktop.views.tasks import TaskRunner

from .workspace import click, click_row, click_tab, open_window, sign_in, type_text

pytestmark = [
    pytest.mark.usefixtures("translations", "accounts_"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]

TIMEOUT = 10_000


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value} is not offered by {combo.objectName()}"
    combo.setCurrentIndex(index)


def _texts(table: object, column: int) -> list[str]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _row_of(rows: list[tuple[str, str, str]], what: str, change: str) -> int:
    """The first history row (newest first) about `what` whose changes say `change`; -1 when none does."""
    return next((i for i, (_who, w, changes) in enumerate(rows) if w == what and change in changes), -1)


def _register(qtbot: QtBot, win: MainWindow) -> str:
    """Ctrl+N, the wizard page by page, the follow-up consent ticked, saved: the new file's id."""
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = win.intake
    assert win.current_section() == "intake"
    type_text(qtbot, page.fields["first_name"], "Inès")
    type_text(qtbot, page.fields["last_name"], "Moreau")
    with qtbot.waitSignal(page.matches_checked, timeout=TIMEOUT, check_params_cb=lambda n: n == 0):
        type_text(qtbot, page.fields["birth_date"], "14/06/2001")
    click(qtbot, page.next_button)
    type_text(qtbot, page.fields["phone"], "06 12 34 56 78")
    for _ in range(4):  # contact → situation → barriers → target jobs → consents
        click(qtbot, page.next_button)
    assert page.save_button.isVisible()
    click(qtbot, page.consents.boxes[e.ConsentPurpose.FOLLOW_UP.value])
    assert page.consents.boxes[e.ConsentPurpose.FOLLOW_UP.value].isChecked()
    with qtbot.waitSignal(page.created, timeout=TIMEOUT) as created:
        click(qtbot, page.save_button)
    assert created.args is not None
    person_id: str = created.args[0]
    qtbot.waitUntil(lambda: win.person.data is not None and win.person.data.file.id == person_id, timeout=TIMEOUT)
    assert win.person.name.text() == "Inès Moreau"
    return person_id


def _correct_the_phone(qtbot: QtBot, win: MainWindow) -> None:
    page = win.person
    click_tab(qtbot, page.tabs, page.edit)
    phone = page.edit.fields["phone"]
    assert phone.text() == "06 12 34 56 78"  # type: ignore[attr-defined]
    phone.setFocus()
    qtbot.keyClick(phone, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, phone, "07 81 22 33 44")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, page.edit.save_button)
    assert page.status.text() == "Enregistré."
    assert "07 81 22 33 44" in page.details.text()


def _hold_an_appointment_now(qtbot: QtBot, win: MainWindow) -> None:
    """Booked for this very minute (Inès is there), then marked done with a note."""
    page = win.person
    tab = page.appointments
    click_tab(qtbot, page.tabs, tab)
    now = datetime.now()
    tab.appt_when.setDateTime(QDateTime(qdate(now.date()), QTime(now.hour, now.minute)))
    type_text(qtbot, tab.appt_subject, "Premier entretien")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, tab.appt_button)
    assert _texts(tab.appointments_table, 2) == ["Premier entretien"]
    click_row(qtbot, tab.appointments_table, 0)
    assert tab.done_button.isEnabled()
    type_text(qtbot, tab.outcome_note, "Projet : développeuse web, CV à reprendre")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, tab.done_button)
    assert _texts(tab.appointments_table, 3) == ["Réalisé"]
    assert _texts(page.notes.notes_table, 2)[0].endswith(
        "(Premier entretien) — réalisé : Projet : développeuse web, CV à reprendre"
    )


def _move(qtbot: QtBot, win: MainWindow, step: e.PathwayStep, employer: str = "") -> None:
    page = win.person
    pathway = page.pathway
    click_tab(qtbot, page.tabs, pathway)
    _choose(pathway.move_target, step.value)
    if employer:
        _choose(pathway.contract_type, e.ContractType.CDI.value)
        type_text(qtbot, pathway.employer, employer)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, pathway.move_button)
    assert pathway.move_error.isHidden(), pathway.move_error.text()


def _refer_to_the_session(qtbot: QtBot, win: MainWindow) -> None:
    page = win.person
    tab = page.referrals
    click_tab(qtbot, page.tabs, tab)
    options = _texts(tab.options_table, 1)
    assert options[0] == "Développeur web"  # the session first, then the employment services
    click_row(qtbot, tab.options_table, 0)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        click(qtbot, tab.refer_button)
    assert [tab.referrals_table.item(0, c).text() for c in (0, 1, 4)] == ["Formation", "Développeur web", "Proposée"]


def _six_weeks_go_by(store: Store, runner: TaskRunner, person_id: str) -> None:
    """The clock moves on: her last contact is six weeks old. A clock's doing, not anyone's change: written beside
    the unit of work (no change capture, nothing in her history, nothing to sync)."""
    assert runner.pending == 0
    person = m.Person.__table__
    with store.engine.begin() as connection:
        connection.execute(
            update(person).where(person.c.id == person_id).values(last_contact_on=date.today() - timedelta(weeks=6))
        )


def _tick_the_follow_up_done(qtbot: QtBot, win: MainWindow) -> None:
    """Signing in again (the session was locked), the home page lists her; ticked done, she leaves the list."""
    click(qtbot, win.lock_button)
    sign_in(qtbot, win)
    home = win.home
    click_row(qtbot, win.navigation, 0)
    assert win.current_section() == "home"
    qtbot.waitUntil(lambda: home.due_table.rowCount() == 1, timeout=TIMEOUT)
    assert [home.due_table.item(0, c).text() for c in (0, 1)] == ["Inès Moreau", "Sans contact depuis 30 jours"]
    assert home.due_figure.number.text() == "1"
    click_row(qtbot, home.due_table, 0)
    click(qtbot, home.due_done_button)
    qtbot.waitUntil(lambda: home.due_table.rowCount() == 0, timeout=TIMEOUT)
    assert home.due_figure.number.text() == "0"


def _find_her(qtbot: QtBot, win: MainWindow, person_id: str) -> None:
    """Ctrl+F, her name, Enter: her file."""
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = win.search
    assert search.field.hasFocus()
    with qtbot.waitSignal(search.results_shown, timeout=TIMEOUT, check_params_cb=lambda q: q == "moreau"):
        type_text(qtbot, search.field, "moreau")
    with qtbot.waitSignal(win.person.loaded, timeout=TIMEOUT):
        qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert win.person.person_id == person_id


def test_a_whole_follow_up_through_the_window(
    qtbot: QtBot, runner: TaskRunner, store: Store, training_session: str
) -> None:
    win = open_window(qtbot, runner)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    sign_in(qtbot, win)

    person_id = _register(qtbot, win)
    _correct_the_phone(qtbot, win)
    _hold_an_appointment_now(qtbot, win)
    _move(qtbot, win, e.PathwayStep.ASSESSMENT)
    _move(qtbot, win, e.PathwayStep.ORIENTATION)
    _refer_to_the_session(qtbot, win)

    _six_weeks_go_by(store, runner, person_id)
    _tick_the_follow_up_done(qtbot, win)
    _find_her(qtbot, win, person_id)
    _move(qtbot, win, e.PathwayStep.JOB_SEARCH)
    _move(qtbot, win, e.PathwayStep.OUTCOME_HIRED, employer="Octo Numérique")
    page = win.person
    assert page.step_label.text().startswith("Étape actuelle : Sortie : emploi")

    click_tab(qtbot, page.tabs, page.history)
    table = page.history.history_table
    rows = list(zip(_texts(table, 1), _texts(table, 2), _texts(table, 3), strict=True))
    assert {who for who, _what, _changes in rows} == {"Camille Martin"}  # every step is hers, none anonymous
    today, weeks_ago, session_start = (
        day.strftime("%d/%m/%Y")
        for day in (date.today(), date.today() - timedelta(weeks=6), date.today() + timedelta(days=20))
    )
    steps = [  # what each step left in the history (the table is newest first), in the order they were done
        ("Dossier — création", "Prénom : Inès"),
        ("Consentement — création", "Finalité : Suivi du parcours"),
        ("Dossier — modification", "Téléphone : 06 12 34 56 78 → 07 81 22 33 44"),
        ("Rendez-vous — création", "Objet : Premier entretien"),
        ("Rendez-vous — modification", "Statut : Prévu → Réalisé"),
        ("Note — création", "(Premier entretien) — réalisé : Projet : développeuse web, CV à reprendre"),
        ("Dossier — modification", "Étape du parcours : Accueil → Diagnostic"),
        ("Dossier — modification", "Étape du parcours : Diagnostic → Orientation"),
        ("Orientation — création", f"Session de formation : Développeur web ({session_start})"),
        ("Dossier — modification", f"Dernier contact : {weeks_ago} → {today}"),  # the follow-up ticked done
        ("Dossier — modification", "Étape du parcours : Orientation → Recherche d'emploi"),
        ("Parcours — création", "Nouvelle étape : Sortie : emploi; Début du contrat"),
        ("Parcours — création", "Contrat : CDI; Employeur : Octo Numérique"),
        ("Dossier — modification", "Étape du parcours : Recherche d'emploi → Sortie : emploi"),
    ]
    found = [_row_of(rows, what, change) for what, change in steps]
    assert -1 not in found, [step for step, at in zip(steps, found, strict=True) if at == -1]
    assert found == sorted(found, reverse=True), "the history is not in the order of the steps"
