"""The client's handling of HQ's answers (HQ's HTTP answers mocked with httpx.MockTransport; our code is real)."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import keyring
import pytest
from sqlalchemy import update

from gn_core.protocol import PROTOCOL_HEADER
from gn_desktop.store import models as m
from gn_desktop.store.replica import sync_transaction
from gn_desktop.store.uow import Store
from gn_desktop.sync import client as client_mod
from gn_desktop.sync import credentials
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.engine import PageFetcher, Syncer
from gn_desktop.sync.errors import Offline, SyncError, UpdateRequired
from tests.support.keyring_file import ENV as KEYRING_ENV
from tests.support.keyring_file import FileKeyring

URL = "https://hq.invalid"
TOO_OLD = {"type": "about:blank", "title": "Mettez l'application à jour", "status": 426, "code": "upgrade_required"}


@pytest.fixture
def enrolled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(KEYRING_ENV, str(tmp_path / "keyring.json"))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    store = Store.open(tmp_path / "campus")
    syncer = Syncer(store, tmp_path / "campus")
    install = "install-1"
    credentials.save(tmp_path / "campus", URL, credentials.Credentials("tok", store.device_id, install))
    syncer._set_state(server_url=URL, install_id=install, epoch="e1")
    with store.unit_of_work(None) as uow:
        campus = m.Campus(code="SDN", name="Saint-Denis", commune_insee="93066")
        with uow.as_reference():  # HQ's, never pushed
            uow.session.add(campus)
        uow.session.add(
            m.Person(
                first_name="Awa",
                last_name="Diallo",
                campus_id=campus.id,
                enrolled_on=date(2025, 1, 6),
                pathway_since=date(2025, 1, 6),
            )
        )
        uow.commit()
    yield store
    store.dispose()
    keyring.set_keyring(previous)


def test_hq_answering_426_keeps_every_pending_change_and_says_to_update(enrolled: Store, tmp_path: Path) -> None:
    seen: list[str] = []

    def hq(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get(PROTOCOL_HEADER, ""))
        return httpx.Response(426, json=TOO_OLD, headers={"Content-Type": "application/problem+json"})

    syncer = Syncer(
        enrolled, tmp_path / "campus", client_factory=lambda u, t: HqClient(u, t, transport=httpx.MockTransport(hq))
    )
    before = syncer.pending_count()
    with pytest.raises(UpdateRequired, match="mettez l'application à jour") as err:
        syncer.cycle()
    assert before == 1 and syncer.pending_count() == before  # nothing dropped: it leaves after the update
    assert syncer.state()["last_error"] == err.value.message
    assert seen and all(v for v in seen)  # the protocol version was sent


def test_a_push_refused_with_426_keeps_the_change_log(enrolled: Store, tmp_path: Path) -> None:
    def hq(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/status":
            body = {
                "epoch": "e1",
                "server_time_ms": int(time.time() * 1000),
                "device_id": enrolled.device_id,
                "campus_id": "c",
                "last_device_seq": 0,
                "last_seq": 0,
                "protocol_version": 1,
            }
            return httpx.Response(200, content=json.dumps(body))
        return httpx.Response(426, json=TOO_OLD)

    syncer = Syncer(
        enrolled, tmp_path / "campus", client_factory=lambda u, t: HqClient(u, t, transport=httpx.MockTransport(hq))
    )
    with pytest.raises(UpdateRequired):
        syncer.cycle()
    assert syncer.pending_count() == 1


def test_a_question_to_hq_does_not_wait_for_a_write_transaction_of_the_cycle(enrolled: Store, tmp_path: Path) -> None:
    """Questions run beside a cycle (SyncScheduler.run_job(beside_cycle=True)): HQ's address is read without taking
    the write lock a cycle holds while it applies a page (a snapshot's pages take seconds each)."""
    asked: list[str] = []

    def hq(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        return httpx.Response(200, json={"epoch": "e1", "pairs": []})

    syncer = Syncer(
        enrolled, tmp_path / "campus", client_factory=lambda u, t: HqClient(u, t, transport=httpx.MockTransport(hq))
    )
    with sync_transaction(enrolled.engine) as conn:  # the cycle, applying a page
        conn.execute(update(m.SyncState).values(last_error="pulling"))
        started = time.monotonic()
        answer = syncer.duplicates()
        waited = time.monotonic() - started
    assert answer.pairs == [] and asked == ["/v1/duplicates"]
    assert waited < 5.0  # the store's busy timeout is 30 s


def test_unreachable_hq_is_retried_with_growing_jittered_waits_then_reported_offline_in_french() -> None:
    waits: list[float] = []

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with (
        HqClient(URL, "tok", retries=4, sleep=waits.append, transport=httpx.MockTransport(down)) as c,
        pytest.raises(Offline, match="Siège injoignable"),
    ):
        c.status()
    assert len(waits) == 4
    caps = [min(client_mod.BACKOFF_MAX_S, client_mod.BACKOFF_BASE_S * 2**i) for i in range(4)]
    assert all(0 <= w <= cap for w, cap in zip(waits, caps, strict=True))


def test_a_503_then_success_is_retried_transparently() -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json={"ok": True})])
    waits: list[float] = []
    with HqClient(URL, "tok", sleep=waits.append, transport=httpx.MockTransport(lambda r: next(answers))) as c:
        assert c._request("GET", "/health").json() == {"ok": True}
    assert len(waits) == 1


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://siege.example.fr", True),
        ("https://siege.example.fr/", True),
        ("http://127.0.0.1:8765", True),
        ("http://localhost:8700", True),
        ("http://[::1]:8700", True),
        ("http://siege.example.fr", False),  # a token and people's data in clear on a network
        ("http://192.168.1.10:8700", False),
        ("ftp://siege.example.fr", False),
        ("siege.example.fr", False),
    ],
)
def test_hq_is_reached_over_https_only_except_on_this_machine(url: str, ok: bool) -> None:
    if ok:
        HqClient(url).close()
    else:
        with pytest.raises(SyncError, match="https://"):
            HqClient(url)


def test_a_pull_with_the_collector_paused_leaves_no_answer_of_hq_behind() -> None:
    """httpx answers hold themselves in reference cycles, with their bytes: while a push or pull runs with the
    collector paused (engine.paused_gc), the page fetcher frees them page by page, so the megabytes of an initial
    sync's pages do not pile up until its end."""

    def hq(request: httpx.Request) -> httpx.Response:
        cursor = int(request.url.params["cursor"]) + 1
        head = {"epoch": "e1", "server_time_ms": 0, "cursor": cursor, "until": 3, "more": cursor < 3}
        return httpx.Response(200, json={**head, "last_device_seq": 0, "records": [], "conflicts": []})

    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with HqClient(URL, "tok", transport=httpx.MockTransport(hq)) as client:
            with PageFetcher(client, 0, None, None) as pages:
                cursors = [page.cursor for page in pages]
            alive = [o for o in gc.get_objects() if isinstance(o, httpx.Response)]
    finally:
        if was_enabled:
            gc.enable()
    assert cursors == [1, 2, 3]
    assert alive == []
