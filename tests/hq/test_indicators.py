"""HQ-wide indicators: counts by campus, pathway step, outcome and public — for HQ accounts only."""

from __future__ import annotations

from datetime import date

from gn_hq.services import users
from tests.hq.world import World, new_id, person_values


def test_counts_by_campus_step_outcome_and_public(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    young = str(date.today().year - 20) + "-01-15"
    old = str(date.today().year - 40) + "-01-15"
    people = [
        (sdn, new_id(), {"pathway_step": "outcome_hired", "birth_date": young, "situation": "job_seeker"}),
        (sdn, new_id(), {"pathway_step": "training_in_progress", "birth_date": old, "situation": "retraining"}),
        (sdn, new_id(), {"pathway_step": "outcome_business", "birth_date": young, "gender": "male"}),
        (aub, new_id(), {"pathway_step": "welcome", "birth_date": old, "situation": "neet"}),
    ]
    for device, pid, values in people:
        code = "SDN" if device is sdn else "AUB"
        device.push(device.insert("person", pid, person_values(world.campus_ids[code], **values)))
    sdn.push(sdn.insert("rqth_decision", new_id(), {"person_id": people[1][1], "decided_on": "2024-01-01"}))
    user, password = world.admin()
    body = world.client.get("/v1/indicators", auth=(user, password)).json()
    by_code = {c["campus_code"]: c for c in body["campuses"]}
    assert by_code["SDN"]["people"] == 3 and by_code["AUB"]["people"] == 1 and by_code["MTR"]["people"] == 0
    assert by_code["SDN"]["outcomes"] == {"hired": 1, "business": 1, "other_exit": 0, "in_progress": 1}
    assert by_code["SDN"]["public"]["under_26"] == 2 and by_code["SDN"]["public"]["rqth"] == 1
    assert by_code["AUB"]["public"]["situation"] == {"neet": 1}
    assert body["total"]["people"] == 4 and body["total"]["pathway"]["welcome"] == 1

    users.add_user(world.hq, "resp-aub", "Responsable", "campus_manager", "mot-de-passe-aub", "AUB")
    mine = world.client.get("/v1/indicators", auth=("resp-aub", "mot-de-passe-aub")).json()
    assert [c["campus_code"] for c in mine["campuses"]] == ["AUB"] and mine["total"]["people"] == 1
    users.add_user(world.hq, "conseil", "Conseillère", "advisor", "mot-de-passe-cons", "AUB")
    # An advisor's right password gets the same answer as a wrong one.
    assert world.client.get("/v1/indicators", auth=("conseil", "mot-de-passe-cons")).status_code == 401
    assert world.client.get("/v1/indicators", auth=(user, "wrong")).status_code == 401
    assert world.client.get("/v1/indicators").status_code == 401
