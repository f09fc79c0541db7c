"""Search-before-create asks HQ (issue 18, item 4): a lookup answers only a campus, a strength and a token; the
token asks the following campus for the file, which it accepts or declines (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from gn_core.sync_rules import DeviceRole
from gn_hq.app import create_app
from gn_hq.services import audit, devices, erasure, lookup, users
from gn_hq.services.context import Hq
from gn_hq.services.throttle import DatabaseBuckets, LookupLimiter
from tests.hq.world import SimDevice, World, enrol, new_id, person_values

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TYPED: dict[str, Any] = {"first_name": "awa", "last_name": "DIALLO", "birth_date": "2003-04-12"}


def _enrol_person(world: World, code: str, **values: Any) -> str:
    device = world.devices[code]
    pid = new_id()
    device.push(device.insert("person", pid, person_values(world.campus_ids[code], **values)))
    return pid


def _lookup(device: SimDevice, *, status: int = 200, client: TestClient | None = None, **typed: Any) -> dict[str, Any]:
    """`device` looks `typed` up, through `client` (another HQ worker) or its own."""
    response = (client or device.client).post("/v1/people/lookup", json=typed or TYPED, headers=device.headers)
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


def _request(device: SimDevice, token: str, kind: str = "share", status: int = 201, consent: bool = True) -> Any:
    response = device.client.post(
        "/v1/move-requests", json={"token": token, "kind": kind, "consent": consent}, headers=device.headers
    )
    assert response.status_code == status, response.text
    return response.json()


def _requests(device: SimDevice) -> dict[str, Any]:
    response = device.client.get("/v1/move-requests", headers=device.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _decide(device: SimDevice, request_id: str, accept: bool, status: int = 200) -> Any:
    response = device.client.post(
        f"/v1/move-requests/{request_id}/decision", json={"accept": accept}, headers=device.headers
    )
    assert response.status_code == status, response.text
    return response.json()


def test_a_lookup_answers_the_campus_and_strength_only_and_the_token_brings_the_file(world: World) -> None:
    pid = _enrol_person(world, "SDN")  # Awa Diallo, 2003-04-12, at Saint-Denis
    _enrol_person(world, "SDN", first_name="Fatou", last_name="Sow", birth_date="1990-01-01", phone=None, email=None)
    aub, sdn = world.devices["AUB"], world.devices["SDN"]

    answer = _lookup(aub)
    assert len(answer["matches"]) == 1
    match = answer["matches"][0]
    assert set(match) == {"campus_code", "campus_name", "strength", "token"}
    assert (match["campus_code"], match["strength"]) == ("SDN", "strong")
    text = json.dumps(answer)
    for leak in (pid, "Awa", "Diallo", "2003", "33612345678", "awa.diallo"):
        assert leak not in text
    # a typo and no birth date, but the phone: still found, less surely
    typo = _lookup(aub, first_name="Awa", last_name="Dialo", phone="06 12 34 56 78")["matches"]
    assert [m["strength"] for m in typo] == ["possible"]
    # the same person looked up twice: two tokens nobody can link
    assert _lookup(aub)["matches"][0]["token"] != match["token"]
    # the campus following the person finds nobody elsewhere
    assert _lookup(sdn)["matches"] == []

    request = _request(aub, match["token"], "share")
    assert (request["status"], request["direction"], request["campus_code"]) == ("pending", "outgoing", "SDN")
    assert request["person_id"] is None
    assert _request(aub, match["token"], "share")["id"] == request["id"]  # asked twice: one request

    incoming = _requests(sdn)["incoming"]
    assert [(r["id"], r["person_id"], r["campus_code"], r["kind"]) for r in incoming] == [
        (request["id"], pid, "AUB", "share")
    ]
    mtr = _requests(world.devices["MTR"])
    assert (mtr["incoming"], mtr["outgoing"]) == ([], [])
    _decide(world.devices["MTR"], request["id"], True, status=404)  # not addressed to Montreuil

    aub.pull()
    assert not aub.has("person", pid)
    _decide(sdn, request["id"], True)
    aub.pull()
    assert aub.data("person", pid)["last_name"] == "Diallo"  # the file arrived with the next pull
    outgoing = _requests(aub)["outgoing"]
    assert [(r["status"], r["person_id"]) for r in outgoing] == [("accepted", pid)]
    assert _requests(sdn)["incoming"] == []
    _decide(sdn, request["id"], False, status=409)  # answered once
    # now shared: a new lookup from Aubervilliers finds nothing elsewhere, its own search finds the file
    assert _lookup(aub)["matches"] == []


def test_a_declined_transfer_is_told_and_gives_nothing(world: World) -> None:
    pid = _enrol_person(world, "SDN")
    aub, sdn = world.devices["AUB"], world.devices["SDN"]
    token = _lookup(aub)["matches"][0]["token"]
    request = _request(aub, token, "transfer")
    _decide(sdn, request["id"], False)
    assert [(r["kind"], r["status"], r["person_id"]) for r in _requests(aub)["outgoing"]] == [
        ("transfer", "declined", None)
    ]
    aub.pull()
    assert not aub.has("person", pid)


def test_too_little_input_is_refused_naming_the_fields(world: World) -> None:
    _enrol_person(world, "SDN")
    aub = world.devices["AUB"]
    cases: list[tuple[dict[str, Any], set[str]]] = [
        ({"first_name": "Awa", "last_name": "Diallo"}, {"birth_date"}),
        ({"last_name": "Diallo", "birth_date": "2003-04-12"}, {"first_name"}),
        ({"first_name": "Awa", "last_name": "Diallo", "phone": "12"}, {"birth_date"}),  # not a phone
    ]
    for typed, fields in cases:
        problem = _lookup(aub, status=422, **typed)
        assert problem["code"] == "lookup_too_vague"
        assert "prénom et le nom" in problem["title"]
        assert {e["loc"][-1] for e in problem["errors"]} == fields


def test_lookups_are_rate_limited_per_device_on_every_hq_worker(world: World, make_hq: Callable[..., Hq]) -> None:
    now = [1000.0]
    second_worker = make_hq()  # `gn-hq serve --workers 2`: two processes on one database
    for hq in (world.hq, second_worker):
        hq.lookup_limiter = LookupLimiter(buckets=DatabaseBuckets(hq), burst=2, refill_s=30.0, now=lambda: now[0])
    aub, other_pc = world.devices["AUB"], world.device("AUB")
    with TestClient(create_app(hq=second_worker)) as second:
        _lookup(aub)
        _lookup(aub, client=second)  # the device's second lookup, on the other worker
        for client in (aub.client, second):  # neither worker allows a third
            response = client.post("/v1/people/lookup", json=TYPED, headers=aub.headers)
            assert response.status_code == 429
            assert response.headers["content-type"] == "application/problem+json"
            assert response.headers["Retry-After"] == "30"
            assert response.json()["code"] == "too_many_lookups"
            assert "réessayez dans 30 s" in response.json()["title"]
        _lookup(other_pc, client=second)  # another PC is not slowed
        now[0] += 20
        assert _lookup(aub, status=429, client=second)["title"].endswith("réessayez dans 10 s.")
        now[0] += 10
        _lookup(aub, client=second)  # the one earned meanwhile, spent on one worker…
        assert _lookup(aub, status=429)["code"] == "too_many_lookups"  # …is gone on the other


def test_kiosks_may_not_look_up(world: World) -> None:
    secret = devices.issue_enrolment_code(world.hq, "AUB", DeviceRole.KIOSK)
    kiosk = enrol(world.client, secret, world.campus_ids["AUB"])
    assert _lookup(kiosk, status=403)["code"] == "campus_pc_only"


def test_every_lookup_is_audited_without_what_was_typed(world: World) -> None:
    _enrol_person(world, "SDN")
    advisor = users.add_user(world.hq, "conseil.aub", "Conseil", "advisor", "mot-de-passe-conseil", "AUB")
    elsewhere = users.add_user(world.hq, "conseil.sdn", "Conseil", "advisor", "mot-de-passe-conseil", "SDN")
    _lookup(world.devices["AUB"], **TYPED, user_id=advisor)
    _lookup(world.devices["AUB"], first_name="Personne", last_name="Inconnue", birth_date="1970-01-01")
    _lookup(world.devices["AUB"], **TYPED, user_id=elsewhere)  # not an account of this campus: not named
    events = [e for e in audit.list_events(world.hq) if e.action == "person_lookup"]
    aub = world.devices["AUB"].device_id
    assert [(e.campus_code, e.device_id, e.account, e.detail) for e in events] == [
        ("AUB", aub, "conseil.aub", "correspondances=1"),
        ("AUB", aub, None, "correspondances=0"),
        ("AUB", aub, None, "correspondances=1"),
    ]
    assert events[0].action_label == "Recherche dans les autres campus"
    assert not any("Diallo" in json.dumps(e.as_dict()) or "1970" in (e.detail or "") for e in events)


def test_forged_other_campus_and_expired_tokens_are_refused(world: World) -> None:
    pid = _enrol_person(world, "SDN")
    aub, mtr = world.devices["AUB"], world.devices["MTR"]
    token = _lookup(aub)["matches"][0]["token"]
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert _request(aub, forged, status=422)["code"] == "invalid_token"
    assert _request(mtr, token, status=422)["code"] == "invalid_token"  # given to Aubervilliers only
    assert _request(aub, token, consent=False, status=422)["code"] == "consent_needed"
    key = lookup._key(world.hq)
    old = lookup.seal(key, pid, world.campus_ids["AUB"], int(time.time()) - 1)
    assert _request(aub, old, status=422)["code"] == "expired_token"


@pytest.mark.parametrize("how", ["erase", "anonymise"])
def test_erasing_the_person_deletes_their_requests(world: World, how: str) -> None:
    pid = _enrol_person(world, "SDN")
    aub, sdn = world.devices["AUB"], world.devices["SDN"]
    token = _lookup(aub)["matches"][0]["token"]
    _request(aub, token, "share")
    if how == "erase":
        response = sdn.client.post(
            f"/v1/people/{pid}/erasure",
            json={"reason": "person_request", "reference": "REQ-2026-001"},
            headers=sdn.headers,
        )
        assert response.status_code == 200, response.text
    else:
        with world.hq.write() as tx:
            erasure.anonymise_person(world.hq, tx, pid, "retention", date.today())
    assert _requests(sdn)["incoming"] == [] and _requests(aub)["outgoing"] == []
    assert _lookup(aub)["matches"] == []
    assert _request(aub, token, status=409)["code"] == "person_gone"


def test_a_request_and_its_answer_name_an_account_only_of_the_campus_that_made_them(world: World) -> None:
    """A PC says which of its users asked or answered; HQ keeps it only for an account of that PC's campus (a
    hostile PC cannot put another campus's advisor in HQ's records)."""
    from sqlalchemy import select

    from gn_hq.db.models import move_request_table as req_t

    _enrol_person(world, "SDN")
    aub, sdn = world.devices["AUB"], world.devices["SDN"]
    aub_advisor = users.add_user(world.hq, "conseil.aub", "Conseil", "advisor", "mot-de-passe-aub", "AUB")
    sdn_advisor = users.add_user(world.hq, "conseil.sdn", "Conseil", "advisor", "mot-de-passe-sdn", "SDN")
    token = _lookup(aub)["matches"][0]["token"]

    def ask_and_answer(kind: str, asked_by: str, answered_by: str) -> tuple[str | None, str | None]:
        body = {"token": token, "kind": kind, "consent": True, "user_id": asked_by}
        asked = aub.client.post("/v1/move-requests", json=body, headers=aub.headers)
        assert asked.status_code == 201, asked.text
        request_id = asked.json()["id"]
        decision = {"accept": False, "user_id": answered_by}
        answered = sdn.client.post(f"/v1/move-requests/{request_id}/decision", json=decision, headers=sdn.headers)
        assert answered.status_code == 200, answered.text
        with world.hq.read() as conn:
            row = conn.execute(select(req_t).where(req_t.c.id == request_id)).one()
        return row.requested_by_user_id, row.decided_by_user_id

    assert ask_and_answer("share", asked_by=sdn_advisor, answered_by=aub_advisor) == (None, None)
    assert ask_and_answer("transfer", asked_by=aub_advisor, answered_by=sdn_advisor) == (aub_advisor, sdn_advisor)
