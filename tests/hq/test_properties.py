"""Properties of HQ as a whole (through the push endpoint, on SQLite and PostgreSQL): any interleaving of the same
changes from several devices converges to one state, and replaying pushes changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hq.world import SimDevice, World, new_id

FIELDS = ("email", "phone", "website", "commune_insee")
VALUES = ("a", "b", "c")


@dataclass
class Step:
    op: str
    fields: dict[str, tuple[Any, Any]]
    hlc: str


@st.composite
def chains(draw: st.DrawFn, devices: list[SimDevice]) -> list[list[Step]]:
    """Per device, a few edits made offline on version 1 of a partner record whose fields all start at "a"."""
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
    record = reader.replica[("partner", record_id)]
    data = {k: v for k, v in (reader.data("partner", record_id) or {}).items() if k in FIELDS}
    return record["deleted"], data, record["version"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_interleavings_converge_and_replays_change_nothing(world: World, data: st.DataObject) -> None:
    devices = [world.devices["SDN"], world.devices["AUB"], world.devices["MTR"]]
    reader = devices[0]
    records = [new_id(), new_id()]
    values = {"name": "Partenaire", "kind": "employer", **dict.fromkeys(FIELDS, "a")}
    reader.push(*[reader.insert("partner", rid, values) for rid in records])
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
            change = device.change("partner", record_id, step.op, step.fields, base=1, hlc=step.hlc)
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
