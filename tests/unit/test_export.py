"""Export of people: Excel in France opens the CSV right, the JSON re-imports into another store as the same records,
and notes and RQTH data never leave the store."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from gn_desktop import cli
from gn_desktop.services.exporting import export_people
from gn_desktop.services.followup import add_note, advance_pathway
from gn_desktop.services.importing import import_file
from gn_desktop.services.intake import ConsentInput, PersonForm, RqthInput, create_person
from gn_desktop.services.setup import ensure_reference_data
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns
from gn_desktop.store.uow import Store
from tests.unit.world import TODAY, World

FRENCH_HEADERS = [
    "Identifiant",
    "Prénom",
    "Nom",
    "Genre",
    "Date de naissance",
    "Téléphone",
    "E-mail",
    "Commune",
    "Situation",
    "Identifiant France Travail",
    "Niveau",
    "Allocations",
    "Freins",
    "Métiers visés",
    "Orienté par",
    "Campus",
    "Étape",
    "Code étape",
    "Étape depuis",
    "Inscrit le",
    "Dernier contact",
]
SECRET_NOTE = "Confidentiel : hébergée chez sa sœur depuis la séparation"


@pytest.fixture
def filled(world: World) -> World:
    """Three people: one with every field (now at the assessment step), one living outside the 93, one at AUB
    with an RQTH decision and notes."""
    world.person(
        "Awa",
        "Diallo",
        gender="female",
        phone="06 12 34 56 78",
        email="awa.diallo@exemple.fr",
        commune="Saint-Denis",
        situation="job_seeker",
        france_travail_id="1234567A",
        education_level="4",
        benefits=["rsa"],
        barriers=["mobility", "childcare"],
        job_families=["development", "data"],
        referral_source="france_travail",
    )
    world.person("Hélène", "Garçon", birth_date="02/02/1985", commune="Paris 11e", situation="retraining")
    with world.store.unit_of_work(world.advisor_id) as uow:
        awa = uow.session.scalar(select(m.Person.id).where(m.Person.first_name == "Awa"))
        assert awa is not None
        advance_pathway(uow, awa, "assessment", TODAY)
        karim = create_person(
            uow,
            PersonForm(first_name="Karim", last_name="Haddad", birth_date="30/06/1990", commune="93008"),
            [ConsentInput("follow_up"), ConsentInput("rqth_recording")],
            campus_id=world.campus_id,
            today=TODAY,
            rqth=RqthInput(decided_on="17/03/2021", valid_from="17/03/2021", valid_until="16/03/2031"),
            confirmed_new=True,
        )
        add_note(uow, karim, SECRET_NOTE, restricted=True)
        add_note(uow, awa, "Rendez-vous pris avec Simplon")
        uow.commit()
    with world.store.unit_of_work(world.advisor_id) as uow:  # enrolled here, then transferred to AUB
        person = uow.session.get(m.Person, karim)
        assert person is not None
        person.campus_id = world.other_campus_id
        uow.commit()
    return world


def export_text(store: Store, fmt: str) -> str:
    out = io.StringIO()
    with store.unit_of_work(None) as uow:
        export_people(uow, fmt, out)
    return out.getvalue()


def snapshot(store: Store) -> dict[str, dict[str, Any]]:
    """Every person's data fields by id, the campus by its code (ids of campuses differ from store to store)."""
    fields = [f for f in data_columns(m.Person) if f not in ("campus_id", "advisor_id")]
    with store.reading() as s:
        codes = dict(s.execute(select(m.Campus.id, m.Campus.code)).all())
        return {
            p.id: {**{f: getattr(p, f) for f in fields}, "campus": codes[p.campus_id]}
            for p in s.scalars(select(m.Person))
        }


# --- CSV -----------------------------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_semicolons_french_headers_and_french_dates(filled: World, tmp_path: Path) -> None:
    path = tmp_path / "personnes.csv"
    with filled.store.unit_of_work(None) as uow:
        assert export_people(uow, "csv", path) == 3

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with its BOM
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].split(";") == FRENCH_HEADERS
    rows = {r["Prénom"]: r for r in csv.DictReader(lines, delimiter=";")}
    awa = rows["Awa"]
    assert awa["Date de naissance"] == "12/05/1999"
    assert awa["Téléphone"] == "06 12 34 56 78"
    assert awa["Genre"] == "Femme"
    assert awa["Commune"] == "Saint-Denis"
    assert awa["Situation"] == "Demandeur d'emploi (France Travail)"
    assert awa["Métiers visés"] == "Data | Développement"
    assert (awa["Étape"], awa["Code étape"], awa["Étape depuis"]) == ("Diagnostic", "assessment", "02/03/2026")
    assert awa["Campus"] == "SDN"
    assert rows["Hélène"]["Commune"] == "Paris 11e"
    assert (rows["Karim"]["Campus"], rows["Karim"]["Étape"]) == ("AUB", "Accueil")


def test_csv_to_a_stream_starts_with_the_bom(filled: World) -> None:
    text = export_text(filled.store, "csv")
    assert text.startswith("\ufeffIdentifiant;Prénom;Nom;")
    assert len(text.splitlines()) == 4


def test_csv_export_reimports_into_a_fresh_store_unchanged(filled: World, tmp_path: Path) -> None:
    path = tmp_path / "personnes.csv"
    with filled.store.unit_of_work(None) as uow:
        export_people(uow, "csv", path)
    fresh = Store.in_memory()
    with fresh.unit_of_work(None) as uow:
        report = import_file(uow, path, campus_code=None, skip_bad_rows=False, today=TODAY)
        uow.commit()
    assert (report.created, report.bad_rows, report.ignored_columns) == (3, [], [])
    assert snapshot(fresh) == snapshot(filled.store)
    fresh.dispose()


