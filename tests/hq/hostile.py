"""A compromised campus PC, for property-based tests: hostile pushes and what must hold after each of them.

`HostileWorld` sets up a victim campus (SDN: a person with a disability decision, an appointment, a restricted note,
a consent; a session of its own), HQ's reference data (accounts, a partner) and an attacker campus (AUB, enrolled
like any PC, following one person of its own). `hostile_batches` draws batches of changes aimed at all of it:
other campuses' ids, reference entities, moved links, transfers, values of the wrong type or vocabulary, control
characters, huge values. `check` then asserts what the issue promises: HQ never answers 5xx, nothing of another
campus or of HQ's reference data changed, the attacker's feed holds nothing of the victim's, no feed holds a value
a campus could not store, and the other campuses keep syncing.

Used in-process (tests/hq/test_hostile.py, TestClient) and against real `gn-hq serve` processes on SQLite and
PostgreSQL (tests/e2e/test_hostile_device.py, httpx): `SimDevice` works over either client.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

from gn_core import fields as value_rules
from gn_core.fields import ENTITY_FIELDS, Kind
from gn_core.sync_rules import ENTITIES, PERSON_SCOPED
from gn_hq.db.models import record_table as record_t
from gn_hq.services import reference, users
from gn_hq.services.context import Hq
from tests.hq.world import SimDevice, new_id, person_values, record_values

Snapshot = dict[tuple[str, str], tuple[str, bool, bool, int]]


@dataclass
class HostileWorld:
    hq: Hq
    victim: SimDevice  # SDN
    attacker: SimDevice  # AUB
    bystander: SimDevice  # MTR: must keep syncing
    campus_ids: dict[str, str]
    victim_ids: dict[str, str]
    reference_ids: dict[str, str]
    attacker_person: str

    @classmethod
    def build(cls, hq: Hq, devices: dict[str, SimDevice], campus_ids: dict[str, str]) -> HostileWorld:
        victim, attacker = devices["SDN"], devices["AUB"]
        admin = users.add_user(hq, "admin.siege", "Administratrice", "hq_admin", "mot-de-passe-du-siege")
        sdn_advisor = users.add_user(hq, "conseil.sdn", "Conseil", "advisor", "mot-de-passe-sdn", "SDN")
        aub_advisor = users.add_user(hq, "conseil.aub", "Conseil", "advisor", "mot-de-passe-aub", "AUB")
        partner = new_id()
        reference.import_reference(
            hq, {"format": reference.FORMAT, "entities": {"partner": [{"id": partner, **record_values("partner")}]}}
        )
        pid = new_id()
        ids = {
            "person": pid,
            "rqth_decision": new_id(),
            "appointment": new_id(),
            "note": new_id(),
            "consent": new_id(),
            "programme_session": new_id(),
        }
        answer = victim.push(
            victim.insert("person", pid, person_values(campus_ids["SDN"], last_name="Victime-Secrete")),
            victim.insert("rqth_decision", ids["rqth_decision"], {"person_id": pid}),
            victim.insert("appointment", ids["appointment"], {"person_id": pid, "subject": "Bilan RQTH"}),
            victim.insert("note", ids["note"], {"person_id": pid, "body": "Note confidentielle", "restricted": True}),
            victim.insert("consent", ids["consent"], {"person_id": pid}),
            victim.insert("programme_session", ids["programme_session"], {"campus_id": campus_ids["SDN"]}),
        )
        assert answer["rejected"] == [], answer["rejected"]
        own = new_id()
        attacker.push(attacker.insert("person", own, person_values(campus_ids["AUB"], last_name="Complice")))
        attacker.pull()
        return cls(
            hq,
            victim,
            attacker,
            devices["MTR"],
            campus_ids,
            ids,
            {
                "admin": admin,
                "sdn_advisor": sdn_advisor,
                "aub_advisor": aub_advisor,
                "partner": partner,
                "campus_sdn": campus_ids["SDN"],
                "campus_aub": campus_ids["AUB"],
            },
            own,
        )

    # --- what must not change ---------------------------------------------------------------------------------------

    def protected_keys(self) -> list[tuple[str, str]]:
        keys = [(entity, rid) for entity, rid in self.victim_ids.items()]
        keys += [("app_user", self.reference_ids[k]) for k in ("admin", "sdn_advisor", "aub_advisor")]
        keys += [("partner", self.reference_ids["partner"])]
        keys += [("campus", cid) for cid in self.campus_ids.values()]
        return keys

    def snapshot(self) -> Snapshot:
        keys = self.protected_keys()
        with self.hq.read() as conn:
            rows = conn.execute(
                select(
                    record_t.c.entity,
                    record_t.c.record_id,
                    record_t.c.data,
                    record_t.c.deleted,
                    record_t.c.erased,
                    record_t.c.version,
                ).where(record_t.c.record_id.in_([rid for _e, rid in keys]))
            ).all()
        wanted = set(keys)
        return {
            (r.entity, r.record_id): (r.data, bool(r.deleted), bool(r.erased), r.version)
            for r in rows
            if (r.entity, r.record_id) in wanted
        }

    def check(self, before: Snapshot, status: int) -> None:
        assert status < 500, status
        assert status in (200, 413, 422), status
        assert self.snapshot() == before, "a protected record changed"
        self.attacker.pull()
        private = {(entity, rid) for entity, rid in self.victim_ids.items() if entity in PERSON_SCOPED}
        leaked = set(self.attacker.replica) & private
        assert not leaked, f"the attacker received a record of the victim: {leaked}"
        accounts = {rid for (entity, rid) in self.attacker.replica if entity == "app_user"}
        assert accounts <= {self.reference_ids["aub_advisor"]}, "the attacker received another campus's account"
        for device in (self.victim, self.bystander):
            for page in device.pull():
                for record in page["records"]:
                    if record["data"] is not None:
                        problems = value_rules.problems(record["entity"], record["data"], complete=True)
                        assert problems == [], (record["entity"], problems)
        # The victim and the bystander keep syncing: a push of theirs still applies.
        answer = self.bystander.push(self.bystander.insert("person", new_id(), person_values(self.campus_ids["MTR"])))
        assert answer["rejected"] == []


# --- hostile changes ---------------------------------------------------------------------------------------------

_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Zl", "Zp", "Cf"]), min_size=1, max_size=4),
    st.just("x" * 30_000),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _valid(spec: value_rules.FieldSpec) -> st.SearchStrategy[Any]:
    """Values a campus could store for `spec` (so the change gets past the value checks to the authorisation)."""
    kind = spec.kind
    if kind in (Kind.CHOICE, Kind.CHOICES):
        assert spec.vocabulary is not None
        codes = sorted(m.value for m in spec.vocabulary)
        one = st.sampled_from(codes)
        return one if kind is Kind.CHOICE else st.lists(one, max_size=3, unique=True).map(sorted)
    if kind is Kind.DATE:
        return st.dates().filter(lambda d: 1900 <= d.year <= 2100).map(lambda d: d.isoformat())
    if kind is Kind.DATETIME:
        return st.just("2026-12-10T09:00:00.000+00:00")
    if kind is Kind.INT:
        return st.integers(0, 1000)
    if kind is Kind.BOOL:
        return st.booleans()
    if kind is Kind.ID:
        return st.just(new_id())
    if spec.pattern:
        return st.from_regex(spec.pattern, fullmatch=True)
    return st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs"]), max_size=20)


@st.composite
def hostile_batches(draw: st.DrawFn, world: HostileWorld) -> list[dict[str, Any]]:
    attacker = world.attacker
    interesting_ids = [
        *world.victim_ids.values(),
        *world.reference_ids.values(),
        *world.campus_ids.values(),
        world.attacker_person,
    ]
    targets: list[tuple[str, str]] = [(entity, rid) for entity, rid in world.victim_ids.items()]
    targets += [("app_user", world.reference_ids[k]) for k in ("admin", "sdn_advisor", "aub_advisor")]
    targets += [("partner", world.reference_ids["partner"]), ("campus", world.campus_ids["SDN"])]
    targets += [("person", world.attacker_person)]
    batch: list[dict[str, Any]] = []
    # A clean batch holds only values a campus could store (ids pointing anywhere): it reaches the authorisation.
    clean = draw(st.integers(0, 3)) > 0
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            entity, record_id = draw(st.sampled_from(targets))
        else:
            entity = draw(st.sampled_from(sorted(ENTITIES)))
            record_id = draw(st.sampled_from([*interesting_ids, str(uuid.uuid4())]))
        op = draw(st.sampled_from(["insert", "update", "update", "delete"]))
        specs = ENTITY_FIELDS[entity]
        names = draw(st.lists(st.sampled_from(sorted(specs)), min_size=0, max_size=4, unique=True))
        fields: dict[str, tuple[Any, Any]] = {}
        for name in names:
            mode = draw(st.integers(0, 9))
            if clean and specs[name].kind is Kind.ID:
                value = draw(st.sampled_from([*interesting_ids, new_id()]))
            elif clean and name == "campus_id":
                value = draw(st.sampled_from([*world.campus_ids.values(), None]))
            elif clean or mode < 5:
                value = draw(_valid(specs[name]))
            elif mode < 8:
                value = draw(st.sampled_from([*interesting_ids, "no-such-campus", "hq_admin", ""]))
            else:
                value = draw(_JUNK)
            fields[name] = (None, value)
        if op == "insert" and entity in PERSON_SCOPED and draw(st.booleans()):
            # a complete record, so that some inserts get past the value checks
            base = record_values(entity, world.campus_ids[draw(st.sampled_from(["SDN", "AUB"]))])
            link = "id" if entity == "person" else "person_id"
            if link != "id":
                base[link] = draw(st.sampled_from([*world.victim_ids.values(), world.attacker_person]))
            fields = {**{k: (None, v) for k, v in base.items()}, **fields}
        if not clean and draw(st.integers(0, 4)) == 0:
            fields[draw(st.text(max_size=10))] = (None, draw(_JUNK))
        batch.append(
            attacker.change(
                entity,
                record_id,
                op,
                fields,
                base=draw(st.integers(0, 4)),
                erasure=op == "delete" and draw(st.integers(0, 4)) == 0,
            )
        )
    return batch


def push_raw(device: SimDevice, changes: list[dict[str, Any]]) -> int:
    """POST a batch whatever HQ answers (SimDevice.push asserts a status); returns the status."""
    body = json.dumps({"changes": changes}, ensure_ascii=False, allow_nan=False)
    response = device.client.post(
        "/v1/push", content=body.encode(), headers={**device.headers, "Content-Type": "application/json"}
    )
    return int(response.status_code)


def personal_strings() -> Iterator[str]:
    """Strings of the victim's file that must never show in a log line."""
    yield "Victime-Secrete"
    yield "Note confidentielle"
    yield "Bilan RQTH"
    yield person_values("x")["email"]
    yield person_values("x")["phone"]
