"""A PC's cycle pulls back HQ's merged state of the records it has just pushed: the values it already holds, plus what
another PC changed meanwhile, which must land with the search words it changes."""

from __future__ import annotations

from pathlib import Path

from gn_desktop.services import search
from tests.e2e.conftest import Campus, Hq, enrol, enrol_second_pc


def _found(campus: Campus, query: str) -> list[str]:
    store = campus.store()
    try:
        with store.unit_of_work(None) as uow:
            return search.search(uow, query).ids
    finally:
        store.dispose()


def test_the_pull_back_of_own_edits_lands_another_pcs_edit_of_the_same_person_and_its_search_words(
    live_hq: Hq, tmp_path: Path, keyring_file: dict[str, str]
) -> None:
    a = enrol(live_hq, tmp_path, keyring_file, "sdn")
    a.sync()
    b = enrol_second_pc(a, tmp_path, "sdn-2")
    pid = a.add_person("Awa", "Diallo")
    other = a.add_person("Moussa", "Keita")
    a.sync()
    b.sync()
    b.edit(pid, first_name="Aminata")  # another PC's edit reaches HQ first
    b.sync()
    a.edit(pid, phone="+33612345678")  # then this PC's edit of another field of the same person
    a.edit(other, phone="+33698765432")  # and of someone nobody else touched
    report = a.sync()  # push, then pull back HQ's merged state
    assert report.pushed == 2 and report.conflicts == 0
    assert a.person(pid) == {
        "first_name": "Aminata",
        "last_name": "Diallo",
        "phone": "+33612345678",
        "email": None,
        "commune_other": None,
    }
    assert _found(a, "aminata") == [pid] and _found(a, "awa") == []
    assert _found(a, "06 12 34 56 78") == [pid] and _found(a, "06 98 76 54 32") == [other]
    assert a.pending() == 0
    b.sync()
    assert b.export() == a.export() == a.hq_people()
    assert _found(b, "0612345678") == [pid] and _found(b, "aminata") == [pid]
