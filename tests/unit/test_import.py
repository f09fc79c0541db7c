"""Import of people: the files campuses really have open as they should, a bad row is named with its line and
reason, a file with any bad row imports nothing (unless asked to skip them), and updates by id touch only what
changed."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gn_desktop import cli
from gn_desktop.services.followup import advance_pathway
from gn_desktop.services.importing import ImportRefused, ImportReport, import_file
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from tests.unit.world import TODAY, World

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def run_import(store: Store, path: Path, *, campus: str | None = "SDN", skip: bool = False) -> ImportReport:
    """As the CLI does: one unit of work, committed only if the import succeeds."""
    with store.unit_of_work(None) as uow:
        report = import_file(uow, path, campus_code=campus, skip_bad_rows=skip, today=TODAY)
        uow.commit()
    return report


def refused(store: Store, path: Path, **kw: object) -> ImportRefused:
    with pytest.raises(ImportRefused) as err:
        run_import(store, path, **kw)  # type: ignore[arg-type]
    return err.value


def write(tmp_path: Path, text: str, name: str = "personnes.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def people(store: Store) -> dict[str, m.Person]:
    """Everyone in the store, by "First Last"."""
    with store.reading() as s:
        return {f"{p.first_name} {p.last_name}": p for p in s.scalars(select(m.Person))}


def count(store: Store, model: type[m.Base]) -> int:
    with store.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def person_log(store: Store, person_id: str) -> list[m.ChangeLog]:
    with store.reading() as s:
        return list(
            s.scalars(
                select(m.ChangeLog)
                .where(m.ChangeLog.entity == "person", m.ChangeLog.record_id == person_id)
                .order_by(m.ChangeLog.seq)
            )
        )


# --- The files campuses have ---------------------------------------------------------------------------------


def test_excel_french_csv_in_cp1252_with_semicolons_keeps_accents_and_reads_labels(world: World) -> None:
    report = run_import(world.store, FIXTURES / "personnes_excel_fr.csv")

    assert (report.created, report.updated, report.unchanged, report.bad_rows) == (3, 0, 0, [])
    found = people(world.store)
    assert set(found) == {"François Lefèvre", "Noëlle Cœurdevey", "Hélène Garçon"}
    francois = found["François Lefèvre"]
    assert francois.birth_date == date(1998, 4, 3)  # dd/mm/yyyy, not mm/dd
    assert francois.phone == "+33612345678"
    assert francois.commune_insee == "93066"  # "Saint-Denis"
    assert francois.situation == "job_seeker"  # from its French label
    assert francois.education_level == "4"  # "Niveau 4 (bac)"
    assert francois.job_families == ["data", "development"]  # "Développement | Data"
    assert francois.referral_source == "france_travail"
    assert francois.campus_id == world.campus_id
    noelle = found["Noëlle Cœurdevey"]
    assert noelle.commune_insee == "93001"  # postcode of Aubervilliers
    assert noelle.barriers == ["childcare", "housing"]  # "Garde d'enfants, Logement"
    helene = found["Hélène Garçon"]
    assert (helene.commune_insee, helene.commune_other) == (None, "Paris")
    assert helene.education_level == "6"  # the label's own comma does not split it
    assert "Personnes créées : 3" in report.describe()


def test_utf8_with_bom_and_english_headers(world: World) -> None:
    """The BOM must not glue itself to the first header: "first_name" is still recognised."""
    assert (FIXTURES / "people_utf8_bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    report = run_import(world.store, FIXTURES / "people_utf8_bom.csv")

    assert report.created == 2
    awa = people(world.store)["Awa Traoré"]
    assert awa.birth_date == date(1999, 5, 12)  # ISO dates work too
    assert (awa.situation, awa.education_level, awa.benefits) == ("job_seeker", "5", ["rsa"])
    assert people(world.store)["Mamadou Sissoko"].birth_date == date(2003, 7, 14)


def test_headers_ignore_accents_case_and_spaces_and_unknown_columns_are_named(world: World, tmp_path: Path) -> None:
    path = write(tmp_path, "PRENOM ; nom ;date de NAISSANCE;Remarques\nAwa;Diallo;12/05/1999;ne pas importer\n")
    report = run_import(world.store, path)

    assert people(world.store)["Awa Diallo"].birth_date == date(1999, 5, 12)
    assert report.ignored_columns == ["Remarques"]
    assert "Colonnes non reconnues, ignorées : « Remarques »." in report.describe()


def test_vocabulary_takes_values_or_labels_and_names_an_unknown_one(world: World, tmp_path: Path) -> None:
    ok = write(tmp_path, "Prénom;Nom;Situation;Freins\nAwa;Diallo;EN RECONVERSION;health|Maîtrise du français\n")
    run_import(world.store, ok)
    awa = people(world.store)["Awa Diallo"]
    assert (awa.situation, awa.barriers) == ("retraining", ["french_language", "health"])

    bad = write(tmp_path, "Prénom;Nom;Situation\nLina;Roux;Chômeuse\n", name="b.csv")
    err = refused(world.store, bad)
    assert err.report.bad_rows[0].line == 2
    assert err.report.bad_rows[0].reasons == ("Situation : « Chômeuse » n'est pas une valeur reconnue.",)


def test_json_list_of_objects_is_imported(world: World, tmp_path: Path) -> None:
    path = tmp_path / "personnes.json"
    path.write_text(
        json.dumps([{"first_name": "Awa", "last_name": "Diallo", "job_families": ["data", "Cybersécurité"]}]),
        encoding="utf-8",
    )
    run_import(world.store, path)
    assert people(world.store)["Awa Diallo"].job_families == ["cybersecurity", "data"]


def test_json_bad_rows_are_reported_with_the_line_they_start_on(world: World, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[\n{"first_name": "Awa", "last_name": "Diallo"},\n{"first_name": "Lina",\n "last_name": "Roux",\n'
        ' "birth_date": "1990-13-01"},\n"pas une personne"\n]\n',
        name="personnes.json",
    )
    err = refused(world.store, path)
    assert [(b.line, b.reasons) for b in err.report.bad_rows] == [
        (3, ("Date de naissance : « 1990-13-01 » n'est pas une date valide. Saisissez-la au format jj/mm/aaaa.",)),
        (6, ("L'élément n'est pas un objet { ... } décrivant une personne.",)),
    ]

    broken = write(tmp_path, '[{"first_name": "Awa", "last_name": "Diallo"}\n{"first_name": "Lina"}]', "b.json")
    assert refused(world.store, broken).message.startswith("Le fichier JSON est mal formé vers la ligne 2")


# --- Bad rows ------------------------------------------------------------------------------------------------


def test_bad_dates_and_phone_are_reported_with_their_lines_and_french_reasons(world: World) -> None:
    err = refused(world.store, FIXTURES / "personnes_erreurs.csv")

    assert [b.line for b in err.report.bad_rows] == [3, 5]
    line3, line5 = err.report.bad_rows
    assert line3.reasons == (
        "Date de naissance : « 31/02/1999 » n'est pas une date valide. Saisissez-la au format jj/mm/aaaa.",
    )
    assert any("« 1er mai 2001 » n'est pas une date valide" in r for r in line5.reasons)
    assert any(r.startswith("Téléphone : « 12 34 » n'est pas un numéro valide") for r in line5.reasons)
    # the message the CLI prints lists every bad line
    assert "aucune personne n'a été importée" in err.message
    assert "ligne 3 : Date de naissance : « 31/02/1999 »" in err.message
    assert "ligne 5 : " in err.message and "--skip-bad-rows" in err.message


def test_a_file_with_a_bad_row_imports_nothing(world: World) -> None:
    world.person("Awa", "Diallo")
    before = (count(world.store, m.Person), count(world.store, m.ChangeLog))

    refused(world.store, FIXTURES / "personnes_erreurs.csv")

    assert (count(world.store, m.Person), count(world.store, m.ChangeLog)) == before
    assert "Inès Benali" not in people(world.store)


def test_nothing_is_written_before_the_refusal_even_in_the_callers_unit_of_work(world: World) -> None:
    with world.store.unit_of_work(None) as uow:
        with pytest.raises(ImportRefused):
            import_file(uow, FIXTURES / "personnes_erreurs.csv", campus_code="SDN", skip_bad_rows=False, today=TODAY)
        assert uow.session.scalar(select(func.count()).select_from(m.Person)) == 0


def test_skip_bad_rows_imports_the_good_ones_and_says_which_lines_were_skipped(world: World) -> None:
    report = run_import(world.store, FIXTURES / "personnes_erreurs.csv", skip=True)

    assert set(people(world.store)) == {"Inès Benali", "Sofia Mendes", "Yasmine Cherif"}
    assert report.created == 3
    assert report.skipped_lines == [3, 5]
    text = report.describe()
    assert "Lignes ignorées car en erreur : 2" in text
    assert "ligne 3 : Date de naissance : « 31/02/1999 » n'est pas une date valide." in text
    assert "ligne 5 : " in text and "« 12 34 » n'est pas un numéro valide" in text


def test_line_numbers_are_the_lines_of_the_file(world: World, tmp_path: Path) -> None:
    """Blank lines and a cell written over two lines still give the line a spreadsheet user sees."""
    path = write(
        tmp_path,
        'Prénom;Nom;Commune;Téléphone\r\nAwa;Diallo;"Saint-\r\nDenis";\r\n\r\nLina;Roux;Bondy;0000\r\n',
    )
    err = refused(world.store, path)
    assert [b.line for b in err.report.bad_rows] == [5]


def test_duplicate_id_in_the_file_reports_both_lines(world: World, tmp_path: Path) -> None:
    pid = "01950000-0000-7000-8000-000000000001"
    path = write(tmp_path, f"id;Prénom;Nom\n{pid};Awa;Diallo\n;Lina;Roux\n{pid};Awa;Dialo\n")
    err = refused(world.store, path)

    assert [b.line for b in err.report.bad_rows] == [2, 4]
    for bad in err.report.bad_rows:
        assert bad.reasons == (
            "Identifiant en double : le même identifiant figure aux lignes 2 et 4 du fichier. "
            "Gardez une seule ligne par personne.",
        )


def test_same_name_and_birth_date_twice_without_id_is_reported(world: World, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Prénom;Nom;Date de naissance\nAwa;Diallo;12/05/1999\nLina;Roux;01/01/2000\nAWA;DIALLO;12/05/1999\n",
    )
    report = run_import(world.store, path, skip=True)

    assert report.skipped_lines == [2, 4]
    assert "qu'à la ligne 4" in report.bad_rows[0].reasons[0]
    assert "qu'à la ligne 2" in report.bad_rows[1].reasons[0]
    assert set(people(world.store)) == {"Lina Roux"}


def test_missing_required_columns_are_named(world: World, tmp_path: Path) -> None:
    path = write(tmp_path, "Prenom;Téléphone\nAwa;0612345678\n")
    err = refused(world.store, path)
    assert err.message.startswith("Colonne obligatoire absente : « Nom ».")
    assert "« Prenom », « Téléphone »" in err.message

    no_header = write(tmp_path, "Awa;Diallo;12/05/1999\n", name="sans_entete.csv")
    err = refused(world.store, no_header)
    assert "Colonnes obligatoires absentes : « Prénom » et « Nom »" in err.message


def test_empty_file_is_refused(world: World, tmp_path: Path) -> None:
    err = refused(world.store, write(tmp_path, "\ufeff\r\n\r\n"))
    assert err.message == "Le fichier personnes.csv est vide : il n'y a personne à importer."


def test_an_unreadable_workbook_is_refused_with_how_to_save_it(world: World, tmp_path: Path) -> None:
    path = tmp_path / "personnes.xlsx"
    path.write_bytes(b"PK\x03\x04rest of a zip")
    assert "CSV (séparateur : point-virgule)" in refused(world.store, path).message


# --- Creation and upsert -------------------------------------------------------------------------------------


def test_created_people_have_a_public_interest_follow_up_basis_a_first_step_and_change_log(
    world: World, tmp_path: Path
) -> None:
    run_import(world.store, write(tmp_path, "Prénom;Nom\nAwa;Diallo\n"))
    awa = people(world.store)["Awa Diallo"]

    with world.store.reading() as s:
        consents = list(s.scalars(select(m.Consent).where(m.Consent.person_id == awa.id)))
        events = list(s.scalars(select(m.PathwayEvent).where(m.PathwayEvent.person_id == awa.id)))
    assert [(c.purpose, c.legal_basis, c.given_on) for c in consents] == [("follow_up", "public_interest", TODAY)]
    assert [(ev.from_step, ev.to_step) for ev in events] == [(None, "welcome")]
    assert (awa.pathway_step, awa.enrolled_on) == ("welcome", TODAY)
    assert [entry.op for entry in person_log(world.store, awa.id)] == ["insert"]


def test_upsert_by_id_changes_only_the_changed_fields(world: World, tmp_path: Path) -> None:
    awa = world.person("Awa", "Diallo", phone="06 12 34 56 78", situation="job_seeker", email="awa@exemple.fr")
    lina = world.person("Lina", "Roux", birth_date="01/01/2000")
    log_before = len(person_log(world.store, awa))
    path = write(
        tmp_path,
        "Identifiant;Prénom;Nom;Téléphone;E-mail\n"
        f"{awa};Awa;Diallo;06 98 76 54 32;awa@exemple.fr\n"
        f"{lina};Lina;Roux;;\n",
    )
    report = run_import(world.store, path)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert (report.updated_ids, report.unchanged_ids) == ([awa], [lina])
    new_entries = person_log(world.store, awa)[log_before:]
    assert len(new_entries) == 1
    assert new_entries[0].op == "update"
    assert new_entries[0].fields == {"phone": {"old": "+33612345678", "new": "+33698765432"}}
    updated = people(world.store)["Awa Diallo"]
    assert updated.situation == "job_seeker"  # no Situation column: left as it was
    assert updated.birth_date == date(1999, 5, 12)
    assert len(person_log(world.store, lina)) == 1  # only its creation


def test_an_empty_cell_in_a_present_column_clears_the_field(world: World, tmp_path: Path) -> None:
    awa = world.person("Awa", "Diallo", email="awa@exemple.fr")
    run_import(world.store, write(tmp_path, f"id;first_name;last_name;email\n{awa};Awa;Diallo;\n"))
    assert people(world.store)["Awa Diallo"].email is None


def test_unknown_id_creates_the_person_with_that_id(world: World, tmp_path: Path) -> None:
    pid = "01950000-0000-7000-8000-0000000000aa"
    report = run_import(world.store, write(tmp_path, f"id;Prénom;Nom;Campus\n{pid.upper()};Awa;Diallo;sdn\n"))

    assert report.created_ids == [pid]
    awa = people(world.store)["Awa Diallo"]
    assert (awa.id, awa.campus_id) == (pid, world.campus_id)


def test_a_pc_imports_people_of_its_own_campus_only(world: World, tmp_path: Path) -> None:
    """HQ refuses a person enrolled by a PC at another campus: the import says so, line by line, up front."""
    err = refused(world.store, write(tmp_path, "Prénom;Nom;Campus\nAwa;Diallo;sdn\nKarim;Haddad;aub\n"))
    [bad] = err.report.bad_rows
    assert bad.line == 3 and bad.reasons[0].startswith("Campus : ce poste inscrit les personnes de son campus")
    assert "Awa Diallo" not in people(world.store)


def test_an_import_does_not_move_an_existing_person_along_the_pathway(world: World, tmp_path: Path) -> None:
    awa = world.person("Awa", "Diallo")
    with world.store.unit_of_work(world.advisor_id) as uow:
        advance_pathway(uow, awa, "assessment", TODAY)
        uow.commit()
    path = write(tmp_path, f"id;Prénom;Nom;Étape\n{awa};Awa;Diallo;Orientation\n")
    err = refused(world.store, path)
    assert (
        err.report.bad_rows[0]
        .reasons[0]
        .startswith("Étape : la personne est à l'étape « Diagnostic », le fichier indique « Orientation ».")
    )
    # the current step (label or code) is fine
    assert run_import(world.store, write(tmp_path, f"id;Prénom;Nom;Étape\n{awa};Awa;Diallo;assessment\n")).unchanged


def test_a_deleted_person_cannot_come_back_through_an_import(world: World, tmp_path: Path) -> None:
    pid = "01950000-0000-7000-8000-0000000000bb"
    with world.store.unit_of_work(None) as uow:
        uow.session.add(m.Tombstone(entity="person", record_id=pid, hlc="x", erased=True))
        uow.commit()
    err = refused(world.store, write(tmp_path, f"id;Prénom;Nom\n{pid};Awa;Diallo\n"))
    assert "cette personne a été supprimée" in err.report.bad_rows[0].reasons[0]


def test_creating_someone_already_known_is_imported_but_flagged(world: World, tmp_path: Path) -> None:
    world.person("Awa", "Diallo", birth_date="12/05/1999")
    report = run_import(world.store, write(tmp_path, "Prénom;Nom;Date de naissance\nawa;diallo;12/05/1999\n"))
    assert report.created == 1
    assert "déjà enregistrée (lignes 2)" in report.describe()


def test_campus_is_required_when_the_device_has_none(tmp_path: Path) -> None:
    store = Store.in_memory()
    err = refused(store, write(tmp_path, "Prénom;Nom\nAwa;Diallo\n"), campus=None)
    assert "--campus SDN" in err.message
    store.dispose()


# --- Command line --------------------------------------------------------------------------------------------


def test_cli_import_into_a_fresh_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    excel = str(FIXTURES / "personnes_excel_fr.csv")
    assert cli.main(["--data-dir", data, "import", excel, "--campus", "SDN"]) == 0
    assert "Personnes créées : 3" in capsys.readouterr().out

    bad = str(FIXTURES / "personnes_erreurs.csv")
    assert cli.main(["--data-dir", data, "import", bad, "--campus", "SDN"]) == 1
    assert "Erreur : Import refusé : 2 lignes sont en erreur" in capsys.readouterr().err

    assert cli.main(["--data-dir", data, "import", bad, "--campus", "SDN", "--skip-bad-rows"]) == 0
    out = capsys.readouterr().out
    assert "Personnes créées : 3" in out and "ligne 3 :" in out
    store = Store.open(Path(data))
    assert count(store, m.Person) == 6
    store.dispose()


@pytest.mark.slow
def test_ten_thousand_rows_import_in_a_few_seconds(tmp_path: Path) -> None:
    lines = ["Prénom;Nom;Date de naissance;Téléphone;E-mail;Commune;Situation;Métiers visés"]
    for i in range(10_000):
        lines.append(
            f"Prénom{i};Nom{i};{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40};06 12 {i % 100:02d} "
            f"{i // 100 % 100:02d} 56;p{i}@exemple.fr;{('Saint-Denis', '93300', 'Paris')[i % 3]};"
            "Demandeur d'emploi (France Travail);Développement|data"
        )
    path = write(tmp_path, "\r\n".join(lines), encoding="cp1252")
    store = Store.in_memory()
    started = time.perf_counter()
    report = run_import(store, path)
    elapsed = time.perf_counter() - started
    assert report.created == 10_000
    assert count(store, m.ChangeLog) >= 30_000  # person, consent and first pathway event each logged
    assert elapsed < 60, f"10 000 lignes importées en {elapsed:.1f} s"  # a guard against quadratic slips
