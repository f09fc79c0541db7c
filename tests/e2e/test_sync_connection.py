"""The connection to HQ: cut in the middle of HQ's answer (a TCP proxy between campus and HQ closes it after the
headers and a few bytes of body), the sync says "offline" and the next cycle converges with nothing lost or
duplicated; the device's token revoked at HQ, the campus is told to enrol again and loses nothing meanwhile."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gn_desktop.sync.client import HqClient
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.errors import OFFLINE, REVOKED, NeedsReenrol, Offline
from tests.e2e.conftest import Campus, Hq
from tests.support.cut_proxy import CutProxy


def through(proxy: CutProxy) -> Callable[[str, str | None], HqClient]:
    """The campus's HQ client, through the proxy, with no retry (the cut must reach the cycle)."""
    return lambda _url, token: HqClient(proxy.url, token, retries=0)


def test_connection_cut_mid_push_acknowledgement_then_next_cycle_sends_nothing_twice(
    live_hq: Hq, two: tuple[Campus, Campus]
) -> None:
    a, _b = two
    ids = [a.add_person(f"Prénom{i}", f"Nom{i}") for i in range(5)]
    a.edit(ids[0], phone="+33612345678")
    queued = a.pending()
    assert queued == 6
    with CutProxy(live_hq.port) as proxy:
        proxy.cut(b"POST /v1/push", 16)
        with pytest.raises(Offline):
            a.sync(client_factory=through(proxy))
        assert proxy.done.is_set()
        assert a.status()["last_error"] == OFFLINE
        assert a.pending() == queued  # no acknowledgement received: everything is still queued
        assert sorted(row[0] for row in a.hq_people()) == sorted(ids)  # …though HQ had applied the batch

        report = a.sync(client_factory=through(proxy))  # healed: the same changes again, recognised by HQ
    assert report.pushed == 0 and report.duplicates == queued
    assert a.pending() == 0 and a.status()["last_error"] is None
    people = a.export()
    assert sorted(p[1] for p in people) == [f"Prénom{i}" for i in range(5)]
    assert [p[3] for p in people if p[0] == ids[0]] == ["+33612345678"]
    assert people == a.hq_people()
    assert a.full_export() == a.hq_full_export()


def test_connection_cut_mid_pull_page_then_next_cycle_gets_everything_once(
    live_hq: Hq, two: tuple[Campus, Campus]
) -> None:
    a, b = two
    ids = [a.add_person(f"Prénom{i}", f"Nom{i}") for i in range(6)]
    a.sync()
    for pid in ids:
        a.share(pid, b)
    with CutProxy(live_hq.port) as proxy:
        proxy.cut(b"GET /v1/pull", 16, skip=1)  # the second page of b's pull
        with pytest.raises(Offline):
            b.sync(client_factory=through(proxy), page_limit=2)
        assert proxy.done.is_set()
        assert b.status()["last_error"] == OFFLINE
        assert len(b.export()) < 6

        b.sync(client_factory=through(proxy), page_limit=2)
    a.sync()
    assert b.pending() == 0 and a.pending() == 0  # pulled records never re-enter the change log
    assert sorted(p[0] for p in b.export()) == sorted(ids)
    assert b.export() == a.export() == b.hq_people()
    assert b.full_export() == a.full_export() == b.hq_full_export()


def test_a_revoked_device_is_told_to_enrol_again_keeps_its_changes_and_sends_them_after(
    live_hq: Hq, two: tuple[Campus, Campus]
) -> None:
    a, _b = two
    before = a.add_person("Awa", "Diallo")
    a.sync()
    store = a.store()
    device_id = store.device_id
    store.dispose()
    live_hq.admin("device", "revoke", device_id)
    later = a.add_person("Moussa", "Traoré")
    with pytest.raises(NeedsReenrol) as err:
        a.sync()
    assert err.value.message == REVOKED and a.status()["last_error"] == REVOKED
    assert a.pending() == 1
    store = a.store()
    try:
        Syncer(store, a.data_dir).enrol(live_hq.url, live_hq.device_code(a.code), "sdn")
    finally:
        store.dispose()
    a.sync()
    assert a.pending() == 0
    assert sorted(p[0] for p in a.hq_people()) == sorted([before, later])
    assert a.export() == a.hq_people()
