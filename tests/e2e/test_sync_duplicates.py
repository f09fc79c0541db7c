"""One person, one record across campuses (issue 18), with real processes: the same person enrolled offline at two
campuses is proposed at HQ after one sync cycle, merged with `gn-hq duplicates merge`, and the three PCs of the two
campuses converge to one file holding both histories — an edit made offline to the merged file before the merge
reached that PC ends up on the survivor."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
