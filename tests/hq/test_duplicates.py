"""Likely duplicates across campuses: found at HQ on push, listed for review, dismissed for good (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from gn_hq.db.models import duplicate_pair_table as pair_t
from gn_hq.db.models import person_match_pending_table as pending_t
from gn_hq.db.models import person_match_table as match_t
from gn_hq.services import duplicates, erasure
from tests.hq.world import World, new_id, person_values


def _enrol(world: World, code: str, **values: object) -> str:
    device = world.devices[code]
    pid = new_id()
    device.push(device.insert("person", pid, person_values(world.campus_ids[code], **values)))
    return pid


def _pairs(world: World) -> dict[frozenset[str], tuple[int, str, str]]:
    """The pair table once the people pushed are compared (what the served HQ's detector does after each push)."""
    duplicates.catch_up(world.hq)
    with world.hq.read() as conn:
        rows = conn.execute(select(pair_t)).all()
    return {frozenset((r.person_a, r.person_b)): (r.score, r.reasons, r.status) for r in rows}


def test_the_same_person_enrolled_at_two_campuses_is_proposed_after_one_push(world: World) -> None:
    sdn = _enrol(world, "SDN", first_name="Awa", last_name="Diallo", phone="+33612345678")
    aub = _enrol(world, "AUB", first_name="DIALLO", last_name="Awa", phone=None, email=None)  # names swapped
    found = _pairs(world)
    assert found[frozenset((sdn, aub))] == (100, "same_name,birth_date", "open")

    listed = duplicates.pairs(world.hq)
    assert len(listed) == 1
    sides = {listed[0].a.person_id: listed[0].a, listed[0].b.person_id: listed[0].b}
    assert sides[sdn].campus_id == world.campus_ids["SDN"] and sides[aub].campus_id == world.campus_ids["AUB"]
    assert sides[aub].first_name == "DIALLO" and sides[aub].pathway_step == "welcome"
    # a campus manager of either campus sees the pair, the third campus does not
    assert len(duplicates.pairs(world.hq, campus_id=world.campus_ids["AUB"])) == 1
    assert duplicates.pairs(world.hq, campus_id=world.campus_ids["MTR"]) == []


def test_typos_other_scripts_and_contacts_are_found_namesakes_and_siblings_are_not(world: World) -> None:
    base = _enrol(world, "SDN", first_name="Mohamed", last_name="Benali", birth_date="2000-02-01", email=None)
    typo = _enrol(world, "AUB", first_name="Mohammed", last_name="Benalli", birth_date="2000-02-01", phone=None)
    cyr = _enrol(world, "SDN", first_name="Иван", last_name="Петров", birth_date="1999-09-09", phone=None)
    lat = _enrol(world, "MTR", first_name="Ivan", last_name="Petrov", birth_date="1999-09-09", phone=None)
    # a namesake born another day, a sibling sharing the phone: not proposed
    namesake = _enrol(world, "MTR", first_name="Mohamed", last_name="Benali", birth_date="1987-06-30", email=None)
    sibling = _enrol(world, "MTR", first_name="Yasmine", last_name="Benali", birth_date="2002-03-03", email=None)
    found = _pairs(world)
    assert frozenset((base, typo)) in found and found[frozenset((base, typo))][1] == "name,birth_date"
    assert frozenset((cyr, lat)) in found
    for other in (namesake, sibling):
        assert not any(other in pair for pair in found)


def test_a_pair_judged_different_is_never_proposed_again(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Fatou", last_name="Camara")
    b = _enrol(world, "AUB", first_name="Fatou", last_name="Camara")
    duplicates.dismiss(world.hq, b, a, decided_by="test")
    assert duplicates.pairs(world.hq) == []
    aub = world.devices["AUB"]
    aub.pull()
    aub.push(aub.update("person", b, phone="+33699999999", email="fatou.camara@example.org"))
    assert _pairs(world)[frozenset((a, b))][2] == "different"
    assert duplicates.pairs(world.hq) == []
    assert duplicates.scan(world.hq) == 0


def test_an_erased_person_leaves_no_key_and_no_pair(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Inès", last_name="Kaci")
    b = _enrol(world, "AUB", first_name="Ines", last_name="Kaci")
    assert _pairs(world)
    erasure.request_erasure(world.hq, None, a, "person_request", "DPO-1", None)
    assert _pairs(world) == {}
    with world.hq.read() as conn:
        assert list(conn.execute(select(match_t.c.person_id)).scalars()) == [b]


def test_the_command_line_lists_and_dismisses(
    world: World, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gn_hq import cli

    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    b = _enrol(world, "AUB", first_name="Awa", last_name="Dialo")
    common = ["--database-url", db_url, "--data-dir", str(tmp_path / "cli")]
    assert cli.main(["duplicates", "list", *common]) == 0
    out = capsys.readouterr().out
    assert "Awa Dialo, 12/04/2003" in out and "nom proche, même date de naissance" in out and "Accueil" in out
    assert cli.main(["duplicates", "list", "--json", "--campus", "AUB", *common]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {listed[0]["a"]["person_id"], listed[0]["b"]["person_id"]} == {a, b}
    assert set(listed[0]["a"]) == {
        "person_id",
        "first_name",
        "last_name",
        "birth_date",
        "campus_id",
        "campus",
        "pathway_step",
        "last_contact_on",
    }
    assert cli.main(["duplicates", "list", "--campus", "ZZZ", *common]) == 1
    assert "inconnu" in capsys.readouterr().err
    assert cli.main(["duplicates", "dismiss", a, a, *common]) == 1
    assert cli.main(["duplicates", "dismiss", a, b, *common]) == 0
    assert cli.main(["duplicates", "list", *common]) == 0
    assert "Aucun doublon probable" in capsys.readouterr().out


def test_a_campus_pc_asks_hq_for_the_pairs_that_concern_its_campus(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    b = _enrol(world, "AUB", first_name="Awa", last_name="Diallo")
    sdn, mtr = world.devices["SDN"], world.devices["MTR"]
    answer = world.client.get("/v1/duplicates", headers=sdn.headers)
    assert answer.status_code == 200, answer.text
    (pair,) = answer.json()["pairs"]
    assert {pair["a"]["person_id"], pair["b"]["person_id"]} == {a, b}
    assert set(pair["a"]) == {
        "person_id",
        "first_name",
        "last_name",
        "birth_date",
        "campus_id",
        "campus",
        "pathway_step",
        "last_contact_on",
    }  # no phone, no e-mail, nothing of the file
    assert world.client.get("/v1/duplicates", headers=mtr.headers).json()["pairs"] == []
    no_token = {"GN-Protocol": sdn.headers["GN-Protocol"]}
    assert world.client.get("/v1/duplicates", headers=no_token).status_code == 401


def test_people_are_compared_after_the_push_and_a_change_in_between_is_not_lost(world: World) -> None:
    a = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    b = _enrol(world, "AUB", first_name="Awa", last_name="Diallo")
    with world.hq.read() as conn:  # the push only queued them: it did not wait for the comparison
        assert set(conn.execute(select(pending_t.c.person_id)).scalars()) == {a, b}
        assert conn.execute(select(pair_t)).all() == []
    seen, scored = duplicates._score_pending(world.hq, 100)
    assert frozenset((a, b)) in {frozenset(p) for p in scored}
    # while the pair was being scored, the AUB advisor corrected the name: that pair no longer holds
    aub = world.devices["AUB"]
    aub.pull()
    aub.push(aub.update("person", b, first_name="Mariam", last_name="Koné"))
    compared, proposed = duplicates._queue_scored(world.hq, seen, scored)
    assert (compared, proposed) == (1, 0)  # SDN's person compared; AUB's waits for its new name to be compared
    assert duplicates.catch_up(world.hq) == 0
    assert _pairs(world) == {}


def test_a_phone_many_files_give_blocks_nobody_and_a_push_stays_fast(world: World) -> None:
    """A switchboard or a social worker's number given by many files: comparing them all with each other was
    quadratic (minutes for 10,000 files). Past the bound the phone stops being a key; names and dates still are."""
    limit = duplicates.BLOCK_LIMITS["phone"]
    sdn = world.devices["SDN"]
    shared = "+33148000000"
    ids = [new_id() for _ in range(limit + 5)]
    sdn.push(
        *[
            sdn.insert(
                "person",
                pid,
                person_values(
                    world.campus_ids["SDN"],
                    first_name=f"Prénom{n}",
                    last_name="Martin",
                    birth_date=f"19{60 + n % 40}-0{1 + n % 9}-1{n % 10}",
                    phone=shared,
                    email=None,
                ),
            )
            for n, pid in enumerate(ids)
        ]
    )
    twin = _enrol(world, "AUB", first_name="Prénom3", last_name="Martin", birth_date="1963-04-13", phone=shared)
    found = _pairs(world)
    assert frozenset((ids[3], twin)) in found  # found by name and birth date
    assert all(twin in pair for pair in found)  # the files sharing only the number were not compared


def test_only_a_change_of_what_is_compared_queues_the_person_again(world: World) -> None:
    pid = _enrol(world, "SDN", first_name="Awa", last_name="Diallo")
    duplicates.catch_up(world.hq)
    sdn = world.devices["SDN"]
    sdn.pull()

    def queued() -> set[str]:
        with world.hq.read() as conn:
            return set(conn.execute(select(pending_t.c.person_id)).scalars())

    sdn.push(sdn.update("person", pid, pathway_step="assessment", last_contact_on="2026-12-01"))
    assert queued() == set()  # the common edit: nothing to compare again
    sdn.push(sdn.update("person", pid, phone="+33698765432"))
    assert queued() == {pid}
