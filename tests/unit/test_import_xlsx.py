"""Import of Excel workbooks (.xlsx): real Excel dates and dates typed as text, a formula cell taken as the value Excel
computed, a merged header refused naming its cells; progress reported and a cancelled import leaving nothing."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from gn_desktop.services.importing import ImportRefused, ImportReport, import_file
from gn_desktop.services.progress import Cancelled, Phase, Progress
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from tests.unit.world import TODAY, World

HEADER = ["Prénom", "Nom", "Date de naissance", "Téléphone", "Commune", "Inscrit le"]


def workbook(path: Path, rows: list[list[Any]], *, merge: str | None = None, sheets: int = 1) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Inscrits"
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    for n in range(1, sheets):
        wb.create_sheet(f"Feuille {n + 1}")
    wb.save(path)
    return path


def with_cached_value(path: Path, cell: str, value: str) -> None:
    """Give a formula cell the value Excel would have saved with it (openpyxl writes formulas without one)."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as z:
        files = {name: z.read(name) for name in z.namelist()}
    xml = files[member].decode()
    xml, n = re.subn(rf'<c r="{cell}"><f>(.*?)</f><v\s*/>', rf'<c r="{cell}" t="str"><f>\1</f><v>{value}</v>', xml)
    assert n == 1, xml
    files[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)


def run_import(store: Store, path: Path, progress: Progress | None = None) -> ImportReport:
    with store.unit_of_work(None) as uow:
        report = import_file(
            uow,
            path,
            campus_code="SDN",
            skip_bad_rows=False,
            today=TODAY,
            **({"progress": progress} if progress else {}),
        )
        uow.commit()
    return report


def people(store: Store) -> dict[str, m.Person]:
    with store.reading() as s:
        return {f"{p.first_name} {p.last_name}": p for p in s.scalars(select(m.Person))}


def count(store: Store) -> int:
    with store.reading() as s:
        return s.scalar(select(func.count()).select_from(m.Person)) or 0


def test_real_excel_dates_and_dates_typed_as_text(world: World, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "inscrits.xlsx",
        [
            HEADER,
            ["Awa", "Traoré", datetime(1998, 4, 3), 612345678, "Saint-Denis", datetime(2025, 9, 1)],
            ["Karim", "Benali", "01/02/2000", "06 12 34 56 79", "Aubervilliers", "15/09/2025"],
            [None, None, None, None, None, None],  # blank rows Excel leaves are skipped
        ],
    )

    report = run_import(world.store, path)

    assert (report.created, report.bad_rows) == (2, [])
    found = people(world.store)
    awa, karim = found["Awa Traoré"], found["Karim Benali"]
    assert (awa.birth_date, awa.enrolled_on) == (date(1998, 4, 3), date(2025, 9, 1))
    assert (karim.birth_date, karim.enrolled_on) == (date(2000, 2, 1), date(2025, 9, 15))  # dd/mm, not mm/dd
    assert karim.phone == "+33612345679"
    assert (awa.commune_insee, karim.commune_insee) == ("93066", "93001")


def test_a_formula_cell_gives_the_value_excel_computed(world: World, tmp_path: Path) -> None:
    path = workbook(tmp_path / "formules.xlsx", [HEADER[:3], ["Awa", '=CONCATENATE("Dial","lo")', "12/05/1999"]])
    with_cached_value(path, "B2", "Diallo")

    run_import(world.store, path)

    assert set(people(world.store)) == {"Awa Diallo"}  # the value, never the formula's text


def test_a_merged_header_is_refused_naming_the_cells(world: World, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "fusion.xlsx",
        [["Identité", None, "Naissance"], ["Awa", "Diallo", "12/05/1999"]],
        merge="A1:B1",
    )

    with pytest.raises(ImportRefused) as err:
        run_import(world.store, path)

    message = err.value.message
    assert "cellules fusionnées : A1:B1" in message
    assert "ligne 1" in message and "« Inscrits »" in message and "Défusionnez" in message
    assert count(world.store) == 0


def test_a_merged_title_above_the_header_is_refused(world: World, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "titre.xlsx",
        [["Inscrits 2025", None, None], HEADER[:3], ["Awa", "Diallo", "12/05/1999"]],
        merge="A1:C1",
    )
    with pytest.raises(ImportRefused, match="cellules fusionnées : A1:C1"):
        run_import(world.store, path)


def test_merged_cells_below_the_header_are_not_a_header_problem(world: World, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "bas.xlsx", [HEADER[:3], ["Awa", "Diallo", "12/05/1999"], ["Total", None, None]], merge="A3:B3"
    )
    with pytest.raises(ImportRefused) as err:
        run_import(world.store, path)
    assert "fusionnées" not in err.value.message
    assert [b.line for b in err.value.report.bad_rows] == [3]  # the "Total" row: no last name


def test_bad_rows_are_named_with_their_excel_row_number(world: World, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "erreurs.xlsx",
        [[None], HEADER[:3], ["Awa", "Diallo", "12/05/1999"], ["Karim", "Benali", "31/02/2000"]],
    )
    with pytest.raises(ImportRefused) as err:
        run_import(world.store, path)
    assert [(b.line, b.reasons) for b in err.value.report.bad_rows] == [
        (4, ("Date de naissance : « 31/02/2000 » n'est pas une date valide. Saisissez-la au format jj/mm/aaaa.",))
    ]


def test_only_the_first_sheet_is_read_and_the_report_says_so(world: World, tmp_path: Path) -> None:
    path = workbook(tmp_path / "feuilles.xlsx", [HEADER[:2], ["Awa", "Diallo"]], sheets=2)
    report = run_import(world.store, path)
    assert report.created == 1
    assert "seule la première, « Inscrits », a été lue" in report.describe()


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused(world: World, tmp_path: Path) -> None:
    path = tmp_path / "personnes.xlsx"
    path.write_bytes(b"PK\x03\x04rest of a zip")
    with pytest.raises(ImportRefused, match="n'est pas un classeur Excel lisible"):
        run_import(world.store, path)


def test_an_xls_file_is_refused_with_how_to_save_it(world: World, tmp_path: Path) -> None:
    path = tmp_path / "ancien.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportRefused, match=r"Classeur Excel \(\.xlsx\)"):
        run_import(world.store, path)


def test_progress_is_reported_and_a_cancel_leaves_nothing(world: World, tmp_path: Path) -> None:
    rows: list[list[Any]] = [HEADER[:3]]
    rows += [[f"Prénom{i}", f"Nom{i}", "12/05/1999"] for i in range(1200)]
    path = workbook(tmp_path / "gros.xlsx", rows)
    seen: list[tuple[Phase, int, int]] = []

    def cancel_while_writing() -> bool:
        return any(phase is Phase.WRITE for phase, _, _ in seen)

    with pytest.raises(Cancelled, match="Import annulé : aucune personne"):
        run_import(world.store, path, Progress(lambda *step: seen.append(step), cancel_while_writing))
    assert count(world.store) == 0
    assert (Phase.CHECK, 1200, 1200) in seen

    seen.clear()
    report = run_import(world.store, path, Progress(lambda *step: seen.append(step)))
    assert report.created == count(world.store) == 1200
    assert seen[-1] == (Phase.WRITE, 1200, 1200)
    assert [s for s in seen if s[0] is Phase.READ] == [(Phase.READ, 500, 1201), (Phase.READ, 1000, 1201)]
