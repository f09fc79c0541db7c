"""A merge that syncs: the merged file becomes a redirect to the survivor, its records move, every campus follows the
survivor, late edits to the merged file land on the survivor, and erasing either erases both (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from gn_hq.db.models import duplicate_pair_table as pair_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services import duplicates, erasure, indicators, merging
from gn_hq.services.errors import Conflicting, Invalid
from tests.hq.world import World, new_id, person_values


def _two_files(world: World) -> tuple[str, str, dict[str, str]]:
    """The same person enrolled at SDN (with a note) and at AUB (with a note, an appointment, an RQTH decision)."""
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    s, x = new_id(), new_id()
    ids = {"s_note": new_id(), "x_note": new_id(), "x_appt": new_id(), "x_rqth": new_id()}
    sdn.push(
        sdn.insert("person", s, person_values(world.campus_ids["SDN"], phone="+33611111111")),
        sdn.insert("note", ids["s_note"], {"person_id": s, "body": "Vue à Saint-Denis."}),
    )
    aub.push(
        aub.insert("person", x, person_values(world.campus_ids["AUB"], phone="+33622222222", email="awa@example.net")),
        aub.insert("note", ids["x_note"], {"person_id": x, "body": "Vue à Aubervilliers."}),
        aub.insert("appointment", ids["x_appt"], {"person_id": x}),
        aub.insert("rqth_decision", ids["x_rqth"], {"person_id": x}),
    )
    return s, x, ids


def test_a_merge_moves_everything_to_the_survivor_and_every_campus_follows_it(world: World) -> None:
    s, x, ids = _two_files(world)
    assert duplicates.pairs(world.hq)  # proposed
    result = merging.merge_people(world.hq, s, x, take=["phone"], decided_by="test")
    assert result.records_moved == 3 and result.fields_taken == ("phone",)
    assert set(result.campus_ids) == {world.campus_ids["SDN"], world.campus_ids["AUB"]}
    assert duplicates.pairs(world.hq) == []
    with world.hq.read() as conn:
        assert conn.execute(select(pair_t.c.status)).scalars().all() == ["merged"]

    for code in ("SDN", "AUB"):
        device = world.devices[code]
        device.pull()
        assert device.data("person", s)["phone"] == "+33622222222"
        for key in ("s_note", "x_note"):
            assert device.data("note", ids[key])["person_id"] == s
        assert device.data("appointment", ids["x_appt"])["person_id"] == s
    # AUB followed the merged file: it receives the redirect; SDN never had it
    assert world.devices["AUB"].data("person", x)["merged_into"] == s
    assert not world.devices["SDN"].has("person", x)
    # the merged person counts once
    assert indicators.indicators(world.hq).total.indicators.enrolled_cumulative == 1


def test_an_offline_edit_to_the_merged_file_lands_on_the_survivor(world: World) -> None:
    s, x, _ids = _two_files(world)
    aub = world.devices["AUB"]
    aub.pull()
    # made on AUB's PC before it heard of the merge
    edit_email = aub.update("person", x, email="awa.new@example.org")
    edit_phone = aub.update("person", x, phone="+33633333333")
    late_note = new_id()
    note = aub.insert("note", late_note, {"person_id": x, "body": "Appel après la fusion."})
    merging.merge_people(world.hq, s, x, decided_by="test")

    answer = aub.push(edit_email, edit_phone, note)
    assert answer["rejected"] == []
    sdn = world.devices["SDN"]
    sdn.pull()
    survivor = sdn.data("person", s)
    # the survivor kept SDN's e-mail value the PC did not see: the change is merged as concurrent (a conflict,
    # surfaced), never lost; the phone the PC saw differs from the survivor's too
    assert survivor["email"] == "awa.new@example.org"
    assert survivor["phone"] == "+33633333333"
    assert sdn.data("note", late_note)["person_id"] == s
    fields = {c["field"] for c in sdn.conflicts.values()}
    assert {"email", "phone"} <= fields


def test_a_merge_is_irreversible_and_erasing_either_file_erases_both(world: World) -> None:
    s, x, ids = _two_files(world)
    merging.merge_people(world.hq, s, x, decided_by="test")
    with pytest.raises(Conflicting):
        merging.merge_people(world.hq, x, s, decided_by="test")
    with pytest.raises(Invalid):
        merging.merge_people(world.hq, s, s, decided_by="test")
    with pytest.raises(Invalid):
        merging.merge_people(world.hq, s, x, take=["merged_into"], decided_by="test")
    with pytest.raises(Invalid):
        duplicates.dismiss(world.hq, s, x, decided_by="test")

    erasure.request_erasure(world.hq, None, x, "person_request", "DPO-7", None)
    with world.hq.read() as conn:
        rows = conn.execute(
            select(record_t.c.record_id, record_t.c.erased).where(record_t.c.record_id.in_([s, x, *ids.values()]))
        ).all()
    assert len(rows) == 6 and all(r.erased for r in rows)


def test_the_command_line_merges_taking_chosen_values(world: World, db_url: str, tmp_path: Path) -> None:
    from gn_hq import cli

    s, x, _ids = _two_files(world)
    common = ["--database-url", db_url, "--data-dir", str(tmp_path / "cli")]
    assert cli.main(["duplicates", "merge", s, x, "--field", "phone", *common]) == 1  # no side named
    assert (
        cli.main(["duplicates", "merge", s, x, "--field", "phone=merged", "--field", "campus_id=merged", *common]) == 0
    )
    sdn = world.devices["SDN"]
    sdn.pull()
    assert sdn.data("person", s)["campus_id"] == world.campus_ids["AUB"]  # AUB owns the survivor now
    assert sdn.data("person", s)["phone"] == "+33622222222"


def test_a_conflict_waiting_on_the_merged_file_is_decided_first(world: World) -> None:
    s, x, _ids = _two_files(world)
    aub, aub2 = world.devices["AUB"], world.device("AUB")
    for device in (aub, aub2):
        device.pull()
    aub.push(aub.update("person", x, last_name="Diallo-Sy"))
    aub2.push(aub2.update("person", x, last_name="Sy"))  # a protected field: waits for an advisor
    with pytest.raises(Conflicting, match="conflit"):
        merging.merge_people(world.hq, s, x, decided_by="test")
