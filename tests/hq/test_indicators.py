"""The programme's indicators (gn_core.indicators) at HQ and on a campus PC: one fixture, pushed to HQ and pulled by a
campus store, gives the same figures through HQ's service and the campus's Pilotage service; /v1/indicators serves
them to HQ accounts only."""

from __future__ import annotations

from datetime import date
from typing import Any

from gn_core import indicators as ind
from gn_desktop.services import accounts, pilotage
from gn_desktop.store.uow import Store
from gn_desktop.sync import apply
from gn_desktop.sync.client import decode_page
from gn_hq.services import indicators, users
from tests.hq.world import SimDevice, World, new_id, person_values

TODAY = date(2026, 12, 4)


def _person(device: SimDevice, campus_id: str, **values: Any) -> str:
    pid = new_id()
    device.push(device.insert("person", pid, person_values(campus_id, **values)))
    return pid


def _steps(device: SimDevice, pid: str, *steps: tuple[str, str] | tuple[str, str, str]) -> None:
    changes = []
    for step in steps:
        values: dict[str, Any] = {"person_id": pid, "to_step": step[0], "occurred_on": step[1]}
        if len(step) == 3:
            values["contract_type"] = step[2]
        changes.append(device.insert("pathway_event", new_id(), values))
    device.push(*changes)


def fixture(world: World) -> dict[str, str]:
    """A campus year: trained, placed on a contract, placed then back to job search, an internship (not placed),
    a business, people still in training, and people of another campus."""
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    cid = world.campus_ids["SDN"]
    training = [("training_enrolled", "2025-09-01"), ("training_in_progress", "2025-09-08")]
    done = [*training, ("training_completed", "2026-01-15")]
    ids = {
        "hired": _person(sdn, cid, enrolled_on="2025-06-02", gender="female", birth_date="2003-01-01"),
        "back": _person(sdn, cid, enrolled_on="2025-07-01", gender="male", birth_date="1990-01-01"),
        "intern": _person(sdn, cid, enrolled_on="2025-08-01", commune_insee="93048"),
        "business": _person(sdn, cid, enrolled_on="2025-09-01", birth_date="1970-05-05", situation="job_seeker"),
        "training": _person(sdn, cid, enrolled_on="2026-02-01", education_level="3"),
        "new": _person(sdn, cid, enrolled_on="2026-11-20", referral_source="kiosk"),
        "other": _person(aub, world.campus_ids["AUB"], enrolled_on="2026-03-01"),
    }
    for i in range(6):  # a cell big enough to be shown
        _person(sdn, cid, enrolled_on=f"2026-0{i + 1}-10", gender="female", birth_date="2004-06-01")
    _steps(sdn, ids["hired"], *done, ("job_search", "2026-01-20"), ("outcome_hired", "2026-03-02", "cdi"))
    _steps(sdn, ids["back"], *done, ("outcome_hired", "2026-02-01", "cdd"), ("job_search", "2026-08-01"))
    _steps(sdn, ids["intern"], *done, ("job_search", "2026-01-20"), ("outcome_hired", "2026-04-01", "internship"))
    _steps(sdn, ids["business"], ("job_search", "2025-10-01"), ("outcome_business", "2026-05-05"))
    _steps(sdn, ids["training"], ("training_enrolled", "2026-10-01"), ("training_in_progress", "2026-10-05"))
    _steps(aub, ids["other"], *done, ("outcome_hired", "2026-03-02", "cdi"))
    sdn.push(sdn.insert("rqth_decision", new_id(), {"person_id": ids["back"], "decided_on": "2024-01-01"}))
    sdn.push(
        sdn.insert(
            "referral", new_id(), {"person_id": ids["hired"], "referred_on": "2026-02-01", "status": "accepted"}
        ),
        sdn.insert(
            "referral", new_id(), {"person_id": ids["intern"], "referred_on": "2026-02-01", "status": "refused"}
        ),
    )
    event = new_id()
    sdn.push(sdn.insert("event", event, {"campus_id": cid, "starts_at": "2026-03-01T09:00:00.000+00:00"}))
    sdn.push(
        sdn.insert("event_registration", new_id(), {"event_id": event, "person_id": ids["new"], "status": "attended"})
    )
    sdn.push(
        sdn.insert("startup", new_id(), {"person_id": ids["business"], "stage": "launched", "created_on": "2026-05-05"})
    )
    return ids


def _campus_store(world: World, device: SimDevice) -> Store:
    """A campus PC's store holding what HQ sends the device (pulled pages applied as the sync does)."""
    store = Store.in_memory()
    store.device()
    store.set_campus(device.campus_id)
    cursor, more = 0, True
    while more:
        response = world.client.get("/v1/pull", params={"cursor": cursor}, headers=device.headers)
        assert response.status_code == 200, response.text
        decoded = decode_page(response.content)
        apply.prepare_records(decoded.records)
        with apply.sync_transaction(store.engine) as conn:
            apply.apply_records(conn, decoded.records, insert_history=False)
        cursor, more = decoded.cursor, decoded.more
    with store.unit_of_work(None) as uow:
        accounts.create_user(
            uow,
            "resp.test",
            "Responsable",
            "campus_manager",
            "",
            campus_id=device.campus_id,
            password_hash=accounts.hash_password("mot-de-passe-resp"),
        )
        uow.commit()
    return store


