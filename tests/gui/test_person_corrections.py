"""Correcting and completing a person's file, as an advisor or a campus manager does it: their details (the intake's
checks, a confirmation before changing their identity, a change made meanwhile shown and never overwritten), their
consents, their RQTH decision (the tab exists only for the roles allowed to read it), the export of their data for
them and their erasure."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_core.domain import erasure as erasure_rules
from gn_desktop.services import accounts, consents, followup, intake
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.person.rqth import RqthTab
from gn_desktop.views.tasks import TaskRunner

from .conftest import PASSWORD, TODAY
from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")


@pytest.fixture
def person(store: Store) -> str:
    assert store.campus_id is not None
    with store.unit_of_work(None) as uow:
        pid = intake.create_person(
            uow,
            intake.PersonForm(first_name="Awa", last_name="Diallo", birth_date="02/05/1998", phone="0612345678"),
            [intake.ConsentInput(purpose="follow_up"), intake.ConsentInput(purpose="contact_by_sms")],
            campus_id=store.campus_id,
            today=TODAY,
        )
        uow.commit()
    return pid


def _open(qtbot: QtBot, runner: TaskRunner, person: str, username: str = "conseil.sdn") -> MainWindow:
    win = open_window(qtbot, runner)
    sign_in(qtbot, win, username)
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        win.open_person(person)
    return win


@pytest.fixture
def win(qtbot: QtBot, runner: TaskRunner, accounts_: dict[str, str], person: str) -> MainWindow:
    return _open(qtbot, runner, person)


def _type(qtbot: QtBot, win: MainWindow, name: str, text: str) -> None:
    line = win.person.edit.fields[name]
    line.clear()
    qtbot.keyClicks(line, text)


def _history(win: MainWindow) -> list[tuple[str, str, str]]:
    table = win.person.history.history_table
    return [tuple(table.item(r, c).text() for c in (1, 2, 3)) for r in range(table.rowCount())]


# -- details ---------------------------------------------------------------------------------------------------------


def test_an_advisor_corrects_the_phone_and_the_history_shows_it_readably(
    qtbot: QtBot, win: MainWindow, store: Store, person: str
) -> None:
    page = win.person
    page.tabs.setCurrentWidget(page.edit)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "&Identité et situation"
    assert page.edit.fields["phone"].text() == "06 12 34 56 78"
    assert not page.edit.save_button.isEnabled()
    _type(qtbot, win, "phone", "07 81 22 33 44")
    page.edit.fields["situation"].setCurrentIndex(page.edit.fields["situation"].findData("employee"))
    assert page.edit.save_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.edit.save_button.click()
    assert page.status.text() == "Enregistré."
    assert "07 81 22 33 44" in page.details.text()
    assert not page.edit.dirty and page.edit.fields["phone"].text() == "07 81 22 33 44"
    with store.reading() as s:
        stored = s.get(m.Person, person)
        assert stored is not None and stored.phone == "+33781223344" and stored.situation == e.Situation.EMPLOYEE
    who, what, changes = _history(win)[0]
    assert (who, what) == ("Camille Martin", "Dossier — modification")
    assert "Téléphone : 06 12 34 56 78 → 07 81 22 33 44" in changes
    assert changes.endswith("; Situation : Salarié")


def test_a_bad_value_is_refused_under_its_field_with_the_intake_message(
    qtbot: QtBot, win: MainWindow, store: Store, person: str
) -> None:
    page = win.person
    _type(qtbot, win, "phone", "12")
    _type(qtbot, win, "email", "pas-un-email")
    page.edit.save_button.click()
    errors = page.edit.groups[0].errors
    assert errors["phone"].text().startswith("Téléphone : « 12 » n'est pas un numéro valide")
    assert errors["email"].text().startswith("E-mail")
    assert page.edit.error.text() == "Certains champs sont à corriger : voyez les messages en dessous."
    with store.reading() as s:
        stored = s.get(m.Person, person)
        assert stored is not None and stored.phone == "+33612345678"


def test_changing_the_identity_asks_for_a_confirmation(
    qtbot: QtBot, win: MainWindow, store: Store, person: str
) -> None:
    edit = win.person.edit
    _type(qtbot, win, "last_name", "Diallo-Sy")
    _type(qtbot, win, "birth_date", "02/05/1997")
    edit.save_button.click()
    box = edit.identity_box
    assert box is not None and box.isVisible()
    assert "Nom : Diallo → Diallo-Sy" in box.text() and "Date de naissance : 02/05/1998 → 02/05/1997" in box.text()
    cancel = next(b for b in box.buttons() if b is not edit.identity_confirm)
    cancel.click()
    assert edit.identity_box is None and edit.dirty  # nothing saved, the corrections stay in the form
    with store.reading() as s:
        stored = s.get(m.Person, person)
        assert stored is not None and stored.last_name == "Diallo"
    edit.save_button.click()
    assert edit.identity_confirm is not None
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        edit.identity_confirm.click()
    assert win.person.name.text() == "Awa Diallo-Sy"
    with store.reading() as s:
        stored = s.get(m.Person, person)
        assert stored is not None and stored.birth_date == date(1997, 5, 2)


def test_a_change_from_another_computer_is_shown_not_overwritten(
    qtbot: QtBot, win: MainWindow, store: Store, person: str, accounts_: dict[str, str]
) -> None:
    edit = win.person.edit
    _type(qtbot, win, "phone", "06 00 00 00 01")
    _type(qtbot, win, "email", "awa@example.org")
    # meanwhile another PC's change arrives (received by the synchronisation: another unit of work)
    with store.unit_of_work(accounts_["conseil2.sdn"]) as uow:
        base = intake.editable_person(uow, person)
        intake.update_person(
            uow, person, intake.PersonForm(**(base.values | {"phone": "07 99 88 77 66", "situation": "student"})), TODAY
        )
        uow.commit()
    with qtbot.waitSignal(win.person.failed, timeout=10_000):
        edit.save_button.click()
    notice = edit.notice.text()
    assert edit.notice.isVisibleTo(edit) and "Rien n'a été enregistré" in notice
    assert "Téléphone : désormais 07 99 88 77 66 (vous aviez saisi : 06 00 00 00 01)" in notice
    assert "Situation : désormais Étudiant" in notice
    values = edit.values()
    assert values["phone"] == "07 99 88 77 66" and values["situation"] == "student"
    assert values["email"] == "awa@example.org"  # the advisor's other correction is kept
    with store.reading() as s:
        stored = s.get(m.Person, person)
        assert stored is not None and stored.phone == "+33799887766" and stored.email is None
    with qtbot.waitSignal(win.person.loaded, timeout=10_000):
        edit.save_button.click()  # saved again on the new values: it goes through
    assert not edit.notice.isVisibleTo(edit)
    with store.reading() as s:
        stored = s.get(m.Person, person)
        assert stored is not None and stored.phone == "+33799887766" and stored.email == "awa@example.org"


# -- consents --------------------------------------------------------------------------------------------------------


def test_a_consent_is_withdrawn_with_its_effect_explained_and_given_again(
    qtbot: QtBot, win: MainWindow, store: Store, person: str
) -> None:
    page = win.person
    tab = page.consents
    page.tabs.setCurrentWidget(tab)
    table = tab.consents_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())][:3] == [
        "Suivi du parcours",
        "Partage avec les partenaires",
        "Contact par SMS",
    ]
    assert [table.item(0, c).text() for c in range(4)] == ["Suivi du parcours", "Donné", "Consentement", "2025-01"]
    assert table.item(1, 1).text() == "Non donné"
    tab.select(e.ConsentPurpose.CONTACT_BY_SMS)
    tab.withdraw_button.click()
    assert tab.dialog is not None and "ni rappel de rendez-vous" in tab.dialog.body.text()
    tab.dialog.cancel.click()
    tab.select(e.ConsentPurpose.FOLLOW_UP)
    tab.withdraw_button.click()
    dialog = tab.dialog
    assert dialog is not None and "ne peut plus être accompagnée" in dialog.body.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.ok.click()
    assert table.item(0, 1).text() == "Retiré" and table.item(0, 5).text() != ""
    assert page.consent_alert.isVisibleTo(page)
    assert page.consent_alert.text().startswith("Consentement au suivi retiré le ")
    assert not tab.withdraw_button.isEnabled() and tab.give_button.isEnabled()
    tab.give_button.click()
    assert tab.dialog is not None and "version 2025-01" in tab.dialog.body.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        tab.dialog.ok.click()
    assert table.item(0, 1).text() == "Donné" and table.item(0, 5).text() == ""
    assert not page.consent_alert.isVisibleTo(page)
    assert "1 enregistrement antérieur" in tab.text.text()
    with store.read_unit(None) as uow:
        records = [c for c in consents.consents_of(uow, person) if c.purpose == e.ConsentPurpose.FOLLOW_UP]
    assert records[0].earlier == 1
    changes = [c for _who, what, c in _history(win) if what.startswith("Consentement")]
    assert any(c.startswith("Retiré le : ") for c in changes)


# -- RQTH ------------------------------------------------------------------------------------------------------------


def test_an_advisor_records_the_rqth_once_the_person_agreed(qtbot: QtBot, win: MainWindow, store: Store) -> None:
    page = win.person
    tab = page.rqth
    assert tab is not None and page.tabs.indexOf(tab) == page.tabs.indexOf(page.history) - 1
    page.tabs.setCurrentWidget(tab)
    assert tab.state.text() == "Aucune décision RQTH enregistrée."
    assert tab.consent_missing.isVisibleTo(tab) and not tab.box.isEnabled()
    page.tabs.setCurrentWidget(page.consents)
    page.consents.select(e.ConsentPurpose.RQTH_RECORDING)
    page.consents.give_button.click()
    assert page.consents.dialog is not None
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.consents.dialog.ok.click()
    assert tab.box.isEnabled() and not tab.consent_missing.isVisibleTo(tab)
    qtbot.keyClicks(tab.inputs["decided_on"], "17/03/2021")
    qtbot.keyClicks(tab.inputs["valid_from"], "17/03/2021")
    qtbot.keyClicks(tab.inputs["valid_until"], "01/01/2020")
    with qtbot.waitSignal(page.failed, timeout=10_000):
        tab.save_button.click()
    assert "Validité RQTH" in tab.error.text()
    tab.inputs["valid_until"].setText("16/03/2031")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        tab.save_button.click()
    assert tab.state.text() == "Décision du 17/03/2021, valable du 17/03/2021 au 16/03/2031."
    assert "RQTH valable jusqu'au 16/03/2031" in page.step_label.text()
    assert tab.save_button.text() == "Corri&ger la RQTH"


def test_for_a_role_not_allowed_the_rqth_tab_does_not_exist(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str], person: str
) -> None:
    with store.unit_of_work(None) as uow:
        accounts.create_user(
            uow,
            "siege.admin",
            "Admin Siège",
            e.UserRole.HQ_ADMIN,
            "",
            password_hash=accounts.hash_password(PASSWORD),
        )
        uow.commit()
    win = _open(qtbot, runner, person, "siege.admin")
    page = win.person
    assert page.rqth is None and page.findChildren(RqthTab) == []
    assert "R&QTH" not in [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert page.data is not None and page.data.rqth is None
    # an advisor signing in on the same window gets the tab, built for them
    win.lock()
    sign_in(qtbot, win, "conseil.sdn")
    assert page.rqth is not None and len(page.findChildren(RqthTab)) == 1


# -- the person's rights: access and erasure -------------------------------------------------------------------------


def test_only_a_manager_is_offered_the_export_and_the_erasure(win: MainWindow) -> None:
    assert not win.person.export_button.isVisibleTo(win.person)
    assert not win.person.erase_button.isVisibleTo(win.person)


def test_a_manager_exports_the_complete_file_as_pdf_and_json(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str], person: str, tmp_path: Path
) -> None:
    with store.unit_of_work(accounts_["conseil.sdn"]) as uow:
        followup.add_note(uow, person, "Premier entretien : projet en cybersécurité.")
        followup.add_note(uow, person, "Situation familiale difficile.", restricted=True)
        uow.commit()
    win = _open(qtbot, runner, person, "resp.sdn")
    page = win.person
    assert page.export_button.isVisibleTo(page) and page.export_button.text() == "E&xporter ses données…"
    with qtbot.waitSignal(page.exported, timeout=20_000) as done:
        page.export_to(tmp_path)
    pdf, js = done.args[0]
    assert pdf.name.startswith("donnees-diallo-awa-") and js.suffix == ".json"
    document = json.loads(js.read_text(encoding="utf-8"))
    with store.reading() as s:
        for model in m.SYNCED_MODELS:
            attr = model.__person_attr__
            if attr is not None:
                ids = set(s.scalars(select(model.id).where(getattr(model, attr) == person)))
                assert {r["id"] for r in document["records"].get(model.__tablename__, [])} == ids
    assert len(document["history"]) >= 5 and document["generated_by"] == "Nadia Benali"
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures (ﬃ) as letters
    for expected in (
        "Données personnelles de Awa Diallo",
        "Identité et situation",
        "Consentements",
        "Notes de suivi",
        "Données sensibles",
        "Situation familiale difficile.",
        "Historique des modifications",
        "06 12 34 56 78",
    ):
        assert expected in flat, expected
    assert page.status.text().startswith("Données exportées : ")


def test_an_export_is_recorded_in_the_audit_trail_once_written_and_a_failed_one_is_not(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str], person: str, tmp_path: Path
) -> None:
    def exports() -> list[tuple[str | None, str | None]]:
        with store.reading() as s:
            rows = s.execute(
                select(m.AuditEvent.account_id, m.AuditEvent.person_id).where(
                    m.AuditEvent.action == e.AuditAction.PERSON_EXPORT
                )
            )
            return [(a, p) for a, p in rows]

    win = _open(qtbot, runner, person, "resp.sdn")
    page = win.person
    not_a_folder = tmp_path / "fichier.txt"
    not_a_folder.write_text("", encoding="utf-8")
    with qtbot.waitSignal(page.failed, timeout=20_000):
        page.export_to(not_a_folder)
    assert exports() == []
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.export_to(tmp_path)
    assert exports() == [(accounts_["resp.sdn"], person)]


def test_a_manager_erases_the_person_after_typing_their_name(
    qtbot: QtBot, runner: TaskRunner, store: Store, accounts_: dict[str, str], person: str
) -> None:
    win = _open(qtbot, runner, person, "resp.sdn")
    page = win.person
    page.ask_erasure()
    dialog = page.erase_dialog
    assert dialog is not None and not dialog.erase_button.isEnabled()
    dialog.reason.setCurrentIndex(dialog.reason.findData(e.ErasureReason.PERSON_REQUEST.value))
    qtbot.keyClicks(dialog.reference, "demande de Awa Diallo")
    qtbot.keyClicks(dialog.typed_name, "awa diallo")  # case and accents aside
    assert dialog.erase_button.isEnabled()
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.erase_button.click()
    assert dialog.reference_error.text().startswith("Référence : elle ne doit pas contenir le nom")
    dialog.reference.setText("TICKET-42")
    with qtbot.waitSignal(page.erased, timeout=20_000):
        dialog.erase_button.click()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)  # the search and home figures read again
    assert win.current_section() == "people" and win.people.currentWidget() is win.search
    assert page.person_id is None
    with store.reading() as s:
        assert s.get(m.Person, person) is None
        pending = s.get(m.PendingErasure, person)
    assert pending is not None and pending.user_id == accounts_["resp.sdn"]
    assert erasure_rules.decode(pending.reason) == (e.ErasureReason.PERSON_REQUEST, "TICKET-42")


def test_an_advisor_cannot_erase_even_through_the_service(
    qtbot: QtBot, runner: TaskRunner, win: MainWindow, store: Store, person: str, add_person: Callable[..., str]
) -> None:
    from gn_desktop.views.person.erase import EraseDialog

    dialog = EraseDialog(runner, person, "Awa Diallo", win.person)
    qtbot.keyClicks(dialog.reference, "T-1")
    qtbot.keyClicks(dialog.typed_name, "Awa Diallo")
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.erase_button.click()
    assert dialog.error.text() == "Seul un responsable de campus ou le siège peut effacer une personne."
    with store.reading() as s:
        assert s.get(m.Person, person) is not None
    dialog.deleteLater()
