"""One person, one record across campuses (issue 18), with real processes: the same person enrolled offline at two
campuses is proposed at HQ after one sync cycle, merged with `gn-hq duplicates merge`, and the three PCs of the two
campuses converge to one file holding both histories — an edit made offline to the merged file before the merge
reached that PC ends up on the survivor."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from gn_desktop.services import followup
from gn_desktop.store import models as m
from tests.e2e.conftest import Campus, Hq, enrol, enrol_second_pc
from tests.support.pg import pg_database


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def dup_hq(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, keyring_file: dict[str, str]
) -> Iterator[Hq]:
    if request.param == "sqlite":
        server = Hq(tmp_path_factory.mktemp("hq"), keyring_file)
        server.start()
        yield server
        server.stop()
        return
    with pg_database("gn_hq_duplicates") as url:
        server = Hq(tmp_path_factory.mktemp("hq"), keyring_file, database_url=url)
        server.start()
        yield server
        server.stop()


def _enrol(campus: Campus, note: str) -> str:
    pid = campus.add_person("Awa", "Diallo")
    campus.edit(pid, birth_date=date(2003, 4, 12))
    store = campus.store()
    try:
        with store.unit_of_work(None) as uow:
            followup.add_note(uow, pid, note)
            uow.commit()
    finally:
        store.dispose()
    return pid


def _notes(campus: Campus, person_id: str) -> list[str]:
    store = campus.store()
    try:
        with store.reading() as s:
            return sorted(n.body for n in s.query(m.Note).filter_by(person_id=person_id))
    finally:
        store.dispose()


def test_a_person_enrolled_at_two_campuses_is_proposed_merged_and_one_file_everywhere(
    dup_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    sdn, aub = (enrol(dup_hq, tmp_path, keyring_file, name) for name in ("sdn", "aub"))
    sdn2 = enrol_second_pc(sdn, tmp_path, "sdn2")
    for campus in (sdn, aub, sdn2):
        campus.sync()  # the campus and its reference data
    survivor = _enrol(sdn, "Vue à Saint-Denis.")
    merged = _enrol(aub, "Vue à Aubervilliers.")
    for campus in (sdn, aub, sdn2):
        campus.sync()

    # proposed after one cycle
    listed = json.loads(sdn.hq.admin("duplicates", "list", "--json"))
    pair = next(p for p in listed if {p["a"]["person_id"], p["b"]["person_id"]} == {survivor, merged})
    assert pair["score"] == 100 and {pair["a"]["campus"], pair["b"]["campus"]} == {
        f"Campus {sdn.code}",
        f"Campus {aub.code}",
    }

    # AUB's PC edits the merged file offline, before it hears of the merge
    aub.edit(merged, phone="+33639981234")
    sdn.hq.admin("duplicates", "merge", survivor, merged)
    for campus in (aub, sdn, sdn2, aub):
        campus.sync()

    both = ["Vue à Aubervilliers.", "Vue à Saint-Denis."]
    for campus in (sdn, sdn2, aub):
        assert campus.person(merged) is None  # the merged file is gone from every PC
        person = campus.person(survivor)
        assert person is not None and person["phone"] == "+33639981234"  # the offline edit landed on the survivor
        assert _notes(campus, survivor) == both  # one file holding both histories
        assert campus.pending() == 0
    assert sdn.export() == aub.export() == sdn2.export()
    listed = json.loads(sdn.hq.admin("duplicates", "list", "--json"))
    assert not any(merged in (p["a"]["person_id"], p["b"]["person_id"]) for p in listed)


def _pairs_at_hq(server: Hq) -> set[frozenset[str]]:
    """The pairs in HQ's table, read directly (listing them through HQ would compare the queued people first)."""
    from sqlalchemy import select

    from gn_hq.db.models import duplicate_pair_table as pair_t

    ctx = server.context()
    try:
        with ctx.read() as conn:
            return {frozenset((r.person_a, r.person_b)) for r in conn.execute(select(pair_t))}
    finally:
        ctx.dispose()


def _wait_for(condition: Callable[[], bool], timeout_s: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        threading.Event().wait(0.1)
    return condition()


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(stat.parent.name))
    return found


def test_the_served_hq_compares_in_its_own_process_and_that_process_ends_with_the_server(
    tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    server = Hq(tmp_path / "hq", keyring_file)
    (tmp_path / "hq").mkdir()
    server.start()
    assert server.proc is not None
    detector = _children(server.proc.pid)
    assert detector, "gn-hq serve starts its duplicate detector"
    try:
        sdn, aub = (enrol(server, tmp_path, keyring_file, name) for name in ("sdn", "aub"))
        for campus in (sdn, aub):
            campus.sync()
        pair = frozenset((_enrol(sdn, "Vue à Saint-Denis."), _enrol(aub, "Vue à Aubervilliers.")))
        for campus in (sdn, aub):
            campus.sync()
        assert _wait_for(lambda: pair in _pairs_at_hq(server)), "proposed without anyone listing the pairs"
        server_priority = os.getpriority(os.PRIO_PROCESS, server.proc.pid)
        compares = [pid for pid in detector if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert compares and all(os.getpriority(os.PRIO_PROCESS, pid) > server_priority for pid in compares), (
            "comparing people yields the processor to the requests"
        )
    finally:
        server.stop(kill=True)  # even killed outright, the server leaves no detector behind
    assert _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in detector), 15)
