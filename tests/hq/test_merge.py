"""The merge rules of gn_core.merge, without any database: examples, then properties over every interleaving."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gn_core.hlc import Stamp
from gn_core.merge import Incoming, RecordState, effective_stamp, merge, resolve_field

FIELDS = ("a", "b", "c")


def stamp(wall: int, node: str, counter: int = 0) -> str:
    return str(Stamp(wall, counter, node))


def created(values: dict[str, Any]) -> RecordState:
    change = Incoming("insert", {k: (None, v) for k, v in values.items()}, 0, stamp(1000, "origin"), "origin")
    return merge(None, change).state


def test_a_change_that_saw_the_current_value_applies_whatever_its_clock() -> None:
    state = created({"a": 1})
    late_clock = Incoming("update", {"a": (1, 2)}, 1, stamp(10, "slow"), "slow")  # clock far behind, but saw v1
    result = merge(state, late_clock)
    assert result.status == "applied" and result.state.data["a"] == 2 and result.state.version == 2
    # ... and its stamp is lifted above what it overwrote, so later decisions stay consistent.
    assert result.state.writer_of("a").stamp > state.writer_of("a").stamp  # type: ignore[union-attr]


def test_concurrent_writes_of_one_field_go_to_the_greater_stamp_with_a_conflict() -> None:
    state = created({"a": 1})
    first = merge(state, Incoming("update", {"a": (1, 2)}, 1, stamp(2000, "x"), "x")).state
    loser = merge(first, Incoming("update", {"a": (1, 3)}, 1, stamp(1500, "y"), "y"))
    assert loser.state.data["a"] == 2
    [conflict] = loser.conflicts
    assert (conflict.winner, conflict.hq_value, conflict.campus_value, conflict.base) == ("hq", 2, 3, 1)
    winner = merge(first, Incoming("update", {"a": (1, 4)}, 1, stamp(2500, "y"), "y"))
    assert winner.state.data["a"] == 4 and winner.conflicts[0].winner == "campus"


def test_protected_fields_are_held_for_an_advisor() -> None:
    state = created({"a": 1})
    first = merge(state, Incoming("update", {"a": (1, 2)}, 1, stamp(2000, "x"), "x")).state
    result = merge(first, Incoming("update", {"a": (1, 3)}, 1, stamp(9000, "y"), "y"), protected=frozenset({"a"}))
    assert result.state.data["a"] == 2 and result.conflicts[0].held and result.state.held == {"a"}
    resolved = resolve_field(result.state, "a", 3, stamp(9500, "hq"), "hq", None)
    assert resolved.data["a"] == 3 and resolved.held == frozenset()


def test_a_device_chains_its_own_edits_without_conflict() -> None:
    state = created({"a": 1})
    one = merge(state, Incoming("update", {"a": (1, 2)}, 1, stamp(2000, "x"), "x")).state
    two = merge(one, Incoming("update", {"a": (2, 3)}, 1, stamp(2001, "x"), "x"))  # same base: not synced between
    assert two.status == "applied" and two.state.data["a"] == 3


def test_erased_records_refuse_everything_and_append_only_records_refuse_edits() -> None:
    erased = merge(created({"a": 1}), Incoming("delete", {}, 1, stamp(2000, "x"), "x", erasure=True)).state
    assert erased.erased and erased.data == {}
    assert merge(erased, Incoming("update", {"a": (1, 2)}, 1, stamp(3000, "y"), "y")).reason == "erased"
    note = created({"body": "x"})
    assert merge(note, Incoming("update", {"body": ("x", "y")}, 1, stamp(3000, "y"), "y"), append_only=True).reason == (
        "append_only"
    )


def test_effective_stamp_clamps_a_clock_ahead_to_the_receive_time() -> None:
    assert effective_stamp(stamp(5000, "n", 3), 9000) == stamp(5000, "n", 3)
    assert effective_stamp(stamp(99_000, "n", 3), 9000) == stamp(9000, "n", 3)


# --- Properties ---------------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    """Several devices, each with a chain of edits made offline on the same version of one record."""

    initial: dict[str, Any]
    chains: list[list[Incoming]]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    initial = {name: 0 for name in FIELDS}
    chains = []
    for device in range(draw(st.integers(2, 4))):
        node = f"dev{device}"
        view = dict(initial)
        deleted = False
        chain: list[Incoming] = []
        walls = sorted(draw(st.sets(st.integers(2000, 2100), min_size=1, max_size=5)))
        for wall in walls:
            if deleted:
                break
            if draw(st.integers(0, 9)) == 0:
                deletion = {k: (v, None) for k, v in view.items()}
                chain.append(Incoming("delete", deletion, 1, stamp(wall, node), node, seq=len(chain) + 1))
                deleted = True
                continue
            edited = draw(st.sets(st.sampled_from(FIELDS), min_size=1, max_size=3))
            fields = {}
            for name in sorted(edited):
                new = draw(st.integers(1, 3))
                if new != view[name]:
                    fields[name] = (view[name], new)
                    view[name] = new
            if fields:
                chain.append(Incoming("update", fields, 1, stamp(wall, node), node, seq=len(chain) + 1))
        chains.append(chain)
    return Scenario(initial, chains)


def run(scenario: Scenario, order: list[int]) -> RecordState:
    state = created(scenario.initial)
    cursors = [0] * len(scenario.chains)
    for device in order:
        change = scenario.chains[device][cursors[device]]
        cursors[device] += 1
        state = merge(state, change).state
    return state


def interleavings(scenario: Scenario) -> st.SearchStrategy[list[int]]:
    labels = [device for device, chain in enumerate(scenario.chains) for _ in chain]
    return st.permutations(labels)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_interleaving_of_the_same_changes_converges(data: st.DataObject) -> None:
    scenario = data.draw(scenarios())
    first = run(scenario, data.draw(interleavings(scenario)))
    second = run(scenario, data.draw(interleavings(scenario)))
    assert (first.deleted, dict(first.data)) == (second.deleted, dict(second.data))
    if not first.deleted:
        # The value of each field is the one written by the change with the greatest stamp on it.
        updates = [c for chain in scenario.chains for c in chain if c.op == "update"]
        for name in FIELDS:
            writes = [(c.stamp, c.device_id, c.fields[name][1]) for c in updates if name in c.fields]
            expected = max(writes)[2] if writes else scenario.initial[name]
            assert first.data[name] == expected


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_merging_a_change_again_changes_nothing(data: st.DataObject) -> None:
    scenario = data.draw(scenarios())
    order = data.draw(interleavings(scenario))
    state = created(scenario.initial)
    cursors = [0] * len(scenario.chains)
    for device in order:
        change = scenario.chains[device][cursors[device]]
        cursors[device] += 1
        state = merge(state, change).state
        again = merge(state, change)
        assert not again.changed and again.state.data == state.data and again.state.version == state.version
