"""The Pilotage page: for campus managers only (the navigation entry is hidden for advisors, the service refuses
them); it shows the campus's figures, and every chart has its table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from gn_core import report
from gn_desktop.views.i18n import Translations
from gn_desktop.views.main_window import SECTIONS
from gn_desktop.views.pilotage import PilotagePage
from gn_desktop.views.tasks import TaskRunner

from .workspace import open_window, sign_in

pytestmark = pytest.mark.usefixtures("translations")


@pytest.mark.usefixtures("accounts_")
def test_an_advisor_has_no_pilotage(qtbot: QtBot, runner: TaskRunner) -> None:
    win = open_window(qtbot, runner)
    sign_in(qtbot, win)
    assert win.navigation.item(SECTIONS.index("pilotage")).isHidden()
    win.go_to(SECTIONS.index("pilotage"))
    assert win.pages.currentWidget() is not win.pilotage


def _manager_on_pilotage(qtbot: QtBot, runner: TaskRunner) -> PilotagePage:
    """The campus manager signed in, on the Pilotage page once its figures are loaded."""
    win = open_window(qtbot, runner)
    sign_in(qtbot, win, "resp.sdn")
    page = win.pilotage
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        win.go_to(SECTIONS.index("pilotage"))
    return page


@pytest.mark.usefixtures("accounts_")
def test_a_manager_sees_the_figures_and_their_tables(
    qtbot: QtBot, runner: TaskRunner, add_person: Callable[..., str]
) -> None:
    add_person("Awa", "Diallo")
    add_person("Karim", "Benali", "1990-01-01")
    win = open_window(qtbot, runner)
    sign_in(qtbot, win, "resp.sdn")
    assert not win.navigation.item(SECTIONS.index("pilotage")).isHidden()
    page = win.pilotage
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        win.go_to(SECTIONS.index("pilotage"))
    assert page.data is not None and page.data.indicators.enrolled_cumulative == 2
    assert page.cards["enrolled"].value.text() == "2"
    assert page.monthly_table.rowCount() == len(page.data.indicators.months) > 0
    assert page.funnel_table.item(0, 1).text() == "2"
    # a sensitive breakdown never shows a group of fewer than 5 people
    page.dimension.setCurrentIndex(page.dimension.findText("Genre"))
    assert page.breakdown_table.item(0, 1).text() == "< 5"
    assert page.breakdown_note.text().startswith("Données sensibles")
    for tabs in (page.progress_tabs, page.monthly_tabs, page.funnel_tabs):
        assert tabs.count() == 2 and tabs.tabText(1) == "Tableau"


@pytest.mark.usefixtures("accounts_")
def test_the_monthly_report_as_pdf_and_xlsx(
    qtbot: QtBot, runner: TaskRunner, add_person: Callable[..., str], tmp_path: Path
) -> None:
    add_person("Awa", "Diallo")
    page = _manager_on_pilotage(qtbot, runner)
    month = page.report_month()
    with qtbot.waitSignal(page.report_written, timeout=10_000):
        page.write_report(tmp_path / "rapport.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "rapport.pdf").pages).split())
    assert "Le Grand Numérique — rapport de" in text and "Personnes inscrites dans le mois" in text
    with qtbot.waitSignal(page.report_written, timeout=10_000):
        page.write_report(tmp_path / "rapport.xlsx")
    sheet = load_workbook(tmp_path / "rapport.xlsx").active
    assert sheet is not None and str(sheet["A1"].value).endswith(report.month_label(month))


@pytest.mark.usefixtures("accounts_")
def test_the_monthly_report_follows_the_interface_language(
    qtbot: QtBot, runner: TaskRunner, add_person: Callable[..., str], tmp_path: Path, translations: Translations
) -> None:
    add_person("Awa", "Diallo")
    page = _manager_on_pilotage(qtbot, runner)
    assert page.report_language() == "fr"
    assert translations.set_language("en")
    assert page.report_language() == "en"
    month = page.report_month()
    with qtbot.waitSignal(page.report_written, timeout=10_000):
        page.write_report(tmp_path / "report.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages).split())
    assert f"Le Grand Numérique — report for {report.month_label(month, 'en')}" in text
    assert "People enrolled in the month" in text and "Sensitive data:" in text
    assert "Personnes" not in text and "rapport" not in text
    with qtbot.waitSignal(page.report_written, timeout=10_000):
        page.write_report(tmp_path / "report.xlsx")
    sheet = load_workbook(tmp_path / "report.xlsx").active
    assert sheet is not None and sheet.title == "Report"
    assert str(sheet["A1"].value).endswith(report.month_label(month, "en"))
