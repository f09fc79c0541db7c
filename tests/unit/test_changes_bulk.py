"""`bulk_insert` (demo data, imports) captures exactly what the ORM flush hook captures: the same stored row, the
same change-log and history fields, whether the rows are given as dicts or staged beforehand on another thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from gn_core.domain import enums as e
from gn_desktop.store import models as m
from gn_desktop.store.changes import bulk_insert, stage_rows
from tests.unit.world import World

#: columns that differ between two inserts of the same values by design
STAMPS = {"id", "created_at", "updated_at", "person_id"}


def _person(world: World) -> dict[str, Any]:
    return {
        "first_name": "Marie-Hélène",
        "last_name": "N'Diaye",
        "gender": e.Gender.FEMALE,
        "birth_date": date(1990, 4, 2),
        "phone": "+33639980001",
        "email": "mh@example.org",
        "commune_insee": "93066",
        "situation": e.Situation.JOB_SEEKER,
        "france_travail_id": "1234567A",
        "benefits": ["rsa"],
        "barriers": ["mobility", "housing", "mobility"],
        "campus_id": world.campus_id,
        "advisor_id": world.advisor_id,
        "enrolled_on": date(2026, 1, 5),
        "pathway_since": date(2026, 1, 5),
    }


def _related(pid: str, world: World) -> dict[type[m.Synced], dict[str, Any]]:
    return {
        m.Note: {"person_id": pid, "author_id": world.advisor_id, "body": "Entretien « CV »", "restricted": True},
        m.Appointment: {
            "person_id": pid,
            "campus_id": world.campus_id,
            "advisor_id": world.advisor_id,
            "starts_at": datetime(2026, 3, 2, 8, 30, tzinfo=UTC),
            "status": e.AppointmentStatus.DONE,
        },
    }


def _captured(world: World, entity: str, record_id: str) -> tuple[tuple[Any, ...], dict[str, Any], dict[str, Any]]:
    """The stored row (without ids and stamps), its change-log fields and its history fields."""
    with world.store.engine.connect() as conn:
        result = conn.exec_driver_sql(f"SELECT * FROM {entity} WHERE id = ?", (record_id,))  # our table names
        row = result.one()
        stored = tuple(v for k, v in zip(result.keys(), row, strict=True) if k not in STAMPS)
    with world.store.reading() as s:
        log = s.scalars(select(m.ChangeLog).where(m.ChangeLog.record_id == record_id)).one()
        history = s.scalars(select(m.HistoryEntry).where(m.HistoryEntry.record_id == record_id)).one()
    assert log.op == history.op == "insert" and log.hlc == history.hlc
    return stored, log.fields, history.fields


def _without_person(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k != "person_id"}


def test_dicts_staged_rows_and_the_orm_capture_the_same_thing(world: World) -> None:
    ids: dict[str, str] = {}
    with world.store.unit_of_work(world.advisor_id) as uow:
        orm = m.Person(**_person(world))
        uow.session.add(orm)
        uow.flush()
        ids["orm"] = orm.id
        (ids["dicts"],) = bulk_insert(uow.session, m.Person, [_person(world)])
        dialect = uow.session.get_bind().dialect
        with ThreadPoolExecutor(1) as other:  # staged on another thread, as the demo does
            staged = other.submit(stage_rows, m.Person, [_person(world)], dialect).result()
        (ids["staged"],) = bulk_insert(uow.session, m.Person, staged)
        for how, pid in ids.items():
            for model, row in _related(pid, world).items():
                if how == "orm":
                    uow.session.add(model(**row))
                else:
                    rows = [row] if how == "dicts" else stage_rows(model, [row], dialect)
                    bulk_insert(uow.session, model, rows)
        uow.commit()

    captured = {how: _captured(world, "person", pid) for how, pid in ids.items()}
    for how in ("dicts", "staged"):
        stored, log, history = captured[how]
        assert log == history
        assert log["last_name"]["new"] == "N'Diaye" and log["barriers"]["new"] == ["housing", "mobility"]
        assert (stored, log) == captured["orm"][:2], how
    for model in (m.Note, m.Appointment):
        with world.store.reading() as s:
            by_person = {r.person_id: r.id for r in s.scalars(select(model).where(model.person_id.in_(ids.values())))}
        results = {how: _captured(world, model.__tablename__, by_person[pid]) for how, pid in ids.items()}
        for how in ("dicts", "staged"):
            assert results[how][0] == results["orm"][0], model
            assert _without_person(results[how][1]) == _without_person(results["orm"][1]), model
            assert results[how][1] == results[how][2]


def test_rows_staged_for_another_table_are_refused(world: World) -> None:
    with world.store.unit_of_work(world.advisor_id) as uow:
        staged = stage_rows(m.Person, [_person(world)], uow.session.get_bind().dialect)
        with pytest.raises(ValueError, match=r"staged for person .* cannot go into note"):
            bulk_insert(uow.session, m.Note, staged)
