"""An import right after enrolment, before the first sync: the PC knows its campus from the enrolment (issue 15).

It used to fail with "Erreur inattendue": the people were written with this PC's campus id, whose record only the
first pull would bring (FOREIGN KEY constraint failed).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select

from gn_desktop.store import models as m
from tests.e2e.conftest import Campus, Hq, enrol

CSV = "Prénom;Nom;Date de naissance\nAmina;Diallo;12/03/1999\nKarim;Benali;01/02/2000\n"


def _campus_row(campus: Campus) -> tuple[str, str, str] | None:
    store = campus.store()
    try:
        with store.read_unit(None) as uow:
            row = uow.session.execute(
                select(m.Campus.code, m.Campus.name, m.Campus.commune_insee).where(m.Campus.id == store.campus_id)
            ).first()
            return None if row is None else (row[0], row[1], row[2])
    finally:
        store.dispose()


def test_import_before_the_first_sync(live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]) -> None:
    campus = enrol(live_hq, tmp_path, keyring_file, "fresh")
    assert _campus_row(campus) == (campus.code, f"Campus {campus.code}", "93066")
    file = tmp_path / "personnes.csv"
    file.write_text(CSV, encoding="utf-8")

    done = campus.cli("import", str(file), check=False)

    assert done.returncode == 0, done.stderr
    assert "Personnes créées : 2" in done.stdout
    assert campus.sync().errors == []
    assert len(campus.hq_people()) == 2  # HQ took them: the campus is the one it knows
    assert _campus_row(campus) == (campus.code, f"Campus {campus.code}", "93066")


def test_import_on_a_pc_enrolled_without_its_campus(live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]) -> None:
    """A PC enrolled by an earlier version (its campus not stored) heals when it imports."""
    campus = enrol(live_hq, tmp_path, keyring_file, "older")
    store = campus.store()
    try:
        with store.unit_of_work(None) as uow, uow.as_reference():
            uow.session.execute(delete(m.Campus).where(m.Campus.id == store.campus_id))
            uow.commit()
    finally:
        store.dispose()
    file = tmp_path / "personnes.csv"
    file.write_text(CSV, encoding="utf-8")

    done = campus.cli("import", str(file), check=False)

    assert done.returncode == 0, done.stderr
    assert campus.sync().errors == []
    assert len(campus.hq_people()) == 2
    assert _campus_row(campus) == (campus.code, f"Campus {campus.code}", "93066")  # HQ's record replaced it
