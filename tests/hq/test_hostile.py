"""A compromised campus PC pushes whatever it likes (hypothesis, in-process, SQLite and PostgreSQL): HQ never answers
5xx, and nothing of another campus or of HQ's reference data changes or leaks (see tests/hq/hostile.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hq.hostile import HostileWorld, hostile_batches, push_raw
from tests.hq.world import World


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_hostile_pushes_change_and_leak_nothing(world: World, data: st.DataObject) -> None:
    hostile = getattr(world, "_hostile", None)
    if hostile is None:
        hostile = HostileWorld.build(world.hq, world.devices, world.campus_ids)
        world._hostile = hostile  # type: ignore[attr-defined]  # one setup per test, shared by its examples
    before = hostile.snapshot()
    batch = data.draw(hostile_batches(hostile))
    status = push_raw(hostile.attacker, batch)
    hostile.check(before, status)
