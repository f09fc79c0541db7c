"""Faults with real processes: a batch delivered twice, HQ killed mid-sync, HQ restored from an older backup, a
campus database restored from a backup, delete against update, a campus PC whose clock is a day off."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from gn_desktop.store.replica import outgoing_changes
from gn_desktop.sync.client import HqClient
from gn_desktop.sync.engine import Syncer
from gn_desktop.sync.errors import ClockWrong, NeedsReenrol, Offline
from tests.e2e.conftest import Campus, Hq, enrol_second_pc

ONE_DAY_S = 86_400


def no_retry(url: str, token: str | None) -> HqClient:
    return HqClient(url, token, retries=0)


def test_a_batch_delivered_twice_changes_nothing(two: tuple[Campus, Campus]) -> None:
    a, _b = two
    pid = a.add_person("Awa", "Diallo")
    a.edit(pid, phone="+33612345678")
    store = a.store()
    try:
        with store.reading() as s:
            rows = outgoing_changes(s.connection(), 1000)  # what a push reads
        changes = Syncer(store, a.data_dir).wire_changes(rows, set())
    finally:
        store.dispose()
    seqs = [c["device_seq"] for c in changes]
    with HqClient(a.hq.url, a.token()) as client:
        first = client.push(changes)
        after_first = a.hq_people()
        second = client.push(changes)  # the answer to the first was "lost": the campus sends the batch again
    assert first.applied == len(changes) and first.duplicates == []
    assert second.applied == 0 and sorted(second.duplicates) == seqs
    assert a.hq_people() == after_first
    report = a.sync()  # the campus's own cycle re-sends the same entries: all recognised, the queue empties
    assert report.pushed == 0 and report.duplicates == len(changes)
    assert a.pending() == 0
    assert a.export() == a.hq_people() == [(pid, "Awa", "Diallo", "+33612345678", None, None)]


def test_hq_killed_mid_push_and_mid_pull_then_restarted_converges(
    live_hq: Hq, two: tuple[Campus, Campus], tmp_path: Path
) -> None:
    a, _b = two
    for i in range(12):
        a.add_person(f"Prénom{i}", f"Nom{i}")

    def kill_after_first_batch(phase: str, done: int, _total: int) -> None:
        if phase == "push" and done > 0 and live_hq.proc is not None:
            live_hq.stop(kill=True)

    with pytest.raises(Offline):
        a.sync(client_factory=no_retry, batch_size=4, progress=kill_after_first_batch)
    assert 0 < a.pending() < 12  # the acknowledged batch left the queue, the rest waits
    live_hq.start()
    a.sync()
    assert a.pending() == 0
    assert len(a.export()) == 12 and a.export() == a.hq_people()

    pc2 = enrol_second_pc(a, tmp_path, "sdn-2")

    def kill_after_first_page(phase: str, done: int, _total: int) -> None:
        if phase == "pull" and done > 0 and live_hq.proc is not None:
            live_hq.stop(kill=True)

    with pytest.raises(Offline):
        pc2.sync(client_factory=no_retry, page_limit=3, progress=kill_after_first_page)
    assert len(pc2.export()) < 12  # pages applied so far are kept with their cursor
    live_hq.start()
    pc2.sync()
    assert pc2.export() == a.export()


def test_hq_restored_from_an_older_backup_gets_back_what_it_lost(
    live_hq: Hq, two: tuple[Campus, Campus], tmp_path: Path
) -> None:
    a, _b = two
    pc2 = enrol_second_pc(a, tmp_path, "sdn-2")
    p1 = a.add_person("Awa", "Diallo")
    a.sync()
    live_hq.stop()
    backup = tmp_path / "hq-backup.db"
    shutil.copy(live_hq.database, backup)
    live_hq.start()
    p2 = a.add_person("Moussa", "Traoré")
    a.edit(p1, phone="+33611111111")
    a.sync()
    pc2.sync()
    before = a.export()
    assert len(before) == 2 and pc2.export() == before
    live_hq.stop()
    for suffix in ("-wal", "-shm"):
        Path(f"{live_hq.database}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, live_hq.database)
    live_hq.start()
    assert {r[0] for r in a.hq_people()} == {p1}  # HQ lost Moussa and the phone number
    a.sync()  # sees the new epoch: re-sends what HQ no longer holds
    pc2.sync()
    assert a.export() == before and a.hq_people() == before and pc2.export() == before
    assert {r[0] for r in before} == {p1, p2}


def test_a_campus_database_restored_from_a_backup_must_enrol_again_and_then_converges(
    two: tuple[Campus, Campus], tmp_path: Path
) -> None:
    a, _b = two
    a.add_person("Awa", "Diallo")
    a.sync()
    backup = tmp_path / "campus-backup.db"
    shutil.copy(a.data_dir / "campus.db", backup)
    later = a.add_person("Moussa", "Traoré")
    a.sync()
    for suffix in ("-wal", "-shm"):
        Path(f"{a.data_dir / 'campus.db'}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, a.data_dir / "campus.db")
    with pytest.raises(NeedsReenrol, match="copiée ou restaurée"):
        a.sync()
    offline_edit = a.add_person("Fatou", "Ba")  # work goes on while waiting for a new code
    store = a.store()
    try:
        Syncer(store, a.data_dir).enrol(a.hq.url, a.hq.device_code(a.code), "sdn")
    finally:
        store.dispose()
    a.sync()
    ids = {r[0] for r in a.export()}
    assert {later, offline_edit} <= ids and len(ids) == 3
    assert a.export() == a.hq_people()


def test_delete_against_update_gives_a_conflict_on_both_campuses_and_the_person_stays(
    two: tuple[Campus, Campus],
) -> None:
    a, b = two
    pid = a.add_shared_person("Awa", "Diallo", b)
    a.delete(pid)
    b.edit(pid, phone="+33612345678")
    a.sync()
    b.sync()
    a.sync()
    for campus in (a, b):
        found = [c for c in campus.conflicts() if c["record_id"] == pid]
        assert [(c["kind"], c["status"]) for c in found] == [("delete", "open")], campus.name
        person = campus.person(pid)
        assert person is not None and person["phone"] == "+33612345678", campus.name


def test_a_campus_clock_a_day_ahead_does_not_win_over_a_later_edit_and_is_told_so(
    two: tuple[Campus, Campus],
) -> None:
    a, b = two
    pid = a.add_shared_person("Awa", "Diallo", b)
    a.clock_offset_s = ONE_DAY_S
    a.edit(pid, phone="+33600000001")  # stamped tomorrow
    report = a.sync()
    assert report.clock_warning is not None and "avance d'environ 24 heures" in report.clock_warning
    b.edit(pid, phone="+33600000002")  # really later, by a campus that had not seen the first edit
    b.sync()
    a.sync()
    for campus in (a, b):
        person = campus.person(pid)
        assert person is not None and person["phone"] == "+33600000002", campus.name
    assert a.export() == a.hq_people()


def test_a_campus_clock_a_day_behind_is_told_to_fix_it_and_keeps_its_changes(
    two: tuple[Campus, Campus],
) -> None:
    a, b = two
    pid = b.add_person("Awa", "Diallo")
    b.sync()
    b.share(pid, a)
    a.clock_offset_s = -ONE_DAY_S
    a.add_person("Moussa", "Traoré")
    with pytest.raises(ClockWrong, match="retarde d'environ 24 heures") as err:
        a.sync()
    state: dict[str, Any] = a.status()
    assert state["last_error"] == err.value.message
    a.clock_offset_s = 0
    a.sync()
    assert a.pending() == 0 and a.person(pid) is not None and a.export() == a.hq_people()
