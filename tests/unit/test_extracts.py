"""Extracts over a period (people, referrals, events with attendance, startups, outcomes) as CSV or xlsx: the right
rows, French headers and labels, real dates in xlsx, nothing of comments or RQTH, the file whole or not at all, and
the same from the command line."""

from __future__ import annotations

import csv
import io
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from gn_core.domain import enums as e
from gn_core.domain.errors import KnownError
from gn_core.domain.pathway import MoveDetails
from gn_desktop import cli
from gn_desktop.services import events, extracts, partners, referrals, startups
from gn_desktop.services.followup import advance_pathway
from gn_desktop.services.progress import Cancelled, Progress
from gn_desktop.store import models as m
from tests.unit.world import TODAY, World

SECRET = "Commentaire confidentiel sur sa santé"
SINCE, UNTIL = TODAY - timedelta(days=30), TODAY + timedelta(days=30)


@pytest.fixture
def activity(world: World) -> dict[str, str]:
    """Two people; referrals in and out of the period; an event with attendance and one nobody came to; a startup;
    an outcome."""
    awa = world.person("Awa", "Diallo")
    karim = world.person("Karim", "Haddad", birth_date="01/01/1990")
    with world.store.unit_of_work(world.advisor_id) as uow:
        simplon = uow.session.scalar(select(m.Partner.id).where(m.Partner.name == "Simplon"))
        assert simplon is not None
        with uow.as_reference():  # HQ's catalogue
            prog = partners.create_programme(uow, simplon, "Développeur web", "development", 28)
            sid = partners.add_session(uow, prog, TODAY + timedelta(days=40), TODAY + timedelta(days=200), 10)
        referrals.refer(uow, awa, TODAY, programme_session_id=sid, comment=SECRET)
        referrals.refer(uow, karim, TODAY - timedelta(days=90), programme_session_id=sid)
        start = datetime.combine(TODAY, datetime.min.time(), UTC) + timedelta(hours=14)
        hack = events.create_event(uow, "Hackathon IA", e.EventKind.HACKATHON, start, start + timedelta(hours=3))
        events.mark_attendance(uow, events.register(uow, hack, awa), e.AttendanceStatus.ATTENDED)
        events.mark_attendance(uow, events.register(uow, hack, karim), e.AttendanceStatus.ABSENT)
        events.create_event(uow, "Portes ouvertes", e.EventKind.INFO_SESSION, start, start + timedelta(hours=1))
        startups.create_startup(uow, "Bitume & Co", "launched", person_id=awa, created_on=TODAY - timedelta(days=10))
        details = MoveDetails(exit_reason=next(iter(e.ExitReason)))
        advance_pathway(uow, karim, e.PathwayStep.OUTCOME_OTHER_EXIT, TODAY, details, comment=SECRET)
        uow.commit()
    return {"awa": awa, "karim": karim}


def extract(world: World, what: str, out: Path, fmt: str = "csv", **kw: Any) -> list[list[str]]:
    with world.store.unit_of_work(None) as uow:
        extracts.export(uow, what, fmt, out, **kw)
        uow.commit()
    return read(out)


