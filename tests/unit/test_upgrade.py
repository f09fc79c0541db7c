"""Upgrading a campus over a database made by an older version: every record kept, a backup copy taken first, and a
failed migration puts the copy back and says so in French."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from gn_core.domain.normalize import person_search_terms
from gn_desktop import cli
from gn_desktop.services import search
from gn_desktop.store import backup, migrate
from gn_desktop.store import models as m
from gn_desktop.store.engine import DB_FILENAME, make_engine
from gn_desktop.store.uow import Store

CAMPUS_ID = "00000000-0000-7000-8000-000000000001"
STAMP = "2025-03-01T09:30:00.000+00:00"
# (id, first name, last name, birth date, phone) of the people the old version recorded
PEOPLE = [
    (f"00000000-0000-7000-8000-0000000001{i:02d}", first, last, birth, phone)
    for i, (first, last, birth, phone) in enumerate(
        [
            ("Inès", "Diallo", "1998-04-12", "0639981234"),
            ("Karim", "Benali", "2001-11-30", None),
            ("Éloïse", "Lefèvre", None, "0612345678"),
        ]
    )
]


def make_old_database(data_dir: Path, revision: str = "0001") -> Path:
    """A campus.db as version 0.0 left it: migrated to `revision` only, with records written by raw SQL."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_FILENAME
    engine = make_engine(path)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), revision)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO campus (id, code, name, commune_insee, is_hq, created_at, updated_at, version, sync_version) "
            "VALUES (?, 'SDN', 'Saint-Denis', '93066', 0, ?, ?, 1, 0)",
            (CAMPUS_ID, STAMP, STAMP),
        )
        for pid, first, last, birth, phone in PEOPLE:
            conn.exec_driver_sql(
                "INSERT INTO person (id, first_name, last_name, name_key, birth_date, phone, benefits, barriers, "
                "job_families, campus_id, enrolled_on, pathway_step, pathway_since, created_at, updated_at, version, "
                "sync_version) VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', '[\"data\"]', ?, '2025-02-01', 'assessment', "
                "'2025-02-10', ?, ?, 3, 0)",
                (pid, first, last, f"{last} {first}".lower(), birth, phone, CAMPUS_ID, STAMP, STAMP),
            )
            if revision != "0001":  # from 0002 on, the app wrote the search terms the index is built from
                terms = person_search_terms(
                    first, last, date.fromisoformat(birth) if birth else None, phone, None, None
                )
                conn.exec_driver_sql("UPDATE person SET search_terms = ? WHERE id = ?", (terms, pid))
            conn.exec_driver_sql(
                "INSERT INTO note (id, person_id, body, restricted, created_at, updated_at, version, sync_version) "
                "VALUES (?, ?, ?, 0, ?, ?, 1, 0)",
                (pid[:-3] + "9" + pid[-2:], pid, f"Premier entretien avec {first}.", STAMP, STAMP),
            )
    engine.dispose()
    return path


def people_and_notes(store: Store) -> tuple[list[tuple[str, str, str, int]], list[str]]:
    with store.reading() as session:
        people = session.execute(
            select(m.Person.id, m.Person.first_name, m.Person.last_name, m.Person.version).order_by(m.Person.id)
        ).all()
        notes = session.execute(select(m.Note.body).order_by(m.Note.body)).scalars().all()
    return [(p.id, p.first_name, p.last_name, p.version) for p in people], list(notes)


# Revisions a campus database may have been left at by an older version.
OLD_REVISIONS = ["0001", "0002", "0003"]


@pytest.mark.parametrize("old_revision", OLD_REVISIONS)
def test_an_old_database_is_migrated_on_open_keeping_every_record_and_a_backup(
    tmp_path: Path, old_revision: str
) -> None:
    data = tmp_path / "campus"
    make_old_database(data, old_revision)

    store = Store.open(data)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        people, notes = people_and_notes(store)
        assert people == [(pid, first, last, 3) for pid, first, last, _, _ in PEOPLE]
        assert notes == sorted(f"Premier entretien avec {first}." for _, first, _, _, _ in PEOPLE)
        # records from before the search index existed are found by name, birth date and phone
        with store.read_unit(None) as uow:
            assert search.search(uow, "éloise LEF").ids == [PEOPLE[2][0]]
            assert search.search(uow, "12/04/1998").ids == [PEOPLE[0][0]]
            assert search.search(uow, "06 39 98").ids == [PEOPLE[0][0]]
    finally:
        store.dispose()

    copies = backup.backups(data / DB_FILENAME)
    assert [c.name.split("-")[1] for c in copies] == [old_revision]
    old = make_engine(copies[0])
    try:
        assert migrate.current_revision(old) == old_revision  # the copy is the database as it was before the upgrade
        with old.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == len(PEOPLE)
    finally:
        old.dispose()


def test_no_backup_for_a_new_database_nor_for_one_already_up_to_date(tmp_path: Path) -> None:
    data = tmp_path / "campus"
    Store.open(data).dispose()
    Store.open(data).dispose()
    assert backup.backups(data / DB_FILENAME) == []


