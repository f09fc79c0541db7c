"""Files from the window: File → Import people… (a workbook's bad lines shown with their line, column and reason;
only the valid ones imported when asked; Cancel leaves nothing) and File → Export… (what, period, format; Cancel
writes no file); both offered once someone is signed in, and closed when the screen locks."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gn_desktop.app import build_main_window
from gn_desktop.screenshots import shown_view
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.views.export_dialog import ExportDialog
from gn_desktop.views.i18n import Translations
from gn_desktop.views.import_dialog import ImportDialog
from gn_desktop.views.main_window import MainWindow
from gn_desktop.views.tasks import TaskRunner

from .test_screenshots import _only_in, _texts
from .test_screenshots import demo_dir as demo_dir  # the module-scoped demo campus, a fixture
from .workspace import sign_in


@pytest.fixture
def win(qtbot: QtBot, runner: TaskRunner, translations: Translations, accounts_: dict[str, str]) -> MainWindow:
    w = build_main_window(runner, lock_after_s=600, translations=translations)
    qtbot.addWidget(w)
    sign_in(qtbot, w)
    return w


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _count(uow: Any) -> int:
    return int(uow.session.scalar(select(func.count()).select_from(m.Person)) or 0)


def people(qtbot: QtBot, runner: TaskRunner) -> int:
    """How many people the store holds, read through the runner (after whatever the views asked for meanwhile)."""
    got: list[int] = []
    runner.query(_count, on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    return got[0]


@pytest.fixture
def gate(runner: TaskRunner) -> Iterator[threading.Event]:
    """Holds the runner's worker busy until set: what is submitted meanwhile waits its turn (a long job, reliably)."""
    event = threading.Event()
    runner.run(lambda _uow: event.wait(10))
    yield event
    event.set()


def open_import(qtbot: QtBot, win: MainWindow) -> ImportDialog:
    win.files.import_action.trigger()
    dialog = win.files.dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_menu_offers_import_and_export_once_signed_in(
    qtbot: QtBot, runner: TaskRunner, translations: Translations, accounts_: dict[str, str]
) -> None:
    w = build_main_window(runner, lock_after_s=600, translations=translations)
    qtbot.addWidget(w)
    texts = [a.text() for a in w.file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Importer des personnes…", "&Exporter…", "&Quitter"]
    assert not w.files.import_action.isEnabled() and not w.files.export_action.isEnabled()
    sign_in(qtbot, w)
    assert w.files.import_action.isEnabled() and w.files.export_action.isEnabled()


def test_a_refused_workbook_shows_each_bad_line_then_the_valid_ones_are_imported(
    qtbot: QtBot, runner: TaskRunner, win: MainWindow, store: Store, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "inscrits.xlsx",
        [
            ["Prénom", "Nom", "Date de naissance", "Téléphone"],
            ["Inès", "Haddad", datetime(1999, 4, 12), "06 12 34 56 78"],
            ["Yanis", "Moreau", "31/02/2001", ""],
            ["Awa", "Konaté", "03/07/1996", "01 23"],
        ],
    )
    dialog = open_import(qtbot, win)
    assert not dialog.import_button.isEnabled()  # no file yet
    dialog.choose(path)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)

    assert "Import refusé : 2 lignes du fichier inscrits.xlsx sont en erreur" in dialog.summary.text()
    table = dialog.problems
    assert table.isVisible()
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [r[:2] for r in rows] == [["3", "Date de naissance"], ["4", "Téléphone"]]
    assert rows[0][2].startswith("« 31/02/2001 » n'est pas une date valide")
    assert people(qtbot, runner) == 0  # all or nothing

    dialog.skip_box.setChecked(True)
    with qtbot.waitSignal(runner.changed, timeout=10_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert "Créées : 1" in dialog.summary.text()
    assert "2 lignes en erreur ont été ignorées" in dialog.summary.text()
    assert table.rowCount() == 2
    assert people(qtbot, runner) == 1


def test_cancel_during_an_import_leaves_nothing(
    qtbot: QtBot, runner: TaskRunner, win: MainWindow, store: Store, tmp_path: Path, gate: threading.Event
) -> None:
    rows: list[list[Any]] = [["Prénom", "Nom"]] + [[f"Prénom{i}", f"Nom{i}"] for i in range(50)]
    dialog = open_import(qtbot, win)
    dialog.choose(workbook(tmp_path / "liste.xlsx", rows))
    dialog.import_button.click()
    assert dialog.running and dialog.progress.isVisible()
    assert dialog.cancel_button.text() == "Annuler"
    dialog.cancel_button.click()  # before the import even began: it stops at its first step
    assert not dialog.cancel_button.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)

    assert dialog.summary.text() == "Import annulé : aucune personne n'a été importée ni modifiée."
    assert people(qtbot, runner) == 0
    assert dialog.isVisible() and dialog.cancel_button.text() == "Fermer"


