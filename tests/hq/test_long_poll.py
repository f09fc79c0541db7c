"""A long poll (`GET /v1/pull?wait=`) answers as soon as the feed moves — a write by this HQ process at once, a write by
another process through PostgreSQL's LISTEN/NOTIFY — instead of HQ asking its database over and over."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from gn_hq.app import create_app
from gn_hq.services import devices, pull
from gn_hq.services.context import Hq
from tests.hq.world import World, enrol, new_id


def _long_poll(world: World, wait_s: float) -> tuple[threading.Thread, dict[str, object]]:
    sdn = world.devices["SDN"]
    sdn.pull()
    out: dict[str, object] = {}

    def run() -> None:
        started = time.monotonic()
        answer = world.client.get("/v1/pull", params={"cursor": sdn.cursor, "wait": wait_s}, headers=sdn.headers)
        out["elapsed"] = time.monotonic() - started
        out["ids"] = {r["id"] for r in answer.json()["records"]}

    waiter = threading.Thread(target=run)
    waiter.start()
    return waiter, out


def _waiting(hq: Hq) -> None:
    deadline = time.monotonic() + 10
    while not hq.feed._waiters and time.monotonic() < deadline:  # the request is parked on the signal
        threading.Event().wait(0.01)


def test_a_write_by_another_device_of_this_process_answers_the_long_poll_at_once(world: World) -> None:
    world.hq.feed.recheck_s = 60  # only the signal can wake it in time
    waiter, out = _long_poll(world, 30)
    _waiting(world.hq)
    other = world.device("SDN")
    pid = new_id()
    other.push(other.insert("person", pid, {}))
    waiter.join(30)
    assert pid in out["ids"]  # type: ignore[operator]
    assert out["elapsed"] < 10  # type: ignore[operator]  # not the 30 s wait, nor the 60 s re-read


#: LISTEN/NOTIFY is PostgreSQL's; on SQLite other processes are seen by re-reading
_POSTGRES_ONLY = pytest.mark.parametrize(
    "db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)


@_POSTGRES_ONLY
def test_a_write_by_another_hq_process_wakes_the_long_poll_through_notify(
    world: World, make_hq: Callable[..., Hq], db_url: str
) -> None:
    world.hq.feed.recheck_s = 60
    waiter, out = _long_poll(world, 30)
    _waiting(world.hq)
    elsewhere = make_hq()  # another worker: its own engine and signal, the same database
    with TestClient(create_app(hq=elsewhere)) as client:
        other = enrol(client, devices.issue_enrolment_code(elsewhere, "SDN"), world.campus_ids["SDN"])
        pid = new_id()
        other.push(other.insert("person", pid, {}))
    waiter.join(30)
    assert pid in out["ids"]  # type: ignore[operator]
    assert out["elapsed"] < 10  # type: ignore[operator]


def test_with_nothing_new_the_long_poll_answers_after_its_wait(world: World) -> None:
    waiter, out = _long_poll(world, 1)
    waiter.join(30)
    assert out["ids"] == set() and 0.9 <= out["elapsed"] < 10  # type: ignore[operator]


@_POSTGRES_ONLY
def test_while_the_listener_is_connected_a_waiting_pc_costs_no_database_read(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """500 PCs hold a long poll all day: each reads the database when it starts waiting, when the feed moves and when
    its wait ends, not at every safety interval — a notification cannot be missed while the listener is connected (it
    reads the last sequence itself each time it connects)."""
    feed = world.hq.feed
    feed._ensure_listener()
    deadline = time.monotonic() + 10
    while not feed.listening and time.monotonic() < deadline:
        threading.Event().wait(0.01)
    assert feed.listening
    reads: list[int] = []
    real = pull.last_seq

    def counted(hq: Hq) -> int:
        reads.append(1)
        return real(hq)

    monkeypatch.setattr(pull, "last_seq", counted)
    feed.recheck_s = 0.1  # what a waiter would re-read at, were the listener away

    def reads_of_a_long_poll() -> int:
        """The database reads of waiting 1.5 s (a long poll's, less those of the same pulls without a wait)."""
        start = len(reads)
        waiter, out = _long_poll(world, 0)
        waiter.join(30)
        plain = len(reads) - start
        waiter, out = _long_poll(world, 1.5)
        waiter.join(30)
        assert out["ids"] == set()
        return len(reads) - start - 2 * plain

    assert reads_of_a_long_poll() == 2, "read when it starts waiting and when its wait ends, not in between"
    feed.listening = False  # the listener away (its connection lost): the safety interval applies again
    assert reads_of_a_long_poll() >= 5