def test_the_campus_and_hq_count_the_same(world: World) -> None:
    fixture(world)
    store = _campus_store(world, world.devices["SDN"])
    for period in (ind.Period.programme(TODAY), ind.Period(date(2026, 1, 1), date(2026, 6, 30))):
        at_hq = indicators.programme(world.hq, period, world.campus_ids["SDN"]).campuses[0].indicators
        with store.read_unit(_manager(store)) as uow:
            on_campus = pilotage.pilotage_data(uow, period).indicators
        assert on_campus == at_hq
    store.dispose()


def _manager(store: Store) -> str:
    from sqlalchemy import select

    from gn_desktop.store import models as m

    with store.reading() as s:
        return s.scalars(select(m.User.id).where(m.User.username == "resp.test")).one()


def test_definitions_on_the_fixture(world: World) -> None:
    fixture(world)
    sdn = world.campus_ids["SDN"]
    prog = indicators.programme(world.hq, ind.Period.programme(TODAY), sdn)
    got = prog.campuses[0].indicators
    assert got.enrolled == 12 and got.enrolled_cumulative == 12
    # hired (CDI), back (CDD, then job search again: still placed), business; the internship is not a placement
    assert got.placed == got.placed_cumulative == 3
    assert got.trained == 3 and got.in_training == 1
    assert got.funnel == (("enrolled", 12), ("trained", 3), ("placed", 3))
    assert got.referrals == 2 and got.referrals_accepted == 1 and got.referral_conversion == 0.5
    assert got.event_reach == 1 and got.events_held == 1
    assert got.startups_accompanied == 1 and got.startups_created == 1
    assert got.placed_goal == ind.campus_goal("SDN") == 5000
    by_month = {row.month: row for row in got.months}
    assert by_month["2026-02"].placed == 1 and by_month["2026-03"].placed_cumulative == 2
    # small cells: one RQTH person is never shown, nor the cell that would give it away through the total
    rqth = {row.key: row for row in got.breakdown("rqth").rows}
    assert rqth["yes"].enrolled is None and rqth["no"].enrolled is None
    gender = {row.key: row for row in got.breakdown("gender").rows}
    assert gender["female"].enrolled is None and gender["male"].enrolled is None  # 11 = total - 1
    ages = {row.key: row for row in got.breakdown("age_band").rows}
    assert ages["under_26"].enrolled == 10 and ages["26_44"].enrolled is None and ages["45_plus"].enrolled is None
    assert {row.key for row in got.breakdown("campus").rows} == {"SDN"}
    # a period: only what happened in it; the cumulative count still starts at the programme's start
    half = indicators.programme(world.hq, ind.Period(date(2026, 3, 1), date(2026, 6, 30)), sdn).campuses[0]
    assert half.indicators.placed == 2 and half.indicators.placed_cumulative == 3
    assert half.indicators.months[0].placed_cumulative == 2  # March: back (February) and hired (March)


def test_the_api_serves_them_to_hq_accounts_only(world: World) -> None:
    fixture(world)
    user, password = world.admin()
    body = world.client.get("/v1/indicators", auth=(user, password)).json()
    by_code = {c["campus_code"]: c["indicators"] for c in body["campuses"]}
    assert by_code["SDN"]["placed_cumulative"] == 3 and by_code["AUB"]["placed_cumulative"] == 1
    assert by_code["MTR"]["enrolled_cumulative"] == 0
    assert body["total"]["indicators"]["placed_cumulative"] == 4
    window = world.client.get(
        "/v1/indicators", params={"start": "2026-03-01", "end": "2026-03-31"}, auth=(user, password)
    )
    assert window.json()["total"]["indicators"]["placed"] == 2
    bad = world.client.get("/v1/indicators", params={"start": "2026-03-01", "end": "2026-01-31"}, auth=(user, password))
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")

    users.add_user(world.hq, "resp-aub", "Responsable", "campus_manager", "mot-de-passe-aub", "AUB")
    mine = world.client.get("/v1/indicators", auth=("resp-aub", "mot-de-passe-aub")).json()
    assert [c["campus_code"] for c in mine["campuses"]] == ["AUB"]
    assert mine["total"]["indicators"]["enrolled_cumulative"] == 1
    users.add_user(world.hq, "conseil", "Conseillère", "advisor", "mot-de-passe-cons", "AUB")
    # An advisor's right password gets the same answer as a wrong one.
    assert world.client.get("/v1/indicators", auth=("conseil", "mot-de-passe-cons")).status_code == 401
    assert world.client.get("/v1/indicators", auth=(user, "wrong")).status_code == 401
    assert world.client.get("/v1/indicators").status_code == 401
