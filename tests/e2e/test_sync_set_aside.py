"""A record a campus cannot store never stops its sync: with a real HQ, a record written at HQ before a rule existed
(an unknown vocabulary code) is set aside by the campus with its reason, the rest of the pull goes on, HQ is told,
and once HQ holds a value the campus can store, the record arrives and leaves the list."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from gn_hq.db.engine import make_engine
from gn_hq.services import records, set_aside
from gn_hq.services.context import Hq as HqContext
from tests.e2e.conftest import Campus


def _write_at_hq(campus: Campus, person_id: str, **values: Any) -> None:
    """Change a person's stored data at HQ directly, as an older HQ (one that checked nothing) could have stored it."""
    engine = make_engine(f"sqlite:///{campus.hq.database}")
    try:
        hq = HqContext(engine, data_dir=campus.hq.data_dir)
        with hq.write() as tx:
            state = records.load(tx.conn, [("person", person_id)])[("person", person_id)].state
            state = replace(state, data={**state.data, **values}, version=state.version + 1)
            records.write(
                tx.conn, [], [records.columns_of("person", person_id, state, tx.next_seq(), datetime.now(UTC))]
            )
    finally:
        engine.dispose()


def _reported(campus: Campus) -> list[set_aside.SetAsideInfo]:
    engine = make_engine(f"sqlite:///{campus.hq.database}")
    try:
        return set_aside.list_set_aside(HqContext(engine, data_dir=campus.hq.data_dir))
    finally:
        engine.dispose()


def test_a_record_the_campus_cannot_store_is_set_aside_shown_and_reported_and_the_sync_goes_on(
    two: tuple[Campus, Campus],
) -> None:
    a, b = two
    poisoned, fine = a.add_person("Awa", "Diallo"), a.add_person("Binta", "Sow")
    a.sync()
    a.share(poisoned, b)
    a.share(fine, b)
    b.sync()
    _write_at_hq(a, poisoned, situation="astronaut", last_name="Diallo-Sy")
    a.edit(fine, phone="+33639981111")
    a.sync()

    report = b.sync_json()  # the cycle succeeds: the poisoned record does not stop it
    assert report["set_aside"] == 1 and report["errors"] == []
    status = b.status()
    assert status["last_error"] is None and status["set_aside"] == 1
    [item] = status["set_aside_records"]
    assert item["entity"] == "person" and item["record_id"] == poisoned and "mettez-la à jour" in item["reason"]
    assert "astronaut" not in item["reason"] and "Diallo" not in item["reason"]
    assert b.person(fine)["phone"] == "+33639981111"  # type: ignore[index]
    assert b.person(poisoned)["last_name"] == "Diallo"  # type: ignore[index]  # the stored copy stays as it was
    told = {(i.campus_id, i.record_id) for i in _reported(b)}  # both campuses follow the person: both set it aside
    assert told == {(a.campus_id(), poisoned), (b.campus_id(), poisoned)}

    # HQ corrects the value: the record arrives, leaves the list, and HQ's report is cleared
    _write_at_hq(a, poisoned, situation="employee")
    report = b.sync_json()
    assert report["set_aside"] == 0
    assert b.person(poisoned)["last_name"] == "Diallo-Sy"  # type: ignore[index]
    a.sync()
    assert b.status()["set_aside"] == 0 and _reported(b) == []
