"""HQ's monthly report (gn-hq report): PDF and XLSX, per campus and programme-wide, with the figures of the
indicators — read back from the files (pypdf, openpyxl)."""

from __future__ import annotations

import re
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


# --- English ------------------------------------------------------------------------------------------------------

#: words a French and an English report may share: data (campus codes) and words both languages write alike
_SAME_IN_BOTH = {"Campus", "RQTH", "SDN", "AUB", "MTR", "France Travail", "Mission locale", "Cap Emploi"}


def _labels(report: rep.Report) -> list[str]:
    """What a report says rather than counts: its titles, headers, row labels and notes."""
    words = [report.title, *report.notes]
    for t in report.tables:
        words += [t.title, *t.header, *(row[0] for row in t.rows)]
    return words


def _figures(report: rep.Report) -> list[list[str]]:
    """Every figure of every table, separators taken out ("1\u202f234" and "1,234" both read 1234; "< 5" kept)."""
    return [
        re.findall(r"< 5|\d+", cell.replace("\u202f", "").replace(",", ""))
        for t in report.tables
        for row in t.rows
        for cell in row[1:]
    ]


def _french_left(report: rep.Report) -> list[str]:
    """The report's French messages (of 8 characters or more, without placeholders, whose English differs) and
    French month names still found in `report`."""
    text = " ".join([report.subtitle, *_labels(report), *(cell for t in report.tables for r in t.rows for cell in r)])
    french = [fr for fr, en in rep.ENGLISH.items() if len(fr) >= 8 and fr != en and "{" not in fr]
    return sorted(fr for fr in [*french, *rep.MONTHS_FR] if fr in text)


@pytest.mark.parametrize("campus", ["SDN", None])
def test_the_english_report_says_the_same_figures_with_no_french_left(world: World, campus: str | None) -> None:
    fixture(world)
    french = reports.monthly(world.hq, "2026-03", campus)
    english = reports.monthly(world.hq, "2026-03", campus, "en")
    assert french.lang == "fr" and english.lang == "en"
    assert english.title == "Le Grand Numérique — report for March 2026"
    assert english.subtitle.endswith("from 2026-03-01 to 2026-03-31")
    assert _french_left(english) == []
    assert set(_labels(english)) & set(_labels(french)) <= _SAME_IN_BOTH
    assert [len(t.rows) for t in english.tables] == [len(t.rows) for t in french.tables]
    assert _figures(english) == _figures(french)
    figures = dict(english.tables[0].rows)
    if campus is None:
        assert english.subtitle.startswith("All campuses — ")
        assert figures["Placement goal (end of 2027)"] == "20,000"
        assert dict(french.tables[0].rows)["Objectif de placements (fin 2027)"] == "20\u202f000"
    else:
        assert figures["People placed in the month"] == "1"
        assert figures["People placed since the programme's start"] == "2"


def test_the_english_reports_wording_matches_the_consoles() -> None:
    """Where the HQ console says the same thing in French, the report's English is the console's English."""
    from babel.messages.pofile import read_po

    with (Path(__file__).parents[2] / "resources" / "translations" / "gn_hq_console_en.po").open("rb") as f:
        console = {m.id: m.string for m in read_po(f) if isinstance(m.id, str) and m.id}
    # "Non renseigné": the console's "Not stated" is also the gender "Non précisé"'s label, in the same table here
    shared = {fr: en for fr, en in rep.ENGLISH.items() if fr in console and fr != "Non renseigné"}
    assert len(shared) >= 8
    assert {fr: console[fr] for fr in shared} == shared


def test_the_cli_writes_the_report_in_english_with_lang_en(world: World, db_url: str, tmp_path: Path) -> None:
    fixture(world)
    pdf, xlsx = tmp_path / "march.pdf", tmp_path / "march.xlsx"
    common = ["--month", "2026-03", "--campus", "SDN", "--database-url", db_url, "--data-dir", str(tmp_path / "data")]
    assert cli.main(["report", "--format", "pdf", "--lang", "en", "--out", str(pdf), *common]) == 0
    assert cli.main(["report", "--format", "xlsx", "--lang", "en", "--out", str(xlsx), *common]) == 0
    text = " ".join(_pdf_text(pdf).split())
    assert "Le Grand Numérique - report for March 2026" in text and "Campus Saint-Denis - from 2026-03-01" in text
    assert "People placed since the programme's start 2" in text and "By gender" in text
    # every character rendered: the English quotes and dashes too (the PDF font is latin-1)
    assert 'Sensitive data: "< 5" hides' in text and "?" not in text
    assert "rapport" not in text and "Personnes" not in text
    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet.title == "Report"
    assert sheet["A1"].value == "Le Grand Numérique — report for March 2026"
    rows = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["People placed in the month"] == 1 and rows["Placement goal (end of 2027)"] == 5000  # numbers
    with pytest.raises(SystemExit):
        cli.main(["report", "--format", "pdf", "--lang", "de", "--out", str(pdf), *common])


def test_the_campus_app_writes_the_same_english_report(world: World) -> None:
    fixture(world)
    store = _campus_store(world, world.devices["SDN"])
    try:
        with store.read_unit(_manager(store)) as uow:
            on_campus = pilotage.monthly_report(uow, "2026-03", "en")
        assert on_campus == reports.monthly(world.hq, "2026-03", "SDN", "en")
    finally:
        store.dispose()
