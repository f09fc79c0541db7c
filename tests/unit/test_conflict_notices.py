"""A newer notice of a conflict (another campus joined it, HQ re-sent it) keeps what this campus did with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from gn_core.protocol import ConflictNotice, ConflictSide
from gn_desktop.services import conflicts, sync_status
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.sync import apply


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store.open(tmp_path / "campus")
    yield st
    st.dispose()


def notice(seq: int, status: str) -> ConflictNotice:
    side = {"user_id": None, "campus_id": None, "hlc": "1741946400000-00000-n1"}
    return ConflictNotice.model_validate(
        {
            "id": "c1",
            "seq": seq,
            "entity": "person",
            "record_id": "p1",
            "kind": "field",
            "field": "commune_other",
            "status": status,
            "base": "Lille",
            "hq": ConflictSide(value="Lyon", **side),
            "campus": ConflictSide(value="Nantes", **side),
            "winner": "hq",
            "created_at": "2026-11-28T10:00:00+00:00",
        }
    )


def receive(store: Store, n: ConflictNotice) -> None:
    with apply.sync_transaction(store.engine) as conn:
        apply.upsert_conflicts(conn, [n])


def row(store: Store) -> m.SyncConflict:
    with store.reading() as session:
        found = session.scalars(select(m.SyncConflict)).one()
        session.expunge(found)
        return found


def test_a_decision_not_sent_yet_survives_a_newer_notice_of_the_open_conflict(store: Store) -> None:
    receive(store, notice(1, "open"))
    with store.unit_of_work(None) as uow:
        conflicts.resolve(uow, "c1", "mine")
        uow.commit()
    receive(store, notice(2, "open"))
    assert row(store).pending_choice == "campus"
    # decided elsewhere meanwhile: nothing left to send
    receive(store, notice(3, "resolved"))
    assert row(store).pending_choice is None and row(store).status == "resolved"


def test_an_automatic_conflict_checked_here_stays_checked(store: Store) -> None:
    receive(store, notice(1, "auto"))
    with store.unit_of_work(None) as uow:
        conflicts.decide(uow, "c1", "theirs")  # HQ kept the other value: agreeing writes nothing
        uow.commit()
    assert row(store).status == "seen"
    receive(store, notice(2, "auto"))
    assert row(store).status == "seen"
    with store.read_unit(None) as uow:
        assert conflicts.inbox(uow).items == []


def test_the_sync_page_reads_the_state_and_the_inbox_at_once(store: Store) -> None:
    receive(store, notice(1, "open"))
    with store.read_unit(None) as uow:
        data = sync_status.sync_page_data(uow)
    assert data.status.open_conflicts == 1 and not data.status.enrolled
    assert [item.id for item in data.inbox.items] == ["c1"] and data.inbox.waiting == 0
