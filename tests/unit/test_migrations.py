"""Migrations: an empty database reaches head and matches the models; the store opens and upgrades itself."""

from __future__ import annotations

from pathlib import Path

from gn_desktop.store import migrate
from gn_desktop.store.engine import make_engine
from gn_desktop.store.uow import Store


def test_empty_database_upgrades_to_head_with_no_difference() -> None:
    assert migrate.check() == []


def test_opening_a_data_dir_creates_and_migrates_the_database(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "campus")
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    store.dispose()
    engine = make_engine(tmp_path / "campus" / "campus.db")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_reference_records_get_the_same_id_on_every_installation() -> None:
    from gn_core.ids import reference_id
    from gn_desktop.services import setup

    ids = []
    for _ in range(2):
        store = Store.in_memory()
        with store.unit_of_work(None) as uow:
            ids.append(setup.ensure_reference_data(uow))
            uow.commit()
        store.dispose()
    assert ids[0] == ids[1]
    assert ids[0]["SDN"] == reference_id("campus", "sdn")  # what HQ gives campus SDN too