def test_only_the_last_three_backups_are_kept(tmp_path: Path) -> None:
    db = make_old_database(tmp_path)
    made = [backup.take(db, "0001", now=datetime(2025, 1, day, 8, 0)) for day in (1, 2, 3, 4)]
    made.append(backup.take(db, "0002", now=datetime(2025, 1, 4, 8, 0)))  # same second: a distinct name
    assert backup.backups(db) == made[2:]
    assert all(p.stat().st_size > 0 for p in made[2:])


def broken_migrations(tmp_path: Path) -> Path:
    """A copy of the migrations with a newer revision that damages the data, then fails."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "0099_broken.py").write_text(
        f'''"""a migration that fails half-way"""
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM note")
    op.execute("UPDATE person SET first_name = 'ABÎMÉ'")
    raise RuntimeError("colonne introuvable")


def downgrade() -> None:
    pass
''',
        encoding="utf-8",
    )
    return scripts


def test_a_failed_migration_restores_the_backup_and_says_so_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "campus"
    db = make_old_database(data, "0002")
    scripts = broken_migrations(tmp_path)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)

    with pytest.raises(backup.MigrationFailed) as failure:
        Store.open(data)

    message = failure.value.message
    assert "La mise à jour de la base de données" in message
    assert "a été remise en place" in message
    assert "colonne introuvable" in message
    (copy,) = backup.backups(db)
    assert copy.name in message
    # the database is exactly as the old version left it: same revision, every record, nothing damaged
    monkeypatch.undo()
    engine = make_engine(db)
    try:
        assert migrate.current_revision(engine) == "0002"
    finally:
        engine.dispose()
    store = Store.open(data)  # and the real migrations still apply afterwards
    try:
        people, notes = people_and_notes(store)
        assert [p[1] for p in people] == [first for _, first, _, _, _ in PEOPLE]
        assert len(notes) == len(PEOPLE)
    finally:
        store.dispose()


def test_the_command_line_reports_a_failed_migration_and_exits_with_status_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "campus"
    make_old_database(data, "0002")
    scripts = broken_migrations(tmp_path)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)

    assert cli.main(["--data-dir", str(data), "export", "--format", "json"]) == 1

    err = capsys.readouterr().err
    assert err.startswith("Erreur : La mise à jour de la base de données")
    assert "rien n'est perdu" in err


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    data = tmp_path / "campus"
    db = make_old_database(data, revision="head")
    engine = make_engine(db)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0100'")
    engine.dispose()

    with pytest.raises(migrate.DatabaseTooNew, match="version plus récente de gn-desktop"):
        Store.open(data)
    engine = make_engine(db)
    try:
        assert migrate.current_revision(engine) == "0100"
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == len(PEOPLE)
    finally:
        engine.dispose()
    assert backup.backups(db) == []


def test_the_quick_head_check_agrees_with_alembic() -> None:
    assert migrate.quick_head_revision() == migrate.head_revision()


def test_the_usual_start_over_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    """Alembic's import costs ~0.2 s of every start; it is needed only when there is something to migrate."""
    data = tmp_path / "campus"
    Store.open(data).dispose()
    code = (
        "import sys; from pathlib import Path; from gn_desktop.store.uow import Store; "
        f"Store.open(Path({str(data)!r})).dispose(); print(sorted(m for m in sys.modules if m.startswith('alembic')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_names_in_another_script_get_their_latin_key_when_upgrading(tmp_path: Path) -> None:
    """Before 0012 a Cyrillic or Arabic name folded to nothing: no name key, not findable by name."""
    data = tmp_path / "campus"
    db = make_old_database(data, "0009")
    others = {
        "00000000-0000-7000-8000-000000000201": ("Ольга", "Кузнецова"),
        "00000000-0000-7000-8000-000000000202": ("محمد", "علي"),
    }
    engine = make_engine(db)
    with engine.begin() as conn:
        for pid, (first, last) in others.items():
            conn.exec_driver_sql(
                "INSERT INTO person (id, first_name, last_name, name_key, search_terms, benefits, barriers, "
                "job_families, campus_id, enrolled_on, pathway_step, pathway_since, created_at, updated_at, version, "
                "sync_version) VALUES (?, ?, ?, '', '', '[]', '[]', '[]', ?, '2025-02-01', 'welcome', '2025-02-01', "
                "?, ?, 1, 0)",
                (pid, first, last, CAMPUS_ID, STAMP, STAMP),
            )
    engine.dispose()

    store = Store.open(data)
    try:
        with store.read_unit(None) as uow:
            assert search.search(uow, "olga kuzn").ids == ["00000000-0000-7000-8000-000000000201"]
            assert search.search(uow, "Ольга").ids == ["00000000-0000-7000-8000-000000000201"]
            assert search.search(uow, "محمد").ids == ["00000000-0000-7000-8000-000000000202"]
            keys = {pid: key for pid, key in uow.session.execute(select(m.Person.id, m.Person.name_key))}
        assert keys["00000000-0000-7000-8000-000000000201"] == "kuznetsova olga"
        assert keys["00000000-0000-7000-8000-000000000202"] == "ly mhmd"
        assert keys[PEOPLE[2][0]] == "eloise lefevre"  # an accented name: recomputed too
    finally:
        store.dispose()
