"""Push: idempotence, all-or-nothing batches, and the merge rules seen through HQ (on SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gn_core.fields import ENTITY_FIELDS
from gn_core.protocol import Change
from gn_hq.services import push
from tests.hq.hostile import _JUNK, _valid
from tests.hq.world import World, new_id, person_values


def test_resent_batch_changes_nothing_and_reports_what_was_applied(world: World) -> None:
    sdn = world.devices["SDN"]
    pid = new_id()
    batch = [
        sdn.insert("person", pid, person_values(world.campus_ids["SDN"])),
        sdn.insert("note", new_id(), {"person_id": pid, "body": "Premier entretien"}),
    ]
    first = sdn.push(*batch)
    assert first["applied"] == 2 and first["duplicates"] == [] and first["last_device_seq"] == 2
    versions = {(r["entity"], r["id"]): r["version"] for r in first["records"]}
    assert versions[("person", pid)] == 1
    sdn.pull()
    cursor = sdn.cursor

    again = sdn.push(*batch)
    assert again["applied"] == 0
    assert again["duplicates"] == [1, 2]
    assert again["last_device_seq"] == 2
    assert {(r["entity"], r["id"]): r["version"] for r in again["records"]} == versions
    assert sdn.pull()[0]["records"] == [] and sdn.cursor == cursor

    # A batch mixing old and new changes applies only the new ones.
    edit = sdn.update("person", pid, phone="+33639980000")
    mixed = sdn.push(*batch, edit)
    assert mixed["applied"] == 1 and mixed["duplicates"] == [1, 2] and mixed["last_device_seq"] == 3


def test_a_bad_change_refuses_the_whole_batch(world: World) -> None:
    sdn = world.devices["SDN"]
    pid = new_id()
    good = sdn.insert("person", pid, person_values(world.campus_ids["SDN"]))
    bad = sdn.change("no_such_table", new_id(), "insert", {"x": (None, 1)})
    problem = sdn.push(good, bad, status=422)
    assert problem["code"] == "invalid_change"
    assert problem["errors"][0]["code"] == "unknown_entity" and problem["errors"][0]["device_seq"] == 2
    assert all(r["entity"] == "campus" for r in sdn.pull()[0]["records"])
    assert not sdn.has("person", pid)
    status = world.client.get("/v1/status", headers=sdn.headers).json()
    assert status["last_device_seq"] == 0

    # Another device's change in my batch, or sequence numbers going back, refuse it too.
    other = world.devices["AUB"].insert("person", new_id(), person_values(world.campus_ids["AUB"]))
    assert sdn.push(good, other, status=422)["errors"][0]["code"] == "device_mismatch"
    assert sdn.push(good, good, status=422)["errors"][0]["code"] == "sequence_order"
    # Once fixed, the same changes go through.
    assert sdn.push(good)["applied"] == 1


def test_edits_to_different_fields_both_survive(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"])))
    world.client.post(
        f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers
    ).raise_for_status()
    sdn.pull()
    aub.pull()
    sdn_edit = sdn.update("person", pid, phone="+33611111111")
    aub_edit = aub.update("person", pid, email="awa@campus-aub.example")
    assert sdn.push(sdn_edit)["conflicts"] == []
    assert aub.push(aub_edit)["conflicts"] == []
    sdn.pull()
    aub.pull()
    for device in (sdn, aub):
        data = device.data("person", pid)
        assert data["phone"] == "+33611111111" and data["email"] == "awa@campus-aub.example"
    assert sdn.conflicts == {} and aub.conflicts == {}


def test_same_field_on_two_campuses_gives_one_winner_and_a_conflict_for_both(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"])))
    world.client.post(f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers)
    sdn.pull()
    aub.pull()
    sdn.set_clock(1_750_000_000_000)
    aub.set_clock(1_750_000_001_000)
    early = sdn.update("person", pid, phone="+33622222222")
    late = aub.update("person", pid, phone="+33633333333")  # later clock: wins whatever the arrival order
    response = aub.push(late)
    assert response["conflicts"] == []
    response = sdn.push(early)
    [conflict] = response["conflicts"]
    assert conflict["field"] == "phone" and conflict["status"] == "auto" and conflict["winner"] == "hq"
    assert conflict["hq"]["value"] == "+33633333333" and conflict["hq"]["campus_id"] == world.campus_ids["AUB"]
    assert conflict["campus"]["value"] == "+33622222222" and conflict["campus"]["campus_id"] == world.campus_ids["SDN"]
    assert conflict["base"] == "+33612345678"
    sdn.pull()
    aub.pull()
    for device in (sdn, aub):
        assert device.data("person", pid)["phone"] == "+33633333333"
        assert list(device.conflicts) == [conflict["id"]]
    assert world.devices["MTR"].pull() and world.devices["MTR"].conflicts == {}


def test_protected_field_keeps_hq_value_until_an_advisor_decides(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"])))
    world.client.post(f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers)
    sdn.pull()
    aub.pull()
    sdn.push(sdn.update("person", pid, last_name="Diallo-Sow"))
    response = aub.push(aub.update("person", pid, last_name="Sow"))  # later clock, but protected: HQ keeps its value
    [conflict] = response["conflicts"]
    assert conflict["status"] == "open" and conflict["winner"] == "hq"
    aub.pull()
    assert aub.data("person", pid)["last_name"] == "Diallo-Sow"
    # While the conflict is open, the field does not move, even for an edit made after seeing HQ's value.
    again = aub.push(aub.update("person", pid, last_name="Sow"))
    assert again["conflicts"][0]["status"] == "open"

    resolved = world.client.post(
        f"/v1/conflicts/{conflict['id']}/resolution", json={"choice": "campus"}, headers=aub.headers
    )
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "resolved"
    sdn.pull()
    aub.pull()
    assert sdn.data("person", pid)["last_name"] == "Sow" == aub.data("person", pid)["last_name"]
    assert all(c["status"] == "resolved" for c in sdn.conflicts.values() if c["field"] == "last_name")
    # The field is free again.
    assert sdn.push(sdn.update("person", pid, last_name="Sow Diallo"))["conflicts"] == []
    twice = world.client.post(f"/v1/conflicts/{conflict['id']}/resolution", json={"choice": "hq"}, headers=aub.headers)
    assert twice.status_code == 409


def test_delete_against_a_concurrent_update_is_a_conflict_in_either_order(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    for delete_first in (False, True):
        pid = new_id()
        appointment = new_id()
        sdn.push(
            sdn.insert("person", pid, person_values(world.campus_ids["SDN"])),
            sdn.insert("appointment", appointment, {"person_id": pid, "subject": "Bilan", "status": "planned"}),
        )
        world.client.post(f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers)
        sdn.pull()
        aub.pull()
        deletion = sdn.delete("appointment", appointment)
        edit = aub.update("appointment", appointment, subject="Bilan et CV")
        if delete_first:
            assert sdn.push(deletion)["conflicts"] == []
            [conflict] = aub.push(edit)["conflicts"]
        else:
            assert aub.push(edit)["conflicts"] == []
            [conflict] = sdn.push(deletion)["conflicts"]
        assert conflict["kind"] == "delete" and conflict["status"] == "open"
        sdn.pull()
        aub.pull()
        for device in (sdn, aub):
            assert device.has("appointment", appointment)
            assert device.data("appointment", appointment)["subject"] == "Bilan et CV"
        decided = world.client.post(
            f"/v1/conflicts/{conflict['id']}/resolution", json={"choice": "delete"}, headers=sdn.headers
        )
        assert decided.status_code == 200, decided.text
        aub.pull()
        assert not aub.has("appointment", appointment)


def test_a_clock_a_day_ahead_does_not_win_forever(world: World) -> None:
    now = [1_750_000_000_000]
    world.hq.now_ms = lambda: now[0]
    day = 24 * 3600 * 1000
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    ahead = world.device("SDN", wall=lambda: now[0] + day)  # this campus PC's clock is a day ahead
    aub.clock = type(aub.clock)(aub.device_id[-12:], wall=lambda: now[0])
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"])))
    world.client.post(f"/v1/people/{pid}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers)
    ahead.pull()
    aub.pull()
    ahead_edit = ahead.update("person", pid, phone="+33644444444")
    ahead.push(ahead_edit)
    now[0] += 10 * 60 * 1000  # ten minutes later, AUB changes the same field, not having seen the first change
    aub_edit = aub.update("person", pid, phone="+33655555555")
    [conflict] = aub.push(aub_edit)["conflicts"]
    assert conflict["winner"] == "campus"  # without clamping, the stamp a day ahead would have won
    aub.pull()
    assert aub.data("person", pid)["phone"] == "+33655555555"


def test_refused_changes_are_acknowledged_and_reported(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    note = new_id()
    sdn.push(
        sdn.insert("person", pid, person_values(world.campus_ids["SDN"])),
        sdn.insert("note", note, {"person_id": pid, "body": "Entretien", "restricted": False}),
    )
    sdn.pull()
    # Notes are append-only; campuses are HQ's to write; AUB does not follow this person.
    response = sdn.push(
        sdn.update("note", note, body="Entretien modifié"),
        sdn.insert("campus", new_id(), {"code": "AUB", "name": "Doublon", "commune_insee": "93001", "is_hq": False}),
    )
    assert [r["code"] for r in response["rejected"]] == ["append_only", "forbidden"]
    assert "siège" in response["rejected"][1]["detail"]
    assert response["last_device_seq"] == sdn.seq
    refused = aub.push(aub.change("person", pid, "update", {"phone": ("+33612345678", "+33639980000")}, base=1))
    assert refused["rejected"][0]["code"] == "forbidden"
    sdn.pull()
    assert sdn.data("person", pid)["phone"] == "+33612345678"
    assert sdn.data("note", note)["body"] == "Entretien"


def test_insert_of_an_existing_id_merges_as_an_update(world: World) -> None:
    sdn = world.devices["SDN"]
    other = world.device("SDN")
    pid = new_id()
    values = person_values(world.campus_ids["SDN"])
    sdn.push(sdn.insert("person", pid, values))
    response = other.push(other.insert("person", pid, {**values, "phone": "+33677777777"}))
    assert response["rejected"] == []
    assert [c["field"] for c in response["conflicts"]] == ["phone"]
    sdn.pull()
    assert sdn.replica[("person", pid)]["version"] == 2


@st.composite
def _changes(draw: st.DrawFn) -> Change:
    entity = draw(st.sampled_from(sorted(ENTITY_FIELDS)))
    specs = ENTITY_FIELDS[entity]
    op = draw(st.sampled_from(["insert", "update", "delete"]))
    names = draw(st.lists(st.sampled_from(sorted(specs)), max_size=6, unique=True))
    if op == "insert" and draw(st.booleans()):
        names = sorted(set(names) | {n for n, s in specs.items() if s.required})  # often complete
    fields: dict[str, Any] = {}
    for name in names:
        new = draw(st.one_of(_valid(specs[name]), st.none(), _JUNK) if draw(st.booleans()) else _valid(specs[name]))
        old = draw(st.one_of(st.none(), _valid(specs[name]), _JUNK))
        fields[name] = {"old": old, "new": new}
    if draw(st.integers(0, 9)) == 0:
        fields[draw(st.sampled_from(["inconnu", "x"]))] = {"old": None, "new": 1}
    return Change.model_validate(
        {
            "device_seq": 1,
            "device_id": "pc-1",
            "entity": entity,
            "record_id": new_id(),
            "op": op,
            "fields": fields,
            "base_version": 0,
            "hlc": "1764000000000-00000-pc-1",
        }
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(change=_changes())
def test_the_quick_value_check_refuses_exactly_what_the_detailed_one_explains(change: Change) -> None:
    """HQ checks every value of every push inline and only explains a refusal in detail: both must agree on what
    is refused, or a bad value would reach the feeds (or a good one be refused)."""
    assert bool(push._value_problems(change)) == bool(push._describe_problems(change))
