"""The queue ticket on paper: printed on the kiosk's printer when the ticket screen shows, never holding the screen
up; a missing printer is logged and the visitor still reads the number on the screen. `gn-desktop kiosk-printer`
chooses the printer (a setting of the kiosk machine).

The printer is replaced by a PDF file (`printing.pdf_printer`), read back with pypdf.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from gn_desktop import cli
from gn_desktop.services import followup, kiosk
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.i18n import Translations
from gn_desktop.views.kiosk import build_kiosk
from gn_desktop.views.kiosk.printing import pdf_printer
from gn_desktop.views.kiosk.window import KioskConfig, KioskWindow
from gn_desktop.views.tasks import TaskRunner


@pytest.fixture
def kiosk_window(qtbot: QtBot, translations: Translations, runner: TaskRunner) -> Iterator[KioskWindow]:
    window = build_kiosk(translations, runner, config=KioskConfig(retry_delay_ms=10))
    window.resize(1280, 800)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.ticket_printer.wait()
    window.allow_close()


def _choose_printer(store: Store, name: str | None) -> None:
    with store.unit_of_work(None) as uow:
        kiosk.set_printer(uow, name)
        uow.commit()


def _check_in(qtbot: QtBot, window: KioskWindow, store: Store, person_id: str) -> None:
    with store.unit_of_work(None) as uow:
        at = datetime.now(UTC) + timedelta(minutes=5)
        if at.astimezone().date() != datetime.now().astimezone().date():  # just before midnight: today's still
            at = datetime.now(UTC)
        appt_id = followup.book_appointment(uow, person_id, at)
        code = uow.session.get(m.Appointment, appt_id).code  # type: ignore[union-attr]
        uow.commit()
    assert code is not None
    window.show_screen("kiosk-checkin")
    window.checkin.code.edit.setText(code)
    with qtbot.waitSignal(window.ticket_shown, timeout=10_000):
        window.checkin.submit.click()


def _pdf_text(path: Path) -> str:
    """The PDF's text, words separated by single spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_a_check_in_prints_the_ticket_number_and_the_campus(
    qtbot: QtBot, kiosk_window: KioskWindow, store: Store, add_person: Callable[..., str], tmp_path: Path
) -> None:
    _choose_printer(store, "Accueil — tickets")
    opened: list[str] = []
    to_pdf = pdf_printer(tmp_path / "ticket.pdf")

    def open_printer(name: str) -> QPrinter:
        opened.append(name)
        return to_pdf(name)

    kiosk_window.ticket_printer.open_printer = open_printer
    with qtbot.waitSignal(kiosk_window.ticket_printer.printed, timeout=10_000) as printed:
        _check_in(qtbot, kiosk_window, store, add_person("Awa", "Diallo"))
    assert printed.args == ["R001"] and opened == ["Accueil — tickets"]
    text = _pdf_text(tmp_path / "ticket.pdf")
    assert "R001" in text and "Campus Saint-Denis" in text
    assert kiosk_window.ticket.caption.text() in text
    assert "Awa" not in text and "Diallo" not in text  # a ticket left on a chair names nobody


def test_a_pre_registration_prints_its_ticket_in_the_visitor_s_language(
    qtbot: QtBot, kiosk_window: KioskWindow, store: Store, tmp_path: Path
) -> None:
    _choose_printer(store, "Bureau")
    kiosk_window.ticket_printer.open_printer = pdf_printer(tmp_path / "ticket.pdf")
    kiosk_window.set_language("en")
    kiosk_window.show_screen("kiosk-new")
    screen = kiosk_window.new_visitor
    screen.first_name.edit.setText("Inès")
    screen.last_name.edit.setText("Benali")
    screen.birth_date.edit.setText("14/02/2001")
    screen.phone.edit.setText("06 12 34 56 78")
    screen.commune.setCurrentIndex(screen.commune.findData("93066"))
    screen.consent.box.setChecked(True)
    with qtbot.waitSignal(kiosk_window.ticket_printer.printed, timeout=10_000) as printed:
        screen.submit.click()
    assert printed.args == ["N001"]
    text = _pdf_text(tmp_path / "ticket.pdf")
    assert "N001" in text and "Campus Saint-Denis" in text
    assert "Please take a seat. An advisor will call your number." in text


