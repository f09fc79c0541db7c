"""The catalogue page: a campus manager creates a partner (the form names the field it refuses), corrects it,
archives it (hidden, then shown greyed with "Show archived"); HQ-wide entries are read-only; an advisor reads the
catalogue without any button to change it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gn_desktop.services import partners
from gn_desktop.store.uow import Store
from gn_desktop.views.catalogue.dialogs import PartnerDialog, SessionDialog
from gn_desktop.views.catalogue.page import CatalogueList, CataloguePage
from gn_desktop.views.main_window import SECTIONS, MainWindow
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations", "accounts_")


def _page(qtbot: QtBot, runner: TaskRunner, username: str) -> tuple[MainWindow, CataloguePage]:
    win = open_window(qtbot, runner)
    sign_in(qtbot, win, username)
    with qtbot.waitSignal(win.partners.loaded, timeout=10_000):
        win.go_to(SECTIONS.index("partners"))
    return win, win.partners


def _select(lst: CatalogueList, name: str) -> None:
    for r in range(lst.table.rowCount()):
        item = lst.table.item(r, 0)
        if item is not None and item.text() == name:
            lst.table.setCurrentCell(r, 0)
            return
    raise AssertionError(f"{name} not listed")


def _names(lst: CatalogueList) -> list[str]:
    return [lst.table.item(r, 0).text() for r in range(lst.table.rowCount())]


def test_a_campus_manager_creates_corrects_and_archives_a_partner(qtbot: QtBot, runner: TaskRunner) -> None:
    win, page = _page(qtbot, runner, "resp.sdn")
    lst = page.partners
    page.tabs.setCurrentWidget(lst)
    assert lst.new_button.isVisibleTo(win)
    qtbot.mouseClick(lst.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PartnerDialog)
    dialog.contact_phone.setText("12")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["name"].isVisibleTo(dialog), timeout=10_000)
    assert dialog.errors["name"].text().startswith("Nom du partenaire")
    assert dialog.errors["contact_phone"].isVisibleTo(dialog)
    dialog.name.setText("Association Tremplin Numérique")
    dialog.contact_phone.setText("01 99 00 12 34")
    dialog.kind.setCurrentIndex(dialog.kind.findData("association"))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.save()
    assert "Association Tremplin Numérique" in _names(lst)
    _select(lst, "Association Tremplin Numérique")
    assert lst.edit_button.isEnabled() and lst.archive_button.isEnabled()
    row = lst.table.currentRow()
    assert lst.table.item(row, 2).text() == "01 99 00 12 34"  # the contact (no name), as people read it
    # an HQ-wide entry: read-only, and said so
    _select(lst, "Simplon")
    assert not lst.edit_button.isEnabled() and "siège" in lst.hint.text()
    # archive: hidden, then shown greyed
    _select(lst, "Association Tremplin Numérique")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(lst.archive_button, Qt.MouseButton.LeftButton)
    assert "Association Tremplin Numérique" not in _names(lst)
    lst.show_archived.setChecked(True)
    assert "Association Tremplin Numérique" in _names(lst)
    _select(lst, "Association Tremplin Numérique")
    assert lst.archive_button.text() == "&Restaurer"


def test_a_session_shows_its_places_left_and_its_form_refuses_an_end_before_its_start(
    qtbot: QtBot, runner: TaskRunner, store: Store
) -> None:
    start = date.today() + timedelta(days=20)
    with store.unit_of_work(None) as uow:
        with uow.as_reference():
            simplon = next(p.id for p in partners.list_partners(uow) if p.name == "Simplon")
            prog = partners.create_programme(uow, simplon, "Développeur web", "development", 20)
        partners.add_session(uow, prog, start, start + timedelta(weeks=20), 12)
        uow.commit()
    _win, page = _page(qtbot, runner, "resp.sdn")
    lst = page.sessions
    assert _names(lst) == ["Développeur web"]
    assert lst.table.item(0, 3).text() == "12 sur 12"
    _select(lst, "Développeur web")
    qtbot.mouseClick(lst.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SessionDialog)
    dialog.ends.set_value(start - timedelta(days=1))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["ends_on"].isVisibleTo(dialog), timeout=10_000)
    assert "date de fin" in dialog.errors["ends_on"].text()
    dialog.reject()


def test_an_advisor_reads_the_catalogue_without_changing_it(qtbot: QtBot, runner: TaskRunner) -> None:
    win, page = _page(qtbot, runner, "conseil.sdn")
    assert "Simplon" in _names(page.partners)
    for lst in page.lists:
        assert not lst.new_button.isVisibleTo(win) and not lst.archive_button.isVisibleTo(win)
    page.open_form(page.partners, new=True)
    assert page.dialog is None


def test_a_campus_manager_adds_a_programme_and_a_job_offer(qtbot: QtBot, runner: TaskRunner, store: Store) -> None:
    from gn_core.domain import enums as e
    from gn_desktop.services import catalogue
    from gn_desktop.views.catalogue.dialogs import OfferDialog, ProgrammeDialog

    with store.unit_of_work(None) as uow, uow.as_reference():
        catalogue.save_partner(uow, catalogue.PartnerForm("Atelier Numérique", e.PartnerKind.EMPLOYER))
        uow.commit()
    _win, page = _page(qtbot, runner, "resp.sdn")
    page.open_form(page.programmes, new=True)
    programme = page.dialog
    assert isinstance(programme, ProgrammeDialog)
    programme.partner.setCurrentIndex(programme.partner.findText("Simplon"))
    programme.title_edit.setText("Développeur web")
    programme.weeks.setValue(24)
    programme.funding.set_values(["cpf", "region"])
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        programme.save()
    assert _names(page.programmes) == ["Développeur web"]
    assert page.programmes.table.item(0, 5).text() == "CPF, Région"
    page.open_form(page.offers, new=True)
    offer = page.dialog
    assert isinstance(offer, OfferDialog)
    offer.save()
    qtbot.waitUntil(lambda: offer.errors["partner_id"].isVisibleTo(offer), timeout=10_000)
    assert offer.errors["partner_id"].text().startswith("Employeur")
    assert offer.errors["title"].text().startswith("Intitulé du poste")
    offer.partner.setCurrentIndex(offer.partner.findText("Atelier Numérique"))
    offer.title_edit.setText("Technicien support")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        offer.save()
    assert _names(page.offers) == ["Technicien support"]
