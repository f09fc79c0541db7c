"""Properties of HQ as a whole (through the push endpoint, on SQLite and PostgreSQL): any interleaving of the same
changes from several devices converges to one state, and replaying pushes changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hq.world import SimDevice, World, new_id

FIELDS = ("email", "phone", "commune_insee", "commune_other")
VALUES = ("a", "b", "c")
#: what the abstract values "a", "b", "c" of each field are on the wire
REAL = {
    "email": {"a": "a@example.org", "b": "b@example.org", "c": "c@example.org"},
    "phone": {"a": "+33639980001", "b": "+33639980002", "c": "+33639980003"},
    "commune_insee": {"a": "93066", "b": "93001", "c": "93048"},
    "commune_other": {"a": "Paris", "b": "Lyon", "c": "Lille"},
}


def _real(fields: dict[str, tuple[Any, Any]]) -> dict[str, tuple[Any, Any]]:
    return {
        name: (REAL[name].get(old) if old else None, REAL[name].get(new) if new else None)
        for name, (old, new) in fields.items()
    }


@dataclass
class Step:
    op: str
    fields: dict[str, tuple[Any, Any]]
    hlc: str


@st.composite
def chains(draw: st.DrawFn, devices: list[SimDevice]) -> list[list[Step]]:
    """Per device, a few edits made offline on version 1 of a person whose fields all start at "a"."""
    result = []
    for device in devices:
        view = dict.fromkeys(FIELDS, "a")
        steps: list[Step] = []
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.integers(0, 7)) == 0:
                steps.append(Step("delete", {k: (v, None) for k, v in view.items()}, str(device.clock.now())))
                break
            fields = {}
            for name in sorted(draw(st.sets(st.sampled_from(FIELDS), min_size=1, max_size=2))):
                new = draw(st.sampled_from(VALUES))
                if new != view[name]:
                    fields[name] = (view[name], new)
                    view[name] = new
            if fields:
                steps.append(Step("update", fields, str(device.clock.now())))
        result.append(steps)
    return result


def _state(world: World, reader: SimDevice, record_id: str) -> tuple[bool, dict[str, Any], int]:
    reader.pull()
    record = reader.replica[("person", record_id)]
    data = {k: v for k, v in (reader.data("person", record_id) or {}).items() if k in FIELDS}
    return record["deleted"], data, record["version"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_interleavings_converge_and_replays_change_nothing(world: World, data: st.DataObject) -> None:
    # Three PCs of one campus (only the campuses following a person may change them).
    devices = [world.devices["SDN"], world.device("SDN"), world.device("SDN")]
    reader = devices[0]
    records = [new_id(), new_id()]
    values = {name: REAL[name]["a"] for name in FIELDS}
    reader.push(*[reader.insert("person", rid, values) for rid in records])
    for device in devices:
        device.pull()  # each device observes the record's stamp: its edits stamp later
    plan = data.draw(chains(devices))
    labels = [i for i, steps in enumerate(plan) for _ in steps]
    orders = [data.draw(st.permutations(labels)), data.draw(st.permutations(labels))]

    pushed: list[tuple[SimDevice, dict[str, Any]]] = []
    for record_id, order in zip(records, orders, strict=True):
        cursors = [0] * len(plan)
        for i in order:
            step = plan[i][cursors[i]]
            cursors[i] += 1
            device = devices[i]
            change = device.change("person", record_id, step.op, _real(step.fields), base=1, hlc=step.hlc)
            device.push(change)
            pushed.append((device, change))

    first, second = _state(world, reader, records[0]), _state(world, reader, records[1])
    assert first[:2] == second[:2]

    cursor = reader.cursor
    for device, change in pushed:
        answer = device.push(change)
        assert answer["duplicates"] == [change["device_seq"]] and answer["applied"] == 0
    assert reader.pull()[-1]["records"] == [] and reader.cursor >= cursor
    assert _state(world, reader, records[0]) == first and _state(world, reader, records[1]) == second
