"""HQ's monthly report (gn-hq report): PDF and XLSX, per campus and programme-wide, with the figures of the
indicators — read back from the files (pypdf, openpyxl)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gn_core import indicators as ind
from gn_core import report as rep
from gn_desktop.services import pilotage
from gn_hq import cli
from gn_hq.services import indicators, reports
from gn_hq.services.errors import HqError
from tests.hq.test_indicators import _campus_store, _manager, fixture
from tests.hq.world import World


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_campus_month_as_pdf_and_xlsx(world: World, db_url: str, tmp_path: Path) -> None:
    fixture(world)
    report = reports.monthly(world.hq, "2026-03", "SDN")
    march = indicators.programme(world.hq, ind.Period.month("2026-03"), world.campus_ids["SDN"]).campuses[0]
    assert report == rep.monthly_report("2026-03", "Campus Saint-Denis", march.indicators)
    figures = dict(report.tables[0].rows)
    assert figures["Personnes placées dans le mois"] == "1"  # hired on a CDI on 2 March
    assert figures["Personnes placées depuis le début du programme"] == "2"

    pdf, xlsx = tmp_path / "mars.pdf", tmp_path / "mars.xlsx"
    common = ["--database-url", db_url, "--data-dir", str(tmp_path / "data")]
    assert (
        cli.main(["report", "--month", "2026-03", "--format", "pdf", "--campus", "SDN", "--out", str(pdf), *common])
        == 0
    )
    assert (
        cli.main(["report", "--month", "2026-03", "--format", "xlsx", "--campus", "SDN", "--out", str(xlsx), *common])
        == 0
    )
    text = _pdf_text(pdf)
    assert "rapport de mars 2026" in text and "Campus Saint-Denis" in text
    assert "Personnes placées depuis le début du programme 2" in text
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    rows = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["Personnes placées dans le mois"] == 1 and rows["Objectif de placements (fin 2027)"] == 5000


def test_the_programme_month_puts_campuses_side_by_side(world: World, tmp_path: Path) -> None:
    fixture(world)
    report = reports.monthly(world.hq, "2026-03")
    side = next(t for t in report.tables if t.title == "Campus côte à côte")
    placed = {row[0]: row[3] for row in side.rows}
    assert placed["SDN"] == "1" and placed["AUB"] == "1" and placed["MTR"] == "0"
    reports.write(report, "pdf", tmp_path / "r.pdf")
    assert "Tous les campus" in _pdf_text(tmp_path / "r.pdf")


def test_bad_month_or_campus_are_refused_in_french(world: World) -> None:
    with pytest.raises(HqError, match="Mois invalide"):
        reports.monthly(world.hq, "2026-13")
    with pytest.raises(HqError, match="inconnu"):
        reports.monthly(world.hq, "2026-03", "XYZ")


def test_the_campus_app_writes_the_same_report(world: World) -> None:
    fixture(world)
    store = _campus_store(world, world.devices["SDN"])
    try:
        with store.read_unit(_manager(store)) as uow:
            on_campus = pilotage.monthly_report(uow, "2026-03")
        assert on_campus == reports.monthly(world.hq, "2026-03", "SDN")
    finally:
        store.dispose()
