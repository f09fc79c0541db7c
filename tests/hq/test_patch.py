"""The common update applied in place (records.patch, push's `_Batch._patch`) gives the record `merge` gives."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from gn_core.merge import Incoming, RecordState, Writer, merge
from gn_hq.db.models import appointment_slot_table as slot_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services import records
from gn_hq.services.context import Hq
from tests.hq.world import World, new_id, person_values, record_values

FIELDS = ("phone", "email", "situation", "city", "notes")
VALUES = st.one_of(st.none(), st.sampled_from(["a", "b", "c"]), st.integers(0, 3), st.lists(st.sampled_from("xy")))
DEVICES = ("dev-a", "dev-b", "dev-c")


def _stamp(wall: int, counter: int, device: str) -> str:
    return f"{wall:013d}-{counter:05d}-{device}"


@st.composite
def histories(draw: st.DrawFn) -> tuple[RecordState, dict[str, int]]:
    """A record created by one device, then edited by several, some edits concurrent (older bases): every shape of
    field metadata a live record can have; with each device's last sequence number."""
    wall = 1_764_000_000_000
    creator = draw(st.sampled_from(DEVICES))
    data = {name: draw(VALUES) for name in draw(st.sets(st.sampled_from(FIELDS), min_size=1))}
    state = merge(
        None, Incoming("insert", {k: (None, v) for k, v in data.items()}, 0, _stamp(wall, 0, creator), creator, seq=1)
    ).state
    seqs = dict.fromkeys(DEVICES, 1)
    for _ in range(draw(st.integers(0, 6))):
        wall += draw(st.integers(0, 2))
        device = draw(st.sampled_from(DEVICES))
        seqs[device] += 1
        names = draw(st.sets(st.sampled_from(FIELDS), min_size=1, max_size=3))
        fields = {name: (state.data.get(name), draw(VALUES)) for name in names}
        base = draw(st.integers(0, state.version))
        stamp = _stamp(wall, draw(st.integers(0, 3)), device)
        state = merge(state, Incoming("update", fields, base, stamp, device, f"user-{device}", seq=seqs[device])).state
    return state, seqs


def _stored(state: RecordState) -> records.Stored:
    row = records.columns_of("person", "p-1", state, 7, datetime.now(UTC))
    return records.Stored(
        "person", "p-1", 7, False, row["data"], row["field_meta"], state.version, False, False, row["hlc"], "p-1"
    )


@settings(max_examples=300, deadline=None)
@given(history=histories(), data=st.data())
def test_an_update_that_saw_the_whole_record_patches_it_as_merge_does(
    history: tuple[RecordState, dict[str, int]], data: st.DataObject
) -> None:
    state, seqs = history
    device = data.draw(st.sampled_from(DEVICES))
    names = data.draw(st.sets(st.sampled_from(FIELDS), min_size=1, max_size=3))
    new = {name: data.draw(VALUES) for name in names}
    changed = {name: value for name, value in new.items() if state.data.get(name) != value}
    assume(changed)  # a change that changes nothing is left to merge (no new version)
    latest = records.latest_stamp(state)
    assert latest is not None
    stamp = _stamp(int(latest[:13]) + data.draw(st.integers(0, 1)), 99, device)  # after every writer
    base = state.version + data.draw(st.integers(0, 1))
    seq = seqs[device] + 1
    incoming = Incoming(
        "update", {k: (state.data.get(k), v) for k, v in new.items()}, base, stamp, device, "user-x", seq=seq
    )
    merged = merge(state, incoming).state

    stored = _stored(state)
    writer = Writer(state.version + 1, stamp, device, "user-x")
    patched = records.patch(
        records.decode_data(stored.meta_text), records.decode_data(stored.data_text), changed, writer, seq
    )
    got = records.decode_state(patched.data_text, patched.meta_text, patched.version, False, False)
    expected = records.decode_state(
        records.encode_data(merged.data), records.encode_meta(merged), merged.version, False, False
    )
    assert got == expected
    assert patched.hlc == records.latest_stamp(merged)
    # no writer is kept that no field names any more
    meta = records.decode_data(patched.meta_text)
    assert len(meta["w"]) == len(set(meta["f"].values()) | {meta["b"]})


def _meta(hq: Hq, person_id: str) -> dict[str, Any]:
    with hq.read() as conn:
        text = conn.scalar(select(record_t.c.field_meta).where(record_t.c.record_id == person_id))
    assert text is not None
    return records.decode_data(text)


def test_edits_applied_in_place_reach_the_other_pcs_and_keep_the_metadata_small(world: World, hq: Hq) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"], situation="job_seeker")))
    world.client.post(
        f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers
    ).raise_for_status()
    sdn.pull()
    for n in range(6):
        answer = sdn.push(sdn.update("person", pid, phone=f"+3361111111{n}", situation="employee"))
        assert answer["conflicts"] == [] and answer["rejected"] == []
        assert [r["version"] for r in answer["records"] if r["id"] == pid] == [n + 2]
        sdn.pull()
    aub.pull()
    assert aub.data("person", pid)["phone"] == "+33611111115"
    assert aub.data("person", pid)["situation"] == "employee"
    # the creator, the first edit (the last to change the situation) and the last one (the phone): the four edits
    # between them are named by no field any more and are not kept
    assert [w[0] for w in _meta(hq, pid)["w"]] == [1, 2, 7]

    # A PC editing a version it has not seen still merges field by field: its concurrent edit of the same field is a
    # conflict reported to it, its other field applies.
    stale = aub.change("person", pid, "update", {"phone": ("+33611111115", "+33622222222")}, base=3)
    answer = aub.push(stale)
    assert answer["rejected"] == []
    assert [c["field"] for c in answer["conflicts"]] == ["phone"]


def test_an_edit_in_place_is_refused_as_a_merge_would_refuse_it(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"])))
    sdn.pull()
    # AUB does not follow this person: its edit, made against the current version, is acknowledged and refused
    aub.replica[("person", pid)] = dict(sdn.replica[("person", pid)])
    answer = aub.push(aub.update("person", pid, phone="+33633333333"))
    assert [(r["record_id"], r["code"]) for r in answer["rejected"]] == [(pid, "forbidden")]
    sdn.pull()
    assert sdn.data("person", pid)["phone"] != "+33633333333"


def test_an_appointment_moved_in_place_moves_its_slot_for_the_kiosks(world: World, hq: Hq) -> None:
    sdn = world.devices["SDN"]
    pid, appointment = new_id(), new_id()
    campus = world.campus_ids["SDN"]
    sdn.push(
        sdn.insert("person", pid, person_values(campus)),
        sdn.insert("appointment", appointment, record_values("appointment", campus, person_id=pid)),
    )
    sdn.pull()
    moved = "2026-12-11T14:30:00.000+02:00"
    answer = sdn.push(sdn.update("appointment", appointment, starts_at=moved, subject="Suivi (déplacé)"))
    assert answer["conflicts"] == [] and answer["rejected"] == []
    with hq.read() as conn:
        slots = conn.execute(select(slot_t.c.campus_id, slot_t.c.starts_at)).all()
    assert [tuple(s) for s in slots] == [(campus, "2026-12-11T12:30:00.000+00:00")]
    sdn.pull()
    assert sdn.data("appointment", appointment)["subject"] == "Suivi (déplacé)"
