"""The intake wizard, by keyboard alone: search before create, inline French validation, consents, and a draft that
survives a crash (the window discarded without saving, then reopened)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gn_core.domain import enums as e
from gn_core.domain.person import PersonForm, person_problems
from gn_desktop.app import build_main_window
from gn_desktop.services import followup
from gn_desktop.store.uow import Store
from gn_desktop.views.intake import IntakePage, PersonFields
from gn_desktop.views.intake.form import person_form
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = [
    pytest.mark.usefixtures("translations"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _type(qtbot: QtBot, text: str) -> None:
    widget = _focused()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        widget = _focused()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _next(qtbot: QtBot, page: IntakePage) -> None:
    widget = _focused()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)


def _start(qtbot: QtBot, runner: TaskRunner, *, tracked: bool = True) -> MainWindow:
    """The window on the intake's first field; `tracked=False` for a window the test destroys itself (pytest-qt
    would close it again at teardown, on a deleted C++ object, if anything still held its Python wrapper)."""
    win = open_window(qtbot, runner) if tracked else build_main_window(runner, lock_after_s=600)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    sign_in(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert win.current_section() == "intake"
    qtbot.waitUntil(lambda: win.intake.fields["first_name"].hasFocus())
    return win


def test_a_full_intake_by_keyboard_alone(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str]
) -> None:
    win = _start(qtbot, runner)
    page = win.intake
    _type(qtbot, "Ines")
    _tab(qtbot)
    _type(qtbot, "Benali")
    _tab(qtbot)
    _type(qtbot, "31/02/1999")  # no such day: refused inline, in French
    with qtbot.waitSignal(page.matches_checked, timeout=5_000):
        _tab(qtbot)
    assert page.errors["birth_date"].text().startswith("Date de naissance : « 31/02/1999 » n'est pas une date valide")
    _next(qtbot, page)
    assert page.stack.currentIndex() == 0  # cannot go on with a bad date
    page.fields["birth_date"].setFocus()
    qtbot.keyClick(page.fields["birth_date"], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.matches_checked, timeout=5_000):
        _type(qtbot, "21/02/1999")
    assert page.matches.status.text() == (
        "Aucune personne inscrite ici ne correspond à ce nom et à cette date de naissance."
    )
    _next(qtbot, page)
    assert page.stack.currentIndex() == 1 and page.fields["phone"].hasFocus()
    _type(qtbot, "06 12 34 56 78")
    _tab(qtbot)
    _type(qtbot, "ines.benali@example.org")
    _next(qtbot, page)
    _next(qtbot, page)  # situation: nothing required
    _next(qtbot, page)  # barriers
    assert page.stack.currentIndex() == 4
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)  # first target job: development
    _next(qtbot, page)
    assert page.stack.currentIndex() == 5
    assert page.consents.version.text().startswith("Textes de consentement, version 2025-01")
    qtbot.keyClick(_focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.errors["consents"].text().startswith("Consentements : indiquez l'accord")
    page.consents.boxes["follow_up"].setFocus()
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    with qtbot.waitSignal(page.created, timeout=10_000) as created:
        qtbot.keyClick(_focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert created.args is not None
    person_id = created.args[0]
    qtbot.waitUntil(lambda: win.person.data is not None and win.person.data.file.id == person_id, timeout=10_000)
    assert win.current_section() == "people"
    assert win.person.name.text() == "Ines Benali"
    assert "Accueil" in win.person.step_label.text()
    assert win.person.details.text().count("06 12 34 56 78") == 1
    with store.read_unit(accounts_["conseil.sdn"]) as uow:
        file = followup.person_file(uow, person_id, followup.date.today())
        history = followup.history(uow, person_id)
    assert file.advisor_name == "Camille Martin"
    consent = next(h for h in history if h.entity == "consent")
    assert consent.fields["text_version"]["new"] == "2025-01"
    assert consent.user_name == "Camille Martin"


def test_search_before_create_shows_likely_matches_first(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], add_person: Callable[..., str]
) -> None:
    existing = add_person("Awa", "Diallo", "1998-05-02")
    win = _start(qtbot, runner)
    page = win.intake
    _type(qtbot, "awa")
    _tab(qtbot)
    _type(qtbot, "DIALO")  # one letter away
    _tab(qtbot)
    with qtbot.waitSignal(page.matches_checked, timeout=5_000, check_params_cb=lambda n: n == 1):
        _type(qtbot, "02/05/1998")
    assert page.matches.table.item(0, 0).text() == "Awa Diallo"
    assert page.matches.table.item(0, 3).text() == "nom très proche et même date de naissance"
    assert not page.next_button.isEnabled()  # no new file while a likely match is unanswered
    opened: list[str] = []
    page.open_person.connect(opened.append)
    page.matches.open_button.click()
    assert opened == [existing]
    page.confirm_new.setChecked(True)
    assert page.next_button.isEnabled()


def test_the_draft_survives_a_crash_and_is_offered_on_reopening(
    qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str]
) -> None:
    win = _start(qtbot, runner, tracked=False)
    page = win.intake
    _type(qtbot, "Karim")
    _tab(qtbot)
    with qtbot.waitSignal(page.draft_saved, timeout=5_000):
        _type(qtbot, "Haddad")
    # crash: the window is gone at once, nothing else is saved (no close event, no pending timer runs)
    shiboken6.delete(win)

    again = open_window(qtbot, runner)
    again.show()
    sign_in(qtbot, again)
    with qtbot.waitSignal(again.intake.draft_offered, timeout=5_000):
        again.new_intake()
    banner = again.intake.resume_text.text()
    assert banner.startswith("Une inscription commencée le") and "(Karim Haddad)" in banner
    qtbot.keyClick(again.intake.resume_button, Qt.Key.Key_Space)
    assert again.intake.fields["first_name"].text() == "Karim"  # type: ignore[attr-defined]
    assert again.intake.fields["last_name"].text() == "Haddad"  # type: ignore[attr-defined]


def test_intake_from_a_kiosk_pre_registration_is_prefilled(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str]
) -> None:
    from gn_desktop.store import models as m

    assert store.campus_id is not None
    with store.unit_of_work(None) as uow:
        pre = m.PreRegistration(
            campus_id=store.campus_id,
            first_name="Sami",
            last_name="Rahmani",
            birth_date=followup.date(2001, 7, 3),
            phone="+33639981234",
            job_families=["cybersecurity"],
            consent_text_version="2025-01",
        )
        uow.session.add(pre)
        uow.session.flush()
        pre_id = pre.id
        uow.commit()
    win = _start(qtbot, runner)
    with qtbot.waitSignal(win.intake.draft_saved, timeout=5_000):
        win.intake_from_pre_registration(pre_id)
    values = win.intake.values()
    assert (values["first_name"], values["last_name"], values["birth_date"]) == ("Sami", "Rahmani", "03/07/2001")
    assert values["phone"] == "+33639981234"
    assert values["job_families"] == [e.JobFamily.CYBERSECURITY.value]
    assert values["referral_source"] == "kiosk"


def test_the_person_form_shows_gn_core_messages_under_each_field(qtbot: QtBot) -> None:
    """The form re-implements no check: each error line is gn_core's message for that field, storage rules too."""
    form = PersonFields(("phone", "commune", "france_travail_id", "gender"))
    qtbot.addWidget(form)
    form.set_values({"phone": "12", "commune": "x" * 300, "france_travail_id": "1234567a", "gender": "female"})
    assert form.check() == ["phone", "commune"]
    expected = person_problems(PersonForm(phone="12"), date.today(), ["phone"])
    assert form.errors["phone"].text() == expected[0].message
    assert form.errors["commune"].text() == "Commune : valeur refusée (200 caractères au plus)."
    assert form.errors["france_travail_id"].isHidden()
    typed = person_form(form.values())
    assert (typed.gender, typed.france_travail_id, typed.birth_date) == ("female", "1234567a", None)
    form.set_values({"phone": "06 12 34 56 78"})
    assert form.check(["phone"]) == [] and form.errors["phone"].isHidden()
    assert not form.errors["commune"].isHidden()  # not checked again: still shown
