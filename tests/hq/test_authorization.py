"""Who may write what (gn_core.sync_rules), seen through HQ on SQLite and PostgreSQL: a campus PC changes only what
its campus owns; accounts, campuses and the HQ-wide catalogue are HQ's; a record never moves to a person its campus
does not follow; accounts reach only the PCs of their campus."""

from __future__ import annotations

from typing import Any

from gn_hq.services import reference, users
from tests.hq.world import World, new_id, person_values, record_values


def _catalogue(world: World, **entities: list[dict[str, Any]]) -> None:
    reference.import_reference(world.hq, {"format": reference.FORMAT, "entities": entities})


def _sdn_person_with_records(world: World) -> dict[str, str]:
    sdn = world.devices["SDN"]
    ids = {"person": new_id(), "rqth_decision": new_id(), "appointment": new_id(), "note": new_id()}
    pid = ids["person"]
    answer = sdn.push(
        sdn.insert("person", pid, person_values(world.campus_ids["SDN"])),
        sdn.insert("rqth_decision", ids["rqth_decision"], {"person_id": pid}),
        sdn.insert("appointment", ids["appointment"], {"person_id": pid}),
        sdn.insert("note", ids["note"], {"person_id": pid, "body": "Reconnaissance RQTH en cours", "restricted": True}),
    )
    assert answer["rejected"] == []
    return ids


