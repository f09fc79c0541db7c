"""Applying pulled pages to the campus store (gn_desktop.sync.apply): what an advisor sees afterwards — the person,
found by search, their history — for records arriving as HQ sends them (plain decoded JSON) on a real store."""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson
import pytest

from gn_desktop.services import search
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.sync import apply
from gn_desktop.sync.client import decode_page
from gn_desktop.sync.errors import SyncError
from tests.unit.world import World

HLC = "1764000000000-00000-hq"


def person_record(pid: str, campus_id: str, version: int = 1, **values: Any) -> dict[str, Any]:
    data = {
        "first_name": "Inès",
        "last_name": "Haddad",
        "gender": "female",
        "birth_date": "1994-05-12",
        "phone": "+33612345678",
        "email": "ines.haddad@example.org",
        "situation": "job_seeker",
        "barriers": ["mobility", "childcare"],
        "job_families": [],
        "campus_id": campus_id,
        "enrolled_on": "2025-03-01",
        "pathway_step": "orientation",
        "pathway_since": "2025-03-20",
        **values,
    }
    envelope = {"entity": "person", "id": pid, "version": version, "seq": version, "hlc": HLC, "person_id": pid}
    return {**envelope, "deleted": False, "erased": False, "data": data}


def page(records: list[dict[str, Any]]) -> bytes:
    head = {"epoch": "e", "server_time_ms": 1, "cursor": 1, "until": 1, "more": False, "last_device_seq": 0}
    return orjson.dumps({**head, "records": records, "conflicts": []})


def pull(store: Store, records: list[dict[str, Any]], *, snapshot: bool = False) -> None:
    decoded = decode_page(page(records)).records
    apply.prepare_records(decoded)
    with apply.sync_transaction(store.engine, bulk=snapshot) as conn:
        apply.apply_records(conn, decoded, insert_history=not snapshot)


def found(store: Store, query: str) -> list[str]:
    with store.read_unit() as uow:
        return search.search(uow, query).ids


def history(store: Store, pid: str) -> list[tuple[str, dict[str, Any]]]:
    with store.reading() as s:
        rows = s.query(m.HistoryEntry).filter_by(record_id=pid).order_by(m.HistoryEntry.id).all()
        return [(h.op, h.fields) for h in rows]


@pytest.fixture
def campus(world: World) -> World:
    return world


def test_a_pulled_person_is_stored_with_typed_values_and_found_by_search(campus: World) -> None:
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000001"
    pull(store, [person_record(pid, campus.campus_id)], snapshot=True)
    with store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None
        assert (p.first_name, p.birth_date, p.barriers, p.sync_version) == (
            "Inès",
            date(1994, 5, 12),
            ["childcare", "mobility"],
            1,
        )
    assert found(store, "ines hadd") == [pid]
    assert found(store, "0612345678") == [pid]
    assert history(store, pid) == []  # a snapshot brings records, not changes


def test_an_edit_pulled_later_updates_search_and_leaves_a_history_entry(campus: World) -> None:
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000002"
    pull(store, [person_record(pid, campus.campus_id)], snapshot=True)
    pull(store, [person_record(pid, campus.campus_id, version=2, phone="+33798765432", situation="employee")])
    assert found(store, "0798765432") == [pid]
    assert found(store, "0612345678") == []
    [(op, fields)] = history(store, pid)
    assert op == "update"
    assert fields == {
        "phone": {"old": "+33612345678", "new": "+33798765432"},
        "situation": {"old": "job_seeker", "new": "employee"},
    }


def test_a_person_new_to_the_campus_outside_a_snapshot_gets_an_insert_entry(campus: World) -> None:
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000003"
    pull(store, [person_record(pid, campus.campus_id)])
    [(op, fields)] = history(store, pid)
    assert op == "insert"
    assert fields["barriers"] == {"old": None, "new": ["childcare", "mobility"]}


def test_a_field_edited_here_and_not_yet_sent_stays_on_top(campus: World) -> None:
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000004"
    pull(store, [person_record(pid, campus.campus_id)], snapshot=True)
    with store.unit_of_work(None) as uow:
        p = uow.session.get(m.Person, pid)
        assert p is not None
        p.email = "ines@campus.example.org"
        uow.commit()
    pull(store, [person_record(pid, campus.campus_id, version=2, email="autre@example.org", last_name="Haddad-Morel")])
    with store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None
        assert (p.email, p.last_name) == ("ines@campus.example.org", "Haddad-Morel")
    assert found(store, "morel") == [pid]


def test_a_pulled_delete_removes_the_person_from_search(campus: World) -> None:
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000005"
    pull(store, [person_record(pid, campus.campus_id)], snapshot=True)
    gone = {**person_record(pid, campus.campus_id, version=2), "deleted": True, "data": None}
    pull(store, [gone])
    assert found(store, "haddad") == []
    with store.reading() as s:
        assert s.get(m.Person, pid) is None
        assert s.get(m.Tombstone, ("person", pid)) is not None


def test_an_unknown_vocabulary_value_refuses_the_page(campus: World) -> None:
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000006"
    with pytest.raises(ValueError):
        pull(store, [person_record(pid, campus.campus_id, situation="astronaut")])
    assert found(store, "haddad") == []


def test_a_malformed_page_is_refused_with_a_french_message() -> None:
    bad = {**person_record("x", "c"), "version": "2"}
    with pytest.raises(SyncError, match="illisible"):
        decode_page(page([bad]))
