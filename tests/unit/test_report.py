"""The monthly report's wording in French and English (gn_core.report): numbers, months, categories, workbooks."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from gn_core import indicators as ind
from gn_core import report as rep


def test_numbers_follow_the_language() -> None:
    assert rep.count(12345) == rep.count(12345, "fr") == "12\u202f345"
    assert rep.count(12345, "en") == "12,345"
    assert rep.count(None, "en") == rep.count(None) == "< 5"
    assert rep.month_label("2026-11") == "novembre 2026" and rep.month_label("2026-11", "en") == "November 2026"


def test_categories_follow_the_language() -> None:
    assert rep.category("gender", "female") == "Femme" and rep.category("gender", "female", "en") == "Woman"
    assert rep.category("age_band", "26_44", "en") == "26 to 44"
    assert rep.category("gender", ind.UNKNOWN) == "Non renseigné"
    assert rep.category("gender", ind.UNKNOWN, "en") == "Not recorded" != rep.category("gender", "undisclosed", "en")


def test_a_language_the_report_does_not_speak_is_french() -> None:
    assert rep.language("ar") == rep.language(None) == "fr" and rep.language("en") == "en"
    assert rep.wording("Chiffres du mois", "ar") == "Chiffres du mois"


def test_the_english_workbook_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    table = rep.Table("The month's figures", ("Indicator", "Value"), (("People", "12,345"), ("Startups", "3 of 150")))
    rep.write_xlsx(rep.Report("Title", "Scope", (table,), (), lang="en"), tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert sheet is not None and sheet.title == "Report"
    rows = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["People"] == 12345 and rows["Startups"] == "3 of 150"
