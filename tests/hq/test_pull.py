"""Pull: scoping per campus, pages bounded in rows and bytes, resumable snapshots, gzip."""

from __future__ import annotations

import gzip

from gn_hq.services import reference
from tests.hq.world import World, new_id, person_values, record_values


def _enrol_people(world: World, code: str, count: int) -> list[str]:
    device = world.devices[code]
    ids = [new_id() for _ in range(count)]
    device.push(*[device.insert("person", pid, person_values(world.campus_ids[code])) for pid in ids])
    return ids


def test_a_campus_receives_its_people_those_shared_or_moved_to_it_and_all_reference_data(world: World) -> None:
    sdn, aub, mtr = world.devices["SDN"], world.devices["AUB"], world.devices["MTR"]
    [own] = _enrol_people(world, "SDN", 1)
    [shared] = _enrol_people(world, "SDN", 1)
    [moved] = _enrol_people(world, "SDN", 1)
    note = new_id()
    partner = new_id()
    sdn.push(sdn.insert("note", note, {"person_id": shared, "body": "Orientée vers Simplon", "restricted": False}))
    reference.import_reference(
        world.hq,
        {"format": reference.FORMAT, "entities": {"partner": [{"id": partner, **record_values("partner")}]}},
    )
    for device in (sdn, aub, mtr):
        device.pull()
    assert sdn.has("person", own) and not aub.has("person", own) and not mtr.has("person", own)
    assert all(d.has("partner", partner) for d in (sdn, aub, mtr))
    assert all(d.has("campus", world.campus_ids["MTR"]) for d in (sdn, aub, mtr))

    shared_ok = world.client.post(
        f"/v1/people/{shared}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers
    )
    assert shared_ok.status_code == 200 and shared_ok.json()["campus_ids"] == sorted(
        [world.campus_ids["SDN"], world.campus_ids["AUB"]]
    )
    sdn.pull()
    sdn_person = sdn.replica[("person", moved)]
    sdn.push(sdn.update("person", moved, campus_id=world.campus_ids["MTR"]))  # transfer to Montreuil
    assert sdn_person["version"] == 1
    aub.pull()
    mtr.pull()
    assert aub.has("person", shared) and aub.has("note", note) and not aub.has("person", moved)
    assert mtr.has("person", moved) and mtr.data("person", moved)["campus_id"] == world.campus_ids["MTR"]
    assert not mtr.has("person", shared)
    # AUB cannot share someone it does not follow.
    refused = world.client.post(
        f"/v1/people/{own}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=aub.headers
    )
    assert refused.status_code == 403 and refused.headers["content-type"] == "application/problem+json"


def test_pages_are_bounded_and_an_interrupted_snapshot_resumes_without_skipping(world: World) -> None:
    sdn = world.devices["SDN"]
    people = _enrol_people(world, "SDN", 40)
    fresh = world.device("SDN")  # a new installation: initial sync from cursor 0
    first = fresh.client.get("/v1/pull", params={"cursor": 0, "limit": 7}, headers=fresh.headers).json()
    assert len(first["records"]) + len(first["conflicts"]) == 7 and first["more"]
    fresh.apply(first)
    until = first["until"]
    # The snapshot stops here (network lost). Meanwhile HQ changes: a new person, an edit to one already sent and
    # to one not sent yet.
    late = new_id()
    sdn.push(sdn.insert("person", late, person_values(world.campus_ids["SDN"])))
    sdn.pull()
    sdn.push(sdn.update("person", people[-1], phone="+33688888888"))
    # Resume with the same `until`: the snapshot finishes without the newer writes...
    pages = fresh.pull(limit=7)
    assert all(p["until"] == until for p in pages)
    assert fresh.cursor == until
    assert not fresh.has("person", late)
    # ...and the next pull brings them: nothing skipped, the edited person in its latest state.
    fresh.pull(limit=7)
    assert all(fresh.has("person", pid) for pid in [*people, late])
    assert fresh.data("person", people[-1])["phone"] == "+33688888888"
    seqs = [r["seq"] for p in pages for r in p["records"]]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))


def test_byte_budget_still_sends_at_least_one_record(world: World) -> None:
    _enrol_people(world, "SDN", 5)
    fresh = world.device("SDN")
    pages = fresh.pull(max_bytes=1024)
    assert len(pages) > 2 and all(len(p["records"]) + len(p["conflicts"]) >= 1 for p in pages[:-1])
    assert sum(len(p["records"]) for p in pages) == 5 + 3  # five people and the three campuses


def test_pages_are_gzipped_when_asked(world: World) -> None:
    _enrol_people(world, "SDN", 20)
    fresh = world.device("SDN")
    response = fresh.client.get("/v1/pull", params={"cursor": 0}, headers={**fresh.headers, "Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["records"]  # httpx decodes it
    raw = fresh.client.get("/v1/pull", params={"cursor": 0}, headers={**fresh.headers, "Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert len(gzip.compress(raw.content)) < len(raw.content) / 3
