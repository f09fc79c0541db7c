"""A hypothesis state machine over merges (issue 18): three PCs of two campuses edit the same person's three files
offline, add notes, push and pull in any order while HQ merges the files; at the end every PC holds what HQ holds,
and nothing anyone typed is lost — every note is on the surviving file, and every edited value is either the
survivor's, or surfaced in a conflict, or was replaced by someone who saw it, or left out by the merge's choice."""

from __future__ import annotations

import json
from itertools import count
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from gn_hq.db.models import conflict_table as conflict_t
from gn_hq.services import merging, records
from tests.hq.world import SimDevice, World, new_id, person_values

FIELDS = ("phone", "email", "commune_other")


def _value(field: str, n: int) -> str:
    return {"phone": f"+336399{n:05d}", "email": f"e{n}@example.org", "commune_other": f"Ville {n}"}[field]


_numbers = count(1)


class Merges(RuleBasedStateMachine):
    """The machine; `world` is set by the test (HQ, its campuses, the test client)."""

    world: World

    def __init__(self) -> None:
        super().__init__()
        self.devices: list[SimDevice] = [self.world.device("SDN"), self.world.device("SDN"), self.world.device("AUB")]
        sdn, _, aub = self.devices
        self.people = [new_id(), new_id(), new_id()]
        sdn.push(*[sdn.insert("person", pid, person_values(self.world.campus_ids["SDN"])) for pid in self.people[:2]])
        aub.push(aub.insert("person", self.people[2], person_values(self.world.campus_ids["AUB"])))
        for device in self.devices:
            device.pull()
        self.pending: list[list[dict[str, Any]]] = [[] for _ in self.devices]
        self.local: list[dict[tuple[str, str], Any]] = [{} for _ in self.devices]  # edits not pushed yet
        self.edits: list[tuple[str, str, Any, Any]] = []  # (person, field, old as seen, new)
        self.notes: dict[str, str] = {}  # note -> the person it was written for
        self.decided: set[tuple[str, Any]] = set()  # (field, value) a merge chose not to keep

    def _holds(self, d: int, pid: str) -> bool:
        """The PC has the person's file (a PC deletes a file it learns was merged)."""
        device = self.devices[d]
        return device.has("person", pid) and not device.data("person", pid).get("merged_into")

    @rule(d=st.integers(0, 2), p=st.integers(0, 2), field=st.sampled_from(FIELDS))
    def edit(self, d: int, p: int, field: str) -> None:
        pid = self.people[p]
        if not self._holds(d, pid):
            return
        device = self.devices[d]
        old = self.local[d].get((pid, field), device.data("person", pid).get(field))
        new = _value(field, next(_numbers))
        change = device.update("person", pid, **{field: new})
        change["fields"][field]["old"] = old  # what this PC shows, its own unsent edits included
        self.pending[d].append(change)
        self.local[d][(pid, field)] = new
        self.edits.append((pid, field, old, new))

    @rule(d=st.integers(0, 2), p=st.integers(0, 2))
    def note(self, d: int, p: int) -> None:
        pid = self.people[p]
        if not self._holds(d, pid):
            return
        note_id = new_id()
        self.pending[d].append(self.devices[d].insert("note", note_id, {"person_id": pid, "body": "Suivi."}))
        self.notes[note_id] = pid

    @rule(d=st.integers(0, 2))
    def push(self, d: int) -> None:
        if self.pending[d]:
            answer = self.devices[d].push(*self.pending[d])
            assert answer["rejected"] == []
            self.pending[d], self.local[d] = [], {}

    @rule(d=st.integers(0, 2))
    def pull(self, d: int) -> None:
        if not self.pending[d]:  # a PC pushes before it pulls
            self.devices[d].pull()

    @precondition(lambda self: len(self._roots()) > 1)
    @rule(s=st.integers(0, 2), x=st.integers(0, 2), take_phone=st.booleans())
    def merge(self, s: int, x: int, take_phone: bool) -> None:
        roots = sorted(self._roots())
        survivor = roots[s % len(roots)]
        merged = roots[(s + 1 + x % (len(roots) - 1)) % len(roots)]
        with self.world.hq.read() as conn:
            held = records.load(conn, [("person", p) for p in (survivor, merged)])
        take = ["phone"] if take_phone else []
        # the reviewer's choice: per field, the value of one file is kept and the other's left out
        for f in FIELDS:
            left_out = survivor if f in take else merged
            self.decided.add((f, held[("person", left_out)].state.data.get(f)))
        merging.merge_people(self.world.hq, survivor, merged, take=take, decided_by="test")

    def _roots(self) -> set[str]:
        with self.world.hq.read() as conn:
            found = merging.redirects(conn, self.people)
        return {found.get(p, p) for p in self.people}

    @invariant()
    def every_file_has_one_root(self) -> None:
        assert 1 <= len(self._roots()) <= 3

    def teardown(self) -> None:
        for _ in range(2):
            for d in range(3):
                self.push(d)
            for device in self.devices:
                device.pull()
        with self.world.hq.read() as conn:
            roots = merging.redirects(conn, self.people)
            stored = records.load(conn, [key for device in self.devices for key in device.replica])
            notes = records.load(conn, [("note", n) for n in self.notes])
            people = records.load(conn, [("person", roots.get(p, p)) for p in self.people])
            conflicts = conn.execute(select(conflict_t.c.field, conflict_t.c.hq_value, conflict_t.c.campus_value)).all()
        # every PC holds what HQ holds
        for device in self.devices:
            for key, record in device.replica.items():
                state = stored[key].state
                assert (record["version"], record["deleted"]) == (state.version, state.deleted), key
                if not state.deleted:
                    assert record["data"] == state.data, key
        # every note is on the surviving file
        for note_id, pid in self.notes.items():
            assert notes[("note", note_id)].state.data["person_id"] == roots.get(pid, pid)
        # every value typed is kept, surfaced, knowingly replaced, or left out by a merge
        surfaced = {(c.field, json.loads(v)) for c in conflicts for v in (c.hq_value, c.campus_value) if v}
        replaced = {(roots.get(pid, pid), field, old) for pid, field, old, _new in self.edits}
        for pid, field, _old, new in self.edits:
            root = roots.get(pid, pid)
            final = people[("person", root)].state.data.get(field)
            assert (
                final == new
                or (field, new) in surfaced
                or (root, field, new) in replaced
                or (field, new) in self.decided
            ), (field, new)


def test_merges_converge_and_lose_nothing(world: World) -> None:
    Merges.world = world
    run_state_machine_as_test(
        Merges,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