def test_an_import_reports_its_progress(
    qtbot: QtBot, runner: TaskRunner, win: MainWindow, store: Store, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [["Prénom", "Nom"]] + [[f"Prénom{i}", f"Nom{i}"] for i in range(1200)]
    dialog = open_import(qtbot, win)
    dialog.choose(workbook(tmp_path / "gros.xlsx", rows))
    steps: list[tuple[str, int, int]] = []
    dialog.import_button.click()
    assert dialog.channel is not None
    dialog.channel.progressed.connect(lambda *step: steps.append(step))
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert "Créées : 1\u202f200" in dialog.summary.text()
    assert ("write", 1200, 1200) in steps
    assert people(qtbot, runner) == 1200


def test_export_of_a_periods_referrals_to_a_workbook(qtbot: QtBot, win: MainWindow, tmp_path: Path) -> None:
    win.files.export_action.trigger()
    dialog = win.files.dialog
    assert isinstance(dialog, ExportDialog)
    assert [dialog.what.itemText(i) for i in range(dialog.what.count())][:2] == [
        "Personnes (inscrites sur la période)",
        "Orientations",
    ]
    dialog.what.setCurrentIndex(1)
    assert dialog.period_hint.text().startswith("Les orientations faites pendant la période")
    assert dialog.default_name().startswith("orientations_") and dialog.default_name().endswith(".xlsx")
    out = tmp_path / "orientations.xlsx"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.outcome.text() == f"0 lignes écrites dans {out}."
    assert out.exists()


def test_cancel_during_an_export_writes_no_file(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, gate: threading.Event
) -> None:
    win.files.export_action.trigger()
    dialog = win.files.dialog
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(1)  # CSV
    dialog.export_to(tmp_path / "personnes.csv")
    dialog.reject()  # Escape while exporting: cancels, the dialog stays until the export has stopped
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.isVisible()
    assert dialog.outcome.text() == "Extraction annulée : aucun fichier n'a été écrit."
    assert list(tmp_path.iterdir()) == []


def test_locking_the_screen_closes_the_dialog(qtbot: QtBot, win: MainWindow, tmp_path: Path) -> None:
    dialog = open_import(qtbot, win)
    with qtbot.waitSignal(dialog.destroyed, timeout=5_000):
        win.lock()
    assert win.files.dialog is None
    assert not win.files.import_action.isEnabled()


@pytest.mark.qt_log_ignore("does not support", "This plugin")
@pytest.mark.parametrize("view", ["import", "export"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_dialogs_fit_1280_by_800_in_their_language(
    qapp: QApplication, demo_dir: Path, view: str, lang: str
) -> None:
    """As `gn-desktop screenshot` draws them for the README (the import's report on a refused workbook)."""
    other = "en" if lang == "fr" else "fr"
    with shown_view(demo_dir, view=view, size="1280x800", lang=lang) as window:
        dialog = window.files.dialog
        assert dialog is not None and dialog.isVisible()
        needed = dialog.minimumSizeHint()
        assert needed.width() <= 1280 and needed.height() <= 800, f"{view} needs {needed.width()}×{needed.height()}"
        shown = [w for w in dialog.findChildren(QWidget) if w.isVisible()]
        leftovers = sorted({t for w in shown for t in _texts(w) if t in _only_in()[other]})
        assert not leftovers, f"{view} in {lang} shows texts in {other}: {leftovers}"
        if view == "import":
            assert isinstance(dialog, ImportDialog) and dialog.problems.rowCount() == 3