def test_formula_like_text_is_written_as_text(world: World, tmp_path: Path) -> None:
    """A name typed at the kiosk must never run as a formula when the export is opened in a spreadsheet."""
    world.person('=HYPERLINK("http://x")', "Diallo")
    csv_text = export_text(world.store, "csv")
    assert ';"\'=HYPERLINK(""http://x"")";Diallo;' in csv_text
    path = tmp_path / "personnes.xlsx"
    with world.store.unit_of_work(None) as uow:
        export_people(uow, "xlsx", path)
    cell = load_workbook(path).active["B2"]  # type: ignore[index]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    # and the CSV re-imports with the name as it was
    fresh = Store.in_memory()
    reimport = tmp_path / "personnes.csv"
    reimport.write_text(csv_text, encoding="utf-8")
    with fresh.unit_of_work(None) as uow:
        import_file(uow, reimport, campus_code=None, skip_bad_rows=False, today=TODAY)
        uow.commit()
    assert snapshot(fresh) == snapshot(world.store)
    fresh.dispose()


# --- JSON ----------------------------------------------------------------------------------------------------


def test_json_has_stable_english_keys_iso_dates_and_ids(filled: World) -> None:
    records = json.loads(export_text(filled.store, "json"))
    awa = next(r for r in records if r["first_name"] == "Awa")
    assert awa["birth_date"] == "1999-05-12"
    assert (awa["pathway_step"], awa["pathway_step_label"]) == ("assessment", "Diagnostic")
    assert (awa["campus_code"], awa["commune_insee"], awa["phone"]) == ("SDN", "93066", "+33612345678")
    assert awa["job_families"] == ["data", "development"]
    assert len(awa["id"]) == 36


def test_json_export_reimported_into_a_fresh_store_gives_the_same_records(filled: World, tmp_path: Path) -> None:
    path = tmp_path / "personnes.json"
    with filled.store.unit_of_work(None) as uow:
        assert export_people(uow, "json", path) == 3
    fresh = Store.in_memory()
    with fresh.unit_of_work(None) as uow:
        ensure_reference_data(uow)
        uow.commit()
    with fresh.unit_of_work(None) as uow:
        report = import_file(uow, path, campus_code=None, skip_bad_rows=False, today=date(2026, 9, 1))
        uow.commit()

    assert (report.created, report.bad_rows, report.ignored_columns) == (3, [], [])
    original, copy = snapshot(filled.store), snapshot(fresh)
    assert copy == original  # same ids, same values, the step and its dates included
    assert {p["pathway_step"] for p in copy.values()} == {"assessment", "welcome"}

    # and importing it again changes nothing
    with fresh.unit_of_work(None) as uow:
        again = import_file(uow, path, campus_code=None, skip_bad_rows=False, today=date(2026, 9, 1))
        uow.commit()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    fresh.dispose()


def test_empty_store_exports_an_empty_list(store: Store) -> None:
    assert json.loads(export_text(store, "json")) == []


# --- xlsx ----------------------------------------------------------------------------------------------------


def test_xlsx_opens_in_openpyxl_with_headers_and_real_dates(filled: World, tmp_path: Path) -> None:
    path = tmp_path / "personnes.xlsx"
    with filled.store.unit_of_work(None) as uow:
        assert export_people(uow, "xlsx", path) == 3

    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == FRENCH_HEADERS
    assert len(rows) == 4
    awa = dict(zip(FRENCH_HEADERS, next(r for r in rows if r[1] == "Awa"), strict=True))
    assert awa["Date de naissance"] == datetime(1999, 5, 12)
    assert (awa["Étape"], awa["Campus"]) == ("Diagnostic", "SDN")
    assert not list(tmp_path.glob("*.partiel"))


def test_xlsx_needs_a_file(filled: World) -> None:
    with filled.store.unit_of_work(None) as uow, pytest.raises(Exception, match="fichier"):
        export_people(uow, "xlsx", io.StringIO())


# --- What never leaves the store -----------------------------------------------------------------------------


def test_notes_and_rqth_are_never_exported(filled: World, tmp_path: Path) -> None:
    xlsx = tmp_path / "personnes.xlsx"
    with filled.store.unit_of_work(None) as uow:
        export_people(uow, "xlsx", xlsx)
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    cells = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    for text in (export_text(filled.store, "csv"), export_text(filled.store, "json"), cells):
        assert "Karim" in text  # the person is exported...
        assert "sœur" not in text and "Simplon" not in text  # ...not the notes
        assert "rqth" not in text.lower()
        assert "2021" not in text and "2031" not in text  # nor the RQTH decision and validity dates


# --- Command line --------------------------------------------------------------------------------------------


def test_cli_export_then_import_elsewhere(filled: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source"
    out = tmp_path / "personnes.json"
    path = tmp_path / "awa.csv"
    path.write_text("Prénom;Nom;Date de naissance\nAwa;Diallo;12/05/1999\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(source), "import", str(path), "--campus", "MTR"]) == 0
    assert cli.main(["--data-dir", str(source), "export", "--format", "json", "--out", str(out)]) == 0
    assert "1 personne exportée" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(tmp_path / "copie"), "import", str(out)]) == 0
    assert "Personnes créées : 1" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(tmp_path / "copie"), "export"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("\ufeffIdentifiant;Prénom;Nom;") and ";Awa;Diallo;" in printed and ";MTR;" in printed