def test_a_campus_pc_cannot_write_accounts_campuses_or_the_hq_wide_catalogue(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    admin_id = users.add_user(world.hq, "admin", "Administratrice", "hq_admin", "mot-de-passe-du-siege")
    advisor_id = users.add_user(world.hq, "conseil.aub", "Conseil", "advisor", "mot-de-passe-cons", "AUB")
    partner = new_id()
    _catalogue(world, partner=[{"id": partner, **record_values("partner")}])
    aub.pull()
    campus_name = aub.data("campus", world.campus_ids["SDN"])["name"]
    hostile = [
        # make itself HQ administrator: a new account, then the existing ones' role and hash
        aub.insert("app_user", new_id(), {"username": "pirate", "role": "hq_admin", "campus_id": None}),
        aub.change("app_user", advisor_id, "update", {"role": ("advisor", "hq_admin")}, base=1),
        aub.change(
            "app_user", admin_id, "update", {"password_hash": (None, record_values("app_user")["password_hash"])}
        ),
        aub.change("campus", world.campus_ids["SDN"], "update", {"name": ("Campus SDN", "Pris")}, base=1),
        aub.change("campus", world.campus_ids["SDN"], "delete", {}, base=1),
        aub.insert("campus", new_id(), {"code": "ZZZ"}),
        aub.change("partner", partner, "update", {"name": ("Partenaire", "Vandalisé")}, base=1),
        aub.insert("programme", new_id(), {}),
        aub.insert("job_offer", new_id(), {}),
    ]
    answer = aub.push(*hostile)
    assert answer["applied"] == len(hostile) and answer["last_device_seq"] == aub.seq  # the queue moves on
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"] * len(hostile)
    assert all("siège" in r["detail"] for r in answer["rejected"])
    sdn.pull()
    assert sdn.data("campus", world.campus_ids["SDN"])["name"] == campus_name
    assert sdn.data("partner", partner)["name"] == "Partenaire"
    assert users.verify(world.hq, "admin", "mot-de-passe-du-siege") is not None
    assert {a.username: a.role for a in users.list_accounts(world.hq)} == {
        "admin": "hq_admin",
        "conseil.aub": "advisor",
    }


def test_a_campus_writes_its_own_sessions_and_events_not_another_campus_s_or_hq_wide_ones(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    own, theirs, everyone = new_id(), new_id(), new_id()
    _catalogue(world, event=[{"id": everyone, **record_values("event")}])
    answer = aub.push(
        aub.insert("programme_session", own, {"campus_id": world.campus_ids["AUB"]}),
        aub.insert("programme_session", theirs, {"campus_id": world.campus_ids["SDN"]}),
        aub.insert("event", new_id(), {"campus_id": None}),
    )
    assert [r["record_id"] for r in answer["rejected"]] == [theirs, answer["rejected"][1]["record_id"]]
    aub.pull()
    sdn_event = new_id()
    sdn.push(sdn.insert("event", sdn_event, {"campus_id": world.campus_ids["SDN"]}))
    answer = aub.push(
        aub.update("programme_session", own, capacity=20),
        aub.update("programme_session", own, campus_id=world.campus_ids["SDN"]),  # gift it to another campus
        aub.change("event", sdn_event, "update", {"title": ("Hackathon", "Annulé")}, base=1),
        aub.change("event", everyone, "update", {"title": ("Hackathon", "Annulé")}, base=1),
    )
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"] * 3
    sdn.pull()
    assert sdn.data("programme_session", own) == {
        **record_values("programme_session"),
        "campus_id": world.campus_ids["AUB"],
        "capacity": 20,
    }
    assert sdn.data("event", sdn_event)["title"] == "Hackathon" and sdn.data("event", everyone)["title"] == "Hackathon"


def test_a_record_cannot_be_moved_to_a_person_the_campus_follows_to_read_it(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    victim = _sdn_person_with_records(world)
    own = new_id()
    aub.push(aub.insert("person", own, person_values(world.campus_ids["AUB"])))
    answer = aub.push(
        aub.change("appointment", victim["appointment"], "update", {"person_id": (victim["person"], own)}, base=1),
        aub.change("rqth_decision", victim["rqth_decision"], "update", {"person_id": (None, own)}, base=0),
        aub.insert("rqth_decision", victim["rqth_decision"], {"person_id": own}),  # an existing id: merged as an update
        aub.change("note", victim["note"], "delete", {}, base=1),
        aub.change("person", victim["person"], "update", {"campus_id": (None, world.campus_ids["AUB"])}, base=1),
        aub.change("person", victim["person"], "delete", {}, base=1, erasure=True),
    )
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"] * 6
    aub.pull()
    leaked = {rid for (_entity, rid) in aub.replica} & set(victim.values())
    assert leaked == set()
    sdn.pull()
    assert all(sdn.has(entity, rid) for entity, rid in victim.items())
    assert sdn.data("appointment", victim["appointment"])["person_id"] == victim["person"]
    assert sdn.data("rqth_decision", victim["rqth_decision"])["person_id"] == victim["person"]


def test_records_move_between_people_a_campus_follows_and_only_the_owner_transfers(world: World) -> None:
    sdn, aub, mtr = world.devices["SDN"], world.devices["AUB"], world.devices["MTR"]
    victim = _sdn_person_with_records(world)
    other = new_id()
    sdn.push(sdn.insert("person", other, person_values(world.campus_ids["SDN"], first_name="Binta")))
    sdn.pull()
    # Within the campus's own people, a record may move (a note filed under the wrong person).
    moved = sdn.push(sdn.update("appointment", victim["appointment"], person_id=other))
    assert moved["rejected"] == []
    # AUB gets a share: it may edit the person, not transfer them, nor enrol someone at another campus.
    shared = world.client.post(
        f"/v1/people/{victim['person']}/shares", json={"campus_id": world.campus_ids["AUB"]}, headers=sdn.headers
    )
    assert shared.status_code == 200
    aub.pull()
    answer = aub.push(
        aub.update("person", victim["person"], phone="+33639981234"),
        aub.update("person", victim["person"], campus_id=world.campus_ids["AUB"]),
        aub.insert("person", new_id(), person_values(world.campus_ids["MTR"])),
    )
    assert [r["code"] for r in answer["rejected"]] == ["forbidden", "forbidden"]
    # The owning campus transfers, to a campus that exists.
    sdn.pull()
    answer = sdn.push(
        sdn.update("person", victim["person"], campus_id="no-such-campus"),
        sdn.update("person", victim["person"], campus_id=world.campus_ids["MTR"]),
    )
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"]
    mtr.pull()
    assert mtr.has("person", victim["person"]) and mtr.data("person", victim["person"])["phone"] == "+33639981234"


def test_a_value_no_campus_can_store_refuses_the_batch_and_reaches_no_feed(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"])))
    sdn.pull()
    poisons: list[tuple[str, Any]] = [
        ("situation", "pirate"),  # not in the vocabulary
        ("birth_date", "2003-02-30"),
        ("birth_date", "20030212"),
        ("first_name", "Awa\x00"),
        ("first_name", "Awa\nDiallo"),
        ("first_name", "x" * 201),
        ("advisor_id", ["a", "b"]),
        ("advisor_id", "abc\n"),
        ("campus_id", None),  # required
        ("barriers", ["mobility", "flying"]),
        ("benefits", "rsa"),
        ("phone", 33612345678),
        ("no_such_field", "x"),
    ]
    before = sdn.data("person", pid)
    for field, value in poisons:
        good = sdn.update("person", pid, email="awa@example.org")
        bad = sdn.update("person", pid, **{field: value})
        problem = sdn.push(good, bad, status=422)
        assert problem["code"] == "invalid_change" and problem["errors"][0]["device_seq"] == bad["device_seq"], field
        assert "awa" not in problem["detail"].lower()  # messages never repeat a value
    sdn.pull()
    aub.pull()
    assert sdn.data("person", pid) == before


def test_accounts_reach_only_the_pcs_of_their_campus_and_deactivation_follows(world: World) -> None:
    sdn, aub = world.devices["SDN"], world.devices["AUB"]
    admin = users.add_user(world.hq, "admin", "Administratrice", "hq_admin", "mot-de-passe-du-siege")
    sdn_advisor = users.add_user(world.hq, "conseil.sdn", "Conseil", "advisor", "mot-de-passe-cons", "SDN")
    aub_advisor = users.add_user(world.hq, "conseil.aub", "Conseil", "advisor", "mot-de-passe-cons", "AUB")
    sdn.pull()
    aub.pull()
    assert {rid for (entity, rid) in sdn.replica if entity == "app_user"} == {sdn_advisor}
    assert {rid for (entity, rid) in aub.replica if entity == "app_user"} == {aub_advisor}
    assert admin not in {rid for (_entity, rid) in sdn.replica}
    users.set_active(world.hq, "conseil.sdn", False)
    sdn.pull()
    aub.pull()
    assert sdn.data("app_user", sdn_advisor)["active"] is False
    assert ("app_user", sdn_advisor) not in aub.replica
    assert users.verify(world.hq, "conseil.sdn", "mot-de-passe-cons") is None


def test_a_conflict_decision_is_checked_like_any_write(world: World) -> None:
    sdn = world.devices["SDN"]
    pid = new_id()
    sdn.push(sdn.insert("person", pid, person_values(world.campus_ids["SDN"])))
    sdn.pull()
    other = world.device("SDN")
    other.pull()
    sdn.push(sdn.update("person", pid, first_name="Awa-Marie"))
    [conflict] = other.push(other.update("person", pid, first_name="Aoua"))["conflicts"]
    url = f"/v1/conflicts/{conflict['id']}/resolution"
    poison = world.client.post(url, json={"choice": "value", "value": "Awa\x00"}, headers=sdn.headers)
    assert poison.status_code == 422 and poison.headers["content-type"] == "application/problem+json"
    listed = world.client.post(url, json={"choice": "value", "value": ["Awa"]}, headers=sdn.headers)
    assert listed.status_code == 422
    aub = world.devices["AUB"]
    stranger = world.client.post(url, json={"choice": "campus"}, headers=aub.headers)
    assert stranger.status_code == 403
    decided = world.client.post(url, json={"choice": "value", "value": "Awa Marie"}, headers=sdn.headers)
    assert decided.status_code == 200


def test_an_advisor_changes_their_own_password_from_a_campus_pc_and_nothing_else_of_an_account(world: World) -> None:
    sdn = world.devices["SDN"]
    mine = users.add_user(world.hq, "conseil.sdn", "Conseil", "advisor", "ancien-mot-de-passe", "SDN")
    theirs = users.add_user(world.hq, "conseil.aub", "Conseil", "advisor", "mot-de-passe-aub", "AUB")
    admin = users.add_user(world.hq, "admin", "Administratrice", "hq_admin", "mot-de-passe-du-siege", "SDN")
    sdn.pull()
    colleague = users.add_user(world.hq, "conseil2.sdn", "Collègue", "advisor", "mot-de-passe-collegue", "SDN")
    sdn.pull()
    new_hash = users._hasher.hash("nouveau-mot-de-passe")

    def update(account: str, *, by: str | None = mine, **values: str | bool) -> dict[str, object]:
        data = sdn.data("app_user", account)
        return sdn.change("app_user", account, "update", {k: (data.get(k), v) for k, v in values.items()}, user_id=by)

    answer = sdn.push(
        update(mine, password_hash=new_hash),
        sdn.change("app_user", theirs, "update", {"password_hash": (None, new_hash)}, base=1, user_id=theirs),
        update(admin, by=admin, password_hash=new_hash),
        update(mine, role="campus_manager"),
        update(mine, password_hash=new_hash, active=False),
        update(colleague, password_hash=new_hash),  # a colleague's password, from my session: theirs alone
        update(colleague, by=None, password_hash=new_hash),  # or from nobody's
    )
    assert [r["code"] for r in answer["rejected"]] == ["forbidden"] * 6
    assert users.verify(world.hq, "conseil2.sdn", "mot-de-passe-collegue") is not None
    assert users.verify(world.hq, "conseil.sdn", "nouveau-mot-de-passe") is not None
    assert users.verify(world.hq, "conseil.sdn", "ancien-mot-de-passe") is None
    assert users.verify(world.hq, "conseil.aub", "mot-de-passe-aub") is not None
    assert users.verify(world.hq, "admin", "mot-de-passe-du-siege") is not None
    other_pc = world.device("SDN")
    other_pc.pull()
    assert other_pc.data("app_user", mine)["password_hash"] == new_hash  # every PC of the campus
