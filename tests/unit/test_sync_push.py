"""Pushing the change log (`Syncer._push`) against a scripted HQ: batches go oldest first, each only once HQ applied
the one before; acknowledgements are committed in order, at most one batch behind HQ (the next batch is read, and
the previous one acknowledged, while HQ merges); a refused batch stops the push with what follows it kept."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from gn_core.protocol import PushResponse
from gn_desktop.store import models as m
from gn_desktop.store.uow import Store
from gn_desktop.sync.engine import Syncer, SyncReport
from gn_desktop.sync.errors import SyncError

PEOPLE = 7
BATCH = 2


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A campus store (a file: HQ's answers come on another thread, which reads it) with PEOPLE new people queued."""
    store = Store.open(tmp_path / "campus")
    with store.unit_of_work(None) as uow:
        campus = m.Campus(code="SDN", name="Saint-Denis", commune_insee="93066")
        with uow.as_reference():
            uow.session.add(campus)
        for i in range(PEOPLE):
            uow.session.add(
                m.Person(
                    first_name=f"Prénom{i}",
                    last_name="Diallo",
                    campus_id=campus.id,
                    enrolled_on=date(2025, 1, 6),
                    pathway_since=date(2025, 1, 6),
                )
            )
        uow.commit()
    yield store
    store.dispose()


def queued(store: Store) -> list[int]:
    with store.reading() as s:
        return list(s.scalars(select(m.ChangeLog.seq).order_by(m.ChangeLog.seq)))


def sent_kept(store: Store) -> list[int]:
    with store.reading() as s:
        return list(s.scalars(select(m.SyncSent.seq).order_by(m.SyncSent.seq)))


class ScriptedHq:
    """HQ's push endpoint: applies every batch (or refuses one, or holds back its last change), and notes what the
    campus's change log held when each batch arrived."""

    def __init__(self, store: Store, *, refuse: int | None = None, hold_back_first: bool = False) -> None:
        self.store = store
        self.refuse = refuse
        self.hold_back_first = hold_back_first
        self.batches: list[list[int]] = []
        self.queued_at_send: list[list[int]] = []
        self.threads: set[str] = set()
        self.collector_on: list[bool] = []

    def push(self, changes: list[dict[str, Any]]) -> PushResponse:
        seqs = [c["device_seq"] for c in changes]
        self.batches.append(seqs)
        self.queued_at_send.append(queued(self.store))
        self.threads.add(threading.current_thread().name)
        self.collector_on.append(gc.isenabled())
        if self.refuse is not None and len(self.batches) == self.refuse:
            error = SyncError("Le siège a refusé la demande (422)")
            error.status = 422  # type: ignore[attr-defined]
            raise error
        last = seqs[-1]
        if self.hold_back_first and len(self.batches) == 1:
            seqs, last = seqs[:-1], seqs[-2]  # HQ says it holds less than was sent: the rest is sent again
        return PushResponse(
            epoch="e1",
            server_time_ms=0,
            last_device_seq=last,
            applied=len(seqs),
            duplicates=[],
            rejected=[],
            conflicts=[],
            records=[],
        )


def push(store: Store, hq: ScriptedHq, tmp_path: Path) -> SyncReport:
    report = SyncReport()
    Syncer(store, tmp_path / "campus", batch_size=BATCH)._push(hq, report)  # type: ignore[arg-type]
    return report


def test_the_change_log_goes_in_order_each_batch_after_the_one_before_and_leaves_once_acknowledged(
    store: Store, tmp_path: Path
) -> None:
    everything = queued(store)
    assert len(everything) == PEOPLE
    hq = ScriptedHq(store)
    report = push(store, hq, tmp_path)
    assert hq.batches == [everything[i : i + BATCH] for i in range(0, PEOPLE, BATCH)]
    assert report.pushed == PEOPLE
    # when a batch reaches HQ, the ones before the previous one have left the change log (at most one behind)
    for k, held in enumerate(hq.queued_at_send):
        assert set(held) >= set(everything[max(0, k - 1) * BATCH :])
        assert not set(held) & set(everything[: max(0, k - 1) * BATCH])
    assert queued(store) == [] and sent_kept(store) == everything
    assert Syncer(store, tmp_path / "campus").state()["last_acked_seq"] == everything[-1]
    assert hq.threads and threading.current_thread().name not in hq.threads  # requests on a thread of their own


def test_a_refused_batch_stops_the_push_and_keeps_itself_and_what_follows(store: Store, tmp_path: Path) -> None:
    everything = queued(store)
    hq = ScriptedHq(store, refuse=2)
    with pytest.raises(SyncError):
        push(store, hq, tmp_path)
    assert hq.batches == [everything[:BATCH], everything[BATCH : 2 * BATCH]]  # nothing sent after the refusal
    assert queued(store) == everything[BATCH:]  # the first batch was applied at HQ and acknowledged here
    assert sent_kept(store) == everything[:BATCH]
    assert Syncer(store, tmp_path / "campus").state()["last_acked_seq"] == everything[BATCH - 1]
    again = ScriptedHq(store)
    push(store, again, tmp_path)  # the next cycle sends the rest, in order
    assert again.batches[0] == everything[BATCH : 2 * BATCH] and queued(store) == []
    assert gc.isenabled()  # the collector paused during the push is back after the refusal


def test_the_garbage_collector_is_paused_while_pushing_and_left_as_it_was(store: Store, tmp_path: Path) -> None:
    hq = ScriptedHq(store)
    push(store, hq, tmp_path)
    assert hq.collector_on and not any(hq.collector_on) and gc.isenabled()
    gc.disable()  # a program that runs without it keeps it off
    try:
        push(store, ScriptedHq(store), tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_hq_says_it_does_not_hold_is_sent_again(store: Store, tmp_path: Path) -> None:
    everything = queued(store)
    hq = ScriptedHq(store, hold_back_first=True)
    push(store, hq, tmp_path)
    assert hq.batches[0] == everything[:BATCH]
    assert hq.batches[1][0] == everything[BATCH - 1]  # the change HQ did not hold comes first in the next batch
    assert [s for batch in hq.batches[1:] for s in batch] == everything[BATCH - 1 :]
    assert queued(store) == []
