"""A kiosk is a device of its campus (on SQLite and PostgreSQL): it enrols with a kiosk code, receives the catalogue
and a minimal check-in index, adds check-ins and pre-registrations, and nothing else; what it adds reaches the PCs
of its campus only, and a check-in marks the appointment arrived."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from gn_core.checkin import code_hash, decode_key, name_hash
from gn_core.sync_rules import DeviceRole
from gn_hq.services import devices, reference
from tests.hq.world import SimDevice, World, enrol, new_id, person_values, record_values


def _kiosk(world: World, code: str = "SDN") -> SimDevice:
    secret = devices.issue_enrolment_code(world.hq, code, DeviceRole.KIOSK)
    return enrol(world.client, secret, world.campus_ids[code])


def _appointment(world: World, *, hours: float = 2, status: str = "planned", code: str = "123456") -> tuple[str, str]:
    sdn = world.devices["SDN"]
    pid, aid = new_id(), new_id()
    at = (datetime.now(UTC) + timedelta(hours=hours)).isoformat(timespec="milliseconds")
    sdn.push(
        sdn.insert("person", pid, person_values(world.campus_ids["SDN"], phone="+33639981234")),
        sdn.insert("appointment", aid, {"person_id": pid, "starts_at": at, "status": status, "code": code}),
    )
    return pid, aid


def test_a_kiosk_enrols_with_its_own_code_and_gets_a_ticket_mark_of_its_own(world: World) -> None:
    first = world.client.post(
        "/v1/enrol",
        json={"code": devices.issue_enrolment_code(world.hq, "SDN", DeviceRole.KIOSK), "device_id": new_id()},
        headers={"GN-Protocol": "1"},
    ).json()
    second = world.client.post(
        "/v1/enrol",
        json={"code": devices.issue_enrolment_code(world.hq, "SDN", DeviceRole.KIOSK), "device_id": new_id()},
        headers={"GN-Protocol": "1"},
    ).json()
    assert (first["role"], second["role"]) == ("kiosk", "kiosk")
    assert first["ticket_prefix"] != second["ticket_prefix"]
    listed = {d.id: (d.role, d.ticket_prefix) for d in devices.list_devices(world.hq)}
    assert listed[first["device_id"]] == ("kiosk", first["ticket_prefix"])
    assert listed[world.devices["SDN"].device_id] == ("campus_pc", None)


def test_a_kiosk_receives_the_catalogue_and_nobody(world: World) -> None:
    reference.import_reference(
        world.hq,
        {"format": reference.FORMAT, "entities": {"partner": [{"id": "p-1", **record_values("partner")}]}},
    )
    pid, _aid = _appointment(world)
    kiosk = _kiosk(world)
    pages = kiosk.pull()
    entities = {entity for entity, _id in kiosk.replica}
    assert entities <= {"campus", "partner", "programme", "programme_session", "job_offer", "event"}
    assert ("partner", "p-1") in kiosk.replica and ("person", pid) not in kiosk.replica
    text = json.dumps(pages)
    assert "Diallo" not in text and "+33639981234" not in text


def test_a_kiosk_adds_check_ins_and_pre_registrations_and_changes_nothing(world: World) -> None:
    kiosk = _kiosk(world)
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    visit, prereg = new_id(), new_id()
    campus = world.campus_ids["SDN"]
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    answer = kiosk.push(
        kiosk.insert(
            "visit",
            visit,
            {"campus_id": campus, "ticket": "B1-001", "purpose": "information", "arrived_at": now, "status": "waiting"},
        ),
        kiosk.insert(
            "pre_registration",
            prereg,
            {
                "campus_id": campus,
                "first_name": "Inès",
                "last_name": "Moreau",
                "message": "",
                "language": "fr",
                "consent_text_version": "2025-01",
                "status": "waiting",
                "job_families": ["data"],
            },
        ),
        kiosk.change("visit", visit, "update", {"status": ("waiting", "seen")}, base=1),
        kiosk.insert("person", new_id(), person_values(campus)),
        kiosk.insert(
            "visit",
            new_id(),
            {
                "campus_id": world.campus_ids["AUB"],
                "ticket": "B1-002",
                "purpose": "other",
                "arrived_at": now,
                "status": "waiting",
            },
        ),
    )
    assert [r["code"] for r in answer["rejected"]] == ["forbidden", "forbidden", "forbidden"]
    sdn.pull()
    aub.pull()
    kiosk.pull()
    assert sdn.has("visit", visit) and sdn.has("pre_registration", prereg)
    assert sdn.data("visit", visit)["status"] == "waiting"
    assert not aub.has("visit", visit) and not aub.has("pre_registration", prereg)
    assert not kiosk.has("pre_registration", prereg)  # not even what it added: it holds no one's file
    # the campus's PCs take it from there: a walk-in received, a pre-registration turned into a person
    answer = sdn.push(
        sdn.update("visit", visit, status="seen"), sdn.update("pre_registration", prereg, status="converted")
    )
    assert answer["rejected"] == []
    for path in ("/v1/people/x/erasure", "/v1/people/x/shares", "/v1/conflicts/x/resolution"):
        body = {"reason": "other", "reference": "T-1", "campus_id": "x", "choice": "hq"}
        assert world.client.post(path, json=body, headers=kiosk.headers).status_code == 403


def test_a_check_in_marks_the_appointment_arrived_everywhere_but_never_undoes_done_or_cancelled(world: World) -> None:
    kiosk = _kiosk(world)
    sdn = world.devices["SDN"]
    pid, aid = _appointment(world)
    _, done = _appointment(world, status="done", code="654321")
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    visits = [new_id(), new_id()]
    kiosk.push(
        *[
            kiosk.insert(
                "visit",
                v,
                {
                    "campus_id": world.campus_ids["SDN"],
                    "ticket": f"A1-00{i}",
                    "purpose": "appointment",
                    "arrived_at": now,
                    "status": "waiting",
                    "appointment_id": a,
                },
            )
            for i, (v, a) in enumerate(zip(visits, (aid, done), strict=True))
        ]
    )
    sdn.pull()
    assert sdn.data("appointment", aid)["status"] == "arrived"
    assert sdn.data("appointment", done)["status"] == "done"
    assert sdn.data("visit", visits[0])["person_id"] == pid  # the kiosk did not know who it was; HQ says


def test_the_check_in_index_holds_hashes_and_first_names_only_for_the_coming_days(world: World) -> None:
    _pid, aid = _appointment(world, hours=3)
    _appointment(world, hours=24 * 10, code="111111")  # too far ahead
    _appointment(world, hours=-30, code="222222")  # yesterday
    kiosk = _kiosk(world)
    response = world.client.get("/v1/kiosk/check-in-index", headers=kiosk.headers)
    assert response.status_code == 200
    index = response.json()
    [entry] = index["entries"]
    key = decode_key(index["key"])
    assert entry["appointment_id"] == aid and entry["first_name"] == "Awa"
    assert entry["code_hash"] == code_hash(key, "123 456")
    assert entry["name_hash"] == name_hash(key, "AWA", "diallo", "2003-04-12")
    assert "Diallo" not in response.text and "+33639981234" not in response.text and "2003" not in response.text
    pc = world.client.get("/v1/kiosk/check-in-index", headers=world.devices["SDN"].headers)
    assert pc.status_code == 403
    other = _kiosk(world, "AUB")
    assert world.client.get("/v1/kiosk/check-in-index", headers=other.headers).json()["entries"] == []
