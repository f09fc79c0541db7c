"""Applying pulled pages to the campus store (gn_desktop.sync.apply): what an advisor sees afterwards — the person,
found by search, their history — for records arriving as HQ sends them (plain decoded JSON) on a real store."""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson
import pytest
from sqlalchemy import func, select, text

from gn_desktop.services import accounts, search
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


def fts_segments(store: Store) -> int:
    """Rows of the search index's storage: FTS5 writes new ones whenever an entry is rewritten."""
    with store.reading() as s:
        return int(s.scalar(select(func.count()).select_from(text("person_fts_data"))) or 0)


def search_columns(store: Store, pid: str) -> tuple[str, str]:
    with store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None
        return p.name_key, p.search_terms


def test_an_edit_that_leaves_the_search_words_as_they_were_keeps_the_index_entry_and_is_still_found(
    campus: World,
) -> None:
    """An input of the search words changes (the first name's case) but not the words: the person is written, with
    history, and stays found; the search index entry is not rewritten (nor is it after a change of a field it does
    not hold)."""
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000006"
    pull(store, [person_record(pid, campus.campus_id)], snapshot=True)
    words, segments = search_columns(store, pid), fts_segments(store)
    pull(store, [person_record(pid, campus.campus_id, version=2, first_name="INÈS", situation="employee")])
    pull(store, [person_record(pid, campus.campus_id, version=3, first_name="INÈS", situation="student")])
    assert fts_segments(store) == segments
    assert search_columns(store, pid) == words
    assert found(store, "ines hadd") == [pid]
    with store.reading() as s:
        p = s.get(m.Person, pid)
        assert p is not None and (p.first_name, p.situation, p.sync_version) == ("INÈS", "student", 3)
    assert history(store, pid) == [
        (
            "update",
            {"first_name": {"old": "Inès", "new": "INÈS"}, "situation": {"old": "job_seeker", "new": "employee"}},
        ),
        ("update", {"situation": {"old": "employee", "new": "student"}}),
    ]


def test_an_edit_of_the_words_updates_the_changed_search_column_and_the_index(campus: World) -> None:
    """A new last name changes both the name key and the words; a new phone number only the words: each time the
    stored columns are what the person's values give, and search finds the new words, not the old ones."""
    store, pid = campus.store, "0190a0b0-0000-7000-8000-000000000007"
    pull(store, [person_record(pid, campus.campus_id)], snapshot=True)
    name_key, _ = search_columns(store, pid)
    pull(store, [person_record(pid, campus.campus_id, version=2, phone="+33798765432")])
    assert search_columns(store, pid)[0] == name_key
    pull(store, [person_record(pid, campus.campus_id, version=3, phone="+33798765432", last_name="Morel")])
    expected = m.Person.derived_values(
        {
            "first_name": "Inès",
            "last_name": "Morel",
            "birth_date": date(1994, 5, 12),
            "phone": "+33798765432",
            "email": "ines.haddad@example.org",
            "france_travail_id": None,
        }
    )
    assert search_columns(store, pid) == (expected["name_key"], expected["search_terms"])
    assert found(store, "ines morel") == [pid] and found(store, "0798765432") == [pid]
    assert found(store, "0612345678") == []  # the old number (the old name stays in the e-mail address)