def test_a_missing_printer_is_logged_and_the_ticket_still_shows(
    qtbot: QtBot,
    kiosk_window: KioskWindow,
    store: Store,
    add_person: Callable[..., str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    _choose_printer(store, "Imprimante débranchée")  # the system's printers: none by this name
    with caplog.at_level(logging.WARNING), qtbot.waitSignal(kiosk_window.ticket_printer.failed, timeout=10_000):
        _check_in(qtbot, kiosk_window, store, add_person("Awa", "Diallo"))
    assert kiosk_window.current_screen == "kiosk-ticket" and kiosk_window.ticket.ticket.text() == "R001"
    assert "ticket R001 not printed: no printer named 'Imprimante débranchée'" in caplog.text


def test_a_slow_printer_never_holds_the_screen_up(
    qtbot: QtBot, kiosk_window: KioskWindow, store: Store, add_person: Callable[..., str], tmp_path: Path
) -> None:
    _choose_printer(store, "Lente")
    release = threading.Event()
    asked = threading.Event()
    to_pdf = pdf_printer(tmp_path / "ticket.pdf")

    def slow_printer(name: str) -> QPrinter:
        asked.set()
        release.wait(30)
        return to_pdf(name)

    kiosk_window.ticket_printer.open_printer = slow_printer
    _check_in(qtbot, kiosk_window, store, add_person("Awa", "Diallo"))
    qtbot.waitUntil(asked.is_set)
    # the printer is still busy: the visitor reads the ticket and finishes
    assert kiosk_window.current_screen == "kiosk-ticket"
    with qtbot.waitSignal(kiosk_window.wiped):
        kiosk_window.ticket.finish.click()
    with qtbot.waitSignal(kiosk_window.ticket_printer.printed, timeout=10_000):
        release.set()
    assert "R001" in _pdf_text(tmp_path / "ticket.pdf")


def test_without_a_printer_nothing_is_printed(
    qtbot: QtBot,
    kiosk_window: KioskWindow,
    runner: TaskRunner,
    store: Store,
    add_person: Callable[..., str],
) -> None:
    opened: list[str] = []
    kiosk_window.ticket_printer.open_printer = lambda name: opened.append(name)  # type: ignore[func-returns-value]
    _check_in(qtbot, kiosk_window, store, add_person("Awa", "Diallo"))
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert kiosk_window.ticket_printer.wait()
    assert opened == []


def test_the_kiosk_printer_command_chooses_shows_and_forgets_the_printer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert cli.main([*data, "kiosk-printer", "--list"]) == 0
    assert capsys.readouterr().out  # the printers, or a sentence saying there is none
    assert cli.main([*data, "kiosk-printer", "EPSON TM-T20III"]) == 0
    out = capsys.readouterr()
    assert "« EPSON TM-T20III »" in out.out and "ne voit pas d'imprimante" in out.err  # none such on a test machine
    assert cli.main([*data, "kiosk-printer"]) == 0
    assert capsys.readouterr().out == "Imprimante des tickets : EPSON TM-T20III.\n"
    store = Store.open(tmp_path)
    try:
        with store.read_unit(None) as uow:
            assert kiosk.printer_name(uow) == "EPSON TM-T20III"
    finally:
        store.dispose()
    assert cli.main([*data, "kiosk-printer", "--none"]) == 0
    assert cli.main([*data, "kiosk-printer"]) == 0
    assert capsys.readouterr().out.endswith("La borne n'imprime pas de ticket.\n")
    assert cli.main([*data, "kiosk-printer", "X", "--none"]) == 1
