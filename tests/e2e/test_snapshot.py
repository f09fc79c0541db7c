"""A new PC's first sync from HQ's ready database of its campus (`gn-desktop snapshot publish`, `GET /v1/snapshot`):
the same people as a page-by-page pull, what happened since the snapshot (new people, erasures) applied in the same
sync, its own identity, an interrupted download resumed — and a page-by-page pull whenever the snapshot is unusable."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gn_desktop.store.replica import sync_transaction, write_state
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.errors import OFFLINE, Offline
from tests.e2e.conftest import Campus, Hq, enrol, enrol_second_pc, publish_snapshot
from tests.support.disk import readable_bytes


def _published(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str], first: str, last: str, count: int = 5
) -> tuple[Campus, set[str], dict[str, Any]]:
    """A campus replica holding `count` people, synced, that has published its snapshot: (replica, people, info)."""
    replica = enrol(live_hq, tmp_path, keyring_file, "replica")
    replica.sync()
    people = {replica.add_person(f"{first}{i}", f"{last}{i}") for i in range(count)}
    replica.sync()
    return replica, people, publish_snapshot(replica)


def _cut_download(live_hq: Hq, replica: Campus, newcomer: Campus, info: dict[str, Any]) -> bytes:
    """What a cut connection left in the newcomer's data dir: the first half of the snapshot, labelled as this
    snapshot's. Returns the whole file."""
    whole = (live_hq.data_dir / "snapshots" / f"{replica.campus_id()}.db").read_bytes()
    (newcomer.data_dir / "snapshot.part").write_bytes(whole[: len(whole) // 2])
    (newcomer.data_dir / "snapshot.part.json").write_text(json.dumps({"sha256": info["sha256"]}))
    return whole


def _device_id(campus: Campus) -> str:
    store = campus.store()
    try:
        return store.device_id
    finally:
        store.dispose()


def _cursor(campus: Campus) -> int:
    store = campus.store()
    try:
        return int(Syncer(store, campus.data_dir).state()["cursor"])
    finally:
        store.dispose()


def _files_hold(directory: Path, needle: str) -> list[str]:
    # decrypted with the PC's key: nothing even for whoever holds it
    return [p.name for p in directory.rglob("*") if p.is_file() and needle.encode() in readable_bytes(p)]


def test_a_new_pc_starts_from_the_snapshot_then_pulls_what_happened_since(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    replica = enrol(live_hq, tmp_path, keyring_file, "replica")
    other = enrol(live_hq, tmp_path, keyring_file, "other")
    replica.sync()
    other.sync()
    kept = [replica.add_person(f"Awa{i}", f"Snapshot{i}") for i in range(20)]
    gone = replica.add_person("Zoubida", "Effacéedepuis")
    other.add_person("Yasmine", "Autrecampus")
    replica.sync()
    other.sync()
    info = publish_snapshot(replica)
    # after the snapshot: someone new, someone erased (at HQ)
    later = replica.add_person("Nadia", "Arrivéeaprès")
    replica.sync()
    live_hq.admin("person", "erase", gone, "--reason", "person_request", "--reference", "DPO-2026-17")

    newcomer = enrol_second_pc(replica, tmp_path, "newcomer")
    report = newcomer.sync_json()

    assert report["snapshot"] is True
    assert newcomer.people() == {*kept, later}
    assert _device_id(newcomer) != _device_id(replica)
    assert not _files_hold(newcomer.data_dir, "Effacéedepuis")
    assert not _files_hold(newcomer.data_dir, "Autrecampus")  # never another campus's people
    assert _cursor(newcomer) > int(info["cursor"])  # type: ignore[call-overload]
    # it is a PC of its own: its edits reach HQ and the replica
    newcomer.edit(kept[0], phone="+33612345678")
    newcomer.sync()
    replica.sync()
    assert replica.person(kept[0])["phone"] == "+33612345678"  # type: ignore[index]


def test_an_interrupted_download_resumes_where_it_stopped(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    replica, people, info = _published(live_hq, tmp_path, keyring_file, "Inès", "Reprise", 10)
    newcomer = enrol_second_pc(replica, tmp_path, "newcomer")
    _cut_download(live_hq, replica, newcomer, info)  # the second half must come by range

    assert newcomer.sync_json()["snapshot"] is True
    assert newcomer.people() == people
    assert not (newcomer.data_dir / "snapshot.part").exists()


def test_an_unusable_snapshot_falls_back_to_the_page_by_page_pull(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    replica, people, _ = _published(live_hq, tmp_path, keyring_file, "Rémi", "Secours")
    snapshot = live_hq.data_dir / "snapshots" / f"{replica.campus_id()}.db"
    with sqlite3.connect(snapshot) as conn:  # changed after HQ announced its digest
        conn.execute("UPDATE person SET last_name = 'Altéré'")
    newcomer = enrol_second_pc(replica, tmp_path, "newcomer")

    report = newcomer.sync_json()

    assert report["snapshot"] is False
    assert newcomer.people() == people
    assert not _files_hold(newcomer.data_dir, "Altéré")


def test_a_person_registered_while_the_snapshot_was_made_ready_keeps_the_pc_on_its_own_store(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    replica, people, _ = _published(live_hq, tmp_path, keyring_file, "Léa", "Pendant")
    newcomer = enrol_second_pc(replica, tmp_path, "newcomer")
    registered: list[str] = []

    def meanwhile(swap: Callable[[], bool]) -> bool:
        # an advisor registered someone while the snapshot was downloaded: the store is no longer empty
        registered.append(newcomer.add_person("Rose", "Inscriteentretemps"))
        return swap()

    store = newcomer.store()
    try:
        report = Syncer(store, newcomer.data_dir, snapshot=True, exclusive=meanwhile).cycle()
    finally:
        store.dispose()

    assert report.snapshot is False  # pulled page by page into the store as it is
    assert newcomer.people() == {*people, *registered}
    assert not (newcomer.data_dir / "snapshot.ready.db").exists()
    newcomer.sync()  # the person registered meanwhile leaves like any change
    replica.sync()
    assert replica.people() == {*people, *registered}


def test_hq_cut_while_catching_up_leaves_the_store_as_it_was_and_the_next_sync_goes_on_without_downloading_again(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    replica, people, info = _published(live_hq, tmp_path, keyring_file, "Yanis", "Coupure")
    newcomer = enrol_second_pc(replica, tmp_path, "newcomer")
    later = replica.add_person("Noor", "Aprèslacoupure")  # after the snapshot: the catch-up brings it
    replica.sync()
    downloads: list[str] = []

    class Counting(HqClient):
        def download_snapshot(self, *args: Any, **kwargs: Any) -> bool:
            downloads.append("snapshot")
            return super().download_snapshot(*args, **kwargs)

    class CutAfterDownload(Counting):
        def pull_raw(self, *args: Any, **kwargs: Any) -> bytes:
            raise Offline(OFFLINE)  # the line drops once the file is here

    store = newcomer.store()
    try:
        with pytest.raises(Offline):
            Syncer(store, newcomer.data_dir, snapshot=True, client_factory=CutAfterDownload).cycle()
        assert Syncer(store, newcomer.data_dir).state()["cursor"] == 0
        assert newcomer.people() == set()  # the store in use is as it was
        # the database made aside stays, encrypted with this PC's key: the download is not lost with the line
        ready = newcomer.data_dir / "snapshot.ready.db"
        assert ready.exists() and b"Coupure" not in ready.read_bytes()

        # the line is back: the next sync goes on from that file, without downloading the snapshot again
        report = Syncer(store, newcomer.data_dir, snapshot=True, client_factory=Counting).cycle()
    finally:
        store.dispose()
    assert report.snapshot is True and downloads == ["snapshot"]
    assert newcomer.people() == {*people, later}
    assert _cursor(newcomer) > int(info["cursor"])  # type: ignore[call-overload]
    assert not (newcomer.data_dir / "snapshot.ready.db").exists()


def test_a_database_left_aside_by_another_epoch_is_not_gone_on_with(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    replica, people, _ = _published(live_hq, tmp_path, keyring_file, "Lina", "Autreépoque")
    newcomer = enrol_second_pc(replica, tmp_path, "newcomer")

    class CutAfterDownload(HqClient):
        def pull_raw(self, *args: Any, **kwargs: Any) -> bytes:
            raise Offline(OFFLINE)

    store = newcomer.store()
    try:
        with pytest.raises(Offline):
            Syncer(store, newcomer.data_dir, snapshot=True, client_factory=CutAfterDownload).cycle()
        # meanwhile HQ was restored from a backup: what was made aside belongs to the epoch before
        ready = store.beside(newcomer.data_dir / "snapshot.ready.db")
        try:
            with sync_transaction(ready.engine) as conn:
                write_state(conn, epoch="an-epoch-before-the-restore")
        finally:
            ready.dispose()
        assert Syncer(store, newcomer.data_dir, snapshot=True).cycle().snapshot is True  # downloaded again
    finally:
        store.dispose()
    assert newcomer.people() == people


def test_a_pc_that_pulled_page_by_page_keeps_nothing_an_interrupted_first_sync_left(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    replica = enrol(live_hq, tmp_path, keyring_file, "replica")
    replica.sync()
    gone = replica.add_person("Salomé", "Resteaudisque")
    replica.sync()
    info = publish_snapshot(replica)
    newcomer = enrol_second_pc(replica, tmp_path, "newcomer")
    # a download cut halfway (plain campus data), and a database made aside by a first sync that stopped
    whole = _cut_download(live_hq, replica, newcomer, info)
    (newcomer.data_dir / "snapshot.ready.db").write_bytes(whole)
    live_hq.admin("person", "erase", gone, "--reason", "person_request", "--reference", "DPO-2026-32")

    newcomer.sync(snapshot=False)  # no snapshot this time: page by page
    newcomer.sync(snapshot=True)  # the next cycles know it will never start from one now

    left = {p.name for p in newcomer.data_dir.iterdir() if p.name.startswith("snapshot")}
    assert left == set()
    assert not _files_hold(newcomer.data_dir, "Resteaudisque")