def catalogue_record(entity: str, rid: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
    envelope = {"entity": entity, "id": rid, "version": version, "seq": version, "hlc": HLC, "person_id": None}
    return {**envelope, "deleted": False, "erased": False, "data": data}


def test_a_record_pulled_back_as_it_is_stored_here_only_takes_the_new_version(campus: World) -> None:
    """The push's pull-back: HQ's state is this PC's. Values of every kind (text, dates, lists, flags, integers,
    nulls) compare equal to what is stored: no history entry, only the version moves."""
    store = campus.store
    pid = "0190a0b0-0000-7000-8000-000000000008"
    partner_id, programme_id = "0190a0b0-0000-7000-8000-000000000041", "0190a0b0-0000-7000-8000-000000000042"
    partner = {"name": "Simplon", "kind": "training_organisation", "committed_to_hire": True, "job_families": ["data"]}
    programme = {
        "partner_id": partner_id,
        "title": "Développeur web",
        "job_family": "development",
        "duration_weeks": 28,
        "funding": ["cpf", "france_travail"],
        "archived": False,
        "min_education_level": None,
        "prerequisites": "",
        "certification": "RNCP niveau 5",
        "description": "",
    }

    def records(version: int) -> list[dict[str, Any]]:
        return [
            person_record(pid, campus.campus_id, version, commune_insee=None, benefits=[]),
            catalogue_record("partner", partner_id, version, partner),
            catalogue_record("programme", programme_id, version, programme),
        ]

    pull(store, records(1))
    before = [history(store, rid) for rid in (pid, partner_id, programme_id)]
    assert all(len(entries) == 1 for entries in before), set_aside(store)  # their insert
    pull(store, records(2))
    assert [history(store, rid) for rid in (pid, partner_id, programme_id)] == before
    with store.reading() as s:
        stored = [
            s.get(model, rid) for model, rid in ((m.Person, pid), (m.Partner, partner_id), (m.Programme, programme_id))
        ]
        assert [r.sync_version for r in stored if r is not None] == [2, 2, 2]
        programme_row = s.get(m.Programme, programme_id)
        assert programme_row is not None and (programme_row.duration_weeks, programme_row.archived) == (28, False)


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


def set_aside(store: Store) -> dict[str, str]:
    with store.reading() as s:
        return {a.record_id: a.reason for a in s.scalars(select(m.SyncSetAside))}


def test_a_record_this_pc_cannot_store_is_set_aside_and_the_rest_of_the_page_goes_on(campus: World) -> None:
    store = campus.store
    good = [f"0190a0b0-0000-7000-8000-00000000001{i}" for i in range(3)]
    bad = {
        "0190a0b0-0000-7000-8000-000000000021": {"situation": "astronaut"},  # a value this version does not know
        "0190a0b0-0000-7000-8000-000000000022": {"first_name": ["In", "ès"]},  # not text
        "0190a0b0-0000-7000-8000-000000000023": {"enrolled_on": "hier"},
        "0190a0b0-0000-7000-8000-000000000024": {"pathway_since": None},  # required
        "0190a0b0-0000-7000-8000-000000000025": {"barriers": "mobility"},
    }
    records = [person_record(pid, campus.campus_id, last_name="Bon") for pid in good]
    records += [person_record(pid, campus.campus_id, last_name="Mauvais", **values) for pid, values in bad.items()]
    records.append({**person_record("0190a0b0-0000-7000-8000-000000000026", campus.campus_id), "entity": "spaceship"})
    pull(store, records)
    assert sorted(found(store, "bon")) == good and found(store, "mauvais") == []
    aside = set_aside(store)
    assert set(aside) == {*bad, "0190a0b0-0000-7000-8000-000000000026"}
    assert "mettez-la à jour" in aside["0190a0b0-0000-7000-8000-000000000021"]
    assert "obligatoire" in aside["0190a0b0-0000-7000-8000-000000000024"]
    assert all("Mauvais" not in reason and "astronaut" not in reason for reason in aside.values())

    # A newer version HQ can send, and this PC can store, clears it; the others are tried again at each pull.
    fixed = "0190a0b0-0000-7000-8000-000000000021"
    pull(store, [person_record(fixed, campus.campus_id, version=2, last_name="Mauvais")])
    assert found(store, "mauvais") == [fixed] and fixed not in set_aside(store)
    with apply.sync_transaction(store.engine) as conn:
        assert apply.retry_set_aside(conn) == len(bad)


def test_an_account_name_already_taken_here_sets_the_account_aside(campus: World) -> None:
    store = campus.store
    account = {
        "entity": "app_user",
        "id": "0190a0b0-0000-7000-8000-000000000031",
        "version": 1,
        "seq": 1,
        "hlc": HLC,
        "person_id": None,
        "deleted": False,
        "erased": False,
        "data": {
            "username": "conseil",  # the world's advisor, another id
            "display_name": "Doublon",
            "role": "advisor",
            "campus_id": campus.campus_id,
            "password_hash": "x",
            "active": True,
        },
    }
    pull(store, [account, person_record("0190a0b0-0000-7000-8000-000000000032", campus.campus_id)])
    assert "déjà utilisée" in set_aside(store)[account["id"]]
    assert found(store, "haddad") == ["0190a0b0-0000-7000-8000-000000000032"]


def test_accounts_of_other_campuses_can_no_longer_sign_in_here(campus: World) -> None:
    with campus.store.unit_of_work(None) as uow:
        accounts.create_user(uow, "conseil.aub", "Aub", "advisor", "mot-de-passe-aub", campus_id=campus.other_campus_id)
        accounts.create_user(uow, "admin", "Siège", "hq_admin", "mot-de-passe-siege")
        uow.commit()
    with apply.sync_transaction(campus.store.engine) as conn:
        assert apply.forget_other_accounts(conn, campus.campus_id) == 2
        assert apply.forget_other_accounts(conn, campus.campus_id) == 0
    with campus.store.reading() as s:
        users = {u.username: (u.password_hash, u.active) for u in s.scalars(select(m.User))}
    assert users["conseil.aub"] == ("", False) and users["admin"] == ("", False)
    assert users["conseil"][0] and users["conseil"][1]


def test_a_malformed_page_is_refused_with_a_french_message() -> None:
    bad = {**person_record("x", "c"), "version": "2"}
    with pytest.raises(SyncError, match="illisible"):
        decode_page(page([bad]))


def test_a_file_merged_at_hq_moves_to_its_survivor_and_disappears(campus: World) -> None:
    """The redirect HQ sends for a duplicate merged into another file: what this PC wrote meanwhile on the merged
    file (a note not yet sent) moves to the survivor with its history; the merged file is no longer found."""
    from gn_desktop.services import followup

    store = campus.store
    survivor, merged = "0190a0b0-0000-7000-8000-000000000031", "0190a0b0-0000-7000-8000-000000000032"
    redirect = person_record(merged, campus.campus_id, version=2, last_name="Hadad", merged_into=survivor)
    # the redirect before its survivor (a PC following only the merged file): it waits
    pull(store, [person_record(merged, campus.campus_id, last_name="Hadad")])
    with store.unit_of_work(campus.advisor_id) as uow:
        note = followup.add_note(uow, merged, "Appel avant la fusion.")
        uow.commit()
    pull(store, [redirect])
    assert set_aside(store) == {merged: apply.SURVIVOR_MISSING}
    assert found(store, "hadad") == [merged]

    pull(store, [person_record(survivor, campus.campus_id)])
    with apply.sync_transaction(store.engine) as conn:
        assert apply.retry_set_aside(conn) == 0
    assert found(store, "hadad") == [] and found(store, "haddad") == [survivor]
    with store.reading() as s:
        assert s.get(m.Person, merged) is None
        assert s.get(m.Note, note).person_id == survivor  # type: ignore[union-attr]
        moved = s.scalars(select(m.HistoryEntry.person_id).where(m.HistoryEntry.record_id == merged)).all()
        assert moved and set(moved) == {survivor}  # the merged file's history shows in the survivor's
    # sent again later (HQ re-sends records): nothing left to do
    pull(store, [redirect])
    assert set_aside(store) == {}