def read(out: Path) -> list[list[Any]]:
    """The rows of a CSV or xlsx extract (empty cells as "")."""
    if out.suffix == ".xlsx":
        wb = load_workbook(out, read_only=True)
        try:
            rows = [["" if v is None else v for v in row] for row in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
        return [row + [""] * (len(rows[0]) - len(row)) for row in rows]  # empty cells at the end are not written
    with out.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def column(rows: list[list[Any]], name: str) -> list[Any]:
    i = rows[0].index(name)
    return [r[i] for r in rows[1:]]


def test_referrals_of_the_period_with_their_session_and_status(
    world: World, activity: dict[str, str], tmp_path: Path
) -> None:
    rows = extract(world, "referrals", tmp_path / "o.csv", since=SINCE, until=UNTIL)
    assert column(rows, "Prénom") == ["Awa"]  # Karim's referral is before the period
    assert column(rows, "Formation") == ["Développeur web"]
    assert column(rows, "Organisme de formation") == ["Simplon"]
    assert column(rows, "Orienté le") == [f"{TODAY:%d/%m/%Y}"]
    assert column(rows, "Statut") == ["Proposée"]
    everything = extract(world, "referrals", tmp_path / "tout.csv")
    assert len(everything) == 3


def test_events_with_attendance_and_an_event_nobody_came_to(
    world: World, activity: dict[str, str], tmp_path: Path
) -> None:
    rows = extract(world, "events", tmp_path / "e.xlsx", "xlsx", since=TODAY, until=TODAY)
    pairs = sorted(zip(column(rows, "Événement"), column(rows, "Prénom"), column(rows, "Présence"), strict=True))
    assert pairs == [
        ("Hackathon IA", "Awa", "Présent"),
        ("Hackathon IA", "Karim", "Absent"),
        ("Portes ouvertes", "", ""),
    ]
    assert set(column(rows, "Date")) == {datetime.combine(TODAY, datetime.min.time())}  # a real date
    assert extract(world, "events", tmp_path / "avant.csv", until=TODAY - timedelta(days=1)) == [rows[0]]


def test_startups_and_outcomes(world: World, activity: dict[str, str], tmp_path: Path) -> None:
    rows = extract(world, "startups", tmp_path / "s.csv", since=SINCE)
    assert column(rows, "Nom") == ["Bitume & Co"] and column(rows, "Fondateur") == ["Awa Diallo"]
    assert column(rows, "Stade") == ["Lancée"]
    rows = extract(world, "outcomes", tmp_path / "x.xlsx", "xlsx", since=SINCE, until=UNTIL)
    assert column(rows, "Prénom") == ["Karim"]
    assert column(rows, "Sortie") == ["Sortie : autre"]


def test_people_of_the_period_by_enrolment(world: World, activity: dict[str, str], tmp_path: Path) -> None:
    rows = extract(world, "people", tmp_path / "p.csv", since=TODAY, until=TODAY)
    assert sorted(column(rows, "Prénom")) == ["Awa", "Karim"]
    assert extract(world, "people", tmp_path / "vide.csv", until=TODAY - timedelta(days=1)) == [rows[0]]


@pytest.mark.parametrize("what", [w.value for w in extracts.What])
def test_no_comment_and_no_rqth_ever(world: World, activity: dict[str, str], tmp_path: Path, what: str) -> None:
    out = tmp_path / f"{what}.csv"
    extract(world, what, out)
    text = out.read_text(encoding="utf-8-sig")
    assert SECRET not in text
    assert "rqth" not in text.lower() and "handicap" not in text.lower()


def test_every_extract_is_in_the_audit_trail(world: World, activity: dict[str, str], tmp_path: Path) -> None:
    extract(world, "referrals", tmp_path / "o.xlsx", "xlsx", since=SINCE)
    with world.store.reading() as s:
        details = list(s.scalars(select(m.AuditEvent.detail).where(m.AuditEvent.action == e.AuditAction.PEOPLE_EXPORT)))
    assert details == [f"what=referrals format=xlsx rows=1 from={SINCE.isoformat()} to="]


def test_a_cancelled_extract_writes_no_file_and_records_nothing(
    world: World, activity: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "o.xlsx"
    with world.store.unit_of_work(None) as uow, pytest.raises(Cancelled, match="aucun fichier"):
        extracts.export(uow, "people", "xlsx", out, progress=Progress(is_cancelled=lambda: True))
    assert list(tmp_path.iterdir()) == []
    with world.store.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.AuditEvent)) == 0


def test_refusals_say_what_to_do(world: World, tmp_path: Path) -> None:
    with world.store.unit_of_work(None) as uow:
        with pytest.raises(KnownError, match="Inversez les deux dates"):
            extracts.export(uow, "people", "csv", tmp_path / "x.csv", since=TODAY, until=TODAY - timedelta(days=1))
        with pytest.raises(KnownError, match="choisissez people, referrals"):
            extracts.export(uow, "notes", "csv", tmp_path / "x.csv")
        with pytest.raises(KnownError, match="choisissez csv ou xlsx"):
            extracts.export(uow, "people", "json", tmp_path / "x.json")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo")
    assert cli.main(["--data-dir", str(data), "demo-data", "--people", "120", "--seed", "3"]) == 0
    return data


@pytest.mark.parametrize("what", ["people", "referrals", "events", "startups", "outcomes"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cli_export_of_each_kind(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, fmt: str
) -> None:
    out = tmp_path / f"{what}.{fmt}"
    args = ["--data-dir", str(demo_dir), "export", "--what", what, "--format", fmt, "--out", str(out)]
    assert cli.main([*args, "--from", "01/01/2000", "--to", "31/12/2100"]) == 0
    err = capsys.readouterr().err
    assert "écrite" in err and str(out) in err
    assert "\r" not in err  # not a terminal: no progress line
    rows = read(out)
    assert len(rows) > 1, what
    assert str(len(rows) - 1) in err


def test_cli_export_default_file_name_and_bad_date(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--data-dir", str(demo_dir), "export", "--what", "referrals", "--from", "01/01/2025"]) == 0
    assert (tmp_path / "orientations_2025-01-01.csv").exists()
    assert cli.main(["--data-dir", str(demo_dir), "export", "--what", "events", "--to", "31/13/2025"]) == 1
    assert "--to : « 31/13/2025 » n'est pas une date valide" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(demo_dir), "export", "--what", "events", "--format", "json"]) == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_jobs_draw_their_progress_on_a_terminal_only(
    demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    out = tmp_path / "personnes.csv"
    assert (
        cli.main(["--data-dir", str(demo_dir), "export", "--what", "people", "--from", "01/01/2000", "--out", str(out)])
        == 0
    )
    drawn = terminal.getvalue()
    assert "\rExtraction personnes : écriture" in drawn and "(100 %)" in drawn
    assert drawn.rstrip().endswith(f"120 lignes écrites dans {out}.")  # the progress line was wiped first

    terminal.seek(0)
    terminal.truncate()
    path = tmp_path / "import.csv"
    path.write_text("Prénom;Nom\nAwa;Traoré\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(tmp_path / "autre"), "import", str(path), "--campus", "SDN"]) == 0
    assert "\rImport de import.csv : vérification 1 / 1 (100 %)" in terminal.getvalue()
